import type { ProgressStatus } from "@/lib/jobs/progress";

const HELP: Record<ProgressStatus, string> = {
  pending: "Waiting to start",
  running: "Episodes are being played",
  done: "Every episode finished",
  failed: "The run stopped with an error",
  cancelled: "Stopped early (e.g. the cost cap was reached)",
  interrupted: "The process playing it stopped; resume it with mmcb eval --resume",
};

/** A run's status as a coloured pill; a running run's dot pulses. */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  return (
    <span
      className={`badge status status--${status}`}
      title={HELP[status]}
      data-testid="run-status"
      data-status={status}
    >
      {status}
    </span>
  );
}
