/**
 * The lexical baseline (text only, no image understanding): scores each entity and part by word overlap
 * between the task (and constraints) and the names and listed affordances, inspects the best entity and
 * part, and answers the best part with its best-matching affordance. Ties break by the seed.
 */
import type { Rng } from "../random";
import type { Scenario } from "../scenario";
import type { TurnInput } from "../engine/types";
import { contentTokens, tokenF1 } from "../scoring/text";
import type { Solver, SolverView } from "./types";

function stem(token: string): string {
  return token.replace(/(ing|ed|es|s)$/, "");
}

function overlap(query: Set<string>, text: string): number {
  return contentTokens(text)
    .map(stem)
    .filter((t) => query.has(t)).length;
}

export function lexicalSolver(scenario: Scenario, rng: Rng): Solver {
  const query = new Set(contentTokens([scenario.task, ...scenario.constraints].join(" ")).map(stem));
  const jitter = new Map<string, number>();
  const tie = (k: string) => {
    if (!jitter.has(k)) jitter.set(k, rng.next() * 0.01);
    return jitter.get(k)!;
  };
  const scoredParts = scenario.entities.flatMap((e) =>
    e.parts.map((p) => ({
      entity: e,
      part: p,
      score:
        overlap(query, `${e.name} ${p.name}`) +
        Math.max(0, ...p.affordances.map((a) => overlap(query, a))) +
        tie(`${e.id}/${p.id}`),
    })),
  );
  scoredParts.sort((a, b) => b.score - a.score);
  const best = scoredParts[0]!;
  const taskText = [scenario.task, ...scenario.constraints].join(" ");
  const affordance =
    [...best.part.affordances].sort((a, b) => tokenF1(b, taskText) - tokenF1(a, taskText))[0] ?? "use it";
  const steps: TurnInput[] = [
    { calls: [{ tool: "inspect_entity", args: { entity_id: best.entity.id } }] },
    { calls: [{ tool: "inspect_part", args: { entity_id: best.entity.id, part_id: best.part.id } }] },
  ];
  const submit = {
    tool: "submit_answer",
    args: {
      entity_id: best.entity.id,
      part_id: best.part.id,
      affordance,
      attributes_used: [],
      how_to_use: `Use the ${best.part.name} of the ${best.entity.name} to ${affordance}.`,
    },
  };
  return {
    agent: { kind: "baseline", name: "lexical" },
    nextTurn(view: SolverView): TurnInput {
      if (view.finalTurn) return { calls: [submit] };
      return steps[view.turn - 1] ?? { calls: [submit] };
    },
  };
}
