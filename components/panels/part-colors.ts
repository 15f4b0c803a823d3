/** Distinct, readable part colours; the overlay, the list swatches and the part view share them. */
const PART_COLORS = ["#0ea5e9", "#f97316", "#10b981", "#e11d48", "#8b5cf6", "#eab308", "#14b8a6", "#ec4899"] as const;

export function partColor(index: number): string {
  return PART_COLORS[index % PART_COLORS.length]!;
}
