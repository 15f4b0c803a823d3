/**
 * Running a solver over scenarios × seeds (SPEC §3, §6, §9): episodes run through the engine with a
 * concurrency limit; each turn is written as it happens; each finished episode is scored and stored.
 * Re-running with the same run id resumes: finished episodes are kept, unfinished ones replay from the
 * start (their partial steps are discarded in one transaction). A cost cap stops new episodes once
 * reached. Failures of one episode (a solver error after retries) are recorded and the run goes on; they
 * are not answers (SPEC §5): no score, left out of every mean, counted as the run's errors. A run whose
 * every episode failed ends `failed` with the first error as its sentence. A run is cancelled through its
 * status (`cancelRun`, polled here) or `signal`: no new episode starts, requests in flight are aborted and
 * their episodes go back to pending.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { runEpisode, type EngineConfig } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import type { RunConfig } from "@/core/run";
import { scoreDocument, scoreEpisode, type ScoreDocument } from "@/core/scoring";
import type { Scenario } from "@/core/scenario";
import type { Solver } from "@/core/solvers";
import { getDb } from "@/lib/db/client";
import {
  abandonEpisode,
  appendSteps,
  createOrResumeRun,
  finishEpisode,
  getRun,
  runTraces,
  setRunStatus,
  startEpisode,
} from "@/lib/db/runs";
import { runCounts } from "@/lib/db/run-queries";
import { indexScenarios } from "@/lib/db/scenarios";
import { redactSecret } from "@/lib/secrets";
import { benchmarkSetFor } from "@/lib/run/benchmark-set";
import { configHash } from "@/lib/run/hash";
import type { LoadedScenario } from "@/lib/scenarios/load";

export interface EvalProgress {
  readonly done: number;
  readonly total: number;
  readonly reused: number;
  readonly failed: number;
  readonly costUsd: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface EvalOptions {
  readonly runId: string;
  readonly name: string;
  readonly config: RunConfig;
  readonly scenarios: readonly LoadedScenario[];
  readonly seeds: readonly number[];
  readonly engine: EngineConfig;
  readonly concurrency: number;
  /** A fresh solver for one episode; `signal` aborts when the run is cancelled. */
  readonly makeSolver: (loaded: LoadedScenario, seed: number, usage: UsageSink, signal: AbortSignal) => Solver;
  /** How to play the run again (stored with it; never a key). */
  readonly launch?: unknown;
  /** The benchmark set's name (recorded when the run is created); default `custom`. */
  readonly benchmarkSetName?: string;
  /** Cancels the run from this process (the web app's Cancel; `cancelRun` does it from anywhere). */
  readonly signal?: AbortSignal;
  /** How often the run's status is read to notice a cancel from another process (ms, default 1000). */
  readonly cancelPollMs?: number;
  /** Price per 1M prompt / completion tokens in USD (for cost accounting). */
  readonly prices?: { readonly prompt: number; readonly completion: number };
  readonly costCapUsd?: number;
  readonly onProgress?: (p: EvalProgress) => void;
  /**
   * Called once the run has stopped writing (every episode finished or abandoned, its status recorded),
   * before the score document is computed: from then on the run may be deleted.
   */
  readonly onStopped?: () => void;
}

/** Where a solver reports tokens it spent. */
export type UsageSink = (promptTokens: number, completionTokens: number) => void;

export interface EvalResult {
  readonly runId: string;
  readonly resumed: boolean;
  readonly reused: number;
  /** Episodes of this invocation that ended in an infrastructure error (no score). */
  readonly failed: number;
  readonly costUsd: number;
  readonly stoppedByCostCap: boolean;
  /** The run was cancelled before every episode was played. */
  readonly cancelled: boolean;
  readonly document: ScoreDocument;
}

/**
 * A distributed worker (lib/eval/distributed.ts) calls the same eval entry points as the CLI inside this
 * scope: runEval then plays only the one (scenario, seed) episode of the run and leaves the run's status
 * to the queue. `guard` stops the episode (without recording more) once the worker lost its lease.
 */
export type EpisodeScope =
  | {
      readonly mode: "episode";
      readonly scenarioId: string;
      readonly seed: number;
      /** Checked before every write of the episode: throws when this worker no longer holds it. */
      readonly guard?: () => Promise<void>;
    }
  /** Index the scenarios and create (or resume) the run, play nothing: how a distributed run is registered. */
  | { readonly mode: "register" };
export const episodeScope = new AsyncLocalStorage<EpisodeScope>();

export async function runEval(options: EvalOptions): Promise<EvalResult> {
  const scope = episodeScope.getStore();
  const db = getDb();
  await indexScenarios(db, options.scenarios);
  const hash = configHash(options.config);
  const keyEnv = options.config.solver.apiKeyEnv;
  const secret = keyEnv ? process.env[keyEnv] : undefined;
  const { resumed } = await createOrResumeRun(db, {
    id: options.runId,
    name: options.name,
    config: options.config,
    configHash: hash,
    ...(options.launch !== undefined ? { launch: options.launch } : {}),
    benchmarkSet: benchmarkSetFor(options.benchmarkSetName ?? "custom", options.scenarios),
    // a worker playing one episode leaves the run's status to the queue (and a cancel in place)
    reopen: scope?.mode !== "episode",
  });
  const jobs = options.scenarios
    .flatMap((loaded) => options.seeds.map((seed) => ({ loaded, seed })))
    .filter(
      (j) => !scope || (scope.mode === "episode" && j.loaded.scenario.id === scope.scenarioId && j.seed === scope.seed),
    );
  if (scope?.mode === "episode" && jobs.length !== 1)
    throw new MmcbError(
      "input:invalid",
      `run "${options.runId}" has no episode ${scope.scenarioId} × seed ${scope.seed}`,
    );
  const progress = {
    done: 0,
    total: jobs.length,
    reused: 0,
    failed: 0,
    costUsd: 0,
    promptTokens: 0,
    completionTokens: 0,
  };
  let stoppedByCostCap = false;
  /** The first episode error of this invocation, as thrown (an MmcbError with a code, mostly). */
  let firstError: { code: MmcbError["code"]; message: string } | null = null;
  const cancel = new AbortController();
  const onAbort = () => cancel.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) cancel.abort();
  // another process (the CLI's `runs cancel`, the web app) cancels by setting the run's status
  let polling = false;
  const poll = setInterval(() => {
    if (polling || cancel.signal.aborted) return;
    polling = true;
    getRun(db, options.runId)
      .then((run) => {
        if (!run || run.status === "cancelled") cancel.abort();
      })
      .catch(() => undefined)
      .finally(() => (polling = false));
  }, options.cancelPollMs ?? 1000);
  poll.unref?.();
  if (scope?.mode === "episode" && (await getRun(db, options.runId))?.status === "cancelled") cancel.abort();
  const usage: UsageSink = (p, c) => {
    progress.promptTokens += p;
    progress.completionTokens += c;
    if (options.prices) progress.costUsd += (p * options.prices.prompt + c * options.prices.completion) / 1e6;
  };

  const playOne = async ({ loaded, seed }: (typeof jobs)[number]) => {
    const scenario = loaded.scenario;
    const episodeId = `${options.runId}:${scenario.id}:${seed}`;
    const status = await startEpisode(db, {
      id: episodeId,
      runId: options.runId,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      scenarioHash: loaded.contentHash,
      imageHashes: loaded.imageHashes,
      seed,
      agentKind: options.config.solver.kind,
      agentName: options.config.solver.model ?? options.config.solver.name,
    });
    if (status === "done") {
      progress.reused++;
      return;
    }
    let written = 0;
    const solver = options.makeSolver(loaded, seed, usage, cancel.signal);
    let thrown: unknown = null;
    const watched: Solver = {
      agent: solver.agent,
      nextTurn: async (view) => {
        try {
          return await solver.nextTurn(view);
        } catch (e) {
          thrown = e;
          throw e;
        }
      },
    };
    let played: Awaited<ReturnType<typeof runEpisode>> | null = null;
    try {
      played = await runEpisode({
        scenario,
        engine: options.engine,
        episodeId,
        seed,
        solver: watched,
        config: { runId: options.runId, configHash: hash },
        onTurn: async (steps) => {
          if (cancel.signal.aborted) throw new MmcbError("run:cancelled", `run "${options.runId}" was cancelled`);
          if (scope?.mode === "episode") await scope.guard?.();
          await appendSteps(db, episodeId, written, steps);
          written += steps.length;
        },
      });
    } catch (error) {
      if (!cancel.signal.aborted) throw error;
    }
    if (cancel.signal.aborted || !played) {
      // stopped mid-play: not an answer and not an error; a resume plays it again from the start
      await abandonEpisode(db, episodeId);
      return "cancelled" as const;
    }
    const { trace, error } = played;
    if (scope?.mode === "episode") await scope.guard?.();
    const { metrics } = scoreEpisode(scenario, trace);
    await finishEpisode(db, episodeId, {
      endReason: trace.endReason,
      scenarioVersion: scenario.version,
      metrics,
      // a provider may echo the key in its error (e.g. "Incorrect API key provided: …"): never store it
      ...(error ? { error: redactSecret(error, secret) } : {}),
    });
    if (error) {
      progress.failed++;
      if (!firstError) {
        const message = redactSecret(error, secret);
        firstError = { code: thrown instanceof MmcbError ? thrown.code : "model:failed", message };
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      if (cancel.signal.aborted) return;
      if (options.costCapUsd !== undefined && progress.costUsd >= options.costCapUsd) {
        stoppedByCostCap = true;
        return;
      }
      const job = jobs[next++]!;
      if ((await playOne(job)) === "cancelled") return;
      progress.done++;
      options.onProgress?.({ ...progress });
      // Let other work run between episodes (a server answering requests while a run plays in it): the
      // SQLite driver is synchronous, so an offline baseline would otherwise hold the event loop to the end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const stopWatching = () => {
    clearInterval(poll);
    options.signal?.removeEventListener("abort", onAbort);
  };
  if (scope) {
    try {
      if (jobs.length) await worker();
    } finally {
      stopWatching();
    }
    options.onStopped?.();
    const one = { runId: options.runId, resumed, reused: progress.reused, failed: progress.failed };
    return {
      ...one,
      costUsd: progress.costUsd,
      stoppedByCostCap: false,
      cancelled: cancel.signal.aborted,
      document: scoreDocument(new Map(), []),
    };
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker));
    if (cancel.signal.aborted) {
      // cancelled here (signal) or elsewhere (status): make sure the run says so, keep what finished
      const run = await getRun(db, options.runId);
      if (run && run.status !== "cancelled") await setRunStatus(db, options.runId, "cancelled", "cancelled");
    } else {
      if (firstError && (await runCounts(db, options.runId)).done === 0) {
        // nothing but errors: no score to show, and the one sentence that explains why
        const { code, message } = firstError as { code: MmcbError["code"]; message: string };
        await setRunStatus(db, options.runId, "failed", message);
        throw new MmcbError(
          code,
          progress.failed === 1 ? message : `all ${progress.failed} episodes failed; the first: ${message}`,
        );
      }
      await setRunStatus(
        db,
        options.runId,
        stoppedByCostCap ? "cancelled" : "done",
        stoppedByCostCap ? `cost cap of $${options.costCapUsd} reached` : undefined,
      );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const redacted = redactSecret(message, secret);
    await setRunStatus(db, options.runId, "failed", redacted).catch(() => undefined);
    if (redacted !== message) throw new MmcbError(error instanceof MmcbError ? error.code : "internal", redacted);
    throw error;
  } finally {
    stopWatching();
  }
  options.onStopped?.();
  const scenarios = new Map(options.scenarios.map((l) => [l.scenario.id, l.scenario]));
  return {
    runId: options.runId,
    resumed,
    reused: progress.reused,
    failed: progress.failed,
    costUsd: progress.costUsd,
    stoppedByCostCap,
    cancelled: cancel.signal.aborted,
    document: await runScoreDocument(options.runId, scenarios),
  };
}

/** Re-scores a stored run's episodes from their traces. */
export async function runScoreDocument(
  runId: string,
  scenarios: ReadonlyMap<string, Scenario>,
): Promise<ScoreDocument> {
  return scoreDocument(scenarios, await runTraces(getDb(), runId, { finished: true }));
}

/** A new run id: `<solver>-<UTC timestamp>-<4 random hex>`. */
export function newRunId(solver: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")
    .replace("T", "-");
  const safe = solver.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 40);
  return `${safe}-${stamp}-${Math.floor(Math.random() * 0xffff)
    .toString(16)
    .padStart(4, "0")}`;
}
