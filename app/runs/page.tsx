import type { Metadata } from "next";
import Link from "next/link";
import { loadRunList } from "@/lib/runs/run-view";
import { RunsTable, type RunRow } from "@/components/runs/runs-table";
import { plural } from "@/components/ui/format";
import { NEW_RUN_URL, runUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  const runs = await loadRunList();
  const rows: RunRow[] = runs.map((r) => ({
    id: r.id,
    href: runUrl(r.id),
    name: r.name,
    solver: r.model ?? r.solverName,
    solverKind: r.solverKind,
    endpointHost: r.endpointHost,
    status: r.progress.status,
    done: r.progress.done,
    total: r.progress.total,
    failed: r.progress.failed,
    goldMean: r.goldMean,
    createdAt: r.createdAt,
  }));
  return (
    <div className="page" data-testid="runs-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Runs</h1>
          <p className="page-lede">
            Each run is one solver over a set of scenarios and seeds under one recorded configuration. Open a run for
            its metrics with confidence intervals and a replay of every episode.
          </p>
        </div>
        <div className="page-head__side">
          <p className="page-count" data-testid="runs-count">
            {plural(rows.length, "run")}
          </p>
          <Link href={NEW_RUN_URL} className="button button--primary" data-testid="new-run-button">
            New run
          </Link>
        </div>
      </div>
      {rows.length > 0 ? (
        <RunsTable rows={rows} />
      ) : (
        <div className="empty-state empty-state--inline" data-testid="runs-empty">
          <h2>No runs yet</h2>
          <p>
            Start one from the form, or from the command line with <code>mmcb eval --solver oracle</code>.
          </p>
          <Link href={NEW_RUN_URL} className="button button--primary">
            New run
          </Link>
        </div>
      )}
    </div>
  );
}
