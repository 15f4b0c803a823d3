import Link from "next/link";
import type { ProgressStatus } from "@/lib/jobs/progress";
import { formatMetric, formatTimestamp } from "@/components/ui/format";
import { StatusBadge } from "./status-badge";

export interface RunRow {
  readonly id: string;
  readonly href: string;
  readonly name: string;
  /** `oracle`, `lexical`, … or the model name. */
  readonly solver: string;
  readonly solverKind: string;
  readonly endpointHost: string | null;
  readonly status: ProgressStatus;
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly goldMean: number | null;
  readonly createdAt: string;
}

/** Every run, newest first. */
export function RunsTable({ rows }: { rows: readonly RunRow[] }) {
  return (
    <div className="card table-card">
      <table className="data-table" data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Solver / model</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Episodes
            </th>
            <th scope="col" className="num" title="Mean of gold_correct over scored episodes">
              Gold correct
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="run-row" data-run-id={r.id}>
              <td>
                <Link href={r.href} className="run-link">
                  {r.id}
                </Link>
                <span className="cell-sub">{r.name}</span>
              </td>
              <td>
                <span className="solver-name">{r.solver}</span>
                <span className="cell-sub">
                  {r.solverKind}
                  {r.endpointHost ? ` · ${r.endpointHost}` : ""}
                </span>
              </td>
              <td>
                <StatusBadge status={r.status} errors={r.failed} />
              </td>
              <td className="num">
                {r.done === r.total ? r.total : `${r.done} / ${r.total}`}
                {r.failed > 0 && (
                  <span className="cell-sub cell-sub--bad">
                    {r.failed} error{r.failed === 1 ? "" : "s"}
                  </span>
                )}
              </td>
              <td className="num">
                <GoldCell value={r.goldMean} />
              </td>
              <td className="nowrap muted">{formatTimestamp(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The mean with a small bar behind it, so a column of runs reads at a glance. */
function GoldCell({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  return (
    <span className="mini-bar" title={`${(value * 100).toFixed(1)}% of scored episodes are gold-correct`}>
      <span className="mini-bar__track">
        <span className="mini-bar__fill" style={{ width: `${value * 100}%` }} />
      </span>
      <span className="mini-bar__value">{formatMetric(value)}</span>
    </span>
  );
}
