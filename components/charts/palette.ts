/** Chart colours, matched to the CSS tokens in app/globals.css. */
export const CHART = {
  axis: "#64748b",
  grid: "#e3e7ed",
  higher: "#3b82f6",
  lower: "#f97316",
  neutral: "#64748b",
  errorBar: "#0f172a",
  series: ["#2563eb", "#0d9488", "#e11d48"],
} as const;

export const RELATION_COLORS = {
  gold: "#f59e0b",
  similar: "#8b5cf6",
  not_similar: "#94a3b8",
  nonexistent: "#db2777",
  no_answer: "#cbd5e1",
} as const;

export const TICK = { fill: CHART.axis, fontSize: 12 } as const;
