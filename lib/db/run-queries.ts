/**
 * Read queries for the runs pages: run summaries with episode counts, a run's episodes joined with the
 * scenario index (title, setting, tier), one episode with what its replay needs, and the exact scenario
 * document an episode ran against. Rows come back as core-shaped objects.
 */
import type { EndReason } from "@/core/engine";
import { scenarioSchema, type DistractorTier, type Scenario } from "@/core/scenario";
import type { EpisodeMetrics } from "@/core/scoring";
import type { Db } from "./client";
import { listRuns, type EpisodeRecord, type RunRecord } from "./runs";

/**
 * Episode counts of a run by status, and its gold_correct mean over scored episodes. `failed` episodes
 * ended in an infrastructure error: they are the run's errors, never scored (SPEC §5).
 */
export interface RunCounts {
  readonly episodes: number;
  readonly done: number;
  readonly failed: number;
  readonly running: number;
  readonly scored: number;
  /** Mean of gold_correct over scored episodes; null when none is scored. */
  readonly goldMean: number | null;
}

export interface RunSummary extends RunRecord {
  readonly counts: RunCounts;
}

/** Episode counts by run (all runs when `runId` is omitted), from three grouped counts. */
async function countsByRun(db: Db, runId?: string): Promise<Map<string, RunCounts>> {
  const where = runId ? { runId } : {};
  const [byStatus, scored, gold] = await Promise.all([
    db.episode.groupBy({ by: ["runId", "status"], where, _count: { _all: true } }),
    // only answered episodes count (rows of errored episodes scored before errors were kept apart are not)
    db.episode.groupBy({
      by: ["runId"],
      where: { ...where, status: "done", score: { isNot: null } },
      _count: { _all: true },
    }),
    db.episode.groupBy({
      by: ["runId"],
      where: { ...where, status: "done", score: { is: { goldCorrect: true } } },
      _count: { _all: true },
    }),
  ]);
  const out = new Map<
    string,
    { episodes: number; done: number; failed: number; running: number; scored: number; gold: number }
  >();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { episodes: 0, done: 0, failed: 0, running: 0, scored: 0, gold: 0 }));
    return e;
  };
  for (const r of byStatus) {
    const e = entry(r.runId);
    e.episodes += r._count._all;
    if (r.status === "done") e.done += r._count._all;
    else if (r.status === "failed") e.failed += r._count._all;
    else e.running += r._count._all;
  }
  for (const r of scored) entry(r.runId).scored = r._count._all;
  for (const r of gold) entry(r.runId).gold = r._count._all;
  return new Map(
    [...out].map(([id, e]) => [
      id,
      {
        episodes: e.episodes,
        done: e.done,
        failed: e.failed,
        running: e.running,
        scored: e.scored,
        goldMean: e.scored ? e.gold / e.scored : null,
      },
    ]),
  );
}

const NO_EPISODES: RunCounts = { episodes: 0, done: 0, failed: 0, running: 0, scored: 0, goldMean: null };

/** Every run, newest first, with its episode counts. */
export async function listRunSummaries(db: Db): Promise<RunSummary[]> {
  const [runs, counts] = await Promise.all([listRuns(db), countsByRun(db)]);
  return runs.map((run) => ({ ...run, counts: counts.get(run.id) ?? NO_EPISODES }));
}

/** One run's episode counts. */
export async function runCounts(db: Db, runId: string): Promise<RunCounts> {
  return (await countsByRun(db, runId)).get(runId) ?? NO_EPISODES;
}

/** An episode of a run with the scenario facts the run page groups and labels by. */
export interface RunEpisodeRow extends EpisodeRecord {
  readonly scenarioTitle: string;
  readonly setting: string;
  readonly tier: DistractorTier;
  readonly error: string | null;
}

/** A run's episodes (by scenario, then seed) with their metrics and scenario facts. */
export async function runEpisodeRows(db: Db, runId: string): Promise<RunEpisodeRow[]> {
  const rows = await db.episode.findMany({
    where: { runId },
    include: { score: true, scenario: { select: { title: true, setting: true, distractorSimilarity: true } } },
    orderBy: [{ scenarioId: "asc" }, { seed: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    runId: r.runId,
    scenarioId: r.scenarioId,
    scenarioVersion: r.scenarioVersion,
    seed: r.seed,
    status: r.status as EpisodeRecord["status"],
    endReason: (r.endReason as EndReason | null) ?? null,
    // an errored episode is not an answer: no metrics, even where an older version stored a score
    metrics: r.score && r.endReason !== "error" ? (JSON.parse(r.score.metrics) as EpisodeMetrics) : null,
    scenarioTitle: r.scenario.title,
    setting: r.scenario.setting,
    tier: r.scenario.distractorSimilarity as DistractorTier,
    error: r.error,
  }));
}

/** What a replay needs to know about an episode beyond its trace. */
export interface EpisodeInfo {
  readonly id: string;
  readonly runId: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  /** The content hash of the scenario the episode ran against. */
  readonly scenarioHash: string;
  readonly seed: number;
  readonly status: EpisodeRecord["status"];
  readonly endReason: EndReason | null;
  readonly error: string | null;
  readonly agentName: string;
  readonly metrics: EpisodeMetrics | null;
}

export async function getEpisodeInfo(db: Db, episodeId: string): Promise<EpisodeInfo | null> {
  const r = await db.episode.findUnique({ where: { id: episodeId }, include: { score: true } });
  if (!r) return null;
  return {
    id: r.id,
    runId: r.runId,
    scenarioId: r.scenarioId,
    scenarioVersion: r.scenarioVersion,
    scenarioHash: r.scenarioHash,
    seed: r.seed,
    status: r.status as EpisodeRecord["status"],
    endReason: (r.endReason as EndReason | null) ?? null,
    error: r.error,
    agentName: r.agentName,
    metrics: r.score ? (JSON.parse(r.score.metrics) as EpisodeMetrics) : null,
  };
}

/**
 * The scenario document as indexed with exactly this content hash (the version an episode ran against),
 * or null when that revision is not recorded or no longer parses.
 */
export async function scenarioAtRevision(db: Db, scenarioId: string, contentHash: string): Promise<Scenario | null> {
  const row = await db.scenarioRevision.findFirst({
    where: { scenarioId, contentHash },
    orderBy: { id: "desc" },
    select: { document: true },
  });
  if (!row) return null;
  try {
    const parsed = scenarioSchema.safeParse(JSON.parse(row.document));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A cheap fingerprint of a run's stored results: it changes whenever an episode starts, finishes or is
 * (re)scored, so views derived from the episodes can be cached until it does.
 */
export async function runResultsStamp(db: Db, runId: string): Promise<string> {
  const [episodes, scores] = await Promise.all([
    db.episode.aggregate({ where: { runId }, _count: { _all: true }, _max: { finishedAt: true, startedAt: true } }),
    db.score.aggregate({ where: { episode: { runId } }, _count: { _all: true }, _max: { scoredAt: true } }),
  ]);
  return [
    episodes._count._all,
    episodes._max.startedAt?.getTime() ?? 0,
    episodes._max.finishedAt?.getTime() ?? 0,
    scores._count._all,
    scores._max.scoredAt?.getTime() ?? 0,
  ].join(":");
}

/** A run's episode ids in the run page's order (by scenario, then seed). */
export async function runEpisodeIds(db: Db, runId: string): Promise<string[]> {
  const rows = await db.episode.findMany({
    where: { runId },
    select: { id: true },
    orderBy: [{ scenarioId: "asc" }, { seed: "asc" }],
  });
  return rows.map((r) => r.id);
}
