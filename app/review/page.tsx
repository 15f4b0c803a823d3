import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { recentClaimReviews } from "@/lib/db/reviews";
import { listFlags } from "@/lib/review/flags";
import { agreementView } from "@/lib/review/pairs";
import { loadRunList } from "@/lib/runs/run-view";
import { AgreementPanel } from "@/components/review/agreement-panel";
import { episodeUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review" };

export default async function ReviewHubPage() {
  const [agreement, openFlags, recent, runs] = await Promise.all([
    agreementView(),
    listFlags({ status: "open" }),
    recentClaimReviews(getDb(), 15),
    loadRunList(),
  ]);
  return (
    <div className="page" data-testid="review-hub">
      <div className="page-head">
        <div>
          <h1 className="page-title">Review</h1>
          <p className="page-lede">
            People check the benchmark: judge pairs of episodes blind, re-judge attribute claims in a replay, and flag
            scenarios whose gold looks wrong so they can be fixed and the runs re-scored.
          </p>
        </div>
      </div>
      <div className="review-hub__cards">
        <Link href="/review/pairs" className="card review-hub__card" data-testid="hub-pairs">
          <h2 className="card-title">Pairwise blind review →</h2>
          <p>
            Two episodes of the same scenario, solvers hidden. Pick the better one with <kbd>1</kbd> <kbd>2</kbd>{" "}
            <kbd>3</kbd> <kbd>4</kbd>. {agreement.verdicts} verdict{agreement.verdicts === 1 ? "" : "s"} so far.
          </p>
        </Link>
        <Link href="/review/flags" className="card review-hub__card" data-testid="hub-flags">
          <h2 className="card-title">Scenario flags →</h2>
          <p>
            <strong data-testid="hub-open-flags">{openFlags.length}</strong> open flag
            {openFlags.length === 1 ? "" : "s"}. Resolve them after fixing the scenario and re-scoring its runs.
          </p>
        </Link>
        <div className="card review-hub__card">
          <h2 className="card-title">Re-judge claims</h2>
          <p>
            Open any episode from a <Link href="/runs">run</Link>: each claim has ✓ grounded / ✗ hallucinated controls (
            <kbd>j</kbd>/<kbd>k</kbd> to move, <kbd>g</kbd>/<kbd>h</kbd> to mark), and <kbd>f</kbd> flags the scenario.
          </p>
        </div>
      </div>
      <div className="review-hub__grid">
        <section className="card" aria-labelledby="recent-title">
          <h2 className="card-title" id="recent-title">
            Recent claim reviews
          </h2>
          {recent.length === 0 ? (
            <p className="muted">No claim has been re-judged yet.</p>
          ) : (
            <ul className="plain-list review-hub__recent" data-testid="recent-reviews">
              {recent.map((r) => (
                <li key={r.id}>
                  <span className={`review-verdict review-verdict--${r.verdict}`}>{r.verdict}</span>{" "}
                  <Link href={`${episodeUrl(r.runId, r.episodeId)}?step=${r.stepIndex + 1}`}>
                    {r.scenarioId} · step {r.stepIndex + 1} · claim {r.claimIndex + 1}
                  </Link>{" "}
                  <span className="muted">
                    by {r.annotatorName}
                    {r.note && <> — “{r.note}”</>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="rescore-title">
          <h2 className="card-title" id="rescore-title">
            Re-score a run
          </h2>
          <p className="muted">
            Compare a run&apos;s stored scores with its traces scored against the current scenarios.
          </p>
          {runs.length === 0 ? (
            <p className="muted">No runs yet.</p>
          ) : (
            <ul className="plain-list review-hub__runs">
              {runs.slice(0, 12).map((r) => (
                <li key={r.id}>
                  <Link href={`/review/rescore/${encodeURIComponent(r.id)}`}>{r.name}</Link>{" "}
                  <span className="muted">{r.id}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <AgreementPanel agreement={agreement} />
    </div>
  );
}
