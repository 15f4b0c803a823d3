// Issue 5 acceptance against the in-repo mock: all bundled scenarios × 3 seeds at concurrency 8 under
// injected faults (each episode exactly once); kill -9 mid-run then --resume (nothing repeated); the API
// key never reaches the disk. Issue 8: the same on PostgreSQL when MMCB_TEST_PG_URL names a cluster
// (npm test and .ci/run always start one) — a fresh database per describe, the CLI pointed at it through
// DATABASE_URL; the PostgreSQL variants are left out (not skipped) without a cluster.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_PG_URL, type TestDatabase } from "@/lib/db/pg-testing";
import { startMockServer, type MockServer } from "@/lib/model/mock-server";
import { tempDir } from "./fixture";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "cli", "mmcb.js");
const SCENARIOS = path.join(ROOT, "scenarios");
const KEY = `sk-mmcb-canary-${process.pid}-do-not-store`;
let work: string;

const scenarioIds = () =>
  readdirSync(SCENARIOS)
    .filter((d) => statSync(path.join(SCENARIOS, d)).isDirectory())
    .sort();

interface EpisodeRow {
  id: string;
  status: string;
  /** ms since the epoch (SQLite stores a number, PostgreSQL a timestamp). */
  finishedAt: number | null;
  steps: number;
}

/** Where the CLI keeps a run: DATABASE_URL for it, and a way to read the rows back. */
interface Store {
  /** undefined: the default SQLite file `<data dir>/mmcb.db`. */
  readonly url: string | undefined;
  episodes(runId: string): Promise<EpisodeRow[]>;
  /** Tables with a row whose text contains `needle` (the data folder is searched file by file apart). */
  tablesContaining(needle: string): Promise<string[]>;
  close(): Promise<void>;
}

interface Backend {
  readonly name: "sqlite" | "postgres";
  /** Seeds of the fault run (all bundled scenarios each). */
  readonly faultSeeds: string;
  /** Scenarios of the kill -9 run (× 3 seeds). */
  readonly killScenarios: number;
  open(dataDir: string, label: string): Promise<Store>;
}

function sqliteStore(dataDir: string): Store {
  return {
    url: undefined,
    episodes: async (runId) => {
      const db = new Database(path.join(dataDir, "mmcb.db"), { readonly: true });
      try {
        return db
          .prepare(
            `SELECT id, status, finishedAt, (SELECT COUNT(*) FROM Step s WHERE s.episodeId = e.id) AS steps FROM Episode e WHERE runId = ?`,
          )
          .all(runId) as EpisodeRow[];
      } finally {
        db.close();
      }
    },
    // the database is a file under the data folder: the file scan covers it
    tablesContaining: async () => [],
    close: async () => undefined,
  };
}

async function postgresStore(label: string): Promise<Store> {
  const database: TestDatabase = await createTestDatabase(`mmcb_model_${label}`);
  const query = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<R>(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url: database.url,
    episodes: async (runId) =>
      (
        await query<{ id: string; status: string; finishedAt: Date | null; steps: string }>(
          `SELECT e.id, e.status, e."finishedAt",
                  (SELECT count(*) FROM "Step" s WHERE s."episodeId" = e.id) AS steps
           FROM "Episode" e WHERE e."runId" = $1`,
          [runId],
        )
      ).map((r) => ({ ...r, finishedAt: r.finishedAt?.getTime() ?? null, steps: Number(r.steps) })),
    tablesContaining: async (needle) => {
      const tables = await query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Run", "Episode", "Step"]));
      const hits: string[] = [];
      for (const { name } of tables) {
        const [row] = await query<{ n: string }>(
          `SELECT count(*) AS n FROM "${name}" t WHERE strpos(t::text, $1) > 0`,
          [needle],
        );
        if (Number(row!.n) > 0) hits.push(name);
      }
      return hits;
    },
    close: () => database.drop(),
  };
}

// SQLite always; PostgreSQL when MMCB_TEST_PG_URL names a cluster, on fewer episodes (the SQLite runs
// already cover the scale; these check that the same runs survive faults and SIGKILL on the other store).
const backends: Backend[] = [
  { name: "sqlite", faultSeeds: "1-3", killScenarios: 8, open: async (dataDir) => sqliteStore(dataDir) },
];
if (TEST_PG_URL)
  backends.push({
    name: "postgres",
    faultSeeds: "1",
    killScenarios: 4,
    open: (_dataDir, label) => postgresStore(label),
  });

const env = (dataDir: string, store: Store): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, MMCB_DATA_DIR: dataDir, MMCB_TEST_API_KEY: KEY };
  if (store.url) e.DATABASE_URL = store.url;
  else delete e.DATABASE_URL;
  return e;
};
const seedCount = (seeds: string) => {
  const [from, to = from] = seeds.split("-").map(Number);
  return to! - from! + 1;
};

/** Runs the CLI asynchronously: the mock server lives in this process, so a synchronous spawn would block it. */
function mmcb(
  args: string[],
  dataDir: string,
  store: Store,
  timeoutMs: number,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(dataDir, store) });
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
  if (!existsSync(dir)) return []; // on PostgreSQL the data folder holds only the response cache
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

beforeAll(() => {
  work = tempDir("mmcb-model-");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(backends)("openai solver against the mock on $name", (backend) => {
  let mock: MockServer;
  let store: Store;
  const dataDir = () => path.join(work, `faults-${backend.name}`);
  const expected = () => scenarioIds().length * seedCount(backend.faultSeeds);
  beforeAll(async () => {
    store = await backend.open(dataDir(), "faults");
    mock = await startMockServer({
      scenariosDir: SCENARIOS,
      seed: 3,
      retryAfterSeconds: 0,
      slowMs: 3000,
      faults: { "429": 0.08, "500": 0.05, drop: 0.03, malformed: 0.05, "no-tool": 0.05, slow: 0.02 },
    });
  });
  afterAll(async () => {
    await mock?.close();
    await store?.close();
  });

  it(`runs every scenario with seeds ${backend.faultSeeds} at concurrency 8 under faults, each episode exactly once, key never stored`, async () => {
    const r = await mmcb(
      [
        "eval",
        "--solver",
        "openai",
        "--model",
        "mock-oracle",
        "--base-url",
        mock.url,
        "--api-key-env",
        "MMCB_TEST_API_KEY",
        "--seeds",
        backend.faultSeeds,
        "--concurrency",
        "8",
        "--timeout",
        "2",
        "--run-id",
        "faulty",
        "--json",
      ],
      dataDir(),
      store,
      540_000,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.episodes).toHaveLength(expected());
    expect(new Set(doc.episodes.map((e: { episodeId: string }) => e.episodeId)).size).toBe(expected());
    const rows = await store.episodes("faulty");
    expect(rows).toHaveLength(expected());
    expect(rows.every((e) => e.status === "done")).toBe(true);
    // the oracle stays gold-correct through retried 429/500/drops; malformed and no-tool replies cost turns but are recorded
    expect(doc.aggregate.metrics.gold_correct.mean).toBeGreaterThan(0.9);
    expect(doc.aggregate.metrics.invalid_calls.mean).toBeGreaterThan(0);
    const stats = mock.stats();
    expect(stats.faults["429"] + stats.faults["500"] + stats.faults.drop).toBeGreaterThan(0);
    // the key: not in the database, the response cache or anything else under the data folder
    for (const file of filesUnder(dataDir())) expect(readFileSync(file).includes(KEY), file).toBe(false);
    expect(await store.tablesContaining(KEY)).toEqual([]);
    expect(r.stdout.includes(KEY) || r.stderr.includes(KEY)).toBe(false);
  }, 600_000);

  it("re-running with --resume costs nothing: finished episodes are kept, no request is made", async () => {
    const before = mock.stats().completions;
    const r = await mmcb(
      [
        "eval",
        "--solver",
        "openai",
        "--model",
        "mock-oracle",
        "--base-url",
        mock.url,
        "--api-key-env",
        "MMCB_TEST_API_KEY",
        "--seeds",
        backend.faultSeeds,
        "--concurrency",
        "8",
        "--timeout",
        "2",
        "--run-id",
        "faulty",
        "--resume",
      ],
      dataDir(),
      store,
      120_000,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`resumed; ${expected()} finished episodes kept`);
    expect(mock.stats().completions).toBe(before);
  }, 180_000);
});

describe.each(backends)("kill -9 and resume on $name", (backend) => {
  let mock: MockServer;
  let store: Store;
  const dataDir = () => path.join(work, `kill-${backend.name}`);
  beforeAll(async () => {
    store = await backend.open(dataDir(), "kill");
    mock = await startMockServer({ scenariosDir: SCENARIOS, latencyMs: 150 });
  });
  afterAll(async () => {
    await mock?.close();
    await store?.close();
  });

  it(`finishes the rest after a SIGKILL without repeating a finished episode (${backend.killScenarios} scenarios × 3 seeds)`, async () => {
    const only = scenarioIds().slice(0, backend.killScenarios);
    const args = [
      BIN,
      "eval",
      "--solver",
      "openai",
      "--model",
      "mock-random",
      "--base-url",
      mock.url,
      "--api-key-env",
      "MMCB_TEST_API_KEY",
      "--only",
      only.join(","),
      "--seeds",
      "1-3",
      "--concurrency",
      "2",
      "--no-cache",
      "--run-id",
      "killed",
    ];
    const child = spawn(process.execPath, args, { env: env(dataDir(), store), stdio: "ignore" });
    // wait (bounded) until a few episodes are done, then kill -9
    const deadline = Date.now() + 90_000;
    let done: EpisodeRow[] = [];
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      try {
        done = (await store.episodes("killed")).filter((e) => e.status === "done");
      } catch {
        continue; // database not created (or not migrated) yet
      }
      if (done.length >= 3) break;
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(done.length).toBeGreaterThanOrEqual(3);
    const finishedBefore = new Map(
      (await store.episodes("killed")).filter((e) => e.status === "done").map((e) => [e.id, e.finishedAt]),
    );
    const total = only.length * 3;
    expect(finishedBefore.size).toBeLessThan(total);

    const r = await mmcb([...args.slice(1), "--resume", "--json"], dataDir(), store, 180_000);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    const after = await store.episodes("killed");
    expect(after).toHaveLength(total);
    expect(after.every((e) => e.status === "done" && e.steps > 0)).toBe(true);
    for (const [id, finishedAt] of finishedBefore) {
      expect(finishedAt, id).not.toBeNull();
      expect(after.find((e) => e.id === id)!.finishedAt, id).toBe(finishedAt);
    }
    expect(JSON.parse(r.stdout).episodes).toHaveLength(total);
  }, 300_000);
});
