import type { MeanMetric } from "@/core/scoring";
import { METRIC_INFO } from "@/components/runs/metric-info";
import { formatInterval, formatMetric } from "@/components/ui/format";

export interface DifferenceRow {
  readonly metric: MeanMetric;
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly n: number;
}

const signed = (text: string, value: number | null) => (value !== null && value > 0 ? `+${text}` : text);

/** Paired differences B − A per metric with the 95% paired-bootstrap interval and the pairs they cover. */
export function DifferenceTable({ rows }: { rows: readonly DifferenceRow[] }) {
  return (
    <table className="data-table data-table--compact" data-testid="difference-table">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col" className="num">
            B − A
          </th>
          <th scope="col" className="num">
            95% CI
          </th>
          <th scope="col" className="num">
            n
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const info = METRIC_INFO[r.metric];
          const excludesZero = r.ci95 !== null && (r.ci95[0] > 0 || r.ci95[1] < 0);
          return (
            <tr key={r.metric} data-testid={`diff-${r.metric}`}>
              <th scope="row" title={info.help}>
                {info.label}
                {info.better && <span className="cell-sub">{info.better} is better</span>}
              </th>
              <td className={`num${excludesZero ? " strong" : ""}`}>
                {signed(formatMetric(r.mean, info.kind), r.mean)}
              </td>
              <td className="num nowrap muted">{formatInterval(r.ci95, info.kind)}</td>
              <td className="num muted">{r.n}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
