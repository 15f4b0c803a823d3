/**
 * Playing a whole episode with a solver: the loop around the reducer. Produces the SPEC §4 trace.
 * `onTurn` lets callers persist each turn as it happens (transactional per step in lib/db).
 */
import type { Scenario } from "../scenario";
import type { Solver, SolverView } from "../solvers/types";
import { applyTurn, initialState } from "./engine";
import type { EndReason, EngineConfig, EpisodeState, Observation, RawCall, TraceStep } from "./types";

/** An episode's trace document (SPEC §4). */
export interface EpisodeTrace {
  readonly schemaVersion: 1;
  readonly episodeId: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly agent: { readonly kind: "model" | "baseline" | "human"; readonly name: string };
  readonly config: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly steps: readonly TraceStep[];
  readonly endReason: EndReason;
}

export interface RunEpisodeOptions {
  readonly scenario: Scenario;
  readonly solver: Solver;
  readonly engine: EngineConfig;
  readonly episodeId: string;
  readonly seed: number;
  /** The run configuration recorded in the trace. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Called after each turn with the new steps. */
  readonly onTurn?: (newSteps: readonly TraceStep[], state: EpisodeState) => void | Promise<void>;
  /** Resume from an earlier state (e.g. after a crash). */
  readonly from?: EpisodeState;
}

/** Plays the episode to its end (answer or budget); a solver failure ends it with `error`. */
export async function runEpisode(
  options: RunEpisodeOptions,
): Promise<{ trace: EpisodeTrace; state: EpisodeState; error?: string }> {
  const { scenario, solver, engine } = options;
  let state = options.from ?? initialState();
  const history: { calls: RawCall[]; observations: Observation[] }[] = [];
  let error: string | undefined;
  while (state.endReason === null) {
    const view: SolverView = {
      task: scenario.task,
      constraints: scenario.constraints,
      entities: scenario.entities.map((e) => ({ id: e.id, name: e.name })),
      turn: state.turn + 1,
      maxTurns: engine.maxTurns,
      finalTurn: state.turn + 1 >= engine.maxTurns,
      history,
    };
    let input;
    try {
      input = await solver.nextTurn(view);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      state = { ...state, endReason: "error" };
      break;
    }
    const before = state.steps.length;
    const applied = applyTurn(scenario, state, input, engine);
    state = applied.state;
    history.push({ calls: [...input.calls], observations: applied.observations });
    await options.onTurn?.(state.steps.slice(before), state);
  }
  const trace: EpisodeTrace = {
    schemaVersion: 1,
    episodeId: options.episodeId,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    agent: { kind: solver.agent.kind, name: solver.agent.name },
    config: options.config ?? { maxTurns: engine.maxTurns, observation: engine.observation },
    seed: options.seed,
    steps: state.steps,
    endReason: state.endReason ?? "error",
  };
  return { trace, state, ...(error ? { error } : {}) };
}
