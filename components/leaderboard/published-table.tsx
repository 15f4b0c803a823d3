import { formatMetric } from "@/components/ui/format";

export interface PublishedLeaderboardRow {
  readonly order: number;
  readonly model: string;
  readonly group: string;
  readonly gold_correct: number;
  readonly entity_correct: number;
  readonly turns: number;
  readonly avg_distinct_entities: number;
  readonly avg_distinct_parts: number;
  readonly gold_entity_explored_entity_correct?: number | null;
  readonly gold_entity_explored_entity_wrong?: number | null;
  readonly gold_part_explored_part_correct?: number | null;
  readonly gold_part_explored_part_wrong?: number | null;
}

/** The paper's table as published: reference numbers, not produced by this installation. */
export function PublishedTable({ rows }: { rows: readonly PublishedLeaderboardRow[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact leaderboard-table" data-testid="published-table">
        <thead>
          <tr>
            <th scope="col">Model (paper)</th>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Gold correct
            </th>
            <th scope="col" className="num">
              Entity correct
            </th>
            <th scope="col" className="num">
              Turns
            </th>
            <th scope="col" className="num">
              Distinct entities
            </th>
            <th scope="col" className="num">
              Distinct parts
            </th>
            <th scope="col" className="num" title="Gold entity explored, when the answered entity is correct / wrong">
              Gold entity explored (correct / wrong)
            </th>
            <th scope="col" className="num" title="Gold part explored, when the answered part is correct / wrong">
              Gold part explored (correct / wrong)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.order} data-testid="published-row" data-reference="true">
              <td>
                <span className="solver-name">{r.model}</span>
                <span className="badge badge--muted leaderboard-flag">reference</span>
              </td>
              <td className="muted nowrap">{r.group}</td>
              <td className="num">{formatMetric(r.gold_correct)}</td>
              <td className="num">{formatMetric(r.entity_correct)}</td>
              <td className="num">{formatMetric(r.turns, "count")}</td>
              <td className="num">{formatMetric(r.avg_distinct_entities, "count")}</td>
              <td className="num">{formatMetric(r.avg_distinct_parts, "count")}</td>
              <td className="num nowrap">
                {formatMetric(r.gold_entity_explored_entity_correct)} /{" "}
                {formatMetric(r.gold_entity_explored_entity_wrong)}
              </td>
              <td className="num nowrap">
                {formatMetric(r.gold_part_explored_part_correct)} / {formatMetric(r.gold_part_explored_part_wrong)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
