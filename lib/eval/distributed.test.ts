// Distributed evaluation (issue 8): `mmcb eval --distributed` + three `mmcb worker` processes against the
// mock, one killed with SIGKILL while it holds an episode; every episode must complete exactly once, and
// the endpoint limit must hold across workers. Needs PostgreSQL: runs when MMCB_TEST_PG_URL is set
// (npm test and .ci/run always start a cluster). The SQLite refusal is checked everywhere.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_PG_URL, type TestDatabase } from "@/lib/db/pg-testing";
import { startMockServer, type MockServer } from "@/lib/model/mock-server";
import { tempDir } from "@/test/fixture";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "cli", "mmcb.js");
const SCENARIOS = path.join(ROOT, "scenarios");
const ONLY = readdirSync(SCENARIOS)
  .filter((d) => statSync(path.join(SCENARIOS, d)).isDirectory())
  .sort()
  .slice(0, 8);
const SEEDS = 3;
const LIMIT = 4;

interface Exited {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; exited: Promise<Exited>; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { env });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<Exited>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, exited, stderr: () => stderr };
}

function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: still running after ${ms} ms`)), ms)),
  ]);
}

describe("mmcb eval --distributed on SQLite", () => {
  it("refuses with a sentence naming what it needs", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${path.join(tempDir("mmcb-dist-"), "x.db")}` };
    const r = await start(["eval", "--solver", "oracle", "--distributed"], env).exited;
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--distributed needs DATABASE_URL to name a PostgreSQL database/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

if (TEST_PG_URL) {
  describe("distributed workers on PostgreSQL", () => {
    let database: TestDatabase;
    let mock: MockServer;
    let proxy: http.Server;
    let proxyUrl: string;
    let inFlight = 0;
    let peak = 0;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase("mmcb_dist");
      mock = await startMockServer({ scenariosDir: SCENARIOS, latencyMs: 150 });
      // counts requests in flight at the "endpoint" across all workers
      proxy = http.createServer((req, res) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const upstream = http.request(
            `${mock.url.replace(/\/v1$/, "")}${req.url}`,
            { method: req.method, headers: req.headers },
            (r) => {
              res.writeHead(r.statusCode ?? 502, r.headers);
              r.pipe(res);
              r.on("end", () => inFlight--);
            },
          );
          upstream.on("error", () => {
            inFlight--;
            res.destroy();
          });
          upstream.end(Buffer.concat(chunks));
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/v1`;
    });
    afterAll(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await mock.close();
      await database.drop();
    });

    it("three workers, one killed with SIGKILL mid-episode: every episode completes exactly once", async () => {
      const work = tempDir("mmcb-dist-");
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        MMCB_DATA_DIR: work,
        DIST_TEST_API_KEY: "sk-test",
      };
      const total = ONLY.length * SEEDS;
      const queued = await start(
        [
          "eval",
          "--solver",
          "openai",
          "--model",
          "mock-random",
          "--base-url",
          proxyUrl,
          "--api-key-env",
          "DIST_TEST_API_KEY",
          "--only",
          ONLY.join(","),
          "--seeds",
          `1-${SEEDS}`,
          "--max-turns",
          "8",
          "--no-cache",
          "--concurrency",
          String(LIMIT),
          "--run-id",
          "dist",
          "--distributed",
        ],
        env,
      ).exited;
      expect(queued.stderr).toContain(`queued ${total} of ${total} episodes`);
      expect(queued.status).toBe(0);

      const db = new pg.Client({ connectionString: database.url });
      await db.connect();
      try {
        const workerArgs = [
          "worker",
          "--concurrency",
          "2",
          "--heartbeat",
          "1",
          "--dead-after",
          "10",
          "--idle-exit",
          "6",
        ];
        const workers = [0, 1, 2].map(() => start(workerArgs, env));
        children.push(...workers.map((w) => w.child));
        // wait (bounded) until some episodes are done and a worker holds one in flight, then SIGKILL that one
        const deadline = Date.now() + 120_000;
        let held: string[] = [];
        let done = 0;
        let victim: (typeof workers)[number] | undefined;
        while (Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200));
          done = Number(
            (await db.query(`SELECT count(*) AS n FROM "Episode" WHERE status = 'done'`)).rows[0].n as string,
          );
          const claims = (
            await db.query<{ worker_id: string; episode_id: string }>(
              `SELECT worker_id, episode_id FROM mmcb_queue.claim WHERE job_id IS NOT NULL`,
            )
          ).rows;
          victim = workers.find((w) => claims.some((c) => c.worker_id.includes(`-${w.child.pid}-`)));
          held = claims.filter((c) => victim && c.worker_id.includes(`-${victim.child.pid}-`)).map((c) => c.episode_id);
          if (done >= 3 && victim && held.length > 0) break;
        }
        expect(
          held.length,
          `done ${done}; workers said:\n${workers.map((w) => w.stderr()).join("\n")}`,
        ).toBeGreaterThan(0);
        victim = victim!;
        victim.child.kill("SIGKILL");
        const killed = await victim.exited;
        expect(killed.signal).toBe("SIGKILL");
        const survivors = await bounded(
          Promise.all(workers.filter((w) => w !== victim).map((w) => w.exited)),
          240_000,
          "the surviving workers",
        );
        for (const s of survivors) {
          expect(s.stderr).not.toMatch(/\n\s+at /);
          expect(s.status).toBe(0);
        }
        expect(survivors.map((s) => s.stderr).join("\n")).toMatch(
          /declared dead: .*-\d+-[0-9a-f]+; [1-9]\d* episodes? handed back/,
        );

        const episodes = (
          await db.query<{ id: string; status: string; steps: string; max_index: number | null; score: string }>(
            `SELECT e.id, e.status,
                    (SELECT count(*) FROM "Step" s WHERE s."episodeId" = e.id) AS steps,
                    (SELECT max(s.index) FROM "Step" s WHERE s."episodeId" = e.id) AS max_index,
                    (SELECT count(*) FROM "Score" c WHERE c."episodeId" = e.id) AS score
             FROM "Episode" e WHERE e."runId" = 'dist'`,
          )
        ).rows;
        expect(episodes).toHaveLength(total);
        for (const e of episodes) {
          expect(e.status, e.id).toBe("done");
          expect(Number(e.steps), e.id).toBeGreaterThan(0);
          // one play's steps: indexes 0..n-1, no leftovers of the killed attempt
          expect(e.max_index, e.id).toBe(Number(e.steps) - 1);
          expect(Number(e.score), e.id).toBe(1);
        }
        // pg-boss: one job per episode, all completed; the victim's episodes were retried
        const jobs = (
          await db.query<{ e: string; state: string; retry_count: number }>(
            `SELECT data->>'episodeId' AS e, state, retry_count FROM pgboss.job WHERE data->>'runId' = 'dist'`,
          )
        ).rows;
        expect(jobs).toHaveLength(total);
        expect(new Set(jobs.map((j) => j.e)).size).toBe(total);
        expect(jobs.every((j) => j.state === "completed")).toBe(true);
        // the victim's episode(s) went back to the queue and were played again elsewhere
        expect(jobs.filter((j) => j.retry_count >= 1).length).toBeGreaterThanOrEqual(1);
        const run = (await db.query<{ status: string }>(`SELECT status FROM "Run" WHERE id = 'dist'`)).rows[0];
        expect(run?.status).toBe("done");
        // the endpoint limit held across the three workers (6 slots between them)
        expect(peak).toBeLessThanOrEqual(LIMIT);
        expect(peak).toBeGreaterThanOrEqual(2);
        const left = (await db.query(`SELECT count(*) AS n FROM mmcb_queue.claim`)).rows[0].n as string;
        expect(Number(left)).toBe(0);
      } finally {
        await db.end();
      }
    }, 420_000);
  });
}
