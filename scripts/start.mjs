// `npm start`: build the app when the sources changed since the last build, migrate the database and
// index the scenarios, then serve http://localhost:3000. It binds to 127.0.0.1 (this machine only)
// unless MMCB_HOST names another address (e.g. MMCB_HOST=0.0.0.0 to serve the network — set MMCB_TOKEN
// too). The generic HOST variable is deliberately ignored: some shells set it to the machine's name.
// PORT (or MMCB_PORT) changes the port. `npm run dev` serves with hot reload instead of a production
// build. `--dry-run` prints the server command as JSON and exits (what the security test checks).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
const dryRun = process.argv.includes("--dry-run");
const host = process.env.MMCB_HOST?.trim() || "127.0.0.1";
const port = process.env.MMCB_PORT?.trim() || process.env.PORT?.trim() || "3000";
const loopback = ["127.0.0.1", "localhost", "::1"].includes(host);
const serverArgs = [dev ? "dev" : "start", "-H", host, "-p", port];

if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
  console.error(`mmcb: the port "${port}" is not a number from 0 to 65535 (PORT / MMCB_PORT)`);
  process.exit(1);
}
if (dryRun) {
  console.log(JSON.stringify({ command: "next", args: serverArgs, host, port, loopback }));
  process.exit(0);
}
if (!loopback && !process.env.MMCB_TOKEN) {
  console.warn(
    `mmcb: warning: serving on ${host} (MMCB_HOST) without MMCB_TOKEN — anyone who can reach this address can start runs and change data`,
  );
}
const distDir = process.env.MMCB_NEXT_DIST_DIR || ".next";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join("node_modules", ".bin", name);

if (!existsSync("node_modules")) {
  console.error("mmcb: dependencies are not installed; run `npm ci` first");
  process.exit(1);
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const info = statSync(p);
    if (info.isDirectory()) {
      for (const name of readdirSync(p))
        if (name !== "node_modules" && !name.startsWith(".")) visit(path.join(p, name));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!dev) {
  const buildId = path.join(distDir, "BUILD_ID");
  const sources = [
    "app",
    "components",
    "lib",
    "core",
    "public",
    "next.config.js",
    "package-lock.json",
    "tsconfig.json",
  ];
  const stale = !existsSync(buildId) || newestMtime(sources) > statSync(buildId).mtimeMs;
  if (stale) {
    console.log("mmcb: building the app (first start or sources changed)…");
    run(bin("next"), ["build"]);
  }
}

run(bin("tsx"), ["scripts/prepare-data.ts"]);

console.log(`mmcb: serving on http://${host === "127.0.0.1" ? "localhost" : host}:${port}`);
const server = spawn(bin("next"), serverArgs, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
