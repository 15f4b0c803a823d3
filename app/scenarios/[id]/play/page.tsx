import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { scenarioFromParam } from "@/app/_lib/scenario-param";
import { IdentityGate } from "@/components/annotator/identity-form";
import { PlayApp } from "@/components/play/play-app";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await scenarioFromParam((await params).id);
  return { title: loaded ? `Play · ${loaded.scenario.title}` : "Scenario not found" };
}

/** Play a scenario as a person (SPEC §3, §6 `human`). Only the brief reaches the page: no answers. */
export default async function PlayPage({ params }: Props) {
  const loaded = await scenarioFromParam((await params).id);
  if (!loaded) notFound();
  const { scenario } = loaded;
  const preview = {
    title: scenario.title,
    task: scenario.task,
    constraints: [...scenario.constraints],
    entityCount: scenario.entities.length,
  };
  return (
    <div className="page page--wide play-page" data-testid="play-page" data-scenario-id={scenario.id}>
      <header className="play-head">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link href="/scenarios">Scenarios</Link>
          <span aria-hidden="true">/</span>
          <Link href={`/scenarios/${scenario.id}`}>{scenario.id}</Link>
          <span aria-hidden="true">/</span>
          <span>Play</span>
        </nav>
        <h1 className="page-title">{scenario.title}</h1>
      </header>
      <IdentityGate purpose="Choose the name stored with your play (it appears on the human baseline). It is remembered in this browser.">
        <PlayApp scenarioId={scenario.id} preview={preview} />
      </IdentityGate>
    </div>
  );
}
