import { statusDisplay, type ProgressStatus, type StatusKind } from "@/lib/jobs/progress";

const HELP: Record<StatusKind, string> = {
  pending: "Waiting to start",
  running: "Episodes are being played",
  done: "Every episode finished",
  errors: "Finished, but some episodes ended in an error (connection, auth, server): they are not in the means",
  failed: "The run stopped with an error",
  cancelled: "Stopped early (cancelled, or the cost cap was reached)",
  interrupted: "The process playing it stopped; resume it with mmcb eval --resume",
};

/**
 * A run's status as a coloured pill; a running run's dot pulses. `errors`: episodes that ended in an
 * infrastructure error — a finished run with some shows "N errors" in amber, not "done".
 */
export function StatusBadge({ status, errors = 0 }: { status: ProgressStatus; errors?: number }) {
  const shown = statusDisplay({ status, failed: errors });
  return (
    <span
      className={`badge status status--${shown.kind}`}
      title={HELP[shown.kind]}
      data-testid="run-status"
      data-status={shown.kind}
      data-errors={errors}
    >
      {shown.label}
    </span>
  );
}
