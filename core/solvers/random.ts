/**
 * The random baseline: explores a random number of random entities (sometimes zooming into a random
 * known part), then picks a uniformly random candidate entity and a uniformly random part of it. Its
 * expected gold-correct is exactly `mean over entities of (gold parts ÷ parts)`, see `randomChance`.
 */
import type { Rng } from "../random";
import type { Scenario } from "../scenario";
import type { TurnInput } from "../engine/types";
import { knownParts, type Solver, type SolverView } from "./types";

export function randomSolver(rng: Rng): Solver {
  let exploreTurns: number | null = null;
  let target: string | null = null;
  return {
    agent: { kind: "baseline", name: "random" },
    nextTurn(view: SolverView): TurnInput {
      const parts = knownParts(view);
      exploreTurns ??= rng.int(Math.max(1, view.maxTurns - 2));
      if (!view.finalTurn && view.turn <= exploreTurns) {
        const known = [...parts.entries()].flatMap(([e, ps]) => ps.map((p) => ({ e, p: p.id })));
        if (known.length > 0 && rng.next() < 0.4) {
          const choice = rng.pick(known);
          return { calls: [{ tool: "inspect_part", args: { entity_id: choice.e, part_id: choice.p } }] };
        }
        return { calls: [{ tool: "inspect_entity", args: { entity_id: rng.pick(view.entities).id } }] };
      }
      target ??= rng.pick(view.entities).id;
      const targetParts = parts.get(target);
      if (!targetParts) {
        if (!view.finalTurn) return { calls: [{ tool: "inspect_entity", args: { entity_id: target } }] };
        // out of turns without knowing the parts: guess a part name (scored nonexistent)
        return { calls: [answer(target, "part")] };
      }
      return { calls: [answer(target, rng.pick(targetParts).id)] };
    },
  };
}

function answer(entityId: string, partId: string) {
  return {
    tool: "submit_answer",
    args: {
      entity_id: entityId,
      part_id: partId,
      affordance: "use it",
      attributes_used: [],
      how_to_use: "Use it as it is.",
    },
  };
}

/** The random baseline's exact expected gold-correct on a scenario. */
export function randomChance(scenario: Scenario): number {
  const gold = new Set(scenario.gold.map((g) => `${g.entity}/${g.part}`));
  const perEntity = scenario.entities.map(
    (e) => e.parts.filter((p) => gold.has(`${e.id}/${p.id}`)).length / e.parts.length,
  );
  return perEntity.reduce((a, b) => a + b, 0) / scenario.entities.length;
}
