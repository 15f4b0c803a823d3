// Preloaded with `node -r` to make writes under one folder fail as a read-only, full or forbidden disk
// would (root ignores chmod, and tmpfs/loop mounts are not available to tests). MMCB_INJECT_FS_CODE is
// the errno code (EROFS, ENOSPC, EACCES), MMCB_INJECT_FS_UNDER the folder, MMCB_INJECT_FS_OPS a comma
// list of what fails: mkdir, write (default both).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { syncBuiltinESMExports } = require("node:module");

const code = process.env.MMCB_INJECT_FS_CODE;
const under = process.env.MMCB_INJECT_FS_UNDER && path.resolve(process.env.MMCB_INJECT_FS_UNDER);
const ops = new Set((process.env.MMCB_INJECT_FS_OPS || "mkdir,write").split(","));
const MESSAGES = { EROFS: "read-only file system", ENOSPC: "no space left on device", EACCES: "permission denied" };

if (code && under) {
  const hit = (p) => {
    if (typeof p !== "string" && !(p instanceof URL) && !Buffer.isBuffer(p)) return false;
    const abs = path.resolve(String(p instanceof URL ? p.pathname : p));
    return abs === under || abs.startsWith(under + path.sep);
  };
  const fail = (syscall, p) => {
    const error = new Error(`${code}: ${MESSAGES[code] || "injected"}, ${syscall} '${p}'`);
    Object.assign(error, { code, syscall, path: String(p), errno: -1 });
    return error;
  };
  const writing = (flags) => typeof flags === "string" && /[wa+]/.test(flags);
  const wrapSync = (name, op, test = () => true) => {
    const original = fs[name];
    fs[name] = function (p, ...rest) {
      if (ops.has(op) && hit(p) && test(...rest)) throw fail(name, p);
      return original.call(this, p, ...rest);
    };
  };
  const wrapAsync = (target, name, op, test = () => true) => {
    const original = target[name];
    target[name] = async function (p, ...rest) {
      if (ops.has(op) && hit(p) && test(...rest)) throw fail(name, p);
      return original.call(this, p, ...rest);
    };
  };
  wrapSync("mkdirSync", "mkdir");
  wrapSync("writeFileSync", "write");
  wrapSync("appendFileSync", "write");
  wrapSync("openSync", "write", (flags) => writing(flags));
  wrapSync("createWriteStream", "write");
  wrapAsync(fs.promises, "mkdir", "mkdir");
  wrapAsync(fs.promises, "writeFile", "write");
  wrapAsync(fs.promises, "appendFile", "write");
  wrapAsync(fs.promises, "open", "write", (flags) => writing(flags));
  wrapAsync(fs.promises, "rename", "write");
  syncBuiltinESMExports();
}
