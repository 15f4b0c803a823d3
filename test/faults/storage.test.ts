// A read-only, full or unwritable data folder is reported as one clear sentence naming the folder, with
// a non-zero exit and no stack trace (issue #8). Tests may run as root, where chmod does not stop writes:
// the real failure used everywhere is a data folder under a regular file (ENOTDIR); EROFS, ENOSPC and
// EACCES are injected where the write happens by preloading test/faults/inject-fs.cjs into the process;
// when not root, a chmod 555 folder is tried for real as well.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MmcbError } from "@/core/errors";
import { migrateSqlite } from "@/lib/db/migrate";
import { describeStorageFailure, storageError } from "@/lib/fs-errors";
import { tempDir } from "@/test/fixture";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "cli", "mmcb.js");
const INJECT = path.join(__dirname, "inject-fs.cjs");
const STACK = /\n\s+at |\.(ts|js|cjs):\d+:\d+/;
let work: string;

beforeAll(() => {
  work = tempDir("mmcb-faults-");
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function run(cmd: string[], env: Record<string, string>, preload = false) {
  const base: NodeJS.ProcessEnv = { ...process.env, MMCB_DEMO: "0" };
  delete base.DATABASE_URL;
  // NODE_OPTIONS rather than -r: tsx runs the script in a child process, which inherits it
  if (preload) base.NODE_OPTIONS = `${base.NODE_OPTIONS ?? ""} --require ${INJECT}`.trim();
  const r = spawnSync(process.execPath, cmd, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...base, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const evalArgs = [BIN, "eval", "--solver", "random", "--only", "bathroom-door-lock", "--seeds", "1"];
const prepareArgs = [
  path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
  path.join(ROOT, "scripts", "prepare-data.ts"),
];

/** One line on stderr naming the folder and the reason; nothing on stdout; exit 1. */
function expectClearFailure(r: ReturnType<typeof run>, folder: string, reason: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe("");
  const lines = r.stderr
    .trim()
    .split("\n")
    .filter((l) => !/^npm warn/.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toContain(folder);
  expect(lines[0]).toMatch(reason);
  expect(lines[0]).toMatch(/\[io:failed\]$/);
  expect(r.stderr).not.toMatch(STACK);
}

describe("the sentence for storage failures", () => {
  it.each([
    ["EROFS", /read-only file system \(EROFS\); make it writable or point MMCB_DATA_DIR/],
    ["ENOSPC", /the disk is full \(ENOSPC\); free some space/],
    ["EACCES", /permission denied \(EACCES\)/],
    ["ENOTDIR", /a part of the path is a file, not a folder/],
    ["SQLITE_READONLY_DBMOVED", /the database is read-only \(SQLITE_READONLY\)/],
    ["SQLITE_FULL", /the disk is full \(SQLITE_FULL\)/],
    ["SQLITE_CANTOPEN", /cannot be created or opened/],
  ])("%s names the place and what to do", (code, expected) => {
    const error = storageError(Object.assign(new Error("x"), { code }), "the data folder /srv/mmcb");
    expect(error).toBeInstanceOf(MmcbError);
    expect(error!.code).toBe("io:failed");
    expect(error!.message).toMatch(/^cannot write to the data folder \/srv\/mmcb: /);
    expect(error!.message).toMatch(expected);
  });

  it("other errors are not storage failures", () => {
    expect(storageError(new Error("boom"), "x")).toBeNull();
    expect(storageError(Object.assign(new Error("x"), { code: "ECONNRESET" }), "x")).toBeNull();
    expect(storageError("EROFS", "x")).toBeNull();
    expect(describeStorageFailure(Object.assign(new Error("x"), { code: "EROFS", path: "/a/b" }), "y")).toMatch(
      /^cannot write to \/a\/b: /,
    );
  });

  it("migrateSqlite reports an unwritable database folder as io:failed naming it", () => {
    const file = path.join(work, "plain-file");
    writeFileSync(file, "");
    const dbFile = path.join(file, "data", "mmcb.db");
    expect(() => migrateSqlite(dbFile, path.join(ROOT, "prisma", "migrations"))).toThrow(
      expect.objectContaining({ code: "io:failed", message: expect.stringContaining(path.join(file, "data")) }),
    );
  });
});

describe("mmcb eval and the data preparation with an unusable data folder", () => {
  it("a data folder under a regular file (ENOTDIR, real): eval", () => {
    const file = path.join(work, "not-a-folder");
    writeFileSync(file, "");
    const dataDir = path.join(file, "data");
    expectClearFailure(run(evalArgs, { MMCB_DATA_DIR: dataDir }), dataDir, /a part of the path is a file/);
  });

  it("a data folder under a regular file (ENOTDIR, real): prepare-data (npm start)", () => {
    const file = path.join(work, "not-a-folder-2");
    writeFileSync(file, "");
    const dataDir = path.join(file, "data");
    const r = run(prepareArgs, { MMCB_DATA_DIR: dataDir });
    expectClearFailure(
      r,
      dataDir,
      /^mmcb: could not prepare the data folder: cannot write to .*a part of the path is a file/,
    );
  });

  it.each([
    ["EROFS", /read-only file system/],
    ["ENOSPC", /the disk is full/],
    ["EACCES", /permission denied/],
  ])("%s injected at the first write: eval and prepare-data fail with one sentence", (code, reason) => {
    const dataDir = path.join(work, `injected-${code}`);
    mkdirSync(dataDir, { recursive: true });
    const env = { MMCB_DATA_DIR: dataDir, MMCB_INJECT_FS_CODE: code, MMCB_INJECT_FS_UNDER: dataDir };
    expectClearFailure(run(evalArgs, env, true), dataDir, reason);
    expectClearFailure(run(prepareArgs, env, true), dataDir, reason);
  });

  it("chmod 555 data folder: a real permission failure when not root, the injected one otherwise", () => {
    const dataDir = path.join(work, "read-only");
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o555);
    try {
      const isRoot = process.getuid?.() === 0;
      const env: Record<string, string> = { MMCB_DATA_DIR: dataDir };
      if (isRoot) Object.assign(env, { MMCB_INJECT_FS_CODE: "EACCES", MMCB_INJECT_FS_UNDER: dataDir });
      const r = run(evalArgs, env, isRoot);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(dataDir);
      expect(r.stderr).toMatch(/permission denied|read-only|cannot be created or opened/);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      chmodSync(dataDir, 0o755);
    }
  });
});
