/**
 * Run progress as the API reports it and the run page shows it: counts, rate and ETA. Pure helpers, safe
 * for the browser and the server alike.
 */

/** Where a run stands. `interrupted`: the database says running but no process is playing it any more. */
export type ProgressStatus = "pending" | "running" | "done" | "failed" | "cancelled" | "interrupted";

export interface RunProgress {
  readonly status: ProgressStatus;
  /** True when this server process is playing the run (its counts are live). */
  readonly live: boolean;
  /** Episodes finished (including failed and reused ones). */
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  /** Episodes kept from an earlier attempt (resume). */
  readonly reused: number;
  /** ISO timestamps. */
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export interface ProgressStats {
  /** 0..1 */
  readonly fraction: number;
  /** Episodes per minute over the episodes actually played (reused ones are free). Null before the first. */
  readonly perMinute: number | null;
  /** Seconds left at that rate; null when unknown or finished. */
  readonly etaSeconds: number | null;
  readonly elapsedSeconds: number | null;
}

export const isActive = (status: ProgressStatus): boolean => status === "running" || status === "pending";

/** Fraction done, rate and ETA at `nowMs`. */
export function progressStats(p: RunProgress, nowMs: number): ProgressStats {
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : isActive(p.status) ? 0 : 1;
  const started = p.startedAt ? Date.parse(p.startedAt) : NaN;
  const end = p.finishedAt ? Date.parse(p.finishedAt) : nowMs;
  const elapsedSeconds = Number.isFinite(started) ? Math.max(0, (end - started) / 1000) : null;
  const played = p.done - p.reused;
  const perMinute = elapsedSeconds && elapsedSeconds > 0 && played > 0 ? (played / elapsedSeconds) * 60 : null;
  const left = Math.max(0, p.total - p.done);
  const etaSeconds = isActive(p.status) && perMinute ? (left / perMinute) * 60 : null;
  return { fraction, perMinute, etaSeconds, elapsedSeconds };
}

/** `42 s`, `3 min 05 s`, `2 h 07 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** What a status badge shows: `errors` (amber, "N errors") for a run that finished with errored episodes. */
export type StatusKind = ProgressStatus | "errors";

/**
 * A run's status in words for its badge (run page and runs list alike): a run that finished with
 * episodes that ended in an infrastructure error says "N errors", not "done" — those episodes are not in
 * its means (SPEC §5). A run whose every episode errored is `failed` (the run says why).
 */
export function statusDisplay(p: { readonly status: ProgressStatus; readonly failed: number }): {
  readonly kind: StatusKind;
  readonly label: string;
} {
  if (p.status === "done" && p.failed > 0)
    return { kind: "errors", label: `${p.failed} error${p.failed === 1 ? "" : "s"}` };
  return { kind: p.status, label: p.status };
}
