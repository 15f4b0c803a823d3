/** Running a baseline (random, lexical, oracle) over scenarios × seeds: offline, deterministic by seed. */
import { deriveSeed } from "@/core/random";
import { createBaseline, type BaselineName } from "@/core/solvers";
import type { LoadedScenario } from "@/lib/scenarios/load";
import { buildRunConfig } from "./run-config";
import { newRunId, runEval, type EvalProgress, type EvalResult } from "./run";

export { newRunId, runScoreDocument } from "./run";
export type { EvalResult } from "./run";

export interface BaselineEvalOptions {
  readonly solver: BaselineName;
  readonly scenarios: readonly LoadedScenario[];
  readonly seeds: readonly number[];
  readonly maxTurns: number;
  readonly observation: "image" | "hybrid" | "text";
  readonly runId?: string;
  readonly onProgress?: (p: EvalProgress) => void;
}

export async function runBaselineEval(options: BaselineEvalOptions): Promise<EvalResult> {
  const config = buildRunConfig({
    solver: { kind: "baseline", name: options.solver },
    maxTurns: options.maxTurns,
    observation: options.observation,
    seeds: options.seeds,
    scenarios: options.scenarios,
  });
  return runEval({
    runId: options.runId ?? newRunId(options.solver),
    name: `${options.solver} baseline`,
    config,
    scenarios: options.scenarios,
    seeds: options.seeds,
    engine: { maxTurns: options.maxTurns, observation: options.observation },
    concurrency: 1,
    makeSolver: (loaded, seed) => createBaseline(options.solver, loaded.scenario, deriveSeed(seed, loaded.scenario.id)),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
