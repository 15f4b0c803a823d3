/** Plain-text tables for the terminal. */
import type { Aggregate, MetricSummary } from "@/core/scoring";
import { MEAN_METRICS } from "@/core/scoring";

const fmt = (v: number | null, digits = 3) => (v === null ? "—" : v.toFixed(digits));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const summaryCells = (s: MetricSummary) => [
  fmt(s.mean),
  s.ci95 ? `[${fmt(s.ci95[0])}, ${fmt(s.ci95[1])}]` : "—",
  String(s.n),
];

/** What to do about a run's errored episodes (null when there are none). */
export function formatErrors(errors: number, runId?: string): string | null {
  if (!errors) return null;
  const resume = runId ? `--run-id ${runId} --resume` : "--resume";
  return `${errors} episode${errors === 1 ? "" : "s"} ended in an error (connection, key, server or timeout after retries): not scored; ${resume} plays ${errors === 1 ? "it" : "them"} again`;
}

/** The run summary: every metric with its 95% CI and coverage, relations, claims, splits. */
export function formatAggregate(agg: Aggregate): string {
  const parts: string[] = [];
  if (agg.errors)
    parts.push(`errors: ${agg.errors} (episodes that ended in an error are left out of every mean and count below)`);
  parts.push(
    table(
      ["metric", "mean", "95% CI", "n"],
      MEAN_METRICS.map((m) => [m, ...summaryCells(agg.metrics[m])]),
    ),
  );
  parts.push(
    `relation: ${Object.entries(agg.relation)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(" · ")}`,
  );
  parts.push(
    `claims: ${Object.entries(agg.claims)
      .map(([k, v]) => `${k} ${v}`)
      .join(" · ")}`,
  );
  if (agg.pass_k) parts.push(`pass^${agg.pass_k.k}: ${fmt(agg.pass_k.value)} over ${agg.pass_k.scenarios} scenarios`);
  const splits = (title: string, groups: Aggregate["by_tier"]) =>
    table(
      [title, "episodes", "gold_correct", "entity_correct", "halluc_rate"],
      Object.entries(groups).map(([k, g]) => [
        k,
        String(g.episodes),
        fmt(g.metrics.gold_correct.mean),
        fmt(g.metrics.entity_correct.mean),
        fmt(g.metrics.hallucination_rate.mean),
      ]),
    );
  if (Object.keys(agg.by_tier).length) parts.push(splits("tier", agg.by_tier));
  if (Object.keys(agg.by_setting).length) parts.push(splits("setting", agg.by_setting));
  return parts.join("\n\n");
}
