/** The newest exports (from the app and the CLI), with their status and a download link when possible. */
import type { ExportStatus } from "@/lib/export/client";
import styles from "./exports.module.css";

export function RecentExports({
  exports,
  downloadUrl,
}: {
  exports: readonly ExportStatus[];
  downloadUrl: (id: string) => string;
}) {
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="export-recent">
      <h2 id="export-recent" className="card-title">
        Recent exports
      </h2>
      {exports.length === 0 ? (
        <p className="muted">No exports yet.</p>
      ) : (
        <table className={styles.table} data-testid="export-recent">
          <thead>
            <tr>
              <th scope="col">export</th>
              <th scope="col">what</th>
              <th scope="col">runs</th>
              <th scope="col">train / test</th>
              <th scope="col">status</th>
              <th scope="col" aria-label="download" />
            </tr>
          </thead>
          <tbody>
            {exports.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <code>{e.id}</code>
                  <div className={styles.when}>{new Date(e.createdAt).toLocaleString()}</div>
                </th>
                <td>
                  {e.kind} · {String(e.params.source ?? "")}
                  {e.params.negatives ? ` · ${String(e.params.negatives)}` : ""} · {e.format}
                </td>
                <td>{e.runIds.join(", ")}</td>
                <td>{e.counts ? `${e.counts.train} / ${e.counts.test}` : "—"}</td>
                <td title={e.error ?? undefined}>{e.status}</td>
                <td>
                  {e.downloadable ? (
                    <a className="button button--small" href={downloadUrl(e.id)} download>
                      Zip
                    </a>
                  ) : e.status === "done" ? (
                    <span className="muted" title="Written outside the data folder (by the CLI)">
                      on disk
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
