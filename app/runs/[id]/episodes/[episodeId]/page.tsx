import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadReplay } from "@/lib/runs/replay";
import { AnswerCard } from "@/components/replay/answer-card";
import { EpisodeReplay } from "@/components/replay/episode-replay";
import { SettingBadge } from "@/components/ui/setting-badge";
import { TierBadge } from "@/components/ui/tier-badge";
import { episodeParamsSchema } from "@/app/_lib/http";
import { episodeUrl, RUNS_URL, runUrl, scenarioImageUrls } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string; episodeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: Props["params"]) {
  const parsed = episodeParamsSchema.safeParse(await params);
  return parsed.success ? loadReplay(parsed.data.id, parsed.data.episodeId) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params);
  return { title: data ? `${data.scenario.title} · seed ${data.episode.seed} · ${data.run.id}` : "Episode not found" };
}

/** `?step=N` (1-based) opens the replay at that step. */
function initialStep(searchParams: Record<string, string | string[] | undefined>): number {
  const raw = Array.isArray(searchParams.step) ? searchParams.step[0] : searchParams.step;
  const n = raw && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return Math.max(0, n - 1);
}

export default async function EpisodePage({ params, searchParams }: Props) {
  const data = await load(params);
  if (!data) notFound();
  const { run, episode, scenario, current, position } = data;
  const urls = current ? scenarioImageUrls(current.scenario, current.contentHash) : null;
  const answerClaims = data.answer ? data.claims.filter((c) => c.stepIndex === data.answer!.stepIndex) : [];

  return (
    <div className="page page--wide" data-testid="episode-page" data-episode-id={episode.id}>
      <header className="replay-head">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link href={RUNS_URL}>Runs</Link>
          <span aria-hidden="true">/</span>
          <Link href={runUrl(run.id)}>{run.id}</Link>
          <span aria-hidden="true">/</span>
          <span>
            {scenario.id} · seed {episode.seed}
          </span>
        </nav>
        <div className="replay-head__title-row">
          <div className="replay-head__title">
            <h1 className="page-title" data-testid="episode-title">
              {scenario.title}
            </h1>
            <div className="scenario-head__badges">
              <SettingBadge setting={scenario.setting} />
              <TierBadge tier={scenario.distractorSimilarity} />
              <span className="badge badge--muted">seed {episode.seed}</span>
              <span className="badge badge--muted" title="Solver of this run">
                {run.model ?? run.solverName}
              </span>
            </div>
          </div>
          <nav className="replay-head__nav" aria-label="Episodes of this run">
            {position.prev ? (
              <Link
                href={episodeUrl(run.id, position.prev)}
                className="button button--small"
                data-testid="episode-prev"
              >
                ← Previous
              </Link>
            ) : (
              <span className="button button--small button--disabled" aria-disabled="true">
                ← Previous
              </span>
            )}
            <span className="muted replay-head__pos">
              {position.index + 1} of {position.count}
            </span>
            {position.next ? (
              <Link
                href={episodeUrl(run.id, position.next)}
                className="button button--small"
                data-testid="episode-next"
              >
                Next →
              </Link>
            ) : (
              <span className="button button--small button--disabled" aria-disabled="true">
                Next →
              </span>
            )}
          </nav>
        </div>
        <p className="replay-head__task">
          <span className="section-label">Task</span> {scenario.task}
        </p>
        {!current && (
          <p className="notice notice--warn" role="note">
            Scenario <code>{scenario.id}</code> is no longer in the scenario folder: the replay shows its recorded steps
            without images.
          </p>
        )}
        {current && !current.sameContent && (
          <p className="notice notice--warn" role="note">
            Scenario <code>{scenario.id}</code> changed since this episode ran (it ran against v
            {episode.scenarioVersion}; the folder now holds v{current.scenario.version}). Claims are classified against
            the version it ran against; images come from the current files.
          </p>
        )}
      </header>
      <EpisodeReplay
        scenario={scenario}
        urls={urls}
        steps={data.steps}
        frames={data.frames}
        claims={data.claims}
        initialStep={initialStep(await searchParams)}
      >
        <AnswerCard
          scenario={scenario}
          answer={data.answer?.args ?? null}
          answerClaims={answerClaims}
          metrics={data.metrics}
          endReason={data.endReason}
          error={episode.error}
        />
      </EpisodeReplay>
    </div>
  );
}
