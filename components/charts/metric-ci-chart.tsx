"use client";
/** Means as horizontal bars with their 95% bootstrap intervals as error bars. */
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, TICK } from "./palette";

export interface MetricCiDatum {
  readonly key: string;
  readonly label: string;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
  readonly better: "higher" | "lower" | null;
}

export interface MetricCiChartProps {
  readonly data: readonly MetricCiDatum[];
  /** Upper end of the value axis (1 for shares; computed for counts when omitted). */
  readonly max?: number;
  readonly digits?: number;
  readonly testId?: string;
}

const ROW = 30;

export function MetricCiChart({ data, max, digits = 3, testId }: MetricCiChartProps) {
  const rows = data.map((d) => ({ ...d, err: [d.mean - d.low, d.high - d.mean] as [number, number] }));
  // counts: whole-number ticks up to the next integer above the widest interval
  const top = max ?? Math.max(1, Math.ceil(Math.max(...data.map((d) => d.high)) * 1.05));
  const height = rows.length * ROW + 40;
  return (
    <div className="chart" data-testid={testId} style={{ height }}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 20, bottom: 4, left: 4 }} barCategoryGap={7}>
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <XAxis
            type="number"
            domain={[0, top]}
            tick={TICK}
            allowDecimals={max !== undefined}
            tickCount={max === undefined ? Math.min(top, 8) + 1 : 5}
            tickFormatter={(v: number) => (max === undefined ? String(v) : String(Math.round(v * 100) / 100))}
            stroke={CHART.grid}
          />
          <YAxis type="category" dataKey="label" width={190} tick={TICK} stroke={CHART.grid} interval={0} />
          <Tooltip
            cursor={{ fill: "rgba(37, 99, 235, 0.06)" }}
            formatter={(_value, _name, item) => {
              const d = item.payload as (typeof rows)[number];
              return [
                `${d.mean.toFixed(digits)}  [${d.low.toFixed(digits)}, ${d.high.toFixed(digits)}]  n=${d.n}`,
                d.key,
              ];
            }}
          />
          <Bar dataKey="mean" isAnimationActive={false} radius={[0, 4, 4, 0]}>
            {rows.map((d) => (
              <Cell
                key={d.key}
                fill={d.better === "higher" ? CHART.higher : d.better === "lower" ? CHART.lower : CHART.neutral}
                fillOpacity={0.85}
              />
            ))}
            <ErrorBar dataKey="err" width={6} strokeWidth={1.5} stroke={CHART.errorBar} isAnimationActive={false} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
