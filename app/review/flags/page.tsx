import type { Metadata } from "next";
import Link from "next/link";
import { getScenarioStore } from "@/lib/scenarios/store";
import { listFlags } from "@/lib/review/flags";
import { FlagsBoard, type FlagRow } from "@/components/review/flags-board";
import { episodeUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scenario flags" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FlagsPage({ searchParams }: Props) {
  const raw = (await searchParams).status;
  const status = raw === "resolved" ? "resolved" : "open";
  const [flags, store, openCount] = await Promise.all([
    listFlags({ status }),
    getScenarioStore(),
    status === "open" ? Promise.resolve(null) : listFlags({ status: "open" }).then((f) => f.length),
  ]);
  const rows: FlagRow[] = flags.map((f) => ({
    ...f,
    scenarioHref: `/scenarios/${encodeURIComponent(f.scenarioId)}`,
    episodeHref: f.episodeId && f.episodeRunId ? episodeUrl(f.episodeRunId, f.episodeId) : null,
    runs: f.runs.map((r) => ({ ...r, rescoreHref: `/review/rescore/${encodeURIComponent(r.runId)}` })),
  }));
  const scenarios = store.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.title }));
  return (
    <div className="page" data-testid="flags-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/review">Review</Link>
        <span aria-hidden="true">/</span>
        <span>Flags</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 className="page-title">Scenario flags</h1>
          <p className="page-lede">
            Scenarios whose gold a reviewer thinks is wrong or ambiguous. Fix the scenario in the editor (it gets a new
            version), re-score the runs listed under the flag to see old against new, then resolve the flag.
          </p>
        </div>
        <div className="page-head__side">
          <p className="page-count" data-testid="flags-count">
            {flags.length} {status}
            {openCount !== null && ` · ${openCount} open`}
          </p>
        </div>
      </div>
      <FlagsBoard flags={rows} status={status} scenarios={scenarios} />
    </div>
  );
}
