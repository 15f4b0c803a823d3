/**
 * Harness overhead against the mock (issue 5): the `openai` solver through `runModelEval` against the in-repo
 * mock with a fixed latency (300 ms) at concurrency 32, `mock-oracle`, response cache off, every bundled
 * scenario × MMCB_BENCH_SEEDS seeds (default 32), fresh SQLite database, after a warm-up run of one seed (which
 * encodes every image once, as the first episodes of any run in a process do; its CPU is reported apart).
 *
 * The mock runs in a CHILD process (its CPU is not harness time); this process runs only the harness. Figures:
 *   - throughput as a fraction of the ideal (concurrency ÷ latency)
 *   - harness CPU per model request: this process's user+system CPU ÷ requests (what one step costs the
 *     harness: building and sending the request, parsing the reply, the engine, the step writes)
 *   - wall-derived harness time per step: wall × concurrency ÷ requests − latency (includes queueing behind
 *     that CPU, the figure the target names)
 *
 * `MMCB_BENCH_ONLY=harness npm run bench` runs only this. Profile the harness with
 * `MMCB_BENCH_ONLY=harness node --cpu-prof --cpu-prof-dir=reports/prof --import tsx scripts/bench.ts`.
 */
import { fork, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { LoadedScenario } from "@/lib/scenarios/load";

const LATENCY_MS = 300;
const CONCURRENCY = 32;

interface MockReady {
  readonly url: string;
}
interface MockStats {
  readonly completions: number;
  readonly requests: number;
}

/** Starts the mock in a child process; resolves with its URL and a way to ask for its stats. */
async function startMockChild(
  latencyMs: number,
): Promise<{ url: string; stats: () => Promise<MockStats>; close: () => Promise<void> }> {
  const child: ChildProcess = fork(__filename, ["--mock-child", String(latencyMs)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<MockReady>((resolve, reject) => {
    child.once("message", (m) => resolve(m as MockReady));
    child.once("exit", (code) => reject(new Error(`the mock child exited (${code}) before listening`)));
  });
  return {
    url: ready.url,
    stats: () =>
      new Promise<MockStats>((resolve) => {
        child.once("message", (m) => resolve(m as MockStats));
        child.send("stats");
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The child: a mock server on a free loopback port; reports its URL, answers "stats" messages. */
async function mockChild(latencyMs: number): Promise<void> {
  const { startMockServer } = await import("@/lib/model/mock-server");
  const mock = await startMockServer({ latencyMs });
  process.on("message", (m) => {
    if (m === "stats") process.send?.(mock.stats());
  });
  process.on("SIGTERM", () => void mock.close().then(() => process.exit(0)));
  process.send?.({ url: mock.url } satisfies MockReady);
}

export async function harnessBench(scenarios: readonly LoadedScenario[]): Promise<void> {
  const { runModelEval } = await import("@/lib/eval/model");
  const { closeDb } = await import("@/lib/db/client");
  const { DEFAULT_SYSTEM_PROMPT } = await import("@/core/engine");
  const seedCount = Number(process.env.MMCB_BENCH_SEEDS ?? 32);
  const dir = path.join(tmpdir(), `mmcb-bench-harness-${process.pid}`);
  process.env.MMCB_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  const mock = await startMockChild(LATENCY_MS);
  const evalRun = (runId: string, seeds: number[]) =>
    runModelEval({
      settings: {
        baseUrl: mock.url,
        model: "mock-oracle",
        apiKeyEnv: "MMCB_BENCH_KEY",
        temperature: null,
        topP: null,
        seed: null,
        maxTokens: null,
        timeoutMs: 30_000,
        systemPrompt: DEFAULT_SYSTEM_PROMPT,
        imageHistory: "last",
        reasoningHistory: "keep",
        maxImageSide: 512,
      },
      scenarios,
      seeds,
      maxTurns: 15,
      observation: "image",
      concurrency: CONCURRENCY,
      useCache: false,
      runId,
    });
  try {
    // Warm-up: one seed over every scenario, so each image is encoded once (per process, as a real run
    // does on its first episodes) and the JIT has run; reported, then the measured run starts.
    const w = { cpu: process.cpuUsage(), t: performance.now(), requests: (await mock.stats()).completions };
    await evalRun("bench-warmup", [0]);
    const wRequests = (await mock.stats()).completions - w.requests;
    const wUsed = process.cpuUsage(w.cpu);
    console.log(
      `harness warm-up (first run of the process: every image encoded once): ${wRequests} requests in ${((performance.now() - w.t) / 1000).toFixed(1)} s; ` +
        `harness CPU ${((wUsed.user + wUsed.system) / 1000 / wRequests).toFixed(2)} ms per step`,
    );
    const before = (await mock.stats()).completions;
    const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
    const loadBefore = loadavg()[0]!;
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = await evalRun("bench", seeds);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const requests = (await mock.stats()).completions - before;
    const episodes = result.document.episodes.length;
    const gold = result.document.aggregate.metrics.gold_correct?.mean ?? null;
    const ideal = CONCURRENCY / (LATENCY_MS / 1000);
    const achieved = requests / seconds;
    const wallPerStepMs = (seconds * CONCURRENCY * 1000) / requests - LATENCY_MS;
    const cpuPerStepMs = (used.user + used.system) / 1000 / requests;
    console.log(
      `harness vs mock in a child process (${LATENCY_MS} ms, concurrency ${CONCURRENCY}): ${episodes} episodes, ${requests} requests in ${seconds.toFixed(1)} s; ` +
        `${achieved.toFixed(1)} req/s of ideal ${ideal.toFixed(1)} = ${(achieved / ideal).toFixed(2)}; ` +
        `harness CPU ${cpuPerStepMs.toFixed(2)} ms per step; wall-derived ${wallPerStepMs.toFixed(1)} ms per step; ` +
        `gold_correct ${gold === null ? "n/a" : gold.toFixed(2)}; load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
    );
  } finally {
    await mock.close();
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--mock-child") {
  mockChild(Number(process.argv[3])).catch((error: unknown) => {
    console.error(`mock child failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
