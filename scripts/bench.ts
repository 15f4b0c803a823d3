/**
 * `npm run bench`: speed figures for BENCHMARKS.md. Each figure prints with the command that made it.
 *   - scenario validation throughput (pure validator, documents/s)
 *   - scenario store load (validate + probe + hash every bundled scenario, ms)
 *   - view crop latency: cold (render + write cache) and warm (cache hit), p50/p95 in ms
 *   - scorer throughput: episodes/s on one core over a large synthetic trace set (random + oracle traces)
 *   - engine step latency: mean µs per tool call through the reducer (no image encoding)
 *   - harness overhead against the mock (fixed 300 ms latency, concurrency 32; scripts/bench/harness.ts, the
 *     mock in a child process): throughput as a fraction of the ideal and harness time per step
 *   - training-data export: 2,000 and 10,000 trl-vision pairs with images, time and peak RSS of the export
 *     process (a child process, so each peak is its own) — flat memory means the two peaks match
 *   - `mmcb import creativitybench` on 100 k and 2 MB descriptions (scripts/bench/import.ts)
 * `MMCB_BENCH_ONLY=export npm run bench` runs only the export section; `MMCB_BENCH_ONLY=harness` only the harness;
 * `MMCB_BENCH_ONLY=scorer` only the scorer throughput and the engine step; `MMCB_BENCH_ONLY=import` only the import.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyTurn, initialState, runEpisode, type EpisodeTrace } from "@/core/engine";
import { deriveSeed } from "@/core/random";
import { validateScenarioDocument, type Scenario } from "@/core/scenario";
import { scoreEpisode } from "@/core/scoring";
import { createBaseline } from "@/core/solvers";
import { defaultScenariosDir } from "@/lib/config";
import { loadScenarioStore } from "@/lib/scenarios/load";
import { workersBench } from "./bench/workers";
import { harnessBench } from "./bench/harness";
import { importBench } from "./bench/import";
import { pagesBench } from "./bench/pages";

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function main(): Promise<void> {
  if (process.env.MMCB_BENCH_ONLY === "export") return exportBench(await loadScenarioStore(defaultScenariosDir()));
  // pages and crop cache in Chromium on a production build (scripts/bench/pages.ts)
  if (process.env.MMCB_BENCH_ONLY === "pages") return pagesBench();
  // workers on PostgreSQL (scripts/bench/workers.ts): MMCB_BENCH_PG_URL, else a throwaway cluster
  if (process.env.MMCB_BENCH_ONLY === "workers")
    return workersBench((await loadScenarioStore(defaultScenariosDir())).scenarios.map((l) => l.scenario.id));
  if (process.env.MMCB_BENCH_ONLY === "import") return importBench();
  if (process.env.MMCB_BENCH_ONLY === "harness")
    return harnessBench((await loadScenarioStore(defaultScenariosDir())).scenarios);
  if (process.env.MMCB_BENCH_ONLY === "scorer") return scorerBench(await loadScenarioStore(defaultScenariosDir()));
  const cacheDir = path.join(tmpdir(), `mmcb-bench-${process.pid}`);
  process.env.MMCB_DATA_DIR = cacheDir;
  const { renderView } = await import("@/lib/images/views");

  const t0 = performance.now();
  const store = await loadScenarioStore(defaultScenariosDir());
  const loadMs = performance.now() - t0;
  if (store.scenarios.length === 0) throw new Error("no valid scenarios to benchmark");
  console.log(`scenario store load: ${store.scenarios.length} scenarios in ${ms(loadMs)}`);

  const docs = store.scenarios.map((s) => JSON.parse(JSON.stringify(s.scenario)));
  const rounds = 2000;
  const t1 = performance.now();
  for (let i = 0; i < rounds; i++) validateScenarioDocument(docs[i % docs.length], { file: "bench" });
  const perSecond = rounds / ((performance.now() - t1) / 1000);
  console.log(`validator throughput: ${Math.round(perSecond)} scenario documents/s (${rounds} validations)`);

  const targets: { l: (typeof store.scenarios)[number]; e: string; p?: string }[] = store.scenarios.flatMap((l) =>
    l.scenario.entities.flatMap((e) => [{ l, e: e.id }, ...e.parts.map((p) => ({ l, e: e.id, p: p.id }))]),
  );
  const cold: number[] = [];
  const warm: number[] = [];
  for (const t of targets) {
    const a = performance.now();
    const first = await renderView(t.l, t.e, t.p);
    const b = performance.now();
    await renderView(t.l, t.e, t.p);
    const c = performance.now();
    if (!first.cached) cold.push(b - a);
    warm.push(c - b);
  }
  console.log(
    `view crop, cold (render + cache write): n=${cold.length} p50 ${ms(quantile(cold, 0.5))} p95 ${ms(quantile(cold, 0.95))}`,
  );
  console.log(
    `view crop, warm (cache hit or view file): n=${warm.length} p50 ${ms(quantile(warm, 0.5))} p95 ${ms(quantile(warm, 0.95))}`,
  );
  rmSync(cacheDir, { recursive: true, force: true });

  await scorerBench(store);
  await harnessBench(store.scenarios);
  await exportBench(store);
  await importBench();
  if (process.env.MMCB_BENCH_PG_URL) await workersBench(store.scenarios.map((l) => l.scenario.id));
  else console.log("workers bench skipped: set MMCB_BENCH_PG_URL, or run it alone with MMCB_BENCH_ONLY=workers");
}

/** Scorer throughput over a synthetic trace set (random + oracle episodes), then the engine step on their calls. */
async function scorerBench(store: Awaited<ReturnType<typeof loadScenarioStore>>): Promise<void> {
  if (store.scenarios.length === 0) throw new Error("no valid scenarios to benchmark");
  // scorer throughput over a synthetic trace set
  const traces: { scenario: Scenario; trace: EpisodeTrace }[] = [];
  for (let seed = 1; traces.length < 20_000; seed++) {
    for (const l of store.scenarios) {
      for (const name of ["random", "oracle"] as const) {
        const { trace } = await runEpisode({
          scenario: l.scenario,
          engine: { maxTurns: 15, observation: "image" },
          episodeId: `${seed}`,
          seed,
          solver: createBaseline(name, l.scenario, deriveSeed(seed, l.scenario.id)),
        });
        traces.push({ scenario: l.scenario, trace });
      }
    }
  }
  const steps = traces.reduce((n, t) => n + t.trace.steps.length, 0);
  for (const t of traces.slice(0, 2000)) scoreEpisode(t.scenario, t.trace); // warm-up
  const t2 = performance.now();
  for (const t of traces) scoreEpisode(t.scenario, t.trace);
  const scoreSeconds = (performance.now() - t2) / 1000;
  console.log(
    `scorer throughput: ${Math.round(traces.length / scoreSeconds)} episodes/s (${traces.length} episodes, ${(steps / traces.length).toFixed(1)} steps each, one core)`,
  );

  // engine step latency: replay the same calls through the reducer
  const calls = traces.slice(0, 5000).map((t) => ({ scenario: t.scenario, turns: groupTurns(t.trace) }));
  let applied = 0;
  const t3 = performance.now();
  for (const c of calls) {
    let state = initialState();
    for (const turn of c.turns) {
      state = applyTurn(c.scenario, state, { calls: turn }, { maxTurns: 15, observation: "image" }).state;
      applied += turn.length;
    }
  }
  const perStepUs = ((performance.now() - t3) * 1000) / applied;
  console.log(
    `engine step: ${perStepUs.toFixed(2)} µs per tool call (${applied} calls, reducer only, no image encoding)`,
  );
}

function groupTurns(trace: EpisodeTrace): { tool: string; args: unknown }[][] {
  const turns: { tool: string; args: unknown }[][] = [];
  for (const step of trace.steps) (turns[step.turn - 1] ??= []).push({ tool: step.call.tool, args: step.call.args });
  return turns.filter(Boolean);
}

// ------------------------------------------------------------------------------ training-data export

/** Episodes to store (spread over the bundled scenarios): enough for 10,000 distinct pairs. */
const EXPORT_EPISODES = 2_600;
const EXPORT_SIZES = [2_000, 10_000];

/**
 * A database of random-baseline episodes over the bundled scenarios (random wanders, so nearly every
 * turn gives a distinct pair), then `trl-vision` hard-negative pairs with images exported at two sizes,
 * each in a fresh child process that reports its own time and peak RSS.
 */
async function exportBench(store: Awaited<ReturnType<typeof loadScenarioStore>>): Promise<void> {
  const { runBaselineEval } = await import("@/lib/eval/baselines");
  const { closeDb } = await import("@/lib/db/client");
  const dir = path.join(tmpdir(), `mmcb-bench-export-${process.pid}`);
  process.env.MMCB_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  try {
    const t = performance.now();
    const seeds = Array.from({ length: Math.ceil(EXPORT_EPISODES / store.scenarios.length) }, (_, i) => i + 1);
    await runBaselineEval({
      solver: "random",
      scenarios: store.scenarios,
      seeds,
      maxTurns: 15,
      observation: "image",
      runId: "bench-export",
    });
    await closeDb();
    const episodes = store.scenarios.length * seeds.length;
    console.log(`export setup: ${episodes} random episodes stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (const size of EXPORT_SIZES) {
      const out = path.join(dir, `out-${size}`);
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", path.resolve(__filename), "--export-child", String(size), out],
        {
          encoding: "utf8",
          env: { ...process.env, MMCB_DATA_DIR: dir },
        },
      );
      const line = child.stdout.trim().split("\n").pop() ?? "";
      if (child.status !== 0 || !line.startsWith("{"))
        throw new Error(`export child failed: ${child.stderr.trim().split("\n").pop()}`);
      const r = JSON.parse(line) as {
        pairs: number;
        images: number;
        seconds: number;
        startRssMb: number;
        peakRssMb: number;
      };
      console.log(
        `export ${r.pairs} trl-vision pairs with ${r.images} images: ${r.seconds.toFixed(1)} s (${Math.round(r.pairs / r.seconds)} pairs/s); ` +
          `peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.startRssMb.toFixed(0)} MB after loading, before exporting)`,
      );
    }
  } finally {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The child: one export, then its own figures as a JSON line. */
async function exportChild(size: number, out: string): Promise<void> {
  const { runExport } = await import("@/lib/export/run");
  const { closeDb, getDb } = await import("@/lib/db/client");
  getDb();
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const t = performance.now();
  const result = await runExport({
    kind: "pairs",
    runIds: ["bench-export"],
    source: "guided",
    negatives: "hard",
    format: "trl-vision",
    outDir: out,
    scenariosDir: defaultScenariosDir(),
    testShare: 0.2,
    seed: 1,
    limit: size,
  });
  const seconds = (performance.now() - t) / 1000;
  await closeDb();
  if (result.counts.total < size) throw new Error(`only ${result.counts.total} distinct pairs; store more episodes`);
  const peakRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  console.log(
    JSON.stringify({ pairs: result.counts.total, images: result.counts.images, seconds, startRssMb, peakRssMb }),
  );
}

if (process.argv[2] === "--export-child") {
  exportChild(Number(process.argv[3]), process.argv[4]!).catch((error: unknown) => {
    console.error(`export child failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
