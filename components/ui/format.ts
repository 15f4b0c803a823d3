/** `home_office` → `Home office`. */
export function humanize(value: string): string {
  const s = value.replace(/[_-]+/g, " ").trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A metric value: shares and scores with 3 decimals, per-episode counts with 2; `—` for none. */
export function formatMetric(value: number | null | undefined, kind: "rate" | "count" = "rate"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toFixed(kind === "rate" ? 3 : 2);
}

/** `[0.333, 0.778]`, or `—` without an interval. */
export function formatInterval(
  ci: readonly [number, number] | null | undefined,
  kind: "rate" | "count" = "rate",
): string {
  if (!ci) return "—";
  return `[${formatMetric(ci[0], kind)}, ${formatMetric(ci[1], kind)}]`;
}

/** `55.6%` (one decimal), `—` for none. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${(value * 100).toFixed(digits)}%`;
}

/**
 * A timestamp the same on the server and in every browser (no locale, no time zone guessing):
 * `2026-11-24 23:35 UTC`.
 */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The first characters of a hash, for display. */
export function shortHash(hash: string, length = 10): string {
  return hash.slice(0, length);
}
