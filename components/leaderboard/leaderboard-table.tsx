import Link from "next/link";
import type { MetricSummary } from "@/core/scoring";
import { formatInterval, formatMetric } from "@/components/ui/format";
import { METRIC_INFO } from "@/components/runs/metric-info";

export const LEADERBOARD_COLUMNS = [
  "gold_correct",
  "entity_correct",
  "turns",
  "distinct_entities",
  "distinct_parts",
  "gold_entity_explored",
  "gold_part_explored",
  "hallucination_rate",
] as const;
type Column = (typeof LEADERBOARD_COLUMNS)[number];

export interface LeaderboardRow {
  readonly id: string;
  readonly href: string;
  readonly name: string;
  readonly solver: string;
  readonly solverKind: string;
  readonly episodes: number;
  /** Episodes that ended in an error (not in the means). */
  readonly errors: number;
  readonly metrics: Record<Column, MetricSummary>;
  /** Set on runs outside the selected configuration. */
  readonly notComparable?: boolean;
}

/** Runs ranked by gold_correct, one row each, gold with its 95% bootstrap interval. */
export function LeaderboardTable({ rows, testId }: { rows: readonly LeaderboardRow[]; testId: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table leaderboard-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Solver / model</th>
            <th scope="col" className="num">
              Episodes
            </th>
            {LEADERBOARD_COLUMNS.map((c) => (
              <th key={c} scope="col" className="num" title={METRIC_INFO[c].help}>
                {METRIC_INFO[c].label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id} data-testid="leaderboard-row" data-run-id={r.id} data-rank={i + 1}>
              <td className="num muted">{r.notComparable ? "—" : i + 1}</td>
              <td>
                <span className="solver-name">{r.solver}</span>
                <span className="cell-sub">
                  <Link href={r.href} className="run-link">
                    {r.id}
                  </Link>{" "}
                  · {r.solverKind}
                </span>
                {r.notComparable && (
                  <span className="badge badge--muted leaderboard-flag" data-testid="not-comparable">
                    not comparable (config differs)
                  </span>
                )}
              </td>
              <td className="num" data-testid="leaderboard-coverage">
                {r.episodes}
                {r.errors > 0 && (
                  <span className="cell-sub cell-sub--warn" title="Episodes that ended in an error are in no mean">
                    errors: {r.errors}
                  </span>
                )}
              </td>
              {LEADERBOARD_COLUMNS.map((c) => {
                const m = r.metrics[c];
                const kind = METRIC_INFO[c].kind;
                return (
                  <td key={c} className="num nowrap" data-testid={`lb-${c}`}>
                    {formatMetric(m.mean, kind)}
                    {c === "gold_correct" && (
                      <span className="cell-sub" title="95% bootstrap interval">
                        {formatInterval(m.ci95, kind)}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
