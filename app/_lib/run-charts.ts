/**
 * Chart data for the run page, built server side from a run's aggregate: which metrics go on which
 * chart, what a missing mean becomes, and the order of groups. Pure.
 */
import { MEAN_METRICS, type Aggregate, type GroupAggregate, type MeanMetric } from "@/core/scoring";
import type { MetricCiDatum } from "@/components/charts/metric-ci-chart";
import type { RelationDatum } from "@/components/charts/relation-chart";
import type { SplitDatum, SplitSeries } from "@/components/charts/split-chart";
import { METRIC_INFO } from "@/components/runs/metric-info";
import { humanize } from "@/components/ui/format";

/** The metrics of one kind that have a mean, in MEAN_METRICS order. */
export function metricCiData(metrics: Aggregate["metrics"], kind: "rate" | "count"): MetricCiDatum[] {
  return MEAN_METRICS.filter((name) => METRIC_INFO[name].kind === kind).flatMap((name) => {
    const m = metrics[name];
    if (m.mean === null) return [];
    const [low, high] = m.ci95 ?? [m.mean, m.mean];
    return [
      { key: name, label: METRIC_INFO[name].label, mean: m.mean, low, high, n: m.n, better: METRIC_INFO[name].better },
    ];
  });
}

const TIER_ORDER = ["dissimilar", "mixed", "similar"];

/** Tiers from easy to hard; anything else after them, by name. */
function tierRank(name: string): number {
  const i = TIER_ORDER.indexOf(name);
  return i === -1 ? TIER_ORDER.length : i;
}

/** Relation shares: the whole run first, then each tier (easy to hard). */
export function relationData(agg: Aggregate): RelationDatum[] {
  const tiers = Object.entries(agg.by_tier).sort(([a], [b]) => tierRank(a) - tierRank(b) || a.localeCompare(b));
  return [
    { group: "All", episodes: agg.episodes, shares: agg.relation },
    ...tiers.map(([tier, g]) => ({ group: humanize(tier), episodes: g.episodes, shares: g.relation })),
  ];
}

export const SPLIT_METRICS = [
  "gold_correct",
  "entity_correct",
  "hallucination_rate",
] as const satisfies readonly MeanMetric[];

export const SPLIT_SERIES: readonly SplitSeries[] = SPLIT_METRICS.map((key) => ({
  key,
  label: METRIC_INFO[key].label,
}));

/** Grouped-bar data for a split (by tier or by setting). */
export function splitData(groups: Record<string, GroupAggregate>, order: "tier" | "name"): SplitDatum[] {
  const entries = Object.entries(groups).sort(([a], [b]) =>
    order === "tier" ? tierRank(a) - tierRank(b) || a.localeCompare(b) : a.localeCompare(b),
  );
  return entries.map(([name, g]) => ({
    group: humanize(name),
    episodes: g.episodes,
    values: Object.fromEntries(
      SPLIT_METRICS.map((key) => {
        const m = g.metrics[key];
        if (m.mean === null) return [key, null];
        const [low, high] = m.ci95 ?? [m.mean, m.mean];
        return [key, { mean: m.mean, low, high }];
      }),
    ),
  }));
}
