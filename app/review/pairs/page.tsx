import type { Metadata } from "next";
import Link from "next/link";
import { agreementView } from "@/lib/review/pairs";
import { IdentityGate } from "@/components/annotator/identity-form";
import { PairReview } from "@/components/review/pair-review";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pairwise review" };

export default async function PairsPage() {
  const agreement = await agreementView();
  return (
    <div className="page page--wide" data-testid="pairs-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/review">Review</Link>
        <span aria-hidden="true">/</span>
        <span>Pairs</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 className="page-title">Pairwise blind review</h1>
          <p className="page-lede">
            Two episodes on the same scenario, from different runs, side by side. Which one explored and answered
            better? Your verdicts become human preference pairs in the export.
          </p>
        </div>
      </div>
      <IdentityGate purpose="Name yourself to judge pairs: your verdicts are stored under this name, and agreement between reviewers is measured by name.">
        <PairReview initialAgreement={agreement} />
      </IdentityGate>
    </div>
  );
}
