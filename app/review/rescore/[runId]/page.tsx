import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MmcbError } from "@/core/errors";
import { rescoreHistory, rescorePreview, snapshot } from "@/lib/review/rescore";
import { RescoreBoard, type HistoryEntry } from "@/components/review/rescore-board";
import { runParamsSchema } from "@/app/_lib/http";
import { episodeUrl, runUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Re-score run" };

type Props = { params: Promise<{ runId: string }> };

export default async function RescorePage({ params }: Props) {
  const parsed = runParamsSchema.safeParse({ id: (await params).runId });
  if (!parsed.success) notFound();
  const runId = parsed.data.id;
  let view;
  try {
    view = await rescorePreview(runId);
  } catch (e) {
    if (e instanceof MmcbError && e.code === "run:not_found") notFound();
    throw e;
  }
  const history = await rescoreHistory(runId);
  const groups = new Map<string, HistoryEntry>();
  for (const h of history) {
    const g = groups.get(h.rescoreId) ?? {
      rescoreId: h.rescoreId,
      replacedAt: h.replacedAt,
      annotatorName: h.annotatorName,
      rows: [],
    };
    groups.set(h.rescoreId, {
      ...g,
      rows: [
        ...g.rows,
        {
          episodeId: h.episodeId,
          scenarioId: h.scenarioId,
          seed: h.seed,
          scenarioVersion: h.scenarioVersion,
          newScenarioVersion: h.newScenarioVersion,
          metrics: snapshot(h.metrics),
          href: episodeUrl(runId, h.episodeId),
        },
      ],
    });
  }
  const episodeHrefs = Object.fromEntries(view.rows.map((r) => [r.episodeId, episodeUrl(runId, r.episodeId)]));
  return (
    <div className="page page--wide" data-testid="rescore-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/review">Review</Link>
        <span aria-hidden="true">/</span>
        <Link href="/review/flags">Flags</Link>
        <span aria-hidden="true">/</span>
        <span>Re-score</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 className="page-title">
            Re-score <Link href={runUrl(runId)}>{view.runName}</Link>
          </h1>
          <p className="page-lede">
            Scoring is a pure function of the scenario and the stored trace, so after a scenario is fixed its runs can
            be scored again. This compares each episode&apos;s stored score with the score against the scenario as it is
            now; applying it stamps the new version on the results and keeps the old scores.
          </p>
        </div>
      </div>
      <RescoreBoard view={view} history={[...groups.values()]} episodeHrefs={episodeHrefs} />
    </div>
  );
}
