/**
 * Running a solver over scenarios × seeds (SPEC §3, §6, §9): episodes run through the engine with a
 * concurrency limit; each turn is written as it happens; each finished episode is scored and stored.
 * Re-running with the same run id resumes: finished episodes are kept, unfinished ones replay from the
 * start (their partial steps are discarded in one transaction). A cost cap stops new episodes once
 * reached. Failures of one episode (a solver error after retries) are recorded and the run goes on.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { runEpisode, type EngineConfig } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import type { RunConfig } from "@/core/run";
import { scoreDocument, scoreEpisode, type ScoreDocument } from "@/core/scoring";
import type { Scenario } from "@/core/scenario";
import type { Solver } from "@/core/solvers";
import { getDb } from "@/lib/db/client";
import { appendSteps, createOrResumeRun, finishEpisode, runTraces, setRunStatus, startEpisode } from "@/lib/db/runs";
import { indexScenarios } from "@/lib/db/scenarios";
import { redactSecret } from "@/lib/secrets";
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
  /** A fresh solver for one episode. */
  readonly makeSolver: (loaded: LoadedScenario, seed: number, usage: UsageSink) => Solver;
  /** Price per 1M prompt / completion tokens in USD (for cost accounting). */
  readonly prices?: { readonly prompt: number; readonly completion: number };
  readonly costCapUsd?: number;
  readonly onProgress?: (p: EvalProgress) => void;
}

/** Where a solver reports tokens it spent. */
export type UsageSink = (promptTokens: number, completionTokens: number) => void;

export interface EvalResult {
  readonly runId: string;
  readonly resumed: boolean;
  readonly reused: number;
  readonly failed: number;
  readonly costUsd: number;
  readonly stoppedByCostCap: boolean;
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
    const { trace, error } = await runEpisode({
      scenario,
      engine: options.engine,
      episodeId,
      seed,
      solver: options.makeSolver(loaded, seed, usage),
      config: { runId: options.runId, configHash: hash },
      onTurn: async (steps) => {
        if (scope?.mode === "episode") await scope.guard?.();
        await appendSteps(db, episodeId, written, steps);
        written += steps.length;
      },
    });
    if (scope?.mode === "episode") await scope.guard?.();
    const { metrics } = scoreEpisode(scenario, trace);
    await finishEpisode(db, episodeId, {
      endReason: trace.endReason,
      scenarioVersion: scenario.version,
      metrics,
      // a provider may echo the key in its error (e.g. "Incorrect API key provided: …"): never store it
      ...(error ? { error: redactSecret(error, secret) } : {}),
    });
    if (error) progress.failed++;
  };

  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      if (options.costCapUsd !== undefined && progress.costUsd >= options.costCapUsd) {
        stoppedByCostCap = true;
        return;
      }
      const job = jobs[next++]!;
      await playOne(job);
      progress.done++;
      options.onProgress?.({ ...progress });
      // Let other work run between episodes (a server answering requests while a run plays in it): the
      // SQLite driver is synchronous, so an offline baseline would otherwise hold the event loop to the end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  if (scope) {
    if (jobs.length) await worker();
    const one = { runId: options.runId, resumed, reused: progress.reused, failed: progress.failed };
    return { ...one, costUsd: progress.costUsd, stoppedByCostCap: false, document: scoreDocument(new Map(), []) };
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker));
    await setRunStatus(
      db,
      options.runId,
      stoppedByCostCap ? "cancelled" : "done",
      stoppedByCostCap ? `cost cap of $${options.costCapUsd} reached` : undefined,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const redacted = redactSecret(message, secret);
    await setRunStatus(db, options.runId, "failed", redacted).catch(() => undefined);
    if (redacted !== message) throw new MmcbError(error instanceof MmcbError ? error.code : "internal", redacted);
    throw error;
  }
  const scenarios = new Map(options.scenarios.map((l) => [l.scenario.id, l.scenario]));
  return {
    runId: options.runId,
    resumed,
    reused: progress.reused,
    failed: progress.failed,
    costUsd: progress.costUsd,
    stoppedByCostCap,
    document: await runScoreDocument(options.runId, scenarios),
  };
}

/** Re-scores a stored run's episodes from their traces. */
export async function runScoreDocument(
  runId: string,
  scenarios: ReadonlyMap<string, Scenario>,
): Promise<ScoreDocument> {
  return scoreDocument(scenarios, await runTraces(getDb(), runId));
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
