/**
 * Finished runs with their aggregates, grouped by comparable configuration (same `comparableHash`:
 * everything but the model), for the leaderboard; and the scored episodes of two runs for the compare page.
 */
import "server-only";
import { summarize, type MetricSummary, type ScoredEpisode } from "@/core/scoring";
import { getDb } from "@/lib/db/client";
import { listRunSummaries, runEpisodeRows } from "@/lib/db/run-queries";
import { runAnnotatorCount, type RunRecord } from "@/lib/db/runs";
import type { BenchmarkSet } from "@/core/run/benchmark-set";
import { runBenchmarkSet } from "@/lib/run/benchmark-set";
import { comparableHash } from "@/lib/run/hash";
import { configDifferences } from "./differences";

/** The metrics a leaderboard row shows. */
export const LEADERBOARD_METRICS = [
  "gold_correct",
  "entity_correct",
  "turns",
  "distinct_entities",
  "distinct_parts",
  "gold_entity_explored",
  "gold_part_explored",
  "hallucination_rate",
] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];

export interface LeaderboardRun {
  readonly id: string;
  readonly name: string;
  readonly solverKind: string;
  /** The model name, or the baseline's name. */
  readonly solver: string;
  readonly comparableHash: string;
  readonly benchmarkSet: BenchmarkSet | null;
  readonly scenarioCount: number;
  readonly seedCount: number;
  /** Scored episodes (the means cover these). */
  readonly episodes: number;
  /** Episodes that ended in an infrastructure error: in no mean, counted apart (SPEC §5). */
  readonly errors: number;
  readonly metrics: Record<LeaderboardMetric, MetricSummary>;
}

export interface LeaderboardGroup {
  readonly hash: string;
  /** Runs by gold_correct, best first. */
  readonly runs: readonly LeaderboardRun[];
  /** The benchmark set its runs played (one per group: it is part of the comparable configuration). */
  readonly benchmarkSet: BenchmarkSet | null;
  /** The group with the most runs, which the others are described against. */
  readonly main: boolean;
  /** What this group's configuration changes against the main group's, as phrases (empty for the main group). */
  readonly differences: readonly string[];
}

export interface LeaderboardData {
  readonly groups: readonly LeaderboardGroup[];
  /** The group shown; null when no run is finished. */
  readonly selected: LeaderboardGroup | null;
}

/** A run's scored episodes, shaped for core/scoring. */
export async function scoredEpisodes(runId: string): Promise<ScoredEpisode[]> {
  return scoredOf(await runEpisodeRows(getDb(), runId));
}

function scoredOf(rows: Awaited<ReturnType<typeof runEpisodeRows>>): ScoredEpisode[] {
  return rows.flatMap((r) =>
    r.metrics
      ? [
          {
            episodeId: r.id,
            scenarioId: r.scenarioId,
            seed: r.seed,
            tier: r.tier,
            setting: r.setting,
            metrics: r.metrics,
          },
        ]
      : [],
  );
}

const byGold = (a: LeaderboardRun, b: LeaderboardRun) =>
  (b.metrics.gold_correct.mean ?? -1) - (a.metrics.gold_correct.mean ?? -1) || a.id.localeCompare(b.id);

async function leaderboardRun(run: RunRecord): Promise<LeaderboardRun | null> {
  const rows = await runEpisodeRows(getDb(), run.id);
  const scored = scoredOf(rows);
  if (scored.length === 0) return null;
  const errors = rows.filter((r) => r.status === "failed" || r.endReason === "error").length;
  // only the shown metrics: the full aggregate (every metric, every split) is the run page's job
  const metrics = Object.fromEntries(
    LEADERBOARD_METRICS.map((m) => [
      m,
      summarize(scored.map((e) => (typeof e.metrics[m] === "boolean" ? Number(e.metrics[m]) : e.metrics[m]))),
    ]),
  ) as LeaderboardRun["metrics"];
  const human = run.solverKind === "human" ? await humanBaseline(run.id, scored) : null;
  return {
    id: run.id,
    name: run.name,
    solverKind: run.solverKind,
    solver: human?.label ?? run.config.solver.model ?? run.solverName,
    comparableHash: comparableHash(run.config),
    benchmarkSet: runBenchmarkSet(run),
    scenarioCount: human?.scenarioCount ?? run.config.scenarios.length,
    seedCount: human?.seedCount ?? run.config.seeds.length,
    episodes: scored.length,
    errors,
    metrics,
  };
}

/**
 * A human-play run collects episodes as people play (its configuration lists no scenarios or seeds): it is
 * labelled by how many annotators played, and sized by what was played (plays per scenario as "seeds").
 */
async function humanBaseline(
  runId: string,
  scored: readonly ScoredEpisode[],
): Promise<{ label: string; scenarioCount: number; seedCount: number }> {
  const annotators = await runAnnotatorCount(getDb(), runId);
  const plays = new Map<string, number>();
  for (const e of scored) plays.set(e.scenarioId, (plays.get(e.scenarioId) ?? 0) + 1);
  return {
    label: `Human (${annotators} annotator${annotators === 1 ? "" : "s"})`,
    scenarioCount: plays.size,
    seedCount: Math.max(0, ...plays.values()),
  };
}

/**
 * Finished runs with at least one scored episode, grouped by comparable hash; the selected group is the one
 * whose hash starts with `group` when given, else the one with the most runs (then the most episodes).
 */
export async function loadLeaderboard(group?: string): Promise<LeaderboardData> {
  // human-play runs stay open while people play; their scored episodes count as they come
  const finished = (await listRunSummaries(getDb())).filter((r) => r.status === "done" || r.solverKind === "human");
  const runs = (await Promise.all(finished.map(leaderboardRun))).filter((r): r is LeaderboardRun => r !== null);
  const configs = new Map(finished.map((r) => [r.id, r.config]));
  const byHash = new Map<string, LeaderboardRun[]>();
  for (const r of runs) byHash.set(r.comparableHash, [...(byHash.get(r.comparableHash) ?? []), r]);
  const size = (g: { runs: readonly LeaderboardRun[] }) => g.runs.reduce((s, r) => s + r.episodes, 0);
  const sorted = [...byHash]
    .map(([hash, list]) => ({ hash, runs: list.sort(byGold) }))
    .sort((a, b) => b.runs.length - a.runs.length || size(b) - size(a) || a.hash.localeCompare(b.hash));
  const facts = (g: { runs: readonly LeaderboardRun[] }) => ({
    config: configs.get(g.runs[0]!.id)!,
    benchmarkSet: g.runs[0]!.benchmarkSet,
  });
  const main = sorted[0] ? facts(sorted[0]) : null;
  const groups: LeaderboardGroup[] = sorted.map((g, i) => ({
    ...g,
    benchmarkSet: g.runs[0]!.benchmarkSet,
    main: i === 0,
    differences: i === 0 || !main ? [] : configDifferences(main, facts(g)),
  }));
  const wanted = group?.toLowerCase();
  const selected = (wanted ? groups.find((g) => g.hash.startsWith(wanted)) : undefined) ?? groups[0] ?? null;
  return { groups, selected };
}
