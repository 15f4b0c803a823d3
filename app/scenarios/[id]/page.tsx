import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scenarioFromParam } from "@/app/_lib/scenario-param";
import { ScenarioExplorer } from "@/components/panels/scenario-explorer";
import { ScenarioHeader } from "@/components/panels/scenario-header";
import { FlagScenarioButton } from "@/components/review/flag-scenario";
import { scenarioImageUrls } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await scenarioFromParam((await params).id);
  return { title: loaded ? loaded.scenario.title : "Scenario not found" };
}

export default async function ScenarioPage({ params }: Props) {
  const loaded = await scenarioFromParam((await params).id);
  if (!loaded) notFound();
  const { scenario, contentHash } = loaded;
  return (
    <div className="page page--wide" data-testid="scenario-page" data-scenario-id={scenario.id}>
      <ScenarioHeader scenario={scenario} draft={loaded.draft === true} />
      <div className="scenario-flag-row">
        <FlagScenarioButton scenarioId={scenario.id} scenarioVersion={scenario.version} />
      </div>
      <ScenarioExplorer scenario={scenario} urls={scenarioImageUrls(scenario, contentHash)} />
    </div>
  );
}
