/**
 * The one pass over a trace's steps (SPEC §4, §5): each step parsed once against its tool, with what it
 * names, whether that exists, what it explores, whether its part had been seen before it, its claims,
 * judgment, plan and answer — all read from the tool's declaration in the registry, so no reader of
 * traces branches on a tool name. Scoring, replay frames, play state, the guided and hard-negative
 * exports, the judge and review are built on it. Pure.
 *
 * Exploration follows SPEC §5: only valid calls explore — a step is valid when it parsed, was not
 * recorded `valid: false`, and everything it names exists in the scenario (an answer stands even when it
 * names something that does not exist).
 */
import {
  getTool,
  parseToolCall,
  type Answer,
  type AttributeClaim,
  type Judgment,
  type ToolCall,
  type ToolDefinition,
} from "../tools";

/** The minimum of a trace step the walk reads. */
export interface WalkableStep {
  /** 0 when absent (replay frames do not need turns). */
  readonly turn?: number;
  readonly call: { readonly tool: string; readonly args: unknown };
  readonly valid?: boolean;
}

/** What the walk needs of a scenario: its entities and their part ids. */
export type WalkScenario = {
  readonly entities: readonly { readonly id: string; readonly parts: readonly { readonly id: string }[] }[];
};

/** The one key format of a part, `entity/part` (ids are slugs, so it is unambiguous). */
export type PartKey = `${string}/${string}`;
export const partKey = (entityId: string, partId: string): PartKey => `${entityId}/${partId}`;

/** What the trace has explored so far. Live: read it at a step, copy what you keep. */
export interface WalkProgress {
  /** Entities explored (by viewing them or zooming into one of their parts), in first-explored order. */
  readonly exploredEntities: ReadonlySet<string>;
  /** Parts zoomed into, in first-explored order. */
  readonly exploredParts: ReadonlySet<PartKey>;
  /** Entities whose view was opened (their parts count as seen). */
  readonly viewedEntities: ReadonlySet<string>;
  /** How often each entity's view was opened. */
  readonly entityViews: ReadonlyMap<string, number>;
  /** How often each part was zoomed into. */
  readonly partViews: ReadonlyMap<PartKey, number>;
}

/** One step as the walk reads it. */
export interface WalkedStep {
  readonly index: number;
  readonly turn: number;
  /** The tool name as recorded ("" when the reply held no tool call). */
  readonly tool: string;
  /** The tool's declaration, when the name is known. */
  readonly definition: ToolDefinition | undefined;
  /** The call parsed against its tool's schema, or null when it did not parse. */
  readonly call: ToolCall | null;
  /** The entity and part the call names (as sent; null when it names none). */
  readonly target: { readonly entityId: string | null; readonly partId: string | null };
  /** The entity ids a plan names (as sent), or null when the call is not a plan. */
  readonly plan: readonly string[] | null;
  /** The named entity, when it exists; the named part of it, when that exists too. */
  readonly focus: { readonly entityId: string | null; readonly partId: string | null };
  /** Everything the call names exists (no scenario: taken as true). */
  readonly targetsExist: boolean;
  /** Parsed, not recorded invalid, and (unless it is an answer) everything it names exists. */
  readonly valid: boolean;
  /** What this step explored (valid calls only): an entity, or a part of it. */
  readonly explored: { readonly entityId: string; readonly partId: string | null } | null;
  /** Whether the target's part had been seen before this step: zoomed into, or its entity viewed. */
  readonly seen: boolean;
  /** The attribute claims about the target (parsed calls; whether valid or not). */
  readonly claims: readonly AttributeClaim[];
  readonly judgment: Judgment | null;
  readonly answer: Answer | null;
  /** Exploration up to and including this step (live; see {@link WalkProgress}). */
  readonly progress: WalkProgress;
}

/** Walks the steps in order; `scenario` null trusts the recorded validity (ids are not checked). */
export function* walkTrace(scenario: WalkScenario | null, steps: readonly WalkableStep[]): Generator<WalkedStep> {
  const parts = scenario ? new Map(scenario.entities.map((e) => [e.id, new Set(e.parts.map((p) => p.id))])) : null;
  const exploredEntities = new Set<string>();
  const exploredParts = new Set<PartKey>();
  const viewedEntities = new Set<string>();
  const entityViews = new Map<string, number>();
  const partViews = new Map<PartKey, number>();
  const progress: WalkProgress = { exploredEntities, exploredParts, viewedEntities, entityViews, partViews };
  const entityExists = (id: string) => !parts || parts.has(id);
  const partExists = (e: string, p: string) => !parts || (parts.get(e)?.has(p) ?? false);

  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    const tool = step.call.tool;
    const definition = getTool(tool);
    const parsed = parseToolCall(tool, step.call.args);
    const call = parsed.ok ? parsed.call : null;
    const args = call?.args;
    const named = call && definition ? definition.target(args) : {};
    const entityId = named.entityId ?? null;
    const partId = entityId !== null ? (named.partId ?? null) : null;
    const plan = named.plan ?? null;
    const focusEntityId = entityId !== null && entityExists(entityId) ? entityId : null;
    const focusPartId = focusEntityId !== null && partId !== null && partExists(entityId!, partId) ? partId : null;
    const targetsExist =
      (entityId === null || focusEntityId !== null) &&
      (partId === null || focusPartId !== null) &&
      (plan === null || plan.every(entityExists));
    const answer = call && definition?.answer ? definition.answer(args) : null;
    const valid = call !== null && step.valid !== false && (targetsExist || answer !== null);
    const seen =
      entityId !== null &&
      ((partId !== null && exploredParts.has(partKey(entityId, partId))) || viewedEntities.has(entityId));

    let explored: WalkedStep["explored"] = null;
    if (valid && focusEntityId !== null && definition) {
      if (definition.explores === "entity") {
        exploredEntities.add(focusEntityId);
        viewedEntities.add(focusEntityId);
        entityViews.set(focusEntityId, (entityViews.get(focusEntityId) ?? 0) + 1);
        explored = { entityId: focusEntityId, partId: null };
      } else if (definition.explores === "part" && focusPartId !== null) {
        const key = partKey(focusEntityId, focusPartId);
        exploredEntities.add(focusEntityId);
        exploredParts.add(key);
        partViews.set(key, (partViews.get(key) ?? 0) + 1);
        explored = { entityId: focusEntityId, partId: focusPartId };
      }
    }
    yield {
      index,
      turn: step.turn ?? 0,
      tool,
      definition,
      call,
      target: { entityId, partId },
      plan,
      focus: { entityId: focusEntityId, partId: focusPartId },
      targetsExist,
      valid,
      explored,
      seen,
      claims: call && definition?.claims ? definition.claims(args) : [],
      judgment: call && definition?.judgment ? definition.judgment(args) : null,
      answer,
      progress,
    };
  }
}

/** How a step that did not parse is summarised: `<tool> <malformed>`, or `noCall` for a reply with no call. */
export interface SummaryWords {
  readonly malformed: string;
  readonly noCall: string;
}

/** The play page's step log words. */
export const LOG_WORDS: SummaryWords = { malformed: "(malformed)", noCall: "(no tool call)" };

/** The one step summary: the tool's `describe` for a call that parsed, else what the step held. */
export function stepSummary(step: Pick<WalkedStep, "tool" | "call" | "definition">, words = LOG_WORDS): string {
  if (step.call && step.definition) return step.definition.describe(step.call.args);
  return step.tool ? `${step.tool} ${words.malformed}` : words.noCall;
}
