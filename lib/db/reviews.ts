/**
 * Review records (SPEC §5, §7, §8): claim re-judgments, blind pairwise verdicts, scenario flags, and the
 * scores an episode had before a re-score. Rows come back as plain core-shaped objects with the
 * annotator's name resolved.
 */
import { MmcbError } from "@/core/errors";
import type { PairVerdictLabel, PairableEpisode, StoredPairVerdict } from "@/core/review/pairs";
import type { EpisodeMetrics } from "@/core/scoring";
import type { Db } from "./client";

export const CLAIM_VERDICTS = ["grounded", "hallucinated"] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export const FLAG_REASONS = ["wrong_gold", "ambiguous_gold", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export type FlagStatus = "open" | "resolved";

export interface ClaimReview {
  readonly id: number;
  readonly episodeId: string;
  readonly stepIndex: number;
  readonly claimIndex: number;
  readonly verdict: ClaimVerdict;
  readonly note: string | null;
  readonly annotatorId: string;
  readonly annotatorName: string;
  readonly createdAt: string;
}

export interface RecentClaimReview extends ClaimReview {
  readonly runId: string;
  readonly scenarioId: string;
}

const toReview = (r: {
  id: number;
  episodeId: string;
  stepIndex: number;
  claimIndex: number;
  verdict: string;
  note: string | null;
  annotatorId: string;
  annotator: { name: string };
  createdAt: Date;
}): ClaimReview => ({
  id: r.id,
  episodeId: r.episodeId,
  stepIndex: r.stepIndex,
  claimIndex: r.claimIndex,
  verdict: r.verdict as ClaimVerdict,
  note: r.note,
  annotatorId: r.annotatorId,
  annotatorName: r.annotator.name,
  createdAt: r.createdAt.toISOString(),
});

export async function addClaimReview(
  db: Db,
  input: {
    episodeId: string;
    stepIndex: number;
    claimIndex: number;
    verdict: ClaimVerdict;
    note: string | null;
    annotatorId: string;
  },
): Promise<ClaimReview> {
  const row = await db.review.create({ data: input, include: { annotator: { select: { name: true } } } });
  return toReview(row);
}

/** Every re-judgment of an episode's claims, oldest first. */
export async function claimReviews(db: Db, episodeId: string): Promise<ClaimReview[]> {
  const rows = await db.review.findMany({
    where: { episodeId },
    include: { annotator: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map(toReview);
}

/** The latest claim re-judgments across all episodes, newest first. */
export async function recentClaimReviews(db: Db, limit = 20): Promise<RecentClaimReview[]> {
  const rows = await db.review.findMany({
    include: { annotator: { select: { name: true } }, episode: { select: { runId: true, scenarioId: true } } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map((r) => ({ ...toReview(r), runId: r.episode.runId, scenarioId: r.episode.scenarioId }));
}

// ---- pairwise verdicts --------------------------------------------------------------------------------

export interface PairVerdictRecord extends StoredPairVerdict {
  readonly id: number;
  readonly annotatorName: string;
  readonly createdAt: string;
}

/**
 * Stores a reviewer's verdict on a pair, replacing the verdict they gave it before (whichever way round
 * they saw it): one row per reviewer and pair, the latest verdict, in one transaction. A changed verdict
 * keeps its row id and gets the new time.
 */
export async function addPairVerdict(
  db: Db,
  input: { leftEpisodeId: string; rightEpisodeId: string; verdict: PairVerdictLabel; annotatorId: string },
): Promise<PairVerdictRecord> {
  const row = await db.$transaction(async (tx) => {
    const earlier = await tx.pairVerdict.findMany({
      where: {
        annotatorId: input.annotatorId,
        OR: [
          { leftEpisodeId: input.leftEpisodeId, rightEpisodeId: input.rightEpisodeId },
          { leftEpisodeId: input.rightEpisodeId, rightEpisodeId: input.leftEpisodeId },
        ],
      },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const include = { annotator: { select: { name: true } } } as const;
    if (earlier.length === 0) return tx.pairVerdict.create({ data: input, include });
    const [keep, ...extra] = earlier;
    if (extra.length) await tx.pairVerdict.deleteMany({ where: { id: { in: extra.map((e) => e.id) } } });
    return tx.pairVerdict.update({ where: { id: keep!.id }, data: { ...input, createdAt: new Date() }, include });
  });
  return {
    id: row.id,
    leftEpisodeId: row.leftEpisodeId,
    rightEpisodeId: row.rightEpisodeId,
    verdict: row.verdict as PairVerdictLabel,
    annotatorId: row.annotatorId,
    annotatorName: row.annotator.name,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every pairwise verdict, oldest first (`order: "desc"` and a limit for the newest). */
export async function listPairVerdicts(
  db: Db,
  options: { order?: "asc" | "desc"; limit?: number } = {},
): Promise<PairVerdictRecord[]> {
  const rows = await db.pairVerdict.findMany({
    include: { annotator: { select: { name: true } } },
    orderBy: { id: options.order ?? "asc" },
    ...(options.limit ? { take: options.limit } : {}),
  });
  return rows.map((r) => ({
    id: r.id,
    leftEpisodeId: r.leftEpisodeId,
    rightEpisodeId: r.rightEpisodeId,
    verdict: r.verdict as PairVerdictLabel,
    annotatorId: r.annotatorId,
    annotatorName: r.annotator.name,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Finished, scored episodes that can go into a pair, with who played them (solver and model). */
export async function pairableEpisodes(db: Db, scenarioId?: string): Promise<PairableEpisode[]> {
  const rows = await db.episode.findMany({
    where: { status: "done", score: { isNot: null }, ...(scenarioId ? { scenarioId } : {}) },
    select: { id: true, runId: true, scenarioId: true, run: { select: { solverName: true, config: true } } },
    orderBy: { id: "asc" },
  });
  const models = new Map<string, string>();
  const solverOf = (runId: string, solverName: string, config: string): string => {
    let model = models.get(runId);
    if (model === undefined) {
      try {
        model = String((JSON.parse(config) as { solver?: { model?: string } }).solver?.model ?? "");
      } catch {
        model = "";
      }
      models.set(runId, model);
    }
    return model ? `${solverName}/${model}` : solverName;
  };
  return rows.map((r) => ({
    id: r.id,
    runId: r.runId,
    scenarioId: r.scenarioId,
    solver: solverOf(r.runId, r.run.solverName, r.run.config),
  }));
}

// ---- scenario flags -----------------------------------------------------------------------------------

export interface ScenarioFlagRecord {
  readonly id: number;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly reason: FlagReason;
  readonly note: string | null;
  readonly status: FlagStatus;
  readonly episodeId: string | null;
  readonly annotatorName: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
}

type FlagRow = {
  id: number;
  scenarioId: string;
  scenarioVersion: number;
  reason: string;
  note: string | null;
  status: string;
  episodeId: string | null;
  annotator: { name: string };
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
};

const toFlag = (r: FlagRow): ScenarioFlagRecord => ({
  id: r.id,
  scenarioId: r.scenarioId,
  scenarioVersion: r.scenarioVersion,
  reason: r.reason as FlagReason,
  note: r.note,
  status: r.status === "resolved" ? "resolved" : "open",
  episodeId: r.episodeId,
  annotatorName: r.annotator.name,
  createdAt: r.createdAt.toISOString(),
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
  resolvedBy: r.resolvedBy,
  resolution: r.resolution,
});

export async function addScenarioFlag(
  db: Db,
  input: {
    scenarioId: string;
    scenarioVersion: number;
    reason: FlagReason;
    note: string | null;
    episodeId: string | null;
    annotatorId: string;
  },
): Promise<ScenarioFlagRecord> {
  const row = await db.scenarioFlag.create({ data: input, include: { annotator: { select: { name: true } } } });
  return toFlag(row);
}

/** Flags, newest first; all of them or those with one status, optionally for one scenario. */
export async function listScenarioFlags(
  db: Db,
  filter: { status?: FlagStatus; scenarioId?: string } = {},
): Promise<ScenarioFlagRecord[]> {
  const rows = await db.scenarioFlag.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.scenarioId ? { scenarioId: filter.scenarioId } : {}),
    },
    include: { annotator: { select: { name: true } } },
    orderBy: { id: "desc" },
  });
  return rows.map(toFlag);
}

/** Marks a flag resolved (or open again); a flag already in that state is a conflict. */
export async function setScenarioFlagStatus(
  db: Db,
  id: number,
  input: { status: FlagStatus; resolvedBy: string; resolution: string | null },
): Promise<ScenarioFlagRecord> {
  const existing = await db.scenarioFlag.findUnique({ where: { id }, select: { status: true } });
  if (!existing) throw new MmcbError("input:invalid", `no scenario flag #${id}`);
  if (existing.status === input.status) throw new MmcbError("conflict", `flag #${id} is already ${input.status}`);
  const row = await db.scenarioFlag.update({
    where: { id },
    data:
      input.status === "resolved"
        ? { status: "resolved", resolvedAt: new Date(), resolvedBy: input.resolvedBy, resolution: input.resolution }
        : { status: "open", resolvedAt: null, resolvedBy: null, resolution: null },
    include: { annotator: { select: { name: true } } },
  });
  return toFlag(row);
}

// ---- re-scoring ---------------------------------------------------------------------------------------

/** An episode's stored score, as the re-score compares against. */
export interface StoredScore {
  readonly episodeId: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly scenarioVersion: number;
  readonly metrics: EpisodeMetrics;
  readonly scoredAt: string;
}

export async function runStoredScores(db: Db, runId: string): Promise<StoredScore[]> {
  const rows = await db.score.findMany({
    where: { episode: { runId } },
    include: { episode: { select: { scenarioId: true, seed: true } } },
    orderBy: [{ episode: { scenarioId: "asc" } }, { episode: { seed: "asc" } }],
  });
  return rows.map((r) => ({
    episodeId: r.episodeId,
    scenarioId: r.episode.scenarioId,
    seed: r.episode.seed,
    scenarioVersion: r.scenarioVersion,
    metrics: JSON.parse(r.metrics) as EpisodeMetrics,
    scoredAt: r.scoredAt.toISOString(),
  }));
}

/**
 * Replaces episodes' scores with new ones in one transaction, keeping each old score in ScoreHistory
 * under `rescoreId`. A score that changed since `expectedScoredAt` (someone re-scored meanwhile) aborts
 * the whole update with a conflict.
 */
export async function replaceScores(
  db: Db,
  input: {
    rescoreId: string;
    annotatorId: string | null;
    updates: ReadonlyArray<{
      episodeId: string;
      expectedScoredAt: string;
      scenarioVersion: number;
      metrics: EpisodeMetrics;
    }>;
  },
): Promise<number> {
  if (input.updates.length === 0) return 0;
  await db.$transaction(async (tx) => {
    const now = new Date();
    for (const u of input.updates) {
      const old = await tx.score.findUnique({ where: { episodeId: u.episodeId } });
      if (!old || old.scoredAt.toISOString() !== u.expectedScoredAt) {
        throw new MmcbError("conflict", `the score of ${u.episodeId} changed meanwhile; load the comparison again`);
      }
      await tx.scoreHistory.create({
        data: {
          episodeId: u.episodeId,
          scenarioVersion: old.scenarioVersion,
          metrics: old.metrics,
          goldCorrect: old.goldCorrect,
          scoredAt: old.scoredAt,
          replacedAt: now,
          rescoreId: input.rescoreId,
          newScenarioVersion: u.scenarioVersion,
          annotatorId: input.annotatorId,
        },
      });
      await tx.score.update({
        where: { episodeId: u.episodeId },
        data: {
          scenarioVersion: u.scenarioVersion,
          metrics: JSON.stringify(u.metrics),
          goldCorrect: u.metrics.gold_correct,
          entityCorrect: u.metrics.entity_correct,
          scoredAt: now,
        },
      });
    }
  });
  return input.updates.length;
}

/** One earlier score of an episode, replaced by a re-score. */
export interface ScoreHistoryRecord {
  readonly rescoreId: string;
  readonly episodeId: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly scenarioVersion: number;
  readonly newScenarioVersion: number;
  readonly metrics: EpisodeMetrics;
  readonly replacedAt: string;
  readonly annotatorName: string | null;
}

/** A run's replaced scores, newest re-score first. */
export async function runScoreHistory(db: Db, runId: string): Promise<ScoreHistoryRecord[]> {
  const rows = await db.scoreHistory.findMany({
    where: { episode: { runId } },
    include: { episode: { select: { scenarioId: true, seed: true } } },
    orderBy: [{ id: "desc" }],
  });
  const annotatorIds = [...new Set(rows.map((r) => r.annotatorId).filter((id): id is string => Boolean(id)))];
  const names = new Map(
    (await db.annotator.findMany({ where: { id: { in: annotatorIds } }, select: { id: true, name: true } })).map(
      (a) => [a.id, a.name],
    ),
  );
  return rows.map((r) => ({
    rescoreId: r.rescoreId,
    episodeId: r.episodeId,
    scenarioId: r.episode.scenarioId,
    seed: r.episode.seed,
    scenarioVersion: r.scenarioVersion,
    newScenarioVersion: r.newScenarioVersion,
    metrics: JSON.parse(r.metrics) as EpisodeMetrics,
    replacedAt: r.replacedAt.toISOString(),
    annotatorName: r.annotatorId ? (names.get(r.annotatorId) ?? null) : null,
  }));
}

/**
 * Runs holding scored episodes of a scenario, with how many of those were scored against an older
 * version than `currentVersion` (candidates for a re-score after the scenario is fixed).
 */
export async function runsScoredOnScenario(
  db: Db,
  scenarioId: string,
  currentVersion: number,
): Promise<{ runId: string; runName: string; episodes: number; stale: number }[]> {
  const rows = await db.episode.findMany({
    where: { scenarioId, score: { isNot: null } },
    select: { runId: true, run: { select: { name: true } }, score: { select: { scenarioVersion: true } } },
  });
  const out = new Map<string, { runId: string; runName: string; episodes: number; stale: number }>();
  for (const r of rows) {
    const e = out.get(r.runId) ?? { runId: r.runId, runName: r.run.name, episodes: 0, stale: 0 };
    e.episodes++;
    if ((r.score?.scenarioVersion ?? currentVersion) < currentVersion) e.stale++;
    out.set(r.runId, e);
  }
  return [...out.values()].sort((a, b) => b.stale - a.stale || a.runId.localeCompare(b.runId));
}
