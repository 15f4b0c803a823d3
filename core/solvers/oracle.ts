/**
 * The oracle baseline: walks the gold path (inspect the gold entity, zoom into the gold part, assess it
 * with its true attributes), then answers gold with the required attributes. It must score gold_correct 1
 * and hallucination_rate 0 — the scorer's sanity check (SPEC §6).
 */
import type { Scenario } from "../scenario";
import type { TurnInput } from "../engine/types";
import type { Solver, SolverView } from "./types";

export function oracleSolver(scenario: Scenario): Solver {
  const gold = scenario.gold[0]!;
  const part = scenario.entities.find((e) => e.id === gold.entity)?.parts.find((p) => p.id === gold.part);
  const claims = (part?.attributes ?? []).map((a) => ({ name: a.name, value: a.value }));
  const submit = {
    tool: "submit_answer",
    args: { entity_id: gold.entity, part_id: gold.part, affordance: gold.affordance, attributes_used: gold.requiredAttributes.map((a) => ({ ...a })), how_to_use: gold.howTo },
  };
  const plan: TurnInput[] = [
    { calls: [{ tool: "plan_exploration", args: { entity_ids: [gold.entity] } }, { tool: "inspect_entity", args: { entity_id: gold.entity } }] },
    {
      calls: [
        { tool: "inspect_part", args: { entity_id: gold.entity, part_id: gold.part } },
        { tool: "assess_part", args: { entity_id: gold.entity, part_id: gold.part, suitable: true, observed_attributes: claims, rationale: `The ${part?.name ?? gold.part} is what the task needs.` } },
      ],
    },
  ];
  return {
    agent: { kind: "baseline", name: "oracle" },
    nextTurn(view: SolverView): TurnInput {
      const index = view.turn - 1;
      // Inspect before submitting so the answer's claims are grounded; compress when the budget is short.
      if (view.finalTurn) {
        return index === 0 ? { calls: [...plan[0]!.calls, ...plan[1]!.calls, submit] } : { calls: [...(index === 1 ? plan[1]!.calls : []), submit] };
      }
      return plan[index] ?? { calls: [submit] };
    },
  };
}
