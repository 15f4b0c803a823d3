/**
 * Distributed evaluation on PostgreSQL: `mmcb eval … --distributed` registers the run and queues one
 * pg-boss job per (scenario, seed); `mmcb worker` processes on any number of machines claim and play them
 * through the same entry points as the single-process path (runModelEval / runBaselineEval inside an
 * episode scope, see run.ts), so an episode is played, written, scored and resumed exactly as there.
 *
 * Shared across workers (lib/queue/coordination.ts): a per-endpoint limit of episodes in flight (claims of
 * live workers), heartbeats, and reaping: a worker silent for `deadAfterSeconds` is deleted with its
 * claims and its pg-boss jobs are failed in the same transaction, so pg-boss retries them elsewhere.
 * Before each write of an episode the worker checks that its claim still stands; a worker that finds
 * itself reaped (a long pause: its heartbeat updates nothing) abandons its episodes, which pg-boss has
 * already handed to others, and registers again. An episode already done is never replayed
 * (startEpisode checks its status); a replayed one starts from scratch (its partial steps are dropped).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import type pg from "pg";
import { MmcbError } from "@/core/errors";
import { databaseUrl } from "@/lib/config";
import { closeDb, dbProvider, getDb } from "@/lib/db/client";
import { redactUrl } from "@/lib/db/migrate-pg";
import { getRun, runEpisodes, setRunStatus } from "@/lib/db/runs";
import { ensureQueue, openBoss, openEpisodeJobs, type EpisodeJob, type PgBoss } from "@/lib/queue/boss";
import {
  acquireSlot,
  bindClaim,
  claimHeld,
  coordinationPool,
  ensureCoordinationSchema,
  forgetRunRequest,
  heartbeat,
  listEndpoints,
  loadRunRequest,
  reapDeadWorkers,
  registerWorker,
  releaseSlot,
  saveEndpoint,
  saveRunRequest,
  unregisterWorker,
  waitingJobs,
  type Endpoint,
} from "@/lib/queue/coordination";
import { loadScenarioStore, type LoadedScenario } from "@/lib/scenarios/load";
import { keyEnvAllowed, redactSecret } from "@/lib/secrets";
import { runBaselineEval, type BaselineEvalOptions } from "./baselines";
import { runModelEval, type ModelEvalOptions } from "./model";
import { episodeScope, type EvalResult } from "./run";

type Portable<T> = Omit<T, "scenarios" | "onProgress" | "onRetry" | "costCapUsd" | "concurrency">;

/**
 * What `mmcb eval` would have run in one process, minus the scenarios themselves (each worker loads
 * them from `scenariosDir` and checks their content hashes against the run) and callbacks. Stored once
 * per run; never holds an API key (only the name of the variable that does).
 */
export type DistributedRequest = {
  readonly scenariosDir: string;
  readonly scenarioIds: readonly string[];
} & (
  | { readonly solver: "openai"; readonly options: Portable<ModelEvalOptions> & { readonly runId: string } }
  | { readonly solver: "baseline"; readonly options: Portable<BaselineEvalOptions> & { readonly runId: string } }
);

function callEval(request: DistributedRequest, scenarios: readonly LoadedScenario[]): Promise<EvalResult> {
  return request.solver === "openai"
    ? runModelEval({ ...request.options, scenarios, concurrency: 1 })
    : runBaselineEval({ ...request.options, scenarios });
}

/** The endpoint whose limit an episode counts against. */
function endpointOf(request: DistributedRequest): string {
  return request.solver === "openai" ? request.options.settings.baseUrl : "local";
}

/** The PostgreSQL URL distributed runs need; a clear error otherwise. */
export function requirePostgresUrl(what: string): string {
  const url = databaseUrl();
  if (dbProvider(url) !== "postgres")
    throw new MmcbError(
      "input:invalid",
      `${what} needs DATABASE_URL to name a PostgreSQL database (postgresql://user@host:5432/db); it names ${url.split(":")[0]}:…, the embedded SQLite store`,
    );
  return url;
}

export interface EnqueueResult {
  readonly runId: string;
  readonly resumed: boolean;
  readonly queued: number;
  readonly alreadyDone: number;
  readonly alreadyQueued: number;
  readonly total: number;
}

/**
 * Registers the run (indexing its scenarios, like the single-process path) and queues every episode not
 * done yet and not already waiting in the queue. `maxInFlight` limits episodes in flight at the model
 * endpoint across all workers (baselines run unlimited: they make no request).
 */
export async function enqueueRun(
  request: DistributedRequest,
  scenarios: readonly LoadedScenario[],
  maxInFlight: number,
): Promise<EnqueueResult> {
  const url = requirePostgresUrl("--distributed");
  const registered = await episodeScope.run({ mode: "register" }, () => callEval(request, scenarios));
  const runId = request.options.runId;
  const seeds = request.options.seeds;
  const total = scenarios.length * seeds.length;
  const pool = coordinationPool(url);
  let boss: PgBoss | undefined;
  try {
    await ensureCoordinationSchema(pool);
    await saveRunRequest(pool, runId, request, total);
    const queue = await saveEndpoint(pool, endpointOf(request), request.solver === "openai" ? maxInFlight : null);
    boss = await openBoss(url, () => undefined);
    await ensureQueue(boss, queue);
    const done = new Set((await runEpisodes(getDb(), runId)).filter((e) => e.status === "done").map((e) => e.id));
    const open = await openEpisodeJobs(boss, queue, runId);
    const jobs: EpisodeJob[] = scenarios
      .flatMap((l) =>
        seeds.map((seed) => ({
          runId,
          scenarioId: l.scenario.id,
          seed,
          episodeId: `${runId}:${l.scenario.id}:${seed}`,
        })),
      )
      .filter((j) => !done.has(j.episodeId) && !open.has(j.episodeId));
    if (jobs.length) await boss.insert(jobs.map((data) => ({ name: queue, data })));
    return {
      runId,
      resumed: registered.resumed,
      queued: jobs.length,
      alreadyDone: done.size,
      alreadyQueued: open.size,
      total,
    };
  } finally {
    await boss?.stop({ graceful: false, wait: true }).catch(() => undefined);
    await pool.end();
  }
}

/**
 * Takes a cancelled or deleted run's waiting episodes out of the queue (pg-boss `cancel`); episodes being
 * played stop on their own (their worker reads the run's status). Returns how many were taken out; 0 on
 * the embedded SQLite store, which has no queue.
 */
export async function dequeueRun(runId: string, options: { forget?: boolean } = {}): Promise<number> {
  const url = databaseUrl();
  if (dbProvider(url) !== "postgres") return 0;
  const pool = coordinationPool(url);
  try {
    await ensureCoordinationSchema(pool);
    const waiting = await waitingJobs(pool, runId);
    if (waiting.length) {
      const boss = await openBoss(url, () => undefined);
      try {
        for (const queue of new Set(waiting.map((j) => j.queue)))
          await boss.cancel(
            queue,
            waiting.filter((j) => j.queue === queue).map((j) => j.id),
          );
      } finally {
        await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      }
    }
    if (options.forget) await forgetRunRequest(pool, runId);
    return waiting.length;
  } finally {
    await pool.end();
  }
}

/** Progress of a run from the database: what `mmcb runs list` and the run page show too. */
export async function runProgress(runId: string): Promise<{ status: string; done: number; failed: number }> {
  const db = getDb();
  const run = await getRun(db, runId);
  const episodes = await runEpisodes(db, runId);
  return {
    status: run?.status ?? "missing",
    done: episodes.filter((e) => e.status === "done").length,
    failed: episodes.filter((e) => e.status === "failed").length,
  };
}

export interface WorkerOptions {
  /** Episodes this worker plays at once. */
  readonly concurrency: number;
  readonly heartbeatSeconds?: number;
  /** A worker silent this long is declared dead and its episodes retried elsewhere. */
  readonly deadAfterSeconds?: number;
  /** Exit after this long with nothing to do (default: run until stopped). */
  readonly idleExitSeconds?: number;
  readonly pollMs?: number;
  /** Stop taking episodes; finish the ones in flight, then return. */
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

export interface WorkerSummary {
  readonly workerId: string;
  readonly played: number;
  readonly reused: number;
  readonly failed: number;
  readonly retried: number;
  readonly reaped: number;
  /** Episodes left unplayed or stopped mid-play because their run was cancelled. */
  readonly cancelled: number;
  /** Times this worker was declared dead while alive (a long pause) and registered again. */
  readonly lostLeases: number;
}

interface Claimed {
  readonly claimId: string;
  readonly endpoint: Endpoint;
  readonly job: { id: string; data: EpisodeJob };
}

/** Runs a worker until `signal` aborts, it is idle for `idleExitSeconds`, or it loses its lease. */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const url = requirePostgresUrl("mmcb worker");
  const log = options.log ?? (() => undefined);
  const heartbeatSeconds = options.heartbeatSeconds ?? 5;
  const deadAfter = options.deadAfterSeconds ?? Math.max(30, heartbeatSeconds * 4);
  const pollMs = options.pollMs ?? 500;
  const newWorkerId = () => `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  let workerId = newWorkerId();
  const pool = coordinationPool(url);
  const stats = { played: 0, reused: 0, failed: 0, retried: 0, reaped: 0, cancelled: 0 };
  const inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  let lostLeases = 0;
  let wake: (() => void) | undefined;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  options.signal?.addEventListener("abort", () => wake?.());

  getDb(); // migrate before the first claim
  await ensureCoordinationSchema(pool);
  await registerWorker(pool, { id: workerId, host: os.hostname(), pid: process.pid, concurrency: options.concurrency });
  const boss = await openBoss(url, (error) => log(`pg-boss: ${error.message}`));
  log(`worker ${workerId} on ${redactUrl(url)}: up to ${options.concurrency} episodes at once`);

  const reap = async () => {
    const r = await reapDeadWorkers(pool, deadAfter, async (client: pg.PoolClient, jobs) => {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      for (const queue of new Set(jobs.map((j) => j.queue))) {
        for (const j of jobs.filter((j) => j.queue === queue))
          await boss.fail(queue, j.jobId, { message: "its worker stopped sending heartbeats" }, { db });
      }
    });
    if (r.workers.length) {
      stats.reaped += r.workers.length;
      log(`declared dead: ${r.workers.join(", ")}; ${r.jobs} episode${r.jobs === 1 ? "" : "s"} handed back for retry`);
    }
  };
  let beating = false;
  const beat = async () => {
    if (beating) return; // a slow beat (busy database) is still running
    beating = true;
    try {
      if (!(await heartbeat(pool, workerId))) {
        lostLeases++;
        for (const f of inFlight.values()) f.abort.abort();
        const old = workerId;
        workerId = newWorkerId();
        await registerWorker(pool, {
          id: workerId,
          host: os.hostname(),
          pid: process.pid,
          concurrency: options.concurrency,
        });
        log(`worker ${old} was declared dead (heartbeats too late): its episodes went to others; now ${workerId}`);
        wake?.();
        return;
      }
      await reap();
    } catch (error) {
      log(`heartbeat: ${(error as Error).message}`);
    } finally {
      beating = false;
    }
  };
  const timer = setInterval(() => void beat(), heartbeatSeconds * 1000);

  const requests = new Map<
    string,
    Promise<{ request: DistributedRequest; total: number; scenarios: LoadedScenario[] }>
  >();
  const runSetup = (runId: string) => {
    let p = requests.get(runId);
    if (!p) {
      p = (async () => {
        const saved = await loadRunRequest(pool, runId);
        if (!saved) throw new MmcbError("run:not_found", `run "${runId}" has no stored request in the queue`);
        const request = saved.request as DistributedRequest;
        // The stored request names the key variable, but this worker's environment is not its author's:
        // only key variables on the allow-list are read (lib/secrets.ts), as for runs started over HTTP.
        if (request.solver === "openai" && !keyEnvAllowed(request.options.settings.apiKeyEnv))
          throw new MmcbError(
            "input:invalid",
            `run "${runId}" names ${request.options.settings.apiKeyEnv} for its API key; a worker reads only OPENAI_API_KEY, names ending in _API_KEY and those listed in MMCB_KEY_ENVS (never MMCB_*)`,
          );
        const run = await getRun(getDb(), runId);
        if (!run) throw new MmcbError("run:not_found", `run "${runId}" is not in the database`);
        const store = await loadScenarioStore(request.scenariosDir);
        const byId = new Map(store.scenarios.map((l) => [l.scenario.id, l]));
        const wanted = new Map(run.config.scenarios.map((s) => [s.id, s.contentHash]));
        const scenarios = request.scenarioIds.map((id) => {
          const l = byId.get(id);
          if (!l)
            throw new MmcbError(
              "scenario:not_found",
              `scenario ${id} of run "${runId}" is not in ${request.scenariosDir} on this machine`,
            );
          if (wanted.get(id) !== l.contentHash)
            throw new MmcbError(
              "conflict",
              `scenario ${id} in ${request.scenariosDir} changed since run "${runId}" was queued`,
            );
          return l;
        });
        return { request, total: saved.total, scenarios };
      })();
      p.catch(() => requests.delete(runId));
      requests.set(runId, p);
    }
    return p;
  };

  let endpoints: { at: number; list: Endpoint[] } = { at: 0, list: [] };
  const claimOne = async (): Promise<Claimed | null> => {
    if (Date.now() - endpoints.at > 5_000) endpoints = { at: Date.now(), list: await listEndpoints(pool) };
    const order = [...endpoints.list].sort(() => Math.random() - 0.5);
    for (const endpoint of order) {
      const claimId = await acquireSlot(pool, workerId, endpoint, deadAfter);
      if (!claimId) continue;
      const [job] = await boss.fetch<EpisodeJob>(endpoint.queue, { batchSize: 1 });
      if (!job) {
        await releaseSlot(pool, claimId);
        continue;
      }
      await bindClaim(pool, claimId, job.id, job.data.episodeId);
      return { claimId, endpoint, job };
    }
    return null;
  };

  const play = async ({ claimId, endpoint, job }: Claimed, abort: AbortController) => {
    const { runId, scenarioId, seed } = job.data;
    let secret: string | undefined;
    try {
      const setup = await runSetup(runId);
      if (setup.request.solver === "openai") secret = process.env[setup.request.options.settings.apiKeyEnv];
      const guard = async () => {
        if (!abort.signal.aborted && !(await claimHeld(pool, claimId))) abort.abort();
        if (abort.signal.aborted)
          throw new MmcbError("conflict", "this worker lost its claim on the episode; another worker plays it");
      };
      const result = await episodeScope.run({ mode: "episode", scenarioId, seed, guard }, () =>
        callEval(setup.request, setup.scenarios),
      );
      if (abort.signal.aborted) return;
      await boss.complete(endpoint.queue, job.id);
      await releaseSlot(pool, claimId);
      if (result.cancelled) {
        // the run was cancelled: the episode went back to pending (a --resume queues it again)
        stats.cancelled++;
        return log(`${job.data.episodeId}: not played, run "${runId}" was cancelled`);
      }
      if (result.reused) stats.reused++;
      else stats.played++;
      if (result.failed) stats.failed++;
      log(`${job.data.episodeId}: ${result.reused ? "already done" : result.failed ? "failed (recorded)" : "done"}`);
      const progress = await runProgress(runId);
      if (progress.done + progress.failed >= setup.total && progress.status === "running")
        await setRunStatus(getDb(), runId, "done");
    } catch (error) {
      if (abort.signal.aborted) return log(`${job.data.episodeId}: abandoned (claim lost)`);
      stats.retried++;
      const message = redactSecret((error as Error).message, secret);
      log(`${job.data.episodeId}: ${message} — handed back to the queue`);
      await boss.fail(endpoint.queue, job.id, { message }).catch(() => undefined);
      await releaseSlot(pool, claimId).catch(() => undefined);
    }
  };

  let idleSince = Date.now();
  try {
    await beat();
    while (!options.signal?.aborted) {
      if (inFlight.size < options.concurrency) {
        const claimed = await claimOne();
        if (claimed) {
          idleSince = Date.now();
          const abort = new AbortController();
          const done = play(claimed, abort).finally(() => {
            inFlight.delete(claimed.claimId);
            wake?.();
          });
          inFlight.set(claimed.claimId, { abort, done });
          continue;
        }
      }
      if (inFlight.size > 0) idleSince = Date.now();
      else if (options.idleExitSeconds !== undefined && Date.now() - idleSince >= options.idleExitSeconds * 1000) break;
      await nap(inFlight.size < options.concurrency ? pollMs : 60_000);
    }
    await Promise.all([...inFlight.values()].map((f) => f.done));
  } finally {
    clearInterval(timer);
    await unregisterWorker(pool, workerId).catch(() => undefined);
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    await closeDb();
  }
  return { workerId, ...stats, lostLeases };
}
