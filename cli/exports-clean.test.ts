// Stale exports (issue #13): a `mmcb export` killed with SIGKILL leaves its hidden `.tmp` folder and its
// Export row "running". `mmcb exports clean`, the next `mmcb export` and the next server start
// (scripts/prepare-data.ts) mark such an export failed — its process is gone — and remove its folder,
// and leave alone an export whose process is alive or runs on another host.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "cli", "mmcb.js");
const HANG = path.join(ROOT, "test", "faults", "hang-rename.cjs");
let root: string;

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, MMCB_DATA_DIR: path.join(root, "data"), MMCB_DEMO: "0" };
  delete e.DATABASE_URL;
  delete e.NODE_OPTIONS;
  return e;
}
function mmcb(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env: env(), timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** Reads Export rows straight from the database file. */
function exportRows(): {
  id: string;
  status: string;
  counts: string | null;
  pid: number | null;
  tempDir: string | null;
}[] {
  const r = spawnSync(
    process.execPath,
    [
      "-e",
      `const D=require("better-sqlite3");const d=new D(process.argv[1],{readonly:true});` +
        `console.log(JSON.stringify(d.prepare('SELECT id,status,counts,pid,tempDir FROM "Export" ORDER BY id').all()))`,
      path.join(root, "data", "mmcb.db"),
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}
/** Adds a "running" Export row owned by `pid` on `host`, with a temporary folder that exists. */
function insertRunning(id: string, pid: number | null, host: string | null, tempName: string): string {
  const temp = path.join(root, tempName);
  mkdirSync(path.join(temp, "images"), { recursive: true });
  writeFileSync(path.join(temp, "train.jsonl"), "{}\n");
  const r = spawnSync(
    process.execPath,
    [
      "-e",
      `const D=require("better-sqlite3");const d=new D(process.argv[1]);const [id,pid,host,temp]=process.argv.slice(2);` +
        `d.prepare('INSERT INTO "Export" (id,kind,format,params,status,createdAt,pid,host,tempDir) VALUES (?,?,?,?,?,?,?,?,?)')` +
        `.run(id,"pairs","trl-text-tools","{}","running",Date.now(),pid==="null"?null:Number(pid),host==="null"?null:host,temp)`,
      path.join(root, "data", "mmcb.db"),
      id,
      String(pid),
      String(host),
      temp,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  expect(r.status, r.stderr).toBe(0);
  return temp;
}
/** A pid that surely belongs to no process: one that has just exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(r.stdout.trim());
}
const hiddenTemps = (dir: string) => readdirSync(dir).filter((n) => /^\..+\.tmp-\d+-[0-9a-f]+$/.test(n));
const host = () =>
  spawnSync(process.execPath, ["-e", "console.log(require('os').hostname())"], { encoding: "utf8" }).stdout.trim();

beforeAll(async () => {
  root = tempDir("mmcb-exports-clean-");
  await writeFixtureScenario(path.join(root, "sc"), fixtureScenario("pry-lid"));
  await writeFixtureScenario(path.join(root, "sc"), fixtureScenario("pry-lid-2"));
  expect(mmcb("eval", "--solver", "random", "--scenarios", "sc", "--seeds", "1-3", "--run-id", "r").code).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const exportArgs = (out: string) => [
  "export",
  "sft",
  "--run",
  "r",
  "--source",
  "trajectory",
  "--format",
  "trl-text-tools",
  "--scenarios",
  "sc",
  "--out",
  out,
];

describe("stale exports", () => {
  it("an export killed with SIGKILL is marked failed and its .tmp folder removed by `mmcb exports clean`", async () => {
    // the export stops for good at its final rename: temp folder written, row running
    const child = spawn(process.execPath, ["-r", HANG, BIN, ...exportArgs("killed")], { cwd: root, env: env() });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    let temps: string[] = [];
    for (let i = 0; i < 300 && temps.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      temps = hiddenTemps(root).filter((n) => existsSync(path.join(root, n, "README.md")));
    }
    expect(temps, stderr).toHaveLength(1);
    const running = exportRows().filter((r) => r.status === "running");
    expect(running).toHaveLength(1);
    expect(running[0]!.pid).toBe(child.pid);
    expect(running[0]!.tempDir).toBe(path.join(root, temps[0]!));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(hiddenTemps(root)).toEqual(temps); // what a kill -9 leaves behind

    const clean = mmcb("exports", "clean");
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain(
      `export ${running[0]!.id}: marked failed (the export was interrupted (its process ${child.pid} is gone); start it again); removed ${temps[0]}`,
    );
    expect(clean.stdout).toContain("1 stale export marked failed, 1 temporary folder removed");
    expect(hiddenTemps(root)).toEqual([]);
    const row = exportRows().find((r) => r.id === running[0]!.id)!;
    expect(row.status).toBe("failed");
    expect(row.tempDir).toBeNull();
    expect(JSON.parse(row.counts!).error).toMatch(/interrupted/);
    // nothing left to do the second time
    expect(mmcb("exports", "clean").stdout).toContain("0 stale exports marked failed, 0 temporary folders removed");
  }, 60_000);

  it("leaves alone an export whose process is alive, or that runs on another host", () => {
    const liveTemp = insertRunning("exp-live", process.pid, host(), ".live.tmp-1-ab");
    const otherTemp = insertRunning("exp-other-host", deadPid(), "some-other-host", ".other.tmp-2-cd");
    const r = mmcb("exports", "clean");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("0 stale exports marked failed");
    expect(r.stdout).toContain("(1 running on other hosts left alone)");
    const rows = exportRows();
    expect(rows.find((x) => x.id === "exp-live")!.status).toBe("running");
    expect(rows.find((x) => x.id === "exp-other-host")!.status).toBe("running");
    expect(existsSync(liveTemp) && existsSync(otherTemp)).toBe(true);
    rmSync(liveTemp, { recursive: true });
    rmSync(otherTemp, { recursive: true });
  });

  it("the next `mmcb export` cleans a stale export first, and still exports", () => {
    const temp = insertRunning("exp-dead-cli", deadPid(), host(), ".dead-cli.tmp-3-ef");
    const r = mmcb(...exportArgs("fresh"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("mmcb: export exp-dead-cli: marked failed");
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(path.join(root, "fresh", "train.jsonl"))).toBe(true);
    expect(exportRows().find((x) => x.id === "exp-dead-cli")!.status).toBe("failed");
  }, 60_000);

  it("the next server start (scripts/prepare-data.ts) cleans one too, and leftover folders under data/exports", () => {
    const temp = insertRunning("exp-dead-server", null, null, path.join("data", "exports", ".exp-x.tmp-4-aa"));
    const orphan = path.join(root, "data", "exports", `.exp-y.tmp-${deadPid()}-bb`);
    mkdirSync(orphan, { recursive: true });
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/prepare-data.ts"], {
      cwd: ROOT,
      env: { ...env(), MMCB_SCENARIOS_DIR: path.join(root, "sc") },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "mmcb: export exp-dead-server: marked failed (the export was interrupted (the process writing it is gone); start it again); removed exports/.exp-x.tmp-4-aa",
    );
    expect(r.stdout).toMatch(/removed the leftover temporary folder exports\/\.exp-y\.tmp-\d+-bb/);
    expect(existsSync(temp) || existsSync(orphan)).toBe(false);
    expect(exportRows().find((x) => x.id === "exp-dead-server")!.status).toBe("failed");
  }, 60_000);
});
