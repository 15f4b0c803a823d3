import type { Metadata } from "next";
import { loadLeaderboard, type LeaderboardRun } from "@/lib/leaderboard/runs";
import { loadPublishedLeaderboard } from "@/lib/leaderboard/published";
import { formatBenchmarkSet } from "@/core/run/benchmark-set";
import { describeDifferences } from "@/lib/leaderboard/differences";
import { GroupPicker } from "@/components/leaderboard/group-picker";
import { BenchmarkSetLabel } from "@/components/runs/benchmark-set";
import { LeaderboardTable, type LeaderboardRow } from "@/components/leaderboard/leaderboard-table";
import { PublishedTable } from "@/components/leaderboard/published-table";
import { plural, shortHash } from "@/components/ui/format";
import { leaderboardUrl, runUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leaderboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const row = (r: LeaderboardRun, notComparable = false): LeaderboardRow => ({
  id: r.id,
  href: runUrl(r.id),
  name: r.name,
  solver: r.solver,
  solverKind: r.solverKind,
  episodes: r.episodes,
  errors: r.errors,
  metrics: r.metrics,
  notComparable,
});

export default async function LeaderboardPage({ searchParams }: Props) {
  const groupParam = (await searchParams).group;
  const { groups, selected } = await loadLeaderboard(typeof groupParam === "string" ? groupParam : undefined);
  const published = loadPublishedLeaderboard();
  const others = groups
    .filter((g) => g !== selected)
    .flatMap((g) => g.runs)
    .map((r) => row(r, true));
  const first = selected?.runs[0];

  return (
    <div className="page" data-testid="leaderboard-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Leaderboard</h1>
          <p className="page-lede">
            Finished runs ranked by gold_correct. Only runs under the same configuration — everything but the model
            (same comparable hash) — are ranked together; gold_correct shows its 95% bootstrap interval.
          </p>
        </div>
        <div className="page-head__side">
          <p className="page-count" data-testid="leaderboard-count">
            {plural(
              groups.reduce((s, g) => s + g.runs.length, 0),
              "finished run",
            )}
          </p>
        </div>
      </div>

      {selected ? (
        <>
          {groups.length > 1 && (
            <GroupPicker
              groups={groups.map((g) => ({
                hash: g.hash,
                href: leaderboardUrl(shortHash(g.hash, 16)),
                runs: g.runs.length,
                selected: g === selected,
                main: g.main,
                description: describeDifferences(g.differences),
                benchmarkSet: g.benchmarkSet ? formatBenchmarkSet(g.benchmarkSet) : null,
              }))}
            />
          )}
          <section className="card section-card table-section" aria-labelledby="ranked-title">
            <div className="section-card__head">
              <h2 className="card-title" id="ranked-title">
                Ranked runs <span className="card-title__count">{selected.runs.length}</span>
              </h2>
              <p className="muted section-card__note" data-testid="leaderboard-group">
                Comparable hash <code title={selected.hash}>{shortHash(selected.hash)}</code>
                {first ? ` · ${plural(first.scenarioCount, "scenario")} × ${plural(first.seedCount, "seed")}` : ""}
                {" · benchmark set "}
                <BenchmarkSetLabel set={selected.benchmarkSet} testId="leaderboard-benchmark-set" />
              </p>
              {!selected.main && (
                <p className="muted section-card__note" data-testid="leaderboard-group-differences">
                  Differs from the main configuration: {describeDifferences(selected.differences)}.
                </p>
              )}
            </div>
            <LeaderboardTable rows={selected.runs.map((r) => row(r))} testId="leaderboard-table" />
          </section>

          {others.length > 0 && (
            <section className="card section-card table-section" aria-labelledby="others-title">
              <div className="section-card__head">
                <h2 className="card-title" id="others-title">
                  Other configurations <span className="card-title__count">{others.length}</span>
                </h2>
                <p className="muted section-card__note">
                  Not comparable with the ranking above (config differs): other scenarios, seeds, engine or prompt
                  settings, or another solver kind or endpoint.
                </p>
              </div>
              <LeaderboardTable rows={others} testId="leaderboard-others" />
            </section>
          )}
        </>
      ) : (
        <div className="card empty-state empty-state--card" data-testid="leaderboard-empty">
          <h2>No finished run yet</h2>
          <p>Runs appear here once they finish with scored episodes.</p>
        </div>
      )}

      {published.rows.length > 0 && (
        <section
          className="card section-card table-section reference-section"
          aria-labelledby="published-title"
          data-testid="published-section"
        >
          <div className="section-card__head">
            <h2 className="card-title" id="published-title">
              Published (paper, MM-CreativityBench) — reference, not run here
            </h2>
            <p className="muted section-card__note">
              Numbers as reported in the paper, for orientation only: they were not produced by this installation, have
              no intervals, and may use another configuration. The paper splits gold entity/part explored by whether the
              answer was correct.
            </p>
            <p className="muted section-card__note" data-testid="published-source">
              Source: <a href={published.source.url}>{published.source.paper}</a> (arXiv {published.source.arxiv},{" "}
              {published.source.published}) — {published.source.table}. Copied into mmcb on {published.source.copied}.
            </p>
          </div>
          <PublishedTable rows={published.rows} />
        </section>
      )}
    </div>
  );
}
