import Link from "next/link";
import { formatMetric } from "@/components/ui/format";

export interface ScenarioDifferenceRow {
  readonly scenarioId: string;
  readonly href: string;
  readonly seeds: number;
  readonly a: number;
  readonly b: number;
  readonly difference: number;
}

/** Per-scenario gold_correct rates over paired seeds, largest |B − A| first. */
export function ScenarioTable({ rows }: { rows: readonly ScenarioDifferenceRow[] }) {
  return (
    <table className="data-table data-table--compact" data-testid="scenario-table">
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col" className="num">
            Seeds
          </th>
          <th scope="col" className="num">
            A gold
          </th>
          <th scope="col" className="num">
            B gold
          </th>
          <th scope="col" className="num">
            B − A
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.scenarioId} data-testid="scenario-row" data-scenario-id={r.scenarioId}>
            <td>
              <Link href={r.href}>{r.scenarioId}</Link>
            </td>
            <td className="num muted">{r.seeds}</td>
            <td className="num">{formatMetric(r.a)}</td>
            <td className="num">{formatMetric(r.b)}</td>
            <td className={`num${r.difference > 0 ? " diff--up" : r.difference < 0 ? " diff--down" : " muted"}`}>
              {r.difference > 0 ? "+" : ""}
              {formatMetric(r.difference)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
