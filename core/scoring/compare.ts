/**
 * Paired comparison of two runs on the same scenarios (SPEC §5): episodes are paired by (scenario, seed);
 * McNemar's exact test on gold_correct and a paired bootstrap of the difference of means (B − A).
 */
import { createRng } from "../random";
import { MEAN_METRICS, type MeanMetric, type ScoredEpisode } from "./aggregate";

export interface Comparison {
  readonly pairs: number;
  readonly mcnemar: { readonly aOnly: number; readonly bOnly: number; readonly pValue: number };
  readonly differences: Record<
    MeanMetric,
    { readonly mean: number | null; readonly ci95: readonly [number, number] | null; readonly n: number }
  >;
}

/** Two-sided exact binomial p-value for McNemar's test on discordant counts. */
export function mcnemarExact(aOnly: number, bOnly: number): number {
  const n = aOnly + bOnly;
  if (n === 0) return 1;
  const k = Math.min(aOnly, bOnly);
  let logC = 0; // log C(n, 0)
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logC - n * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}

const num = (v: number | boolean | null) => (v === null ? null : typeof v === "boolean" ? (v ? 1 : 0) : v);

/** Compares run B against run A. */
export function compareRuns(
  a: readonly ScoredEpisode[],
  b: readonly ScoredEpisode[],
  resamples = 1000,
  seed = 20260501,
): Comparison {
  const key = (e: ScoredEpisode) => `${e.scenarioId}\u0000${e.seed ?? 0}`;
  const byKey = new Map(a.map((e) => [key(e), e]));
  const pairs = b.filter((e) => byKey.has(key(e))).map((e) => [byKey.get(key(e))!, e] as const);
  let aOnly = 0;
  let bOnly = 0;
  for (const [x, y] of pairs) {
    if (x.metrics.gold_correct && !y.metrics.gold_correct) aOnly++;
    if (!x.metrics.gold_correct && y.metrics.gold_correct) bOnly++;
  }
  const differences = {} as Comparison["differences"];
  for (const name of MEAN_METRICS) {
    const diffs = pairs.flatMap(([x, y]) => {
      const vx = num(x.metrics[name]);
      const vy = num(y.metrics[name]);
      return vx === null || vy === null ? [] : [vy - vx];
    });
    if (diffs.length === 0) {
      differences[name] = { mean: null, ci95: null, n: 0 };
      continue;
    }
    const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    const rng = createRng(seed);
    const means: number[] = [];
    for (let r = 0; r < resamples; r++) {
      let s = 0;
      for (let i = 0; i < diffs.length; i++) s += diffs[rng.int(diffs.length)]!;
      means.push(s / diffs.length);
    }
    means.sort((p, q) => p - q);
    differences[name] = {
      mean,
      ci95: [means[Math.round(0.025 * (resamples - 1))]!, means[Math.round(0.975 * (resamples - 1))]!],
      n: diffs.length,
    };
  }
  return { pairs: pairs.length, mcnemar: { aOnly, bOnly, pValue: mcnemarExact(aOnly, bOnly) }, differences };
}

/** One scenario's gold_correct rate in each run over the seeds both runs played. */
export interface ScenarioGoldRow {
  readonly scenarioId: string;
  /** Paired seeds the rates cover. */
  readonly seeds: number;
  readonly a: number;
  readonly b: number;
  /** b − a. */
  readonly difference: number;
}

/**
 * Per-scenario gold_correct rates of runs A and B over the episodes paired by (scenario, seed), sorted by
 * |B − A| (largest first), then by scenario id.
 */
export function scenarioGoldDifferences(a: readonly ScoredEpisode[], b: readonly ScoredEpisode[]): ScenarioGoldRow[] {
  const key = (e: ScoredEpisode) => `${e.scenarioId}\u0000${e.seed ?? 0}`;
  const byKey = new Map(a.map((e) => [key(e), e]));
  const sums = new Map<string, { seeds: number; a: number; b: number }>();
  for (const y of b) {
    const x = byKey.get(key(y));
    if (!x) continue;
    const s = sums.get(y.scenarioId) ?? { seeds: 0, a: 0, b: 0 };
    s.seeds++;
    if (x.metrics.gold_correct) s.a++;
    if (y.metrics.gold_correct) s.b++;
    sums.set(y.scenarioId, s);
  }
  return [...sums]
    .map(([scenarioId, s]) => ({
      scenarioId,
      seeds: s.seeds,
      a: s.a / s.seeds,
      b: s.b / s.seeds,
      difference: (s.b - s.a) / s.seeds,
    }))
    .sort((p, q) => Math.abs(q.difference) - Math.abs(p.difference) || p.scenarioId.localeCompare(q.scenarioId));
}
