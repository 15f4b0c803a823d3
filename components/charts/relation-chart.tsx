"use client";
/** Shares of answer relations (gold, similar, not similar, nonexistent, no answer) as stacked bars. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Relation } from "@/core/scoring";
import { CHART, RELATION_COLORS, TICK } from "./palette";

export interface RelationDatum {
  readonly group: string;
  readonly episodes: number;
  readonly shares: Record<Relation, number>;
}

const ORDER: readonly Relation[] = ["gold", "similar", "not_similar", "nonexistent", "no_answer"];
const LABEL: Record<Relation, string> = {
  gold: "Gold",
  similar: "Similar",
  not_similar: "Not similar",
  nonexistent: "Nonexistent",
  no_answer: "No answer",
};

export function RelationChart({ data }: { data: readonly RelationDatum[] }) {
  const rows = data.map((d) => ({ group: `${d.group} (${d.episodes})`, ...d.shares }));
  const height = rows.length * 36 + 70;
  return (
    <div className="chart" data-testid="relation-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={8}>
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={TICK}
            stroke={CHART.grid}
          />
          <YAxis type="category" dataKey="group" width={130} tick={TICK} stroke={CHART.grid} interval={0} />
          <Tooltip formatter={(v, name) => [`${(Number(v) * 100).toFixed(1)}%`, LABEL[name as Relation] ?? name]} />
          <Legend
            verticalAlign="bottom"
            iconType="square"
            iconSize={10}
            itemSorter={null}
            formatter={(name: string) => LABEL[name as Relation] ?? name}
            wrapperStyle={{ fontSize: 12 }}
          />
          {ORDER.map((r) => (
            <Bar key={r} dataKey={r} stackId="relation" fill={RELATION_COLORS[r]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
