/**
 * The oracle baseline: walks the gold path (inspect the gold entity, zoom into the gold part, assess it
 * with its true attributes), then answers gold with the required attributes. It must score gold_correct 1
 * and hallucination_rate 0 — the scorer's sanity check (SPEC §6). A multi-valued attribute is claimed with
 * its first listed value.
 */
import { firstAttributeValue, type Scenario } from "../scenario";
import type { TurnInput } from "../engine/types";
import type { Solver, SolverView } from "./types";

export function oracleSolver(scenario: Scenario): Solver {
  const gold = scenario.gold[0]!;
  const part = scenario.entities.find((e) => e.id === gold.entity)?.parts.find((p) => p.id === gold.part);
  // one true value per attribute: the first listed (every listed value is true of the part)
  const claims = (part?.attributes ?? []).map((a) => ({ name: a.name, value: firstAttributeValue(a.value) }));
  const submit = {
    tool: "submit_answer",
    args: {
      entity_id: gold.entity,
      part_id: gold.part,
      affordance: gold.affordance,
      attributes_used: gold.requiredAttributes.map((a) => ({ ...a })),
      how_to_use: gold.howTo,
    },
  };
  const plan: TurnInput[] = [
    {
      calls: [
        { tool: "plan_exploration", args: { entity_ids: [gold.entity] } },
        { tool: "inspect_entity", args: { entity_id: gold.entity } },
      ],
    },
    {
      calls: [
        { tool: "inspect_part", args: { entity_id: gold.entity, part_id: gold.part } },
        {
          tool: "assess_part",
          args: {
            entity_id: gold.entity,
            part_id: gold.part,
            suitable: true,
            observed_attributes: claims,
            rationale: `The ${part?.name ?? gold.part} is what the task needs.`,
          },
        },
      ],
    },
  ];
  const noClaims = { ...submit, args: { ...submit.args, attributes_used: [] } };
  return {
    agent: { kind: "baseline", name: "oracle" },
    nextTurn(view: SolverView): TurnInput {
      // The natural path takes three turns; with a shorter budget the exploration is packed into the
      // first turn, and with a single turn it answers without claims (nothing has been seen yet).
      const exploration =
        view.maxTurns >= 3 ? plan : view.maxTurns === 2 ? [{ calls: plan.flatMap((t) => t.calls) }] : [];
      const index = view.turn - 1;
      if (!view.finalTurn && index < exploration.length) return exploration[index]!;
      return { calls: [exploration.length > 0 ? submit : noClaims] };
    },
  };
}
