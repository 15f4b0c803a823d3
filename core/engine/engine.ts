/**
 * The episode engine: a reducer `(scenario, state, call) → (state, observation)` (SPEC §3). Every solver —
 * model, baseline, person — goes through it. It never throws on solver input: a bad call becomes an
 * error observation recorded with `valid: false`. No clock, ids or randomness inside.
 */
import type { Scenario } from "../scenario";
import { getTool, parseToolCall, type ToolCall } from "../tools";
import type { EngineConfig, EpisodeState, Observation, RawCall, TraceStep, TurnInput } from "./types";

/** A fresh episode. */
export function initialState(): EpisodeState {
  return { turn: 0, steps: [], plan: [], answer: null, endReason: null };
}

/** Whether the episode is over. */
export function isEnded(state: EpisodeState): boolean {
  return state.endReason !== null;
}

/** Whether the next turn is the last one (only submit_answer is accepted). */
export function isFinalTurn(state: EpisodeState, config: EngineConfig): boolean {
  return state.turn + 1 >= config.maxTurns;
}

const errorObservation = (text: string): Observation => ({ text: `Error: ${text}`, images: [] });

interface CallResult {
  readonly valid: boolean;
  readonly error?: string;
  readonly observation: Observation;
  readonly endsEpisode: boolean;
  readonly answer?: EpisodeState["answer"];
  readonly plan?: readonly string[];
}

/** Runs one well-formed call against the scenario through its tool's `perform`. */
function perform(scenario: Scenario, state: EpisodeState, call: ToolCall, config: EngineConfig): CallResult {
  const tool = getTool(call.tool)!;
  const outcome = tool.perform(scenario, state, call.args, config);
  if ("error" in outcome)
    return { valid: false, error: outcome.error, observation: errorObservation(outcome.error), endsEpisode: false };
  const plan = tool.target(call.args).plan;
  const answer = tool.answer?.(call.args);
  return {
    valid: true,
    observation: outcome.observation,
    endsEpisode: tool.endsEpisode,
    ...(answer ? { answer } : {}),
    ...(plan ? { plan } : {}),
  };
}

/**
 * Applies one call within `turn`. Malformed input (unknown tool, bad JSON, missing fields, unknown ids)
 * yields an error observation and a step with `valid: false`; only a well-formed submit_answer ends the
 * episode. On the final turn only submit_answer is accepted.
 */
export function applyCall(
  scenario: Scenario,
  state: EpisodeState,
  raw: RawCall,
  turn: number,
  config: EngineConfig,
): { state: EpisodeState; observation: Observation; step: TraceStep } {
  const parsed = parseToolCall(raw.tool, raw.args);
  const recordedArgs = parsed.ok
    ? parsed.call.args
    : typeof raw.args === "string"
      ? safeJson(raw.args)
      : (raw.args ?? {});
  let result: CallResult;
  if (state.endReason !== null) {
    result = {
      valid: false,
      error: "the episode has already ended; this call was ignored",
      observation: errorObservation("the episode has already ended"),
      endsEpisode: false,
    };
  } else if (!parsed.ok) {
    result = {
      valid: false,
      error: parsed.error,
      observation: errorObservation(`${parsed.error}. The call used the turn; try again.`),
      endsEpisode: false,
    };
  } else if (turn >= config.maxTurns && !getTool(parsed.call.tool)!.endsEpisode) {
    const error = "this is the final turn: you must call submit_answer now";
    result = { valid: false, error, observation: errorObservation(error), endsEpisode: false };
  } else {
    result = perform(scenario, state, parsed.call, config);
  }
  const step: TraceStep = {
    turn,
    call: { tool: raw.tool, args: recordedArgs },
    ...(raw.raw !== undefined && !result.valid ? { raw: raw.raw } : {}),
    valid: result.valid,
    ...(result.error ? { error: result.error } : {}),
    observation: result.observation,
  };
  const next: EpisodeState = {
    ...state,
    turn: Math.max(state.turn, turn),
    steps: [...state.steps, step],
    plan: result.plan ?? state.plan,
    answer: result.answer ?? state.answer,
    endReason: result.endsEpisode ? "answer" : state.endReason,
  };
  return { state: next, observation: result.observation, step };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { _unparsed: text };
  }
}

/**
 * Plays one turn: its calls in order (stopping the episode at submit_answer), then the budget rule — when
 * the budget is spent without an answer the episode ends with `budget`. A turn with no call is recorded
 * as one invalid step (it still uses the turn).
 */
export function applyTurn(
  scenario: Scenario,
  state: EpisodeState,
  input: TurnInput,
  config: EngineConfig,
): { state: EpisodeState; observations: Observation[] } {
  if (state.endReason !== null) return { state, observations: [] };
  const turn = state.turn + 1;
  let current = state;
  const observations: Observation[] = [];
  if (input.calls.length === 0) {
    const error = "the reply contained no tool call; use one of the tools";
    const observation = errorObservation(`${error}.`);
    const step: TraceStep = {
      turn,
      call: { tool: "", args: {} },
      ...(input.assistantText ? { raw: input.assistantText } : {}),
      valid: false,
      error,
      observation,
    };
    current = { ...current, turn, steps: [...current.steps, step] };
    observations.push(observation);
  } else {
    for (const raw of input.calls) {
      const applied = applyCall(scenario, current, raw, turn, config);
      current = applied.state;
      observations.push(applied.observation);
      if (current.endReason !== null) break;
    }
  }
  // annotate the turn's first step with what the solver said and spent
  const firstIndex = state.steps.length;
  if (
    current.steps.length > firstIndex &&
    (input.assistantText !== undefined || input.usage || input.latencyMs !== undefined)
  ) {
    const steps = [...current.steps];
    steps[firstIndex] = {
      ...steps[firstIndex]!,
      ...(input.assistantText !== undefined ? { assistantText: input.assistantText } : {}),
      ...(input.usage ? { usage: input.usage } : {}),
      ...(input.latencyMs !== undefined ? { latencyMs: input.latencyMs } : {}),
    };
    current = { ...current, steps };
  }
  if (current.endReason === null && turn >= config.maxTurns) current = { ...current, endReason: "budget" };
  return { state: { ...current, turn }, observations };
}
