import { MEAN_METRICS, type MeanMetric, type MetricSummary } from "@/core/scoring";
import { formatInterval, formatMetric } from "@/components/ui/format";
import { METRIC_INFO } from "./metric-info";

/** Every averaged metric: mean, 95% bootstrap CI and how many episodes the mean covers. */
export function MetricsTable({ metrics, episodes }: { metrics: Record<MeanMetric, MetricSummary>; episodes: number }) {
  return (
    <table className="data-table data-table--compact" data-testid="metrics-table">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col" className="num">
            Mean
          </th>
          <th scope="col" className="num">
            95% CI
          </th>
          <th scope="col" className="num" title="Episodes the mean covers (undefined ratios are left out)">
            n
          </th>
        </tr>
      </thead>
      <tbody>
        {MEAN_METRICS.map((name) => {
          const m = metrics[name];
          const info = METRIC_INFO[name];
          return (
            <tr key={name} data-testid={`metric-${name}`} data-mean={m.mean ?? ""}>
              <th scope="row" title={info.help}>
                <span className="metric-name">{info.label}</span>
                <code className="metric-key">{name}</code>
              </th>
              <td className="num strong">{formatMetric(m.mean, info.kind)}</td>
              <td className="num muted" data-testid="metric-ci">
                {formatInterval(m.ci95, info.kind)}
              </td>
              <td className={`num${m.n < episodes ? " muted" : ""}`} title={`${m.n} of ${episodes} episodes`}>
                {m.n}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
