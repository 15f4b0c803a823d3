/**
 * Hard negatives — the paper's "−−" continuation: a turn that keeps a valid action but is not grounded.
 * Made from the guided (chosen) turn by one of two edits:
 * - `contradicted`: the same calls, but at least one *visual* attribute of the same part is claimed with a
 *   different canonical value of the vocabulary (the rationale follows the wrong claim);
 * - `skipped_part`: the part is judged without being looked at — the zoom is dropped, or an inspection is
 *   replaced by an assessment of the part it would have opened — so its claims are unseen.
 * Randomness (which attribute, which wrong value) comes from the seeded generator passed in.
 */
import type { Rng } from "../random";
import {
  annotationMatches,
  attributeDefinition,
  attributeValues,
  findPart,
  normalizeAttributeName,
  normalizeAttributeValue,
  type Scenario,
} from "../scenario";
import type { ToolCall } from "../tools";
import { isSuitable, partSeen, rationale, visualClaims, type ExplorationState } from "./guided";

export type HardKind = "contradicted" | "skipped_part";

type Claim = { name: string; value: string };

/** Visual attributes of a part whose value is in a closed list with at least one other value. */
function contradictable(scenario: Scenario, entityId: string, partId: string) {
  return (findPart(scenario, entityId, partId)?.attributes ?? []).filter((a) => {
    if (!a.visual) return false;
    const name = normalizeAttributeName(a.name);
    const values = name ? attributeDefinition(name)?.values : null;
    const annotated = attributeValues(a.value);
    return (
      !!name &&
      !!values &&
      annotated.every((v) => normalizeAttributeValue(name, v) !== null) &&
      values.length > annotated.length
    );
  });
}

/** The claims with one visual attribute of the part given a different canonical value. */
function contradictClaims(
  scenario: Scenario,
  entityId: string,
  partId: string,
  claims: readonly Claim[],
  rng: Rng,
): Claim[] | null {
  const candidates = contradictable(scenario, entityId, partId);
  if (candidates.length === 0) return null;
  const target = rng.pick(candidates);
  const name = normalizeAttributeName(target.name)!;
  // a wrong value matches none of the annotated values
  const others = attributeDefinition(name)!.values!.filter((v) => !annotationMatches({ name, value: target.value }, v));
  const wrong = rng.pick(others);
  const claim = { name: target.name, value: wrong };
  const index = claims.findIndex((c) => normalizeAttributeName(c.name) === name);
  if (index === -1) return [...claims, claim];
  return claims.map((c, i) => (i === index ? claim : c));
}

/**
 * A hard negative for the guided turn `chosen` played after `state`, or null when the turn offers none.
 */
export function hardNegative(
  scenario: Scenario,
  state: ExplorationState,
  chosen: readonly ToolCall[],
  rng: Rng,
): { calls: ToolCall[]; kind: HardKind } | null {
  // 1. contradict a visual attribute of the part the turn makes claims about
  for (const tool of ["assess_part", "submit_answer"] as const) {
    const index = chosen.findIndex((c) => c.tool === tool);
    if (index === -1) continue;
    const call = chosen[index]!;
    if (call.tool === "assess_part") {
      const { entity_id, part_id, suitable } = call.args;
      const claims = contradictClaims(scenario, entity_id, part_id, call.args.observed_attributes, rng);
      if (!claims) continue;
      const edited: ToolCall = {
        tool: "assess_part",
        args: {
          ...call.args,
          observed_attributes: claims,
          rationale: rationale(scenario, entity_id, part_id, claims, suitable),
        },
      };
      return { calls: chosen.map((c, i) => (i === index ? edited : c)), kind: "contradicted" };
    }
    if (call.tool === "submit_answer") {
      const { entity_id, part_id } = call.args;
      if (!partSeen(state, entity_id, part_id)) {
        // answering about a part never looked at: claim its attributes anyway
        const claims = visualClaims(scenario, entity_id, part_id);
        if (claims.length === 0) continue;
        const edited: ToolCall = { tool: "submit_answer", args: { ...call.args, attributes_used: claims } };
        return { calls: chosen.map((c, i) => (i === index ? edited : c)), kind: "skipped_part" };
      }
      const claims = contradictClaims(scenario, entity_id, part_id, call.args.attributes_used, rng);
      if (!claims) continue;
      const edited: ToolCall = { tool: "submit_answer", args: { ...call.args, attributes_used: claims } };
      return { calls: chosen.map((c, i) => (i === index ? edited : c)), kind: "contradicted" };
    }
  }
  // 2. skip the part: judge it without opening its view
  const zoom = chosen.findIndex((c) => c.tool === "inspect_part");
  if (zoom !== -1) {
    const call = chosen[zoom]! as Extract<ToolCall, { tool: "inspect_part" }>;
    const viewedHere = chosen.some((c) => c.tool === "inspect_entity" && c.args.entity_id === call.args.entity_id);
    if (!state.viewedEntities.has(call.args.entity_id)) {
      const rest = chosen.filter((c, i) => i !== zoom && !(viewedHere && c.tool === "inspect_entity"));
      if (rest.some((c) => c.tool === "assess_part")) return { calls: rest, kind: "skipped_part" };
    }
  }
  const look = chosen.findIndex((c) => c.tool === "inspect_entity");
  if (look !== -1) {
    const entityId = (chosen[look] as Extract<ToolCall, { tool: "inspect_entity" }>).args.entity_id;
    const part =
      scenario.gold.find((g) => g.entity === entityId)?.part ??
      scenario.entities.find((e) => e.id === entityId)?.parts[0]?.id;
    if (part && !state.viewedEntities.has(entityId)) {
      const claims = visualClaims(scenario, entityId, part);
      if (claims.length > 0) {
        const suitable = isSuitable(scenario, entityId, part);
        const assess: ToolCall = {
          tool: "assess_part",
          args: {
            entity_id: entityId,
            part_id: part,
            suitable,
            observed_attributes: claims,
            rationale: rationale(scenario, entityId, part, claims, suitable),
          },
        };
        return { calls: chosen.map((c, i) => (i === look ? assess : c)), kind: "skipped_part" };
      }
    }
  }
  return null;
}
