// Property tests of the baselines over every bundled scenario (and the test fixture): the oracle is the
// scorer's sanity check, random stays near its exact chance level, everything is reproducible by seed.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runEpisode } from "@/core/engine";
import { deriveSeed } from "@/core/random";
import { scenarioSchema, type Scenario } from "@/core/scenario";
import { scoreEpisode } from "@/core/scoring";
import { fixtureScenario } from "./fixture";
import { createBaseline, randomChance, type BaselineName } from "@/core/solvers";
import { loadScenarioStore } from "@/lib/scenarios/load";

let scenarios: Scenario[] = [];
beforeAll(async () => {
  const store = await loadScenarioStore(path.resolve(__dirname, "../scenarios"));
  expect(store.issues).toEqual([]);
  scenarios = [scenarioSchema.parse(fixtureScenario()), ...store.scenarios.map((s) => s.scenario)];
});

const engine = { maxTurns: 15, observation: "image" as const };
const play = (name: BaselineName, scenario: Scenario, seed: number, maxTurns = 15) =>
  runEpisode({
    scenario,
    engine: { ...engine, maxTurns },
    episodeId: `${name}-${scenario.id}-${seed}`,
    seed,
    solver: createBaseline(name, scenario, deriveSeed(seed, scenario.id)),
  });

describe("baselines on the bundled scenarios", () => {
  it("ships at least 6 scenarios to test on", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(7);
  });

  it("oracle: gold_correct 1 and hallucination_rate 0 on every scenario, with any budget ≥ 2", async () => {
    for (const scenario of scenarios) {
      for (const maxTurns of [15, 3, 2]) {
        const { trace } = await play("oracle", scenario, 1, maxTurns);
        const { metrics } = scoreEpisode(scenario, trace);
        expect({
          id: scenario.id,
          maxTurns,
          gold: metrics.gold_correct,
          rate: metrics.hallucination_rate,
          invalid: metrics.invalid_calls,
        }).toEqual({ id: scenario.id, maxTurns, gold: true, rate: 0, invalid: 0 });
        expect(metrics.claims.grounded).toBeGreaterThan(0);
      }
    }
  });

  it("oracle with a single turn answers gold without unseen claims", async () => {
    for (const scenario of scenarios) {
      const { metrics } = scoreEpisode(scenario, (await play("oracle", scenario, 1, 1)).trace);
      expect({ gold: metrics.gold_correct, hallucinated: metrics.hallucinated }).toEqual({
        gold: true,
        hallucinated: 0,
      });
    }
  });

  it("random: gold_correct stays near its exact chance level", async () => {
    let hits = 0;
    let expected = 0;
    let n = 0;
    for (const scenario of scenarios) {
      const chance = randomChance(scenario);
      for (let seed = 1; seed <= 150; seed++) {
        const { trace } = await play("random", scenario, seed);
        hits += scoreEpisode(scenario, trace).metrics.gold_correct ? 1 : 0;
        expected += chance;
        n++;
      }
    }
    const sd = Math.sqrt(expected * (1 - expected / n));
    expect(Math.abs(hits - expected)).toBeLessThan(4 * sd + 1);
  });

  it("random: never ends without an answer and makes only valid calls", async () => {
    for (const scenario of scenarios) {
      for (let seed = 1; seed <= 20; seed++) {
        const { trace } = await play("random", scenario, seed, 4);
        expect(trace.endReason).toBe("answer");
        expect(trace.steps.every((s) => s.valid)).toBe(true);
      }
    }
  });

  it.each<BaselineName>(["random", "lexical", "oracle"])(
    "%s: same seed, same trace and score; re-scoring a stored trace gives the same result",
    async (name) => {
      for (const scenario of scenarios) {
        const a = await play(name, scenario, 7);
        const b = await play(name, scenario, 7);
        expect(b.trace).toEqual(a.trace);
        const stored = JSON.parse(JSON.stringify(a.trace));
        expect(scoreEpisode(scenario, stored)).toEqual(scoreEpisode(scenario, a.trace));
      }
    },
  );

  it("lexical: answers a real part of a real entity using only names and affordances", async () => {
    for (const scenario of scenarios) {
      const { trace } = await play("lexical", scenario, 1);
      const { metrics } = scoreEpisode(scenario, trace);
      expect(["gold", "similar", "not_similar"]).toContain(metrics.relation);
    }
  });
});
