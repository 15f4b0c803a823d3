/**
 * Aggregation over a run (SPEC §5): the mean of every metric with a 95% percentile-bootstrap CI (fixed
 * seed, so the same episodes always give the same interval), how many episodes each mean covers (null
 * values are left out), relation shares, claim totals, splits by tier and setting, and pass^k over seeds.
 * Episodes that ended in an infrastructure `error` are not answers: they are left out of all of it and
 * counted apart as `errors`.
 */
import { createRng } from "../random";
import { CLAIM_CLASSES, type ClaimCounts, type EpisodeMetrics, type Relation } from "./episode";

/** Per-episode metrics that are averaged over a run (booleans count as 0/1). */
export const MEAN_METRICS = [
  "gold_correct",
  "entity_correct",
  "affordance_f1",
  "affordance_correct",
  "affordance_plausible",
  "turns",
  "distinct_entities",
  "distinct_parts",
  "gold_entity_explored",
  "gold_part_explored",
  "repetition",
  "similarity_density_part",
  "similarity_density_entity",
  "exploration_progress",
  "invalid_calls",
  "hallucinated",
  "hallucination_rate",
  "assessment_accuracy",
] as const satisfies readonly (keyof EpisodeMetrics)[];
export type MeanMetric = (typeof MEAN_METRICS)[number];

export const RELATIONS: readonly Relation[] = ["gold", "similar", "not_similar", "nonexistent", "no_answer"];

/** One scored episode with what aggregation groups by. */
export interface ScoredEpisode {
  readonly episodeId: string;
  readonly scenarioId: string;
  readonly seed?: number;
  readonly tier?: string;
  readonly setting?: string;
  /** How the episode ended; `"error"` (an infrastructure failure) leaves it out of every mean. */
  readonly endReason?: string;
  readonly metrics: EpisodeMetrics;
}

export interface MetricSummary {
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Episodes the mean covers (those with a non-null value). */
  readonly n: number;
}

export interface GroupAggregate {
  readonly episodes: number;
  readonly metrics: Record<MeanMetric, MetricSummary>;
  readonly relation: Record<Relation, number>;
  readonly claims: ClaimCounts;
}

export interface Aggregate extends GroupAggregate {
  /** Episodes that ended in an infrastructure error (connection, auth, server errors after retries): not in any mean. */
  readonly errors: number;
  readonly claims_visual: ClaimCounts;
  readonly claims_nonvisual: ClaimCounts;
  readonly pass_k: { readonly k: number; readonly value: number | null; readonly scenarios: number } | null;
  readonly by_tier: Record<string, GroupAggregate>;
  readonly by_setting: Record<string, GroupAggregate>;
}

export interface AggregateOptions {
  readonly resamples?: number;
  readonly seed?: number;
  /** Errored episodes the caller holds no metrics for (added to those passed with endReason "error"). */
  readonly errors?: number;
}

/** Whether an episode ended in an infrastructure error (not an answer, SPEC §5). */
export const isErrored = (e: { readonly endReason?: string | null }): boolean => e.endReason === "error";

/** 0/1 for booleans; null for null and for a metric a score stored before it existed (undefined). */
const numeric = (v: number | boolean | null | undefined): number | null =>
  v === null || v === undefined ? null : typeof v === "boolean" ? (v ? 1 : 0) : v;

/** Mean and 95% percentile-bootstrap interval of the non-null values. */
export function summarize(values: readonly (number | null)[], resamples = 1000, seed = 20260501): MetricSummary {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length === 0) return { mean: null, ci95: null, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (xs.length === 1) return { mean, ci95: [mean, mean], n: 1 };
  const rng = createRng(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) sum += xs[rng.int(xs.length)]!;
    means[r] = sum / xs.length;
  }
  means.sort();
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { mean, ci95: [at(0.025), at(0.975)], n: xs.length };
}

const emptyCounts = (): ClaimCounts => ({ grounded: 0, contradicted: 0, unseen: 0, nonexistent: 0, unannotated: 0 });
const addCounts = (into: ClaimCounts, from: ClaimCounts) => CLAIM_CLASSES.forEach((c) => (into[c] += from[c]));

function group(episodes: readonly ScoredEpisode[], options: AggregateOptions): GroupAggregate {
  const metrics = Object.fromEntries(
    MEAN_METRICS.map((name) => [
      name,
      summarize(
        episodes.map((e) => numeric(e.metrics[name])),
        options.resamples,
        options.seed,
      ),
    ]),
  ) as Record<MeanMetric, MetricSummary>;
  const relation = Object.fromEntries(RELATIONS.map((r) => [r, 0])) as Record<Relation, number>;
  const claims = emptyCounts();
  for (const e of episodes) {
    relation[e.metrics.relation] += 1;
    addCounts(claims, e.metrics.claims);
  }
  if (episodes.length > 0) for (const r of RELATIONS) relation[r] /= episodes.length;
  return { episodes: episodes.length, metrics, relation, claims };
}

function splitBy(
  episodes: readonly ScoredEpisode[],
  keyOf: (e: ScoredEpisode) => string | undefined,
  options: AggregateOptions,
): Record<string, GroupAggregate> {
  const groups = new Map<string, ScoredEpisode[]>();
  for (const e of episodes) {
    const k = keyOf(e);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, group(groups.get(k)!, options)]));
}

/**
 * pass^k over seeds: the share of scenarios whose first k episodes (by seed) are all gold-correct, with
 * k the smallest number of episodes any scenario has. Null when there are no episodes.
 */
export function passK(episodes: readonly ScoredEpisode[]): Aggregate["pass_k"] {
  const byScenario = new Map<string, ScoredEpisode[]>();
  for (const e of episodes) byScenario.set(e.scenarioId, [...(byScenario.get(e.scenarioId) ?? []), e]);
  if (byScenario.size === 0) return null;
  const k = Math.min(...[...byScenario.values()].map((l) => l.length));
  let passed = 0;
  for (const list of byScenario.values()) {
    const firstK = [...list].sort((a, b) => (a.seed ?? 0) - (b.seed ?? 0)).slice(0, k);
    if (firstK.every((e) => e.metrics.gold_correct)) passed++;
  }
  return { k, value: passed / byScenario.size, scenarios: byScenario.size };
}

/** Aggregates a run's scored episodes; errored ones are only counted. */
export function aggregate(all: readonly ScoredEpisode[], options: AggregateOptions = {}): Aggregate {
  const episodes = all.filter((e) => !isErrored(e));
  const errors = all.length - episodes.length + (options.errors ?? 0);
  const claimsVisual = emptyCounts();
  const claimsNonVisual = emptyCounts();
  for (const e of episodes) {
    addCounts(claimsVisual, e.metrics.claims_visual);
    addCounts(claimsNonVisual, e.metrics.claims_nonvisual);
  }
  return {
    ...group(episodes, options),
    errors,
    claims_visual: claimsVisual,
    claims_nonvisual: claimsNonVisual,
    pass_k: passK(episodes),
    by_tier: splitBy(episodes, (e) => e.tier, options),
    by_setting: splitBy(episodes, (e) => e.setting, options),
  };
}
