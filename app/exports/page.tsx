import type { Metadata } from "next";
import { ExportWorkbench } from "@/components/exports/export-workbench";
import { getDb } from "@/lib/db/client";
import { exportableRuns } from "@/lib/db/exports";
import { recentExports } from "@/lib/export/jobs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Export" };

export default async function ExportsPage() {
  const [runs, recent] = await Promise.all([exportableRuns(getDb()), recentExports()]);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Export training data</h1>
          <p className="page-lede">
            Grounded-vs-hallucinated preference pairs and SFT trajectories from stored runs, in TRL or OpenAI formats,
            split by scenario, with images and a dataset card.
          </p>
        </div>
      </div>
      <ExportWorkbench runs={runs.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} recent={recent} />
    </div>
  );
}
