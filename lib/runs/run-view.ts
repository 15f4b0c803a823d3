/**
 * What the runs pages and the runs API show, assembled from the database and the in-process job
 * registry: plain, serialisable objects (dates as ISO strings). Aggregates are computed here, server
 * side, from the stored per-episode metrics (SPEC §5).
 */
import "server-only";
import type { RunConfig } from "@/core/run";
import { aggregate, type Aggregate, type Relation, type ScoredEpisode } from "@/core/scoring";
import type { DistractorTier } from "@/core/scenario";
import { getDb } from "@/lib/db/client";
import { listRunSummaries, runCounts, runEpisodeRows, runResultsStamp, type RunCounts } from "@/lib/db/run-queries";
import { getRun, type RunRecord } from "@/lib/db/runs";
import { getRunJob, type RunJob } from "@/lib/jobs/run-jobs";
import type { RunProgress } from "@/lib/jobs/progress";
import { comparableHash } from "@/lib/run/hash";
import { runBenchmarkSet } from "@/lib/run/benchmark-set";
import type { BenchmarkSet } from "@/core/run/benchmark-set";

/** A run as its header and the runs list describe it. */
export interface RunHeader {
  readonly id: string;
  readonly name: string;
  readonly solverKind: string;
  readonly solverName: string;
  readonly model: string | null;
  readonly endpointHost: string | null;
  readonly configHash: string;
  readonly comparableHash: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly scenarioCount: number;
  readonly seeds: readonly number[];
}

export interface RunListItem extends RunHeader {
  readonly progress: RunProgress;
  readonly goldMean: number | null;
  readonly scored: number;
}

/** One row of a run's episode table. */
export interface RunEpisodeView {
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly setting: string;
  readonly tier: DistractorTier;
  readonly seed: number;
  readonly status: "pending" | "running" | "done" | "failed";
  readonly endReason: string | null;
  readonly error: string | null;
  readonly goldCorrect: boolean | null;
  readonly relation: Relation | null;
  readonly turns: number | null;
  readonly hallucinated: number | null;
  readonly hallucinationRate: number | null;
  readonly invalidCalls: number | null;
}

export interface RunPageData {
  readonly run: RunHeader;
  readonly progress: RunProgress;
  /** The stored run configuration (never holds a key: only the name of its environment variable). */
  readonly config: RunConfig | null;
  /** Null until an episode is scored. */
  readonly aggregate: Aggregate | null;
  readonly episodes: readonly RunEpisodeView[];
  /** The benchmark set the run played (null while only registered, and for human play). */
  readonly benchmarkSet: BenchmarkSet | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function header(run: RunRecord): RunHeader {
  return {
    id: run.id,
    name: run.name,
    solverKind: run.solverKind,
    solverName: run.solverName,
    model: run.config.solver.model ?? null,
    endpointHost: run.config.solver.endpointHost ?? null,
    configHash: run.configHash,
    comparableHash: comparableHash(run.config),
    createdAt: run.createdAt.toISOString(),
    finishedAt: iso(run.finishedAt),
    scenarioCount: run.config.scenarios.length,
    seeds: run.config.seeds,
  };
}

/** Live counts from this process's job when it plays the run, else what the database holds. */
function progressOf(run: RunRecord | null, job: Readonly<RunJob> | null, counts: RunCounts | null): RunProgress {
  if (job) {
    return {
      status: job.status,
      live: job.status === "running",
      done: job.done,
      total: job.total,
      failed: job.failed,
      reused: job.reused,
      startedAt: job.startedAt.toISOString(),
      finishedAt: iso(job.finishedAt),
      error: job.error ?? (job.status === "failed" ? (run?.error ?? null) : null),
    };
  }
  const total = run ? run.config.scenarios.length * run.config.seeds.length : 0;
  const finished = counts ? counts.done + counts.failed : 0;
  return {
    status: run ? run.status : "pending",
    live: false,
    done: finished,
    total: Math.max(total, finished),
    failed: counts?.failed ?? 0,
    reused: 0,
    startedAt: run ? run.createdAt.toISOString() : null,
    finishedAt: iso(run?.finishedAt ?? null),
    error: run?.error ?? null,
  };
}

/** The runs list, newest first. */
export async function loadRunList(): Promise<RunListItem[]> {
  const runs = await listRunSummaries(getDb());
  return runs.map((run) => ({
    ...header(run),
    progress: progressOf(run, getRunJob(run.id), run.counts),
    goldMean: run.counts.goldMean,
    scored: run.counts.scored,
  }));
}

/** A run's status for polling; null when neither the database nor this process knows the run. */
export async function loadRunStatus(runId: string): Promise<{ run: RunHeader | null; progress: RunProgress } | null> {
  const db = getDb();
  const [run, job] = [await getRun(db, runId), getRunJob(runId)];
  if (!run && !job) return null;
  const counts = run && !job ? await runCounts(db, runId) : null;
  return { run: run ? header(run) : null, progress: progressOf(run, job, counts) };
}

/** Everything the run page shows; null when the run is unknown. */
export async function loadRunPage(runId: string): Promise<RunPageData | null> {
  const db = getDb();
  const run = await getRun(db, runId);
  const job = getRunJob(runId);
  if (!run) {
    if (!job) return null;
    // registered in this process but not yet in the database (the first moments of a run)
    const placeholder: RunHeader = {
      id: runId,
      name: runId,
      solverKind: "",
      solverName: "",
      model: null,
      endpointHost: null,
      configHash: "",
      comparableHash: "",
      createdAt: job.startedAt.toISOString(),
      finishedAt: null,
      scenarioCount: 0,
      seeds: [],
    };
    return {
      run: placeholder,
      progress: progressOf(null, job, null),
      config: null,
      aggregate: null,
      episodes: [],
      benchmarkSet: null,
    };
  }
  const counts = job ? null : await runCounts(db, runId);
  const results = await runResults(runId);
  return {
    run: header(run),
    progress: progressOf(run, job, counts),
    config: run.config,
    benchmarkSet: runBenchmarkSet(run),
    ...results,
  };
}

type RunResults = Pick<RunPageData, "aggregate" | "episodes">;

/** Computed results per run, reused until the run's stored results change (see `runResultsStamp`). */
const g = globalThis as unknown as { __mmcbRunResults?: Map<string, { stamp: string; results: RunResults }> };
const RESULTS_CACHE_SIZE = 16;

async function runResults(runId: string): Promise<RunResults> {
  const db = getDb();
  const cache = (g.__mmcbRunResults ??= new Map());
  const stamp = await runResultsStamp(db, runId);
  const hit = cache.get(runId);
  if (hit && hit.stamp === stamp) {
    cache.delete(runId); // most recently used last
    cache.set(runId, hit);
    return hit.results;
  }
  const rows = await runEpisodeRows(db, runId);
  const scored: ScoredEpisode[] = rows.flatMap((r) =>
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
  const results: RunResults = {
    aggregate: scored.length ? aggregate(scored) : null,
    episodes: rows.map((r) => ({
      id: r.id,
      scenarioId: r.scenarioId,
      scenarioTitle: r.scenarioTitle,
      setting: r.setting,
      tier: r.tier,
      seed: r.seed,
      status: r.status,
      endReason: r.endReason,
      error: r.error,
      goldCorrect: r.metrics?.gold_correct ?? null,
      relation: r.metrics?.relation ?? null,
      turns: r.metrics?.turns ?? null,
      hallucinated: r.metrics?.hallucinated ?? null,
      hallucinationRate: r.metrics?.hallucination_rate ?? null,
      invalidCalls: r.metrics?.invalid_calls ?? null,
    })),
  };
  cache.delete(runId);
  cache.set(runId, { stamp, results });
  while (cache.size > RESULTS_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return results;
}
