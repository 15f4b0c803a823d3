import type { Metadata } from "next";
import Link from "next/link";
import { IdentityGate } from "@/components/annotator/identity-form";
import { NewScenario } from "@/components/editor/new-scenario";

export const metadata: Metadata = { title: "New scenario" };

export default function NewScenarioPage() {
  return (
    <div className="page page--wide" data-testid="new-scenario-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/scenarios">Scenarios</Link>
        <span aria-hidden="true">/</span>
        <span>New</span>
      </nav>
      <h1 className="page-title">New scenario</h1>
      <IdentityGate purpose="to author scenarios">
        <NewScenario />
      </IdentityGate>
    </div>
  );
}
