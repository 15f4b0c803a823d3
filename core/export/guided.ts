/**
 * The guided policy — the paper's "+" continuation, built from the annotations instead of a model: from
 * any point of a trajectory it takes the next grounded step towards a gold answer. It inspects the gold
 * entity, zooms into the gold part and assesses it with the part's true *visual* attributes (the ones a
 * picture shows) and the right suitability (true iff the part is gold or similar), then answers gold with
 * its required attributes, affordance and how-to. When the previous turn zoomed into a part and there is
 * budget to spare, it first assesses that part correctly ("decide if the part is really suitable"). When
 * the budget is short it packs the exploration into fewer turns, as the oracle does; on the last turn it
 * answers, claiming attributes only of a part it has seen.
 */
import type { TraceStep } from "../engine/types";
import type { Scenario } from "../scenario";
import { findPart, firstAttributeValue, partSuitable } from "../scenario";
import { parseToolCall, type ToolCall } from "../tools";

const key = (entityId: string, partId: string) => `${entityId}\u0000${partId}`;

/** What a trajectory has explored so far (valid calls only). */
export interface ExplorationState {
  /** Turns played. */
  readonly turns: number;
  readonly planned: boolean;
  /** Entities whose view was opened with inspect_entity. */
  readonly viewedEntities: ReadonlySet<string>;
  /** `entity\0part` keys zoomed into with inspect_part. */
  readonly inspectedParts: ReadonlySet<string>;
  /** The latest suitability given to each assessed part. */
  readonly assessed: ReadonlyMap<string, boolean>;
  /** Parts zoomed into on the last turn played. */
  readonly lastTurnParts: readonly { entityId: string; partId: string }[];
  readonly answered: boolean;
}

/** Replays the valid calls of some steps against the scenario. */
export function explorationState(
  scenario: Scenario,
  steps: readonly (Pick<TraceStep, "turn" | "call"> & { readonly valid?: boolean })[],
): ExplorationState {
  const viewed = new Set<string>();
  const inspected = new Set<string>();
  const assessed = new Map<string, boolean>();
  let planned = false;
  let answered = false;
  let turns = 0;
  const partsByTurn = new Map<number, { entityId: string; partId: string }[]>();
  for (const step of steps) {
    turns = Math.max(turns, step.turn);
    if (step.valid === false) continue;
    const parsed = parseToolCall(step.call.tool, step.call.args);
    if (!parsed.ok) continue;
    const call = parsed.call;
    switch (call.tool) {
      case "plan_exploration":
        if (call.args.entity_ids.every((id) => scenario.entities.some((e) => e.id === id))) planned = true;
        break;
      case "inspect_entity":
        if (scenario.entities.some((e) => e.id === call.args.entity_id)) viewed.add(call.args.entity_id);
        break;
      case "inspect_part":
        if (findPart(scenario, call.args.entity_id, call.args.part_id)) {
          inspected.add(key(call.args.entity_id, call.args.part_id));
          const list = partsByTurn.get(step.turn) ?? [];
          list.push({ entityId: call.args.entity_id, partId: call.args.part_id });
          partsByTurn.set(step.turn, list);
        }
        break;
      case "assess_part":
        if (findPart(scenario, call.args.entity_id, call.args.part_id))
          assessed.set(key(call.args.entity_id, call.args.part_id), call.args.suitable);
        break;
      case "submit_answer":
        answered = true;
        break;
      default:
        break;
    }
  }
  return {
    turns,
    planned,
    viewedEntities: viewed,
    inspectedParts: inspected,
    assessed,
    lastTurnParts: partsByTurn.get(turns) ?? [],
    answered,
  };
}

/**
 * The truth `assess_part.suitable` is scored against (SPEC §5): the part exists and its annotated
 * attributes meet every requirement of some gold entry.
 */
export function isSuitable(scenario: Scenario, entityId: string, partId: string): boolean {
  const part = findPart(scenario, entityId, partId);
  return part !== undefined && partSuitable(scenario, part);
}

/** Whether the solver has seen a part's attributes (its view, or its entity's view). */
export function partSeen(state: ExplorationState, entityId: string, partId: string): boolean {
  return state.inspectedParts.has(key(entityId, partId)) || state.viewedEntities.has(entityId);
}

/** The true visual attributes of a part, as claims. */
export function visualClaims(scenario: Scenario, entityId: string, partId: string): { name: string; value: string }[] {
  return (findPart(scenario, entityId, partId)?.attributes ?? [])
    .filter((a) => a.visual)
    .map((a) => ({ name: a.name, value: firstAttributeValue(a.value) }));
}

/** A rationale that states the claims and the judgment, so text and arguments never disagree. */
export function rationale(
  scenario: Scenario,
  entityId: string,
  partId: string,
  claims: readonly { name: string; value: string }[],
  suitable: boolean,
): string {
  const entity = scenario.entities.find((e) => e.id === entityId);
  const part = entity?.parts.find((p) => p.id === partId);
  const what = `the ${part?.name ?? partId} of the ${entity?.name ?? entityId}`;
  const seen = claims.length
    ? `I can see that ${what} is ${claims.map((c) => `${c.value} (${c.name})`).join(", ")}`
    : `I looked at ${what}`;
  return `${seen}. ${suitable ? "It can do what the task needs." : "It does not fit what the task needs."}`;
}

/** An assessment call with the true visual attributes and the right suitability. */
export function groundedAssessment(scenario: Scenario, entityId: string, partId: string): ToolCall {
  const claims = visualClaims(scenario, entityId, partId);
  const suitable = isSuitable(scenario, entityId, partId);
  return {
    tool: "assess_part",
    args: {
      entity_id: entityId,
      part_id: partId,
      suitable,
      observed_attributes: claims,
      rationale: rationale(scenario, entityId, partId, claims, suitable),
    },
  };
}

/** The gold answer; attribute claims only when the gold part has been seen. */
export function goldAnswer(scenario: Scenario, goldIndex: number, seen: boolean): ToolCall {
  const gold = scenario.gold[goldIndex]!;
  return {
    tool: "submit_answer",
    args: {
      entity_id: gold.entity,
      part_id: gold.part,
      affordance: gold.affordance,
      attributes_used: seen ? gold.requiredAttributes.map((a) => ({ name: a.name, value: a.value })) : [],
      how_to_use: gold.howTo,
    },
  };
}

/** Which gold solution to steer to: the one the trajectory is closest to, else the first. */
function goldTarget(scenario: Scenario, state: ExplorationState): number {
  const score = (i: number) => {
    const g = scenario.gold[i]!;
    const k = key(g.entity, g.part);
    return (
      (state.assessed.get(k) === true ? 4 : 0) +
      (state.inspectedParts.has(k) ? 2 : 0) +
      (state.viewedEntities.has(g.entity) ? 1 : 0)
    );
  };
  let best = 0;
  for (let i = 1; i < scenario.gold.length; i++) if (score(i) > score(best)) best = i;
  return best;
}

/**
 * The guided calls for the next turn after `state`, with `maxTurns` the budget. Never empty; on the last
 * turn it is always a submit_answer.
 */
export function guidedTurn(scenario: Scenario, state: ExplorationState, maxTurns: number): ToolCall[] {
  const turn = state.turns + 1;
  const remaining = maxTurns - turn + 1;
  const goldIndex = goldTarget(scenario, state);
  const gold = scenario.gold[goldIndex]!;
  const goldKey = key(gold.entity, gold.part);
  const answer = () => [goldAnswer(scenario, goldIndex, partSeen(state, gold.entity, gold.part))];
  if (remaining <= 1) return answer();

  // the exploration still needed before answering, one array per turn
  const steps: ToolCall[][] = [];
  if (state.assessed.get(goldKey) !== true) {
    if (!state.inspectedParts.has(goldKey)) {
      if (!state.viewedEntities.has(gold.entity))
        steps.push([{ tool: "inspect_entity", args: { entity_id: gold.entity } }]);
      steps.push([
        { tool: "inspect_part", args: { entity_id: gold.entity, part_id: gold.part } },
        groundedAssessment(scenario, gold.entity, gold.part),
      ]);
    } else {
      steps.push([groundedAssessment(scenario, gold.entity, gold.part)]);
    }
  }
  const needed = steps.length + 1;

  let calls: ToolCall[];
  if (steps.length === 0) calls = answer();
  else if (remaining < needed)
    calls = steps.flat(); // pack the exploration into this turn, answer next
  else {
    const pending = state.lastTurnParts.find(
      (p) => key(p.entityId, p.partId) !== goldKey && !state.assessed.has(key(p.entityId, p.partId)),
    );
    calls =
      pending && remaining > needed ? [groundedAssessment(scenario, pending.entityId, pending.partId)] : steps[0]!;
  }
  if (turn === 1 && !state.planned && calls[0]?.tool !== "submit_answer") {
    const order = [
      gold.entity,
      ...scenario.gold.map((g) => g.entity),
      ...(scenario.similar ?? []).map((s) => s.entity),
    ];
    calls = [{ tool: "plan_exploration", args: { entity_ids: [...new Set(order)] } }, ...calls];
  }
  return calls;
}
