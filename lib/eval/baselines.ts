/** Running a baseline (random, lexical, oracle) over scenarios × seeds: offline, deterministic by seed. */
import { deriveSeed } from "@/core/random";
import { createBaseline, type BaselineName } from "@/core/solvers";
import type { LoadedScenario } from "@/lib/scenarios/load";
import type { RunLaunch } from "./launch";
import { buildRunConfig } from "./run-config";
import { newRunId, runEval, type EvalProgress, type EvalResult } from "./run";

export { newRunId, runScoreDocument } from "./run";
export type { EvalResult } from "./run";

export interface BaselineEvalOptions {
  readonly solver: BaselineName;
  readonly scenarios: readonly LoadedScenario[];
  /** The folder the scenarios were loaded from (recorded so the run can be replayed); none: the app's store. */
  readonly scenariosDir?: string;
  /** The benchmark set's name, recorded with the run (lib/run/benchmark-set: benchmarkSetName). */
  readonly benchmarkSetName?: string;
  readonly seeds: readonly number[];
  readonly maxTurns: number;
  readonly observation: "image" | "hybrid" | "text";
  readonly runId?: string;
  /** Cancels the run from this process. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: EvalProgress) => void;
  /** Called once the run stopped writing, before it is scored (see EvalOptions). */
  readonly onStopped?: () => void;
}

export async function runBaselineEval(options: BaselineEvalOptions): Promise<EvalResult> {
  const config = buildRunConfig({
    solver: { kind: "baseline", name: options.solver },
    maxTurns: options.maxTurns,
    observation: options.observation,
    seeds: options.seeds,
    scenarios: options.scenarios,
  });
  const runId = options.runId ?? newRunId(options.solver);
  const launch: RunLaunch = {
    solver: "baseline",
    ...(options.scenariosDir ? { scenariosDir: options.scenariosDir } : {}),
    scenarioIds: options.scenarios.map((l) => l.scenario.id),
    concurrency: 1,
    options: {
      runId,
      solver: options.solver,
      seeds: [...options.seeds],
      maxTurns: options.maxTurns,
      observation: options.observation,
    },
  };
  return runEval({
    runId,
    name: `${options.solver} baseline`,
    config,
    launch,
    ...(options.benchmarkSetName ? { benchmarkSetName: options.benchmarkSetName } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    scenarios: options.scenarios,
    seeds: options.seeds,
    engine: { maxTurns: options.maxTurns, observation: options.observation },
    concurrency: 1,
    makeSolver: (loaded, seed) => createBaseline(options.solver, loaded.scenario, deriveSeed(seed, loaded.scenario.id)),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onStopped ? { onStopped: options.onStopped } : {}),
  });
}
