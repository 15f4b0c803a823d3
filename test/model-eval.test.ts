// Issue 5 acceptance against the in-repo mock: all bundled scenarios × 3 seeds at concurrency 8 under
// injected faults (each episode exactly once); kill -9 mid-run then --resume (nothing repeated); the API
// key never reaches the disk.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "@/lib/model/mock-server";
import { tempDir } from "./fixture";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "cli", "mmcb.js");
const SCENARIOS = path.join(ROOT, "scenarios");
const KEY = `sk-mmcb-canary-${process.pid}-do-not-store`;
let work: string;

const env = (dataDir: string): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, MMCB_DATA_DIR: dataDir, MMCB_TEST_API_KEY: KEY };
  delete e.DATABASE_URL;
  return e;
};
const scenarioCount = () => readdirSync(SCENARIOS).filter((d) => statSync(path.join(SCENARIOS, d)).isDirectory()).length;

/** Runs the CLI asynchronously: the mock server lives in this process, so a synchronous spawn would block it. */
function mmcb(args: string[], dataDir: string, timeoutMs: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(dataDir) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

function episodes(dataDir: string, runId: string) {
  const db = new Database(path.join(dataDir, "mmcb.db"), { readonly: true });
  try {
    return db.prepare(`SELECT id, status, finishedAt, (SELECT COUNT(*) FROM Step s WHERE s.episodeId = e.id) AS steps FROM Episode e WHERE runId = ?`).all(runId) as { id: string; status: string; finishedAt: number | null; steps: number }[];
  } finally {
    db.close();
  }
}

beforeAll(() => {
  work = tempDir("mmcb-model-");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("openai solver against the mock", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ scenariosDir: SCENARIOS, seed: 3, retryAfterSeconds: 0, slowMs: 3000, faults: { "429": 0.08, "500": 0.05, drop: 0.03, malformed: 0.05, "no-tool": 0.05, slow: 0.02 } });
  });
  afterAll(() => mock.close());

  it("runs every scenario × 3 seeds at concurrency 8 under faults, each episode exactly once, key never on disk", async () => {
    const dataDir = path.join(work, "faults");
    const r = await mmcb(["eval", "--solver", "openai", "--model", "mock-oracle", "--base-url", mock.url, "--api-key-env", "MMCB_TEST_API_KEY", "--seeds", "1-3", "--concurrency", "8", "--timeout", "2", "--run-id", "faulty", "--json"], dataDir, 540_000);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const expected = scenarioCount() * 3;
    expect(doc.episodes).toHaveLength(expected);
    expect(new Set(doc.episodes.map((e: { episodeId: string }) => e.episodeId)).size).toBe(expected);
    const rows = episodes(dataDir, "faulty");
    expect(rows).toHaveLength(expected);
    expect(rows.every((e) => e.status === "done")).toBe(true);
    // the oracle stays gold-correct through retried 429/500/drops; malformed and no-tool replies cost turns but are recorded
    expect(doc.aggregate.metrics.gold_correct.mean).toBeGreaterThan(0.9);
    expect(doc.aggregate.metrics.invalid_calls.mean).toBeGreaterThan(0);
    const stats = mock.stats();
    expect(stats.faults["429"] + stats.faults["500"] + stats.faults.drop).toBeGreaterThan(0);
    // the key: not in the database, the response cache or anything else under the data folder
    for (const file of filesUnder(dataDir)) expect(readFileSync(file).includes(KEY), file).toBe(false);
    expect(r.stdout.includes(KEY) || r.stderr.includes(KEY)).toBe(false);
  }, 600_000);

  it("re-running with --resume costs nothing: finished episodes are kept, no request is made", async () => {
    const dataDir = path.join(work, "faults");
    const before = mock.stats().completions;
    const r = await mmcb(["eval", "--solver", "openai", "--model", "mock-oracle", "--base-url", mock.url, "--api-key-env", "MMCB_TEST_API_KEY", "--seeds", "1-3", "--concurrency", "8", "--timeout", "2", "--run-id", "faulty", "--resume"], dataDir, 120_000);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`resumed; ${scenarioCount() * 3} finished episodes kept`);
    expect(mock.stats().completions).toBe(before);
  }, 180_000);
});

describe("kill -9 and resume", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ scenariosDir: SCENARIOS, latencyMs: 150 });
  });
  afterAll(() => mock.close());

  it("finishes the rest after a SIGKILL without repeating a finished episode", async () => {
    const dataDir = path.join(work, "kill");
    const only = readdirSync(SCENARIOS).filter((d) => statSync(path.join(SCENARIOS, d)).isDirectory()).sort().slice(0, 8);
    const args = [BIN, "eval", "--solver", "openai", "--model", "mock-random", "--base-url", mock.url, "--api-key-env", "MMCB_TEST_API_KEY", "--only", only.join(","), "--seeds", "1-3", "--concurrency", "2", "--no-cache", "--run-id", "killed"];
    const child = spawn(process.execPath, args, { env: env(dataDir), stdio: "ignore" });
    // wait (bounded) until a few episodes are done, then kill -9
    const deadline = Date.now() + 90_000;
    let done: ReturnType<typeof episodes> = [];
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      try {
        done = episodes(dataDir, "killed").filter((e) => e.status === "done");
      } catch {
        continue; // database not created yet
      }
      if (done.length >= 3) break;
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(done.length).toBeGreaterThanOrEqual(3);
    const finishedBefore = new Map(episodes(dataDir, "killed").filter((e) => e.status === "done").map((e) => [e.id, e.finishedAt]));
    const total = only.length * 3;
    expect(finishedBefore.size).toBeLessThan(total);

    const r = await mmcb([...args.slice(1), "--resume", "--json"], dataDir, 180_000);
    expect(r.status).toBe(0);
    const after = episodes(dataDir, "killed");
    expect(after).toHaveLength(total);
    expect(after.every((e) => e.status === "done" && e.steps > 0)).toBe(true);
    for (const [id, finishedAt] of finishedBefore) expect(after.find((e) => e.id === id)!.finishedAt).toBe(finishedAt);
    expect(JSON.parse(r.stdout).episodes).toHaveLength(total);
  }, 300_000);
});
