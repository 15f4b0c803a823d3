/**
 * Replay frames: for each step of a trace, what that step was about (the entity and part it names) and
 * what the solver had explored by then. Pure; the replay view draws the frames on the scene canvas.
 * Exploration follows the scorer (SPEC §5): only valid `inspect_entity` / `inspect_part` calls on
 * entities and parts that exist explore anything.
 */
import type { Scenario } from "../scenario";
import { getTool, parseToolCall, type ToolCall } from "../tools";

/** The minimum of a trace step a frame needs. */
export interface ReplayableStep {
  readonly call: { readonly tool: string; readonly args: unknown };
  readonly valid?: boolean;
}

export interface ReplayFrame {
  readonly stepIndex: number;
  /** The tool name as recorded ("" when the reply held no tool call). */
  readonly tool: string;
  /** The tool's UI label, or the raw name for an unknown tool. */
  readonly label: string;
  /** One line for the step log (the tool's `describe`), or the raw tool name when the call did not parse. */
  readonly summary: string;
  /** Whether the arguments parsed against the tool's schema. */
  readonly parsed: boolean;
  /** The scenario entity the step is about, when it names one that exists. */
  readonly focusEntityId: string | null;
  /** The part of `focusEntityId` the step is about, when it names one that exists. */
  readonly focusPartId: string | null;
  /** Entities named by a `plan_exploration` step that exist (in the planned order). */
  readonly plannedEntityIds: readonly string[];
  /** Entities explored up to and including this step, in first-explored order. */
  readonly visitedEntityIds: readonly string[];
  /** Parts explored up to and including this step, as `entity/part`, in first-explored order. */
  readonly visitedPartKeys: readonly string[];
}

/** The entity and part a parsed call names (before checking that they exist). */
function target(call: ToolCall): { entityId: string | null; partId: string | null } {
  switch (call.tool) {
    case "inspect_entity":
      return { entityId: call.args.entity_id, partId: null };
    case "inspect_part":
    case "assess_part":
    case "submit_answer":
      return { entityId: call.args.entity_id, partId: call.args.part_id };
    default:
      return { entityId: null, partId: null };
  }
}

/** One frame per step, in order. */
export function replayFrames(scenario: Pick<Scenario, "entities">, steps: readonly ReplayableStep[]): ReplayFrame[] {
  const entities = new Map(scenario.entities.map((e) => [e.id, new Set(e.parts.map((p) => p.id))]));
  const visitedEntities = new Set<string>();
  const visitedParts = new Set<string>();
  return steps.map((step, stepIndex) => {
    const parsed = parseToolCall(step.call.tool, step.call.args);
    const definition = getTool(step.call.tool);
    const label = definition?.label ?? (step.call.tool || "No tool call");
    if (!parsed.ok) {
      return {
        stepIndex,
        tool: step.call.tool,
        label,
        summary: step.call.tool ? `${step.call.tool} (arguments did not parse)` : "reply without a tool call",
        parsed: false,
        focusEntityId: null,
        focusPartId: null,
        plannedEntityIds: [],
        visitedEntityIds: [...visitedEntities],
        visitedPartKeys: [...visitedParts],
      };
    }
    const call = parsed.call;
    const { entityId, partId } = target(call);
    const parts = entityId !== null ? entities.get(entityId) : undefined;
    const focusEntityId = parts ? entityId : null;
    const focusPartId = parts && partId !== null && parts.has(partId) ? partId : null;
    if (step.valid !== false && focusEntityId !== null) {
      if (call.tool === "inspect_entity") visitedEntities.add(focusEntityId);
      if (call.tool === "inspect_part" && focusPartId !== null) {
        visitedEntities.add(focusEntityId);
        visitedParts.add(`${focusEntityId}/${focusPartId}`);
      }
    }
    return {
      stepIndex,
      tool: call.tool,
      label,
      summary: definition ? definition.describe(call.args) : call.tool,
      parsed: true,
      focusEntityId,
      focusPartId,
      plannedEntityIds: call.tool === "plan_exploration" ? call.args.entity_ids.filter((id) => entities.has(id)) : [],
      visitedEntityIds: [...visitedEntities],
      visitedPartKeys: [...visitedParts],
    };
  });
}
