/**
 * Queries for training-data exports: finished episodes of some runs a page at a time (keyset paging, so
 * memory stays flat however many there are), the scenarios they cover, pairwise review verdicts, and the
 * `Export` records. Rows come back as core-shaped objects.
 */
import type { EndReason, EpisodeTrace } from "@/core/engine";
import type { PairVerdict, Verdict } from "@/core/export";
import type { EpisodeMetrics } from "@/core/scoring";
import type { Db } from "./client";

/** A finished, scored episode as an export sees it (its trace is loaded separately). */
export interface ExportEpisodeRow {
  readonly id: string;
  readonly runId: string;
  readonly scenarioId: string;
  /** The content hash of the scenario the episode ran against. */
  readonly scenarioHash: string;
  readonly seed: number;
  readonly agentName: string;
  readonly metrics: EpisodeMetrics;
}

const FINISHED = { status: "done", score: { isNot: null } } as const;

/** Finished, scored episodes of the runs. */
export async function countExportEpisodes(db: Db, runIds: readonly string[], scenarioId?: string): Promise<number> {
  return db.episode.count({
    where: { runId: { in: [...runIds] }, ...FINISHED, ...(scenarioId ? { scenarioId } : {}) },
  });
}

/** The scenario ids the runs' finished episodes cover, sorted. */
export async function exportScenarioIds(db: Db, runIds: readonly string[]): Promise<string[]> {
  const rows = await db.episode.findMany({
    where: { runId: { in: [...runIds] }, ...FINISHED },
    select: { scenarioId: true },
    distinct: ["scenarioId"],
    orderBy: { scenarioId: "asc" },
  });
  return rows.map((r) => r.scenarioId);
}

/** Scenario ids per run (for guided SFT, played once per scenario and run configuration). */
export async function runScenarioIds(db: Db, runId: string): Promise<string[]> {
  return exportScenarioIds(db, [runId]);
}

/**
 * The runs' finished episodes ordered by scenario then id, fetched `pageSize` at a time; optionally of one
 * scenario only.
 */
export async function* exportEpisodes(
  db: Db,
  runIds: readonly string[],
  options: { pageSize?: number; scenarioId?: string } = {},
): AsyncGenerator<ExportEpisodeRow> {
  const pageSize = options.pageSize ?? 100;
  let after: { scenarioId: string; id: string } | null = null;
  for (;;) {
    const page: {
      id: string;
      runId: string;
      scenarioId: string;
      scenarioHash: string;
      seed: number;
      agentName: string;
      score: { metrics: string } | null;
    }[] = await db.episode.findMany({
      where: {
        runId: { in: [...runIds] },
        ...FINISHED,
        ...(options.scenarioId ? { scenarioId: options.scenarioId } : {}),
        ...(after
          ? { OR: [{ scenarioId: { gt: after.scenarioId } }, { scenarioId: after.scenarioId, id: { gt: after.id } }] }
          : {}),
      },
      select: {
        id: true,
        runId: true,
        scenarioId: true,
        scenarioHash: true,
        seed: true,
        agentName: true,
        score: { select: { metrics: true } },
      },
      orderBy: [{ scenarioId: "asc" }, { id: "asc" }],
      take: pageSize,
    });
    for (const r of page) {
      if (!r.score) continue;
      yield {
        id: r.id,
        runId: r.runId,
        scenarioId: r.scenarioId,
        scenarioHash: r.scenarioHash,
        seed: r.seed,
        agentName: r.agentName,
        metrics: JSON.parse(r.score.metrics) as EpisodeMetrics,
      };
    }
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { scenarioId: last.scenarioId, id: last.id };
  }
}

/** One finished episode's export row, or null. */
export async function exportEpisode(db: Db, id: string): Promise<ExportEpisodeRow | null> {
  const r = await db.episode.findUnique({ where: { id }, include: { score: true } });
  if (!r || !r.score || r.status !== "done") return null;
  return {
    id: r.id,
    runId: r.runId,
    scenarioId: r.scenarioId,
    scenarioHash: r.scenarioHash,
    seed: r.seed,
    agentName: r.agentName,
    metrics: JSON.parse(r.score.metrics) as EpisodeMetrics,
  };
}

/**
 * An episode's trace (SPEC §4) for export. The run configuration is read once per run and shared
 * (`configs` caches it), instead of being parsed again for every episode as a trace read would.
 */
export async function exportTrace(
  db: Db,
  episodeId: string,
  configs: Map<string, Readonly<Record<string, unknown>>>,
): Promise<EpisodeTrace | null> {
  const row = await db.episode.findUnique({
    where: { id: episodeId },
    include: { steps: { orderBy: { index: "asc" } } },
  });
  if (!row) return null;
  let config = configs.get(row.runId);
  if (!config) {
    const run = await db.run.findUnique({ where: { id: row.runId }, select: { config: true } });
    config = run ? (JSON.parse(run.config) as Record<string, unknown>) : {};
    configs.set(row.runId, config);
  }
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
    })),
    endReason: (row.endReason as EndReason | null) ?? "error",
  };
}

/** Pairwise review verdicts whose two episodes both belong to the runs, oldest first. */
export async function pairVerdictsFor(db: Db, runIds: readonly string[]): Promise<PairVerdict[]> {
  const ids = new Set(
    (await db.episode.findMany({ where: { runId: { in: [...runIds] } }, select: { id: true } })).map((e) => e.id),
  );
  if (ids.size === 0) return [];
  const rows = await db.pairVerdict.findMany({ orderBy: { id: "asc" } });
  return rows
    .filter((v) => ids.has(v.leftEpisodeId) && ids.has(v.rightEpisodeId))
    .map((v) => ({
      leftEpisodeId: v.leftEpisodeId,
      rightEpisodeId: v.rightEpisodeId,
      verdict: v.verdict as Verdict,
      annotatorId: v.annotatorId,
    }));
}

/** Runs with their number of finished, scored episodes, newest first (the export page's picker). */
export async function exportableRuns(
  db: Db,
): Promise<{ id: string; name: string; solverName: string; status: string; createdAt: Date; episodes: number }[]> {
  const runs = await db.run.findMany({ orderBy: { createdAt: "desc" } });
  const counts = await db.episode.groupBy({ by: ["runId"], where: FINISHED, _count: { _all: true } });
  const byRun = new Map(counts.map((c) => [c.runId, c._count._all]));
  return runs.map((r) => ({
    id: r.id,
    name: r.name,
    solverName: r.solverName,
    status: r.status,
    createdAt: r.createdAt,
    episodes: byRun.get(r.id) ?? 0,
  }));
}

export type ExportStatus = "running" | "done" | "failed";

export interface ExportRecord {
  readonly id: string;
  readonly kind: string;
  readonly format: string;
  readonly params: Record<string, unknown>;
  readonly status: ExportStatus;
  readonly outDir: string | null;
  readonly counts: Record<string, unknown> | null;
  readonly createdAt: Date;
  readonly runIds: string[];
}

const toExport = (r: {
  id: string;
  kind: string;
  format: string;
  params: string;
  status: string;
  outDir: string | null;
  counts: string | null;
  createdAt: Date;
  runs: { runId: string }[];
}): ExportRecord => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  params: JSON.parse(r.params) as Record<string, unknown>,
  status: r.status as ExportStatus,
  outDir: r.outDir,
  counts: r.counts ? (JSON.parse(r.counts) as Record<string, unknown>) : null,
  createdAt: r.createdAt,
  runIds: r.runs.map((x) => x.runId),
});

/** Who is writing a running export: its process (pid on host) and its temporary folder. */
export interface ExportOwner {
  readonly pid: number;
  readonly host: string;
  readonly tempDir: string;
}

/** Records an export as running (with the process writing it, so a stale one can be found later). */
export async function createExportRecord(
  db: Db,
  input: {
    id: string;
    kind: string;
    format: string;
    params: Record<string, unknown>;
    runIds: readonly string[];
    owner?: ExportOwner;
  },
): Promise<void> {
  await db.export.create({
    data: {
      id: input.id,
      kind: input.kind,
      format: input.format,
      params: JSON.stringify(input.params),
      status: "running",
      ...(input.owner ? { pid: input.owner.pid, host: input.owner.host, tempDir: input.owner.tempDir } : {}),
      runs: { create: [...new Set(input.runIds)].map((runId) => ({ runId })) },
    },
  });
}

/** Exports recorded as running, with their owners (null fields: recorded before owners were). */
export async function runningExports(
  db: Db,
): Promise<{ id: string; pid: number | null; host: string | null; tempDir: string | null; createdAt: Date }[]> {
  return db.export.findMany({
    where: { status: "running" },
    select: { id: true, pid: true, host: true, tempDir: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Marks a running export failed with a sentence (only if it is still running); true when it was. */
export async function failRunningExport(db: Db, id: string, error: string): Promise<boolean> {
  const { count } = await db.export.updateMany({
    where: { id, status: "running" },
    data: { status: "failed", outDir: null, tempDir: null, counts: JSON.stringify({ error }) },
  });
  return count > 0;
}

/** Records how an export ended. */
export async function finishExportRecord(
  db: Db,
  id: string,
  input: { status: "done" | "failed"; outDir: string | null; counts: object },
): Promise<void> {
  await db.export.update({
    where: { id },
    data: { status: input.status, outDir: input.outDir, tempDir: null, counts: JSON.stringify(input.counts) },
  });
}

export async function getExportRecord(db: Db, id: string): Promise<ExportRecord | null> {
  const row = await db.export.findUnique({ where: { id }, include: { runs: { select: { runId: true } } } });
  return row ? toExport(row) : null;
}

/** The newest exports. */
export async function listExportRecords(db: Db, limit = 50): Promise<ExportRecord[]> {
  const rows = await db.export.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { runs: { select: { runId: true } } },
  });
  return rows.map(toExport);
}
