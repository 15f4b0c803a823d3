/** Record counts of an export by group and split, and what was left out. */
import type { ExportCounts } from "@/lib/export/client";
import styles from "./exports.module.css";

export function CountsTable({ counts, unit }: { counts: ExportCounts; unit: string }) {
  const groups = [...new Set([...Object.keys(counts.bySplit.train), ...Object.keys(counts.bySplit.test)])].sort();
  const skipped = Object.entries(counts.skipped).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div>
      <p className={styles.total} data-testid="export-total">
        <strong>{counts.total}</strong> {unit}: {counts.train} train · {counts.test} test
        <span className="muted">
          {" "}
          ({counts.scenarios.train} + {counts.scenarios.test} scenarios; no scenario in both)
        </span>
      </p>
      {groups.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">group</th>
              <th scope="col">train</th>
              <th scope="col">test</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g}>
                <th scope="row">{g}</th>
                <td>{counts.bySplit.train[g] ?? 0}</td>
                <td>{counts.bySplit.test[g] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {skipped.length > 0 && (
        <p className="muted" data-testid="export-skipped">
          Left out: {skipped.map(([k, v]) => `${k.replace(/_/g, " ")} ${v}`).join(" · ")}
        </p>
      )}
    </div>
  );
}
