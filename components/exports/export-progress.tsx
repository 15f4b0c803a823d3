/** The running export: a progress bar while it runs, the download link when done, the sentence when it failed. */
import type { ExportStatus } from "@/lib/export/client";
import styles from "./exports.module.css";

export function ExportProgressBar({ job, downloadUrl }: { job: ExportStatus; downloadUrl: string }) {
  const p = job.progress;
  const share = p && p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return (
    <div className={styles.job} data-testid="export-job" data-status={job.status}>
      {job.status === "running" && (
        <>
          <progress className={styles.progress} value={share} max={1} aria-label="Export progress" />
          <p className="muted">
            {p ? `${p.done} of ${p.total} processed · ${p.records} records written` : "Starting…"}
          </p>
        </>
      )}
      {job.status === "done" && (
        <p>
          Export <code>{job.id}</code> is ready: {job.counts?.total ?? 0} records, {job.counts?.images ?? 0} images.{" "}
          <a className="button button--small" href={downloadUrl} download data-testid="export-download">
            Download zip
          </a>
        </p>
      )}
      {job.status === "failed" && (
        <p className={styles.problem} role="alert">
          The export failed: {job.error}
        </p>
      )}
    </div>
  );
}
