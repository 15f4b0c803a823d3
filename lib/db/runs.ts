/**
 * Runs, episodes, steps and scores. Each turn's steps are written in one transaction as they happen;
 * finishing an episode writes its end and its score together. Rows come back as core-shaped objects.
 */
import { MmcbError } from "@/core/errors";
import type { EndReason, TraceStep } from "@/core/engine";
import type { EpisodeTrace } from "@/core/engine";
import type { RunConfig } from "@/core/run";
import { parseBenchmarkSet, type BenchmarkSet } from "@/core/run/benchmark-set";
import type { EpisodeMetrics } from "@/core/scoring";
import type { Db } from "./client";
import { Prisma } from "./generated/client";

export type RunStatus = "pending" | "running" | "done" | "failed" | "cancelled";

export interface RunRecord {
  readonly id: string;
  readonly name: string;
  readonly solverKind: string;
  readonly solverName: string;
  readonly config: RunConfig;
  readonly configHash: string;
  readonly status: RunStatus;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
  /** The benchmark set as recorded when the run was created; null for older and human-play runs. */
  readonly benchmarkSet: BenchmarkSet | null;
}

export interface EpisodeRecord {
  readonly id: string;
  readonly runId: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly seed: number;
  readonly status: "pending" | "running" | "done" | "failed";
  readonly endReason: EndReason | null;
  readonly metrics: EpisodeMetrics | null;
}

const toRun = (r: {
  id: string;
  name: string;
  solverKind: string;
  solverName: string;
  config: string;
  configHash: string;
  status: string;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  benchmarkSet?: string | null;
}): RunRecord => ({
  id: r.id,
  name: r.name,
  solverKind: r.solverKind,
  solverName: r.solverName,
  config: JSON.parse(r.config) as RunConfig,
  configHash: r.configHash,
  status: r.status as RunStatus,
  error: r.error,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
  benchmarkSet: parseBenchmarkSet(r.benchmarkSet),
});

/**
 * Creates a run, or returns the existing one with the same id when its configuration hash matches
 * (resume). A different configuration under the same id is refused. `launch` (how to play the run again,
 * never a key) is stored with it. `reopen: false` (a distributed worker playing one episode) leaves an
 * existing run's status alone — a cancelled run stays cancelled.
 */
export async function createOrResumeRun(
  db: Db,
  input: {
    id: string;
    name: string;
    config: RunConfig;
    configHash: string;
    launch?: unknown;
    reopen?: boolean;
    /** Recorded when the run is created (a resumed run keeps its own). */
    benchmarkSet?: BenchmarkSet;
  },
): Promise<{ run: RunRecord; resumed: boolean }> {
  const existing = await db.run.findUnique({ where: { id: input.id } });
  const launch = input.launch === undefined ? {} : { launch: JSON.stringify(input.launch) };
  if (existing) {
    if (existing.configHash !== input.configHash) {
      throw new MmcbError(
        "input:invalid",
        `run "${input.id}" already exists with a different configuration; choose another --run-id`,
      );
    }
    if (input.reopen === false) return { run: toRun(existing), resumed: true };
    const row = await db.run.update({
      where: { id: input.id },
      data: {
        status: "running",
        startedAt: existing.startedAt ?? new Date(),
        error: null,
        finishedAt: null,
        ...launch,
      },
    });
    return { run: toRun(row), resumed: true };
  }
  const row = await db.run.create({
    data: {
      id: input.id,
      name: input.name,
      solverKind: input.config.solver.kind,
      solverName: input.config.solver.name,
      config: JSON.stringify(input.config),
      configHash: input.configHash,
      status: "running",
      startedAt: new Date(),
      ...launch,
      ...(input.benchmarkSet ? { benchmarkSet: JSON.stringify(input.benchmarkSet) } : {}),
    },
  });
  return { run: toRun(row), resumed: false };
}

/** How the run was launched (see createOrResumeRun), or null when it was not recorded. */
export async function getRunLaunch(db: Db, runId: string): Promise<unknown> {
  const row = await db.run.findUnique({ where: { id: runId }, select: { launch: true } });
  return row?.launch ? (JSON.parse(row.launch) as unknown) : null;
}

export async function setRunStatus(db: Db, runId: string, status: RunStatus, error?: string): Promise<void> {
  await db.run.update({
    where: { id: runId },
    data: {
      status,
      error: error ?? null,
      ...(status === "done" || status === "failed" || status === "cancelled" ? { finishedAt: new Date() } : {}),
    },
  });
}

/** Statuses of a run that is (or claims to be) still playing. */
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ["pending", "running"];

/**
 * Asks a playing run to stop: its status becomes `cancelled` (in one conditional update, so a run that
 * finished meanwhile is not touched). Every process playing it — this one, a CLI, `mmcb worker`s — polls
 * the status, stops taking episodes and aborts the requests in flight. Throws `run:not_found`, or
 * `conflict` when the run is not playing.
 */
export async function cancelRun(db: Db, runId: string): Promise<RunRecord> {
  const { count } = await db.run.updateMany({
    where: { id: runId, status: { in: [...ACTIVE_RUN_STATUSES] } },
    data: { status: "cancelled", error: "cancelled", finishedAt: new Date() },
  });
  const run = await getRun(db, runId);
  if (!run) throw new MmcbError("run:not_found", `no run "${runId}" (see \`mmcb runs list\`)`);
  if (count === 0)
    throw new MmcbError("conflict", `run "${runId}" is ${run.status}, not running: there is nothing to cancel`);
  return run;
}

/**
 * Deletes a run and everything stored under it — episodes, steps, scores, score history, reviews, the
 * pair verdicts that compared its episodes, its export links — in one transaction (children first, so it
 * holds without foreign-key cascades too). Flags filed from one of its replays keep the flag and lose the
 * link. A run still playing is refused (`conflict`: cancel it first).
 */
export async function deleteRun(db: Db, runId: string): Promise<{ episodes: number }> {
  return db.$transaction(async (tx) => {
    const run = await tx.run.findUnique({ where: { id: runId }, select: { status: true } });
    if (!run) throw new MmcbError("run:not_found", `no run "${runId}" (see \`mmcb runs list\`)`);
    if ((ACTIVE_RUN_STATUSES as readonly string[]).includes(run.status))
      throw new MmcbError(
        "conflict",
        `run "${runId}" is still ${run.status}: cancel it first (\`mmcb runs cancel ${runId}\`)`,
      );
    const ids = (await tx.episode.findMany({ where: { runId }, select: { id: true } })).map((e) => e.id);
    const episodes = { episodeId: { in: ids } };
    await tx.pairVerdict.deleteMany({
      where: { OR: [{ leftEpisodeId: { in: ids } }, { rightEpisodeId: { in: ids } }] },
    });
    await tx.scenarioFlag.updateMany({ where: { episodeId: { in: ids } }, data: { episodeId: null } });
    await tx.review.deleteMany({ where: episodes });
    await tx.scoreHistory.deleteMany({ where: episodes });
    await tx.score.deleteMany({ where: episodes });
    await tx.step.deleteMany({ where: episodes });
    await tx.episode.deleteMany({ where: { runId } });
    await tx.exportRun.deleteMany({ where: { runId } });
    await tx.run.delete({ where: { id: runId } });
    return { episodes: ids.length };
  });
}

export async function getRun(db: Db, runId: string): Promise<RunRecord | null> {
  const row = await db.run.findUnique({ where: { id: runId } });
  return row ? toRun(row) : null;
}

export async function listRuns(db: Db): Promise<RunRecord[]> {
  return (await db.run.findMany({ orderBy: { createdAt: "desc" } })).map(toRun);
}

/**
 * Prepares an episode for playing: creates it, or — when it exists unfinished (a crashed run) — clears
 * its partial steps so it replays from the start. Returns null when it is already done.
 */
export async function startEpisode(
  db: Db,
  input: {
    id: string;
    runId: string;
    scenarioId: string;
    scenarioVersion: number;
    scenarioHash: string;
    imageHashes: Record<string, string>;
    seed: number;
    agentKind: string;
    agentName: string;
    annotatorId?: string;
  },
): Promise<"started" | "restarted" | "done"> {
  const data = {
    id: input.id,
    runId: input.runId,
    scenarioId: input.scenarioId,
    scenarioVersion: input.scenarioVersion,
    scenarioHash: input.scenarioHash,
    imageHashes: JSON.stringify(input.imageHashes),
    seed: input.seed,
    agentKind: input.agentKind,
    agentName: input.agentName,
    annotatorId: input.annotatorId ?? null,
    status: "running",
    startedAt: new Date(),
  };
  // Fast path (a fresh run: nearly every episode is new): one plain INSERT, atomic on its own, instead of
  // an interactive transaction. If it fails (the episode exists: a resumed run) the transactional path
  // below decides between done and restart, and reports any other error itself.
  try {
    await db.$executeRaw`INSERT INTO "Episode" ("id", "runId", "scenarioId", "scenarioVersion", "scenarioHash", "imageHashes", "seed", "agentKind", "agentName", "annotatorId", "status", "startedAt") VALUES (${data.id}, ${data.runId}, ${data.scenarioId}, ${data.scenarioVersion}, ${data.scenarioHash}, ${data.imageHashes}, ${data.seed}, ${data.agentKind}, ${data.agentName}, ${data.annotatorId}, ${data.status}, ${data.startedAt})`;
    return "started";
  } catch {
    // fall through
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.episode.findUnique({ where: { id: input.id }, select: { status: true } });
    if (existing?.status === "done") return "done";
    if (existing) {
      await tx.step.deleteMany({ where: { episodeId: input.id } });
      await tx.score.deleteMany({ where: { episodeId: input.id } });
      await tx.episode.update({
        where: { id: input.id },
        data: { status: "running", startedAt: new Date(), endReason: null, error: null },
      });
      return "restarted";
    }
    await tx.episode.create({ data });
    return "started";
  });
}

/**
 * Appends a turn's steps atomically (indexes continue from `firstIndex`). The hot path of a model run (one
 * turn per model request), so it is one multi-row INSERT through `$executeRaw`: a single statement is
 * atomic without a transaction, and a raw query skips Prisma's query planning (~0.2 ms instead of ~0.8 ms
 * of CPU per turn). Columns are written exactly as the Prisma model would write them (createdAt explicit).
 */
export async function appendSteps(
  db: Db,
  episodeId: string,
  firstIndex: number,
  steps: readonly TraceStep[],
): Promise<void> {
  if (steps.length === 0) return;
  const now = new Date();
  const rows = steps.map(
    (s, i) =>
      Prisma.sql`(${episodeId}, ${firstIndex + i}, ${s.turn}, ${s.call.tool}, ${JSON.stringify(s.call.args ?? {})}, ${s.raw ?? null}, ${s.valid}, ${s.error ?? null}, ${s.observation ? JSON.stringify(s.observation) : null}, ${s.assistantText ?? null}, ${s.usage ? JSON.stringify(s.usage) : null}, ${s.latencyMs === undefined ? null : Math.round(s.latencyMs)}, ${now})`,
  );
  await db.$executeRaw`INSERT INTO "Step" ("episodeId", "index", "turn", "tool", "args", "raw", "valid", "error", "observation", "assistantText", "usage", "latencyMs", "createdAt") VALUES ${Prisma.join(rows)}`;
}

/**
 * Records an episode's end and its score together. An episode that ended in an infrastructure `error` is
 * not an answer (SPEC §5): it is marked failed with its error and gets no score, so no mean, leaderboard,
 * comparison or export counts it; `--resume` and "Retry failed episodes" play it again.
 */
export async function finishEpisode(
  db: Db,
  episodeId: string,
  input: { endReason: EndReason; scenarioVersion: number; metrics: EpisodeMetrics; error?: string },
): Promise<void> {
  if (input.endReason === "error") {
    const now = new Date();
    await db.$transaction([
      db.$executeRaw`UPDATE "Episode" SET "status" = 'failed', "endReason" = 'error', "error" = ${input.error ?? null}, "finishedAt" = ${now} WHERE "id" = ${episodeId}`,
      db.$executeRaw`DELETE FROM "Score" WHERE "episodeId" = ${episodeId}`,
    ]);
    return;
  }
  const score = {
    scenarioVersion: input.scenarioVersion,
    metrics: JSON.stringify(input.metrics),
    goldCorrect: input.metrics.gold_correct,
    entityCorrect: input.metrics.entity_correct,
    scoredAt: new Date(),
  };
  // raw statements: this runs once per episode on the hot path of a model run (see appendSteps)
  const status = "done";
  await db.$transaction([
    db.$executeRaw`UPDATE "Episode" SET "status" = ${status}, "endReason" = ${input.endReason}, "error" = ${input.error ?? null}, "finishedAt" = ${score.scoredAt} WHERE "id" = ${episodeId}`,
    db.$executeRaw`INSERT INTO "Score" ("episodeId", "scenarioVersion", "metrics", "goldCorrect", "entityCorrect", "scoredAt") VALUES (${episodeId}, ${score.scenarioVersion}, ${score.metrics}, ${score.goldCorrect}, ${score.entityCorrect}, ${score.scoredAt}) ON CONFLICT ("episodeId") DO UPDATE SET "scenarioVersion" = excluded."scenarioVersion", "metrics" = excluded."metrics", "goldCorrect" = excluded."goldCorrect", "entityCorrect" = excluded."entityCorrect", "scoredAt" = excluded."scoredAt"`,
  ]);
}

/**
 * Puts an episode that was stopped mid-play (its run was cancelled) back to `pending`: its partial steps
 * and any score are dropped in one transaction, so a later resume plays it from the start.
 */
export async function abandonEpisode(db: Db, episodeId: string): Promise<void> {
  await db.$transaction([
    db.step.deleteMany({ where: { episodeId } }),
    db.score.deleteMany({ where: { episodeId } }),
    db.episode.updateMany({
      where: { id: episodeId, status: "running" },
      data: { status: "pending", endReason: null, error: null, startedAt: null, finishedAt: null },
    }),
  ]);
}

/** The episodes of a run, with their metrics. */
export async function runEpisodes(db: Db, runId: string): Promise<EpisodeRecord[]> {
  const rows = await db.episode.findMany({
    where: { runId },
    include: { score: true },
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
    metrics: r.score ? (JSON.parse(r.score.metrics) as EpisodeMetrics) : null,
  }));
}

type EpisodeWithSteps = {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  agentKind: string;
  agentName: string;
  seed: number;
  endReason: string | null;
  steps: {
    turn: number;
    tool: string;
    args: string;
    raw: string | null;
    valid: boolean;
    error: string | null;
    observation: string | null;
    assistantText: string | null;
    usage: string | null;
    latencyMs: number | null;
  }[];
};

function toTrace(row: EpisodeWithSteps, config: Record<string, unknown>): EpisodeTrace {
  return {
    schemaVersion: 1,
    episodeId: row.id,
    scenarioId: row.scenarioId,
    scenarioVersion: row.scenarioVersion,
    agent: { kind: row.agentKind as EpisodeTrace["agent"]["kind"], name: row.agentName },
    config,
    seed: row.seed,
    steps: row.steps.map((s) => ({
      turn: s.turn,
      call: { tool: s.tool, args: JSON.parse(s.args) as unknown },
      ...(s.raw !== null ? { raw: s.raw } : {}),
      valid: s.valid,
      ...(s.error !== null ? { error: s.error } : {}),
      ...(s.observation !== null ? { observation: JSON.parse(s.observation) } : {}),
      ...(s.assistantText !== null ? { assistantText: s.assistantText } : {}),
      ...(s.usage !== null ? { usage: JSON.parse(s.usage) } : {}),
      ...(s.latencyMs !== null ? { latencyMs: s.latencyMs } : {}),
    })),
    endReason: (row.endReason as EndReason | null) ?? "error",
  };
}

/** An episode's trace as stored (SPEC §4), for replay, re-scoring and export. */
export async function episodeTrace(db: Db, episodeId: string): Promise<EpisodeTrace | null> {
  const row = await db.episode.findUnique({
    where: { id: episodeId },
    include: { steps: { orderBy: { index: "asc" } }, run: true },
  });
  if (!row) return null;
  return toTrace(row, JSON.parse(row.run.config) as Record<string, unknown>);
}

/**
 * Every stored trace of a run (ordered by scenario, then seed) in one query, the run's configuration parsed
 * once: what scoring a whole run needs, without a query per episode. `finished`: only episodes that ended
 * (with an answer, at the budget or in an error) — not those waiting or in play.
 */
export async function runTraces(db: Db, runId: string, options: { finished?: boolean } = {}): Promise<EpisodeTrace[]> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { config: true } });
  if (!run) return [];
  const config = JSON.parse(run.config) as Record<string, unknown>;
  // No orderBy inside the include: with one, Prisma loads the steps with one bound parameter per episode and
  // a run of ~2,000 episodes passes SQLite's parameter limit. The steps are sorted here instead.
  const rows = await db.episode.findMany({
    where: { runId, ...(options.finished ? { status: { in: ["done", "failed"] } } : {}) },
    include: { steps: true },
    orderBy: [{ scenarioId: "asc" }, { seed: "asc" }],
  });
  return rows.map((row) => toTrace({ ...row, steps: row.steps.sort((a, b) => a.index - b.index) }, config));
}

/**
 * Creates a new episode (never restarts an existing one). Without `seed` it takes the next free seed of
 * the (run, scenario) pair — the human-play run collects many plays of one scenario. A `seed` already
 * used is a conflict.
 */
export async function createEpisode(
  db: Db,
  input: {
    runId: string;
    scenarioId: string;
    scenarioVersion: number;
    scenarioHash: string;
    imageHashes: Record<string, string>;
    seed?: number;
    agentKind: string;
    agentName: string;
    annotatorId?: string;
  },
): Promise<{ id: string; seed: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        let seed = input.seed;
        if (seed === undefined) {
          const max = await tx.episode.aggregate({
            where: { runId: input.runId, scenarioId: input.scenarioId },
            _max: { seed: true },
          });
          seed = (max._max.seed ?? 0) + 1;
        } else {
          const taken = await tx.episode.findFirst({
            where: { runId: input.runId, scenarioId: input.scenarioId, seed },
            select: { id: true },
          });
          if (taken) {
            throw new MmcbError(
              "conflict",
              `seed ${seed} of scenario "${input.scenarioId}" is already used in run "${input.runId}" (episode "${taken.id}"); leave seed out to get the next free one`,
            );
          }
        }
        const id = `${input.runId}:${input.scenarioId}:${seed}`;
        await tx.episode.create({
          data: {
            id,
            runId: input.runId,
            scenarioId: input.scenarioId,
            scenarioVersion: input.scenarioVersion,
            scenarioHash: input.scenarioHash,
            imageHashes: JSON.stringify(input.imageHashes),
            seed,
            agentKind: input.agentKind,
            agentName: input.agentName,
            annotatorId: input.annotatorId ?? null,
            status: "running",
            startedAt: new Date(),
          },
        });
        return { id, seed };
      });
    } catch (error) {
      // two creations raced for the same next seed: try again with a fresh maximum
      if (error instanceof MmcbError || attempt >= 4 || !/unique constraint/i.test(String(error))) throw error;
    }
  }
}

/** Who played an episode and how far it is: what the play API checks before it accepts a step. */
export interface EpisodeOwner {
  readonly id: string;
  readonly runId: string;
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly agentKind: string;
  readonly status: EpisodeRecord["status"];
  readonly endReason: EndReason | null;
  readonly annotator: { readonly id: string; readonly name: string } | null;
  readonly startedAt: Date | null;
}

export async function getEpisodeOwner(db: Db, episodeId: string): Promise<EpisodeOwner | null> {
  const r = await db.episode.findUnique({ where: { id: episodeId }, include: { annotator: true } });
  if (!r) return null;
  return {
    id: r.id,
    runId: r.runId,
    scenarioId: r.scenarioId,
    scenarioHash: r.scenarioHash,
    seed: r.seed,
    agentKind: r.agentKind,
    status: r.status as EpisodeRecord["status"],
    endReason: (r.endReason as EndReason | null) ?? null,
    annotator: r.annotator ? { id: r.annotator.id, name: r.annotator.name } : null,
    startedAt: r.startedAt,
  };
}

/** How many different annotators played episodes of a run. */
export async function runAnnotatorCount(db: Db, runId: string): Promise<number> {
  const rows = await db.episode.findMany({
    where: { runId, annotatorId: { not: null } },
    distinct: ["annotatorId"],
    select: { annotatorId: true },
  });
  return rows.length;
}

/**
 * An open-ended run that collects episodes as they are played (human play): created once, status `done`
 * (every stored episode is finished or in play; there is no job to wait for), never resumed or restarted.
 */
export async function ensureCollectingRun(
  db: Db,
  input: { id: string; name: string; config: RunConfig; configHash: string },
): Promise<RunRecord> {
  const existing = await db.run.findUnique({ where: { id: input.id } });
  if (existing) {
    if (existing.configHash !== input.configHash) {
      throw new MmcbError("conflict", `run "${input.id}" already exists with a different configuration`);
    }
    return toRun(existing);
  }
  const now = new Date();
  const row = await db.run.upsert({
    where: { id: input.id },
    create: {
      id: input.id,
      name: input.name,
      solverKind: input.config.solver.kind,
      solverName: input.config.solver.name,
      config: JSON.stringify(input.config),
      configHash: input.configHash,
      status: "done",
      startedAt: now,
      finishedAt: now,
    },
    update: {},
  });
  return toRun(row);
}
