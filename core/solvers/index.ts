/** Solvers that run inside core: the offline baselines (SPEC §6). */
import { createRng } from "../random";
import type { Scenario } from "../scenario";
import { lexicalSolver } from "./lexical";
import { oracleSolver } from "./oracle";
import { randomSolver } from "./random";
import type { Solver } from "./types";

export * from "./types";
export { lexicalSolver, oracleSolver, randomSolver };
export { randomChance } from "./random";

export const BASELINES = ["random", "lexical", "oracle"] as const;
export type BaselineName = (typeof BASELINES)[number];

/** A baseline solver for one episode; `seed` makes every choice reproducible. */
export function createBaseline(name: BaselineName, scenario: Scenario, seed: number): Solver {
  const rng = createRng(seed);
  switch (name) {
    case "random":
      return randomSolver(rng);
    case "lexical":
      return lexicalSolver(scenario, rng);
    case "oracle":
      return oracleSolver(scenario);
  }
}
