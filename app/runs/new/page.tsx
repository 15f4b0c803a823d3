import type { Metadata } from "next";
import Link from "next/link";
import { getPublishedStore } from "@/lib/scenarios/store";
import { NewRunForm, type ScenarioOption } from "@/components/runs/new-run-form";
import { RUNS_URL } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New run" };

export default async function NewRunPage() {
  // drafts are not part of the benchmark: only published scenarios are offered (and are "All")
  const store = await getPublishedStore();
  const scenarios: ScenarioOption[] = store.scenarios
    .map(({ scenario: s }) => ({ id: s.id, title: s.title, setting: s.setting, tier: s.distractorSimilarity }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return (
    <div className="page page--narrow" data-testid="new-run-page">
      <header>
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link href={RUNS_URL}>Runs</Link>
          <span aria-hidden="true">/</span>
          <span>New run</span>
        </nav>
        <h1 className="page-title">New run</h1>
        <p className="page-lede">
          Play a solver over scenarios × seeds in the background of this server. Every episode is stored as it finishes;
          the run page shows live progress, then metrics with confidence intervals.
        </p>
      </header>
      <NewRunForm scenarios={scenarios} />
    </div>
  );
}
