// scripts/pg-cluster.mjs — a throwaway PostgreSQL cluster on 127.0.0.1 for tests and benchmarks.
// Uses Debian's `postgresql` (installed with apt when missing); initdb into a temp folder (as the
// `postgres` user when running as root: PostgreSQL refuses to run as root), trust auth on loopback only.
//   node scripts/pg-cluster.mjs start [dir]   prints `MMCB_TEST_PG_URL=postgresql://…` (dir default: a temp dir)
//   node scripts/pg-cluster.mjs stop <dir>
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: "utf8", ...opts });

/** The folder holding initdb/pg_ctl of the newest installed PostgreSQL, or null. */
export function postgresBinDir() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

/** Installs Debian's postgresql with apt when it is missing. Returns the bin folder, or throws. */
export function ensurePostgres(log = console.log) {
  let bin = postgresBinDir();
  if (bin) return bin;
  log("── PostgreSQL not found; installing Debian's postgresql with apt ──");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    run(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (apt(["update", "-qq"]).status !== 0 || apt(["install", "-y", "-qq", "postgresql"]).status !== 0)
    throw new Error("could not install postgresql with apt-get");
  bin = postgresBinDir();
  if (!bin) throw new Error("postgresql installed but no pg_ctl under /usr/lib/postgresql/*/bin");
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function asOwner(cmd, args) {
  const root = process.getuid?.() === 0;
  const r = root ? run("runuser", ["-u", "postgres", "--", cmd, ...args]) : run(cmd, args);
  if (r.status !== 0)
    throw new Error(`${path.basename(cmd)} failed (exit ${r.status}): ${(r.stderr || r.stdout || "").trim()}`);
  return r;
}

/**
 * Starts a cluster in `dir` (created; default a new temp dir) on a free loopback port.
 * Returns { dir, port, url } — url names the `postgres` database as the superuser `mmcb` (trust auth).
 */
export async function startCluster(dir, log = console.log) {
  const bin = ensurePostgres(log);
  dir ??= mkdtempSync(path.join(os.tmpdir(), "mmcb-pg-"));
  const data = path.join(dir, "data");
  const root = process.getuid?.() === 0;
  if (root) {
    const id = run("id", ["-u", "postgres"]);
    const gid = run("id", ["-g", "postgres"]);
    if (id.status !== 0) throw new Error("running as root but there is no `postgres` user to run PostgreSQL as");
    chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  asOwner(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "mmcb",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-instructions",
  ]);
  const port = await freePort();
  // throwaway data: no fsync; enough connections for several workers with their pools
  const conf = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${port}`,
    `unix_socket_directories = '${dir}'`,
    `max_connections = 300`,
    `fsync = off`,
    `synchronous_commit = off`,
    `full_page_writes = off`,
    `shared_buffers = 64MB`,
  ].join("\n");
  writeFileSync(path.join(dir, "mmcb.conf"), `${conf}\n`);
  if (root) chownSync(path.join(dir, "mmcb.conf"), Number(run("id", ["-u", "postgres"]).stdout.trim()), 0);
  run("sh", ["-c", `echo "include '${path.join(dir, "mmcb.conf")}'" >> '${path.join(data, "postgresql.conf")}'`]);
  asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  return { dir, port, url: `postgresql://mmcb@127.0.0.1:${port}/postgres` };
}

/** Stops the cluster in `dir` and deletes the folder. */
export function stopCluster(dir) {
  const bin = postgresBinDir();
  if (bin && existsSync(path.join(dir, "data")))
    try {
      asOwner(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
    } catch (error) {
      console.error(`pg-cluster: ${error.message}`);
    }
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, dir] = process.argv.slice(2);
  try {
    if (cmd === "start") {
      const c = await startCluster(dir, (m) => console.error(m));
      console.log(`MMCB_TEST_PG_URL=${c.url}`);
      console.log(`MMCB_TEST_PG_DIR=${c.dir}`);
    } else if (cmd === "stop" && dir) {
      stopCluster(dir);
    } else {
      console.error("usage: pg-cluster.mjs start [dir] | stop <dir>");
      process.exit(2);
    }
  } catch (error) {
    console.error(`pg-cluster: ${error.message}`);
    process.exit(1);
  }
}
