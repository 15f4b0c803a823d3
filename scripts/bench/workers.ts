/**
 * Distributed workers on PostgreSQL (issue 8): episodes per second with 1, 2 and 4 `mmcb worker` processes
 * against the mock at a fixed 300 ms latency (`mock-oracle`, response cache off). Each worker plays
 * WORKER_CONCURRENCY episodes at once; the endpoint limit is set high so it does not bind.
 *
 * Every configuration gets a fresh database. The workers start first and wait; then `mmcb eval
 * --distributed` queues the run. Throughput is measured from the database (first episode started → last
 * finished), so process start-up (tsx) is not counted. The mock runs in its own process (`mmcb mock-server`).
 *
 * PostgreSQL: MMCB_BENCH_PG_URL (a superuser URL: each configuration creates its own database), else a
 * throwaway cluster started by scripts/pg-cluster.mjs. `MMCB_BENCH_ONLY=workers npm run bench` runs only
 * this; the full `npm run bench` runs it only when MMCB_BENCH_PG_URL is set.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createTestDatabase } from "@/lib/db/pg-testing";

const LATENCY_MS = 300;
const WORKER_CONCURRENCY = 4;
const WORKER_COUNTS = (process.env.MMCB_BENCH_WORKERS ?? "1,2,4").split(",").map(Number);
const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "cli", "mmcb.js");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function mmcb(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
}

async function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function pgUrl(): Promise<{ url: string; stop: () => void }> {
  if (process.env.MMCB_BENCH_PG_URL) return { url: process.env.MMCB_BENCH_PG_URL, stop: () => undefined };
  const cluster = (await import(path.join(ROOT, "scripts", "pg-cluster.mjs"))) as {
    startCluster: (dir?: string, log?: (m: string) => void) => Promise<{ dir: string; url: string }>;
    stopCluster: (dir: string) => void;
  };
  const c = await cluster.startCluster(undefined, (m) => console.error(m));
  return { url: c.url, stop: () => cluster.stopCluster(c.dir) };
}

interface Figure {
  readonly workers: number;
  readonly episodes: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly requests: number;
}

async function oneConfiguration(
  adminUrl: string,
  mockUrl: string,
  workers: number,
  scenarioIds: readonly string[],
  seeds: number,
): Promise<Figure> {
  const database = await createTestDatabase(`mmcb_bench_w${workers}`, adminUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    MMCB_DATA_DIR: path.join(tmpdir(), `mmcb-bench-workers-${process.pid}-${workers}`),
    MMCB_BENCH_KEY: "x",
  };
  const db = new pg.Client({ connectionString: database.url });
  const children: ChildProcess[] = [];
  try {
    // migrate once before the workers start (they would wait on the advisory lock anyway)
    const enqueueArgs = [
      "eval",
      "--solver",
      "openai",
      "--model",
      "mock-oracle",
      "--base-url",
      mockUrl,
      "--api-key-env",
      "MMCB_BENCH_KEY",
      "--only",
      scenarioIds.join(","),
      "--seeds",
      `1-${seeds}`,
      "--no-cache",
      "--concurrency",
      "256",
      "--run-id",
      "bench",
      "--distributed",
    ];
    for (let i = 0; i < workers; i++)
      children.push(
        mmcb(
          ["worker", "--concurrency", String(WORKER_CONCURRENCY), "--quiet", "--heartbeat", "5", "--dead-after", "120"],
          env,
        ),
      );
    await db.connect();
    // wait until every worker registered (their start-up is not part of the figure)
    for (let waited = 0; ; waited += 500) {
      await sleep(500);
      const n = await db
        .query(`SELECT count(*) AS n FROM mmcb_queue.worker`)
        .then((r) => Number(r.rows[0].n))
        .catch(() => 0);
      if (n >= workers) break;
      if (waited > 180_000) throw new Error(`only ${n} of ${workers} workers registered after 3 minutes`);
    }
    const enqueue = mmcb(enqueueArgs, env);
    let said = "";
    enqueue.stderr!.on("data", (d) => (said += d));
    const code = await exited(enqueue);
    if (code !== 0) throw new Error(`mmcb eval --distributed exited ${code}: ${said.trim()}`);
    const total = scenarioIds.length * seeds;
    for (let waited = 0; ; waited += 500) {
      await sleep(500);
      const r = await db.query(`SELECT status FROM "Run" WHERE id = 'bench'`);
      if (r.rows[0]?.status === "done") break;
      if (waited > 900_000) throw new Error("the run did not finish in 15 minutes");
    }
    const span = await db.query<{ n: string; s: number; steps: string }>(
      `SELECT count(*) AS n, EXTRACT(EPOCH FROM max("finishedAt") - min("startedAt"))::float8 AS s,
              (SELECT count(*) FROM "Step") AS steps
       FROM "Episode" WHERE "runId" = 'bench' AND status = 'done'`,
    );
    const episodes = Number(span.rows[0]!.n);
    if (episodes !== total) throw new Error(`${episodes} of ${total} episodes done`);
    const seconds = span.rows[0]!.s;
    return { workers, episodes, seconds, perSecond: episodes / seconds, requests: Number(span.rows[0]!.steps) };
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map(exited));
    await db.end().catch(() => undefined);
    await database.drop();
  }
}

export async function workersBench(scenarioIds: readonly string[]): Promise<void> {
  const seeds = Number(process.env.MMCB_BENCH_SEEDS ?? 12);
  const ids = scenarioIds.slice(0, Number(process.env.MMCB_BENCH_SCENARIOS ?? 32));
  const { url, stop } = await pgUrl();
  const port = await freePort();
  const mock = spawn(process.execPath, [BIN, "mock-server", "--port", String(port), "--latency", String(LATENCY_MS)], {
    stdio: "ignore",
  });
  try {
    await sleep(500);
    for (let waited = 0; ; waited += 500) {
      const ok = await fetch(`http://127.0.0.1:${port}/v1/models`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (waited > 120_000) throw new Error("the mock server did not start");
      await sleep(500);
    }
    console.log(
      `workers on PostgreSQL against the mock (${LATENCY_MS} ms latency, mock-oracle, cache off): ${ids.length} scenarios × ${seeds} seeds, ${WORKER_CONCURRENCY} episodes in flight per worker; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
    );
    const figures: Figure[] = [];
    for (const n of WORKER_COUNTS) {
      const f = await oneConfiguration(url, `http://127.0.0.1:${port}/v1`, n, ids, seeds);
      figures.push(f);
      console.log(
        `  ${n} worker${n === 1 ? " " : "s"}: ${f.episodes} episodes in ${f.seconds.toFixed(1)} s = ${f.perSecond.toFixed(2)} episodes/s (${f.requests} steps; load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
    const base = figures[0]!.perSecond;
    console.log(
      `  scaling: ${figures.map((f) => `${f.workers}→${(f.perSecond / base).toFixed(2)}×`).join(", ")} (target ≥ 3× at 4 workers)`,
    );
  } finally {
    mock.kill("SIGTERM");
    await exited(mock);
    stop();
  }
}
