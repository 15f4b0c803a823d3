/**
 * Pure helpers of the play API: the engine state of an episode rebuilt from its stored steps, the turn
 * budget, and stored steps shaped for the wire (image refs turned into URLs, parts given their regions in
 * the entity view). No I/O: URLs come from the caller's `PlayLinks`.
 */
import type { EngineConfig, EpisodeState, ImageRef, Observation, TraceStep } from "@/core/engine";
import { findEntity, partRegionInEntityView, type Scenario } from "@/core/scenario";
import { getTool, parseToolCall } from "@/core/tools";
import type { PlayBudget, PlayImage, PlayObservation, PlayStep } from "./types";

/** How the caller addresses images (the app's view routes). */
export interface PlayLinks {
  scene(): string;
  entityView(entityId: string): string;
  partView(entityId: string, partId: string): string;
}

/**
 * The engine state after `steps` (as stored, in order): the last turn, the plan, the first well-formed
 * answer, and the end — an answer, or the budget spent. Equal to the state the reducer produced.
 */
export function stateFromSteps(steps: readonly TraceStep[], config: EngineConfig): EpisodeState {
  let turn = 0;
  let plan: readonly string[] = [];
  let answer: EpisodeState["answer"] = null;
  for (const step of steps) {
    turn = Math.max(turn, step.turn);
    if (!step.valid) continue;
    const parsed = parseToolCall(step.call.tool, step.call.args);
    if (!parsed.ok) continue;
    if (parsed.call.tool === "plan_exploration") plan = parsed.call.args.entity_ids;
    if (parsed.call.tool === "submit_answer" && answer === null) answer = parsed.call.args;
  }
  const endReason = answer !== null ? "answer" : turn >= config.maxTurns ? "budget" : null;
  return { turn, steps, plan, answer, endReason };
}

export function budgetOf(state: EpisodeState, config: EngineConfig): PlayBudget {
  const ended = state.endReason !== null;
  return {
    turn: state.turn,
    maxTurns: config.maxTurns,
    turnsLeft: ended ? 0 : Math.max(0, config.maxTurns - state.turn),
    finalTurn: !ended && state.turn + 1 >= config.maxTurns,
    ended,
    endReason: state.endReason,
  };
}

function imageOf(ref: ImageRef, links: PlayLinks): PlayImage {
  if (ref.kind === "scene") return { kind: "scene", url: links.scene() };
  if (ref.kind === "entity") return { kind: "entity", entityId: ref.entityId, url: links.entityView(ref.entityId) };
  return {
    kind: "part",
    entityId: ref.entityId,
    partId: ref.partId,
    url: links.partView(ref.entityId, ref.partId),
  };
}

/** An engine observation for the wire. Part regions come from the scenario (geometry only, no annotations). */
export function presentObservation(scenario: Scenario, observation: Observation, links: PlayLinks): PlayObservation {
  const images = observation.images.map((ref) => imageOf(ref, links));
  const data = observation.data?.entity;
  const entity = data ? findEntity(scenario, data.id) : undefined;
  if (!data || !entity) return { text: observation.text, images };
  return {
    text: observation.text,
    images,
    entity: {
      id: data.id,
      name: data.name,
      parts: data.parts.flatMap((p) => {
        const part = entity.parts.find((q) => q.id === p.id);
        return part ? [{ id: p.id, name: p.name, region: partRegionInEntityView(scenario, entity, part) }] : [];
      }),
    },
  };
}

/** The step-log line: the registry's `describe` for a well-formed call, else the tool name as sent. */
export function stepSummary(step: TraceStep): string {
  const parsed = parseToolCall(step.call.tool, step.call.args);
  if (parsed.ok) {
    const tool = getTool(parsed.call.tool);
    if (tool) return tool.describe(parsed.call.args);
  }
  return step.call.tool ? `${step.call.tool} (malformed)` : "(no tool call)";
}

export function presentStep(scenario: Scenario, step: TraceStep, index: number, links: PlayLinks): PlayStep {
  return {
    index,
    turn: step.turn,
    tool: step.call.tool,
    args: step.call.args,
    valid: step.valid,
    ...(step.error ? { error: step.error } : {}),
    summary: stepSummary(step),
    observation: step.observation ? presentObservation(scenario, step.observation, links) : null,
  };
}
