/**
 * `npm run bench`: speed figures for BENCHMARKS.md. Each figure prints with the command that made it.
 *   - scenario validation throughput (pure validator, documents/s)
 *   - scenario store load (validate + probe + hash every bundled scenario, ms)
 *   - view crop latency: cold (render + write cache) and warm (cache hit), p50/p95 in ms
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { validateScenarioDocument } from "@/core/scenario";
import { defaultScenariosDir } from "@/lib/config";
import { loadScenarioStore } from "@/lib/scenarios/load";

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function main(): Promise<void> {
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
  console.log(`view crop, cold (render + cache write): n=${cold.length} p50 ${ms(quantile(cold, 0.5))} p95 ${ms(quantile(cold, 0.95))}`);
  console.log(`view crop, warm (cache hit or view file): n=${warm.length} p50 ${ms(quantile(warm, 0.5))} p95 ${ms(quantile(warm, 0.95))}`);
  rmSync(cacheDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
