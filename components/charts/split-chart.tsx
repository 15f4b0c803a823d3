"use client";
/** A few metrics per group (tier, setting) as grouped bars with 95% intervals. */
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, TICK } from "./palette";

export interface SplitSeries {
  readonly key: string;
  readonly label: string;
}

export interface SplitDatum {
  readonly group: string;
  readonly episodes: number;
  /** metric key → mean and interval (null when the group has no value for it). */
  readonly values: Record<string, { mean: number; low: number; high: number } | null>;
}

export function SplitChart(props: { data: readonly SplitDatum[]; series: readonly SplitSeries[]; testId?: string }) {
  const rows = props.data.map((d) => {
    const row: Record<string, unknown> = { group: d.group, episodes: d.episodes };
    for (const s of props.series) {
      const v = d.values[s.key];
      row[s.key] = v ? v.mean : null;
      row[`${s.key}__err`] = v ? [v.mean - v.low, v.high - v.mean] : [0, 0];
    }
    return row;
  });
  // many groups: slant the names so they never overlap
  const slant = rows.length > 4;
  const height = slant ? 300 : 260;
  return (
    <div className="chart" data-testid={props.testId} style={{ height }}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: -12 }} barGap={2} barCategoryGap="22%">
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="group"
            tick={TICK}
            stroke={CHART.grid}
            interval={0}
            {...(slant ? { angle: -35, textAnchor: "end", height: 64 } : {})}
          />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={TICK} stroke={CHART.grid} />
          <Tooltip
            cursor={{ fill: "rgba(37, 99, 235, 0.06)" }}
            formatter={(v, name) => [v === null ? "—" : Number(v).toFixed(3), name]}
            labelFormatter={(label, payload) => {
              const n = (payload?.[0]?.payload as { episodes?: number } | undefined)?.episodes;
              return n === undefined ? String(label) : `${String(label)} · ${n} episodes`;
            }}
          />
          <Legend
            verticalAlign="bottom"
            iconType="square"
            iconSize={10}
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
          />
          {props.series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={CHART.series[i % CHART.series.length]}
              fillOpacity={0.85}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            >
              <ErrorBar
                dataKey={`${s.key}__err`}
                width={4}
                strokeWidth={1.25}
                stroke={CHART.errorBar}
                isAnimationActive={false}
              />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
