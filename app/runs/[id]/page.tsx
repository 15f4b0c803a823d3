import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadRunPage } from "@/lib/runs/run-view";
import { MetricCiChart } from "@/components/charts/metric-ci-chart";
import { RelationChart } from "@/components/charts/relation-chart";
import { SplitChart } from "@/components/charts/split-chart";
import { BenchmarkSetLabel } from "@/components/runs/benchmark-set";
import { ClaimsTable } from "@/components/runs/claims-table";
import { ConfigDetails } from "@/components/runs/config-details";
import { EpisodeTable, type EpisodeRow } from "@/components/runs/episode-table";
import { MetricsTable } from "@/components/runs/metrics-table";
import { RunActions } from "@/components/runs/run-actions";
import { RunHeader } from "@/components/runs/run-header";
import { RunProgress } from "@/components/runs/run-progress";
import { StatTiles, type StatTile } from "@/components/runs/stat-tiles";
import { formatInterval, formatMetric, plural } from "@/components/ui/format";
import { runParamsSchema } from "@/app/_lib/http";
import { metricCiData, relationData, SPLIT_SERIES, splitData } from "@/app/_lib/run-charts";
import { pageParam, paginate } from "@/app/_lib/pagination";
import { compareUrl, episodeUrl, NEW_RUN_URL, RUNS_URL, runApiUrl, runUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Episodes per page of the episode table. */
const EPISODES_PER_PAGE = 100;

async function load(params: Props["params"]) {
  const parsed = runParamsSchema.safeParse(await params);
  return parsed.success ? loadRunPage(parsed.data.id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = runParamsSchema.safeParse(await params);
  return { title: parsed.success ? `Run ${parsed.data.id}` : "Run not found" };
}

export default async function RunPage({ params, searchParams }: Props) {
  const data = await load(params);
  if (!data) notFound();
  const { run, progress, aggregate: agg, config } = data;

  const shown = paginate(data.episodes, pageParam((await searchParams).page), EPISODES_PER_PAGE);
  const episodes: EpisodeRow[] = shown.items.map((e) => ({ ...e, href: episodeUrl(run.id, e.id) }));
  const pageHref = (page: number) => `${runUrl(run.id)}${page > 1 ? `?page=${page}` : ""}#episodes`;
  const tiles: StatTile[] = agg
    ? [
        tile("gold_correct", "Gold correct", agg.metrics.gold_correct, "good"),
        tile("entity_correct", "Entity correct", agg.metrics.entity_correct, null),
        tile("hallucination_rate", "Hallucination rate", agg.metrics.hallucination_rate, "bad"),
        {
          key: "pass_k",
          label: agg.pass_k ? `pass^${agg.pass_k.k}` : "pass^k",
          value: formatMetric(agg.pass_k?.value ?? null),
          detail: agg.pass_k
            ? `of ${plural(agg.pass_k.scenarios, "scenario")} gold on all ${agg.pass_k.k} seeds`
            : undefined,
          title: "Share of scenarios whose first k episodes (by seed) are all gold-correct",
        },
        {
          key: "episodes",
          label: "Scored episodes",
          value: String(agg.episodes),
          detail: `of ${progress.total} planned`,
        },
      ]
    : [];

  return (
    <div className="page" data-testid="run-page" data-run-id={run.id}>
      <RunHeader
        {...run}
        runsHref={RUNS_URL}
        benchmarkSet={<BenchmarkSetLabel set={data.benchmarkSet} />}
        actions={
          <>
            <Link href={compareUrl(run.id)} className="button" data-testid="compare-with">
              Compare with…
            </Link>
            <Link href={NEW_RUN_URL} className="button">
              New run
            </Link>
            <RunActions runId={run.id} status={progress.status} failed={progress.failed} runsHref={RUNS_URL} />
          </>
        }
      />
      <RunProgress statusUrl={runApiUrl(run.id)} initial={progress} />

      {agg ? (
        <>
          <StatTiles tiles={tiles} />

          <section className="card section-card" aria-labelledby="metrics-title" data-testid="run-metrics">
            <div className="section-card__head">
              <h2 className="card-title" id="metrics-title">
                Metrics
              </h2>
              <p className="muted section-card__note">
                Means over scored episodes with 95% bootstrap intervals (fixed seed); n is how many episodes a mean
                covers — ratios with an empty denominator are left out.
              </p>
            </div>
            <div className="metrics-grid">
              <MetricsTable metrics={agg.metrics} episodes={agg.episodes} />
              <div className="metrics-grid__charts">
                <h3 className="section-label">Shares and scores</h3>
                <MetricCiChart data={metricCiData(agg.metrics, "rate")} max={1} testId="chart-rates" />
                <p className="chart-legend">
                  <span className="legend-swatch legend-swatch--higher" /> higher is better
                  <span className="legend-swatch legend-swatch--lower" /> lower is better
                  <span className="legend-whisker" /> 95% CI
                </p>
                <h3 className="section-label">Per-episode counts</h3>
                <MetricCiChart data={metricCiData(agg.metrics, "count")} digits={2} testId="chart-counts" />
              </div>
            </div>
          </section>

          <div className="two-col">
            <section className="card section-card" aria-labelledby="relations-title">
              <h2 className="card-title" id="relations-title">
                Answers by relation
              </h2>
              <RelationChart data={relationData(agg)} />
            </section>
            <section className="card section-card" aria-labelledby="claims-title">
              <h2 className="card-title" id="claims-title">
                Attribute claims
              </h2>
              <ClaimsTable total={agg.claims} visual={agg.claims_visual} nonVisual={agg.claims_nonvisual} />
              <p className="muted section-card__note">
                Hallucinated = contradicted + unseen + nonexistent. Unannotated claims cannot be checked and are not
                counted in the rate.{" "}
                {agg.metrics.hallucination_rate.mean === null ? (
                  "No episode of this run made a checkable claim."
                ) : (
                  <>
                    Mean hallucination rate <strong>{formatMetric(agg.metrics.hallucination_rate.mean)}</strong>{" "}
                    {formatInterval(agg.metrics.hallucination_rate.ci95)} over{" "}
                    {plural(agg.metrics.hallucination_rate.n, "episode")}.
                  </>
                )}
              </p>
            </section>
          </div>

          <div className="two-col">
            <section className="card section-card" aria-labelledby="tier-title">
              <h2 className="card-title" id="tier-title">
                By distractor tier
              </h2>
              <SplitChart data={splitData(agg.by_tier, "tier")} series={SPLIT_SERIES} testId="chart-by-tier" />
            </section>
            <section className="card section-card" aria-labelledby="setting-title">
              <h2 className="card-title" id="setting-title">
                By setting
              </h2>
              <SplitChart data={splitData(agg.by_setting, "name")} series={SPLIT_SERIES} testId="chart-by-setting" />
            </section>
          </div>
        </>
      ) : (
        <div className="card empty-state empty-state--card" data-testid="run-no-metrics">
          <h2>No scored episode yet</h2>
          <p>Metrics appear here as episodes finish.</p>
        </div>
      )}

      <section className="card section-card table-section" aria-labelledby="episodes-title" id="episodes">
        <div className="section-card__head">
          <h2 className="card-title" id="episodes-title">
            Episodes <span className="card-title__count">{shown.total}</span>
          </h2>
          {shown.pages > 1 && (
            <p className="muted section-card__note">
              {shown.from}–{shown.to} of {shown.total}
            </p>
          )}
        </div>
        <EpisodeTable rows={episodes} />
        {shown.pages > 1 && (
          <nav className="pager" aria-label="Episode pages" data-testid="episode-pager">
            {shown.page > 1 ? (
              <Link href={pageHref(shown.page - 1)} className="button button--small">
                ← Previous
              </Link>
            ) : (
              <span className="button button--small button--disabled">← Previous</span>
            )}
            <span className="muted">
              Page {shown.page} of {shown.pages}
            </span>
            {shown.page < shown.pages ? (
              <Link href={pageHref(shown.page + 1)} className="button button--small">
                Next →
              </Link>
            ) : (
              <span className="button button--small button--disabled">Next →</span>
            )}
          </nav>
        )}
      </section>

      {config && <ConfigDetails config={config} />}
    </div>
  );
}

function tile(
  key: string,
  label: string,
  m: { mean: number | null; ci95: readonly [number, number] | null; n: number },
  tone: StatTile["tone"],
): StatTile {
  return {
    key,
    label,
    value: formatMetric(m.mean),
    detail: `${formatInterval(m.ci95)} · n=${m.n}`,
    title: "Mean with its 95% bootstrap interval and the number of episodes it covers",
    tone,
  };
}
