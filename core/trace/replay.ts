/**
 * Replay frames: for each step of a trace, what that step was about (the entity and part it names) and
 * what the solver had explored by then. Pure; the replay view draws the frames on the scene canvas.
 * Exploration follows the scorer (SPEC §5) because both read the same walk (./walk.ts).
 */
import type { ToolCall } from "../tools";
import { stepSummary, walkTrace, type SummaryWords, type WalkScenario } from "./walk";

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
  /** The call as parsed (null when it did not parse). */
  readonly call: ToolCall | null;
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

/** How the replay summarises a step that did not parse. */
const REPLAY_WORDS: SummaryWords = { malformed: "(arguments did not parse)", noCall: "reply without a tool call" };

/** One frame per step, in order (one walk over the steps). */
export function replayFrames(scenario: WalkScenario, steps: readonly ReplayableStep[]): ReplayFrame[] {
  const exists = new Set(scenario.entities.map((e) => e.id));
  const frames: ReplayFrame[] = [];
  for (const step of walkTrace(scenario, steps)) {
    frames.push({
      stepIndex: step.index,
      tool: step.tool,
      label: step.definition?.label ?? (step.tool || "No tool call"),
      summary: stepSummary(step, REPLAY_WORDS),
      parsed: step.call !== null,
      call: step.call,
      focusEntityId: step.focus.entityId,
      focusPartId: step.focus.partId,
      plannedEntityIds: step.plan?.filter((id) => exists.has(id)) ?? [],
      visitedEntityIds: [...step.progress.exploredEntities],
      visitedPartKeys: [...step.progress.exploredParts],
    });
  }
  return frames;
}
