// `npm start`: build the app when the sources changed since the last build, migrate the database and
// index the scenarios, then serve http://localhost:3000 (HOST/PORT to change; binds to localhost only
// unless HOST says otherwise). `npm run dev` serves with hot reload instead of a production build.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
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
const server = spawn(bin("next"), [dev ? "dev" : "start", "-H", host, "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
