/**
 * Judging one turn in its context with the scorer itself (SPEC §5): the turn's attribute claims by class,
 * whether its assessments and answer are right, and whether it names objects that do not exist. Pair
 * builders use it to check that a chosen turn is grounded and a rejected turn really is worse.
 */
import type { TraceStep } from "../engine/types";
import type { Scenario } from "../scenario";
import { findEntity, findPart } from "../scenario";
import { scoreEpisode, type ClaimCounts } from "../scoring";
import { parseToolCall } from "../tools";
import { isSuitable } from "./guided";
import type { RejectedReason } from "./messages";

export interface TurnJudgement {
  readonly claims: ClaimCounts;
  /** contradicted + unseen + nonexistent among this turn's claims. */
  readonly hallucinated: number;
  /** Visual claims of this turn classed contradicted. */
  readonly contradictedVisual: number;
  /** Everything wrong with the turn; empty for a clean turn. */
  readonly reasons: RejectedReason[];
}

type StepLike = Pick<TraceStep, "turn" | "call"> & { readonly valid?: boolean };

/** Judges the calls of turn `turn` played after `prefix` (steps of earlier turns). */
export function judgeTurn(
  scenario: Scenario,
  prefix: readonly StepLike[],
  turn: number,
  calls: readonly { tool: string; args: unknown; valid?: boolean }[],
): TurnJudgement {
  const steps: StepLike[] = [
    ...prefix,
    ...calls.map((c) => ({
      turn,
      call: { tool: c.tool, args: c.args },
      ...(c.valid !== undefined ? { valid: c.valid } : {}),
    })),
  ];
  const { metrics, claims } = scoreEpisode(scenario, { steps });
  const counts: ClaimCounts = { grounded: 0, contradicted: 0, unseen: 0, nonexistent: 0, unannotated: 0 };
  let contradictedVisual = 0;
  for (const c of claims) {
    if (c.turn !== turn) continue;
    counts[c.class]++;
    if (c.class === "contradicted" && c.visual) contradictedVisual++;
  }
  const reasons = new Set<RejectedReason>();
  if (counts.contradicted) reasons.add("contradicted");
  if (counts.unseen) reasons.add("unseen");
  if (counts.nonexistent) reasons.add("nonexistent");
  for (const c of calls) {
    const parsed = parseToolCall(c.tool, c.args);
    if (!parsed.ok) continue;
    const call = parsed.call;
    switch (call.tool) {
      case "plan_exploration":
        if (call.args.entity_ids.some((id) => !findEntity(scenario, id))) reasons.add("nonexistent_object");
        break;
      case "inspect_entity":
        if (!findEntity(scenario, call.args.entity_id)) reasons.add("nonexistent_object");
        break;
      case "inspect_part":
        if (!findPart(scenario, call.args.entity_id, call.args.part_id)) reasons.add("nonexistent_object");
        break;
      case "assess_part":
        if (!findPart(scenario, call.args.entity_id, call.args.part_id)) reasons.add("nonexistent_object");
        else if (
          c.valid !== false &&
          call.args.suitable !== isSuitable(scenario, call.args.entity_id, call.args.part_id)
        )
          reasons.add("misjudged_suitability");
        break;
      case "submit_answer":
        if (metrics.relation === "nonexistent") reasons.add("nonexistent_object");
        else if (metrics.relation !== "gold") reasons.add("wrong_answer");
        break;
      default:
        break;
    }
  }
  return {
    claims: counts,
    hallucinated: counts.contradicted + counts.unseen + counts.nonexistent,
    contradictedVisual,
    reasons: [...reasons],
  };
}
