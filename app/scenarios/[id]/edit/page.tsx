import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { scenarioFromParam } from "@/app/_lib/scenario-param";
import { referencedImages } from "@/core/scenario";
import { IdentityGate } from "@/components/annotator/identity-form";
import { ScenarioEditor } from "@/components/editor/scenario-editor";
import { scenarioFileUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await scenarioFromParam((await params).id);
  return { title: loaded ? `Edit · ${loaded.scenario.title}` : "Scenario not found" };
}

export default async function EditScenarioPage({ params }: Props) {
  const loaded = await scenarioFromParam((await params).id);
  if (!loaded) notFound();
  const { scenario, contentHash } = loaded;
  const imageUrls = Object.fromEntries(
    referencedImages(scenario).map((file) => [file, scenarioFileUrl(scenario.id, file, contentHash)]),
  );
  return (
    <div className="page page--wide" data-testid="edit-scenario-page" data-scenario-id={scenario.id}>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/scenarios">Scenarios</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/scenarios/${scenario.id}`}>{scenario.id}</Link>
        <span aria-hidden="true">/</span>
        <span>Edit</span>
      </nav>
      <h1 className="page-title">
        Edit <span className="muted">{scenario.title}</span>
      </h1>
      <IdentityGate purpose="to edit scenarios">
        <ScenarioEditor
          key={contentHash}
          initial={scenario}
          baseVersion={scenario.version}
          imageUrls={imageUrls}
          draft={loaded.draft === true}
        />
      </IdentityGate>
    </div>
  );
}
