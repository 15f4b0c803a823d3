// The play API rebuilds an episode's engine state from its stored steps before each turn; it must be the
// state the reducer produced (turn, plan, answer, end), whatever the calls were.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTurn, initialState, type EngineConfig, type EpisodeState, type RawCall } from "@/core/engine";
import { scenarioSchema } from "@/core/scenario";
import { fixtureScenario } from "@/test/fixture";
import { knowledgeOf } from "./derive";
import { budgetOf, presentStep, stateFromSteps, stepSummary, type PlayLinks } from "./state";

const scenario = scenarioSchema.parse(fixtureScenario());
const links: PlayLinks = {
  scene: () => "/scene",
  entityView: (e) => `/v/${e}`,
  partView: (e, p) => `/v/${e}/${p}`,
};

const callArb: fc.Arbitrary<RawCall> = fc.oneof(
  fc.constantFrom("coin", "spoon", "ghost").map((e) => ({ tool: "inspect_entity", args: { entity_id: e } })),
  fc
    .constantFrom(["coin", "edge"], ["coin", "face"], ["spoon", "bowl"], ["spoon", "rim"])
    .map(([e, p]) => ({ tool: "inspect_part", args: { entity_id: e, part_id: p } })),
  fc.subarray(["coin", "spoon", "ghost"]).map((ids) => ({ tool: "plan_exploration", args: { entity_ids: ids } })),
  fc.constant({ tool: "view_scene", args: {} }),
  fc.constant({ tool: "open_drawer", args: {} }),
  fc.constant({ tool: "inspect_part", args: '{"entity_id": "coin",' }),
  fc.constantFrom("coin", "spoon").map((e) => ({
    tool: "submit_answer",
    args: { entity_id: e, part_id: "edge", affordance: "pry", attributes_used: [], how_to_use: "wedge it" },
  })),
);

function comparable(s: EpisodeState) {
  return { turn: s.turn, plan: s.plan, answer: s.answer, endReason: s.endReason, steps: s.steps.length };
}

describe("stateFromSteps", () => {
  it("equals the reducer's state after any sequence of turns", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(callArb, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        (maxTurns, turns) => {
          const config: EngineConfig = { maxTurns, observation: "image" };
          let state = initialState();
          for (const calls of turns) {
            state = applyTurn(scenario, state, { calls }, config).state;
            expect(comparable(stateFromSteps(state.steps, config))).toEqual(comparable(state));
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("counts the budget down and flags the final turn", () => {
    const config: EngineConfig = { maxTurns: 2, observation: "image" };
    const first = applyTurn(scenario, initialState(), { calls: [{ tool: "view_scene", args: {} }] }, config).state;
    expect(budgetOf(first, config)).toEqual({
      turn: 1,
      maxTurns: 2,
      turnsLeft: 1,
      finalTurn: true,
      ended: false,
      endReason: null,
    });
    const second = applyTurn(scenario, first, { calls: [{ tool: "view_scene", args: {} }] }, config).state;
    expect(budgetOf(second, config)).toMatchObject({
      turnsLeft: 0,
      ended: true,
      endReason: "budget",
      finalTurn: false,
    });
  });
});

describe("presenting steps", () => {
  it("turns image refs into URLs and gives revealed parts their regions in the entity view", () => {
    const config: EngineConfig = { maxTurns: 5, observation: "image" };
    const { state } = applyTurn(
      scenario,
      initialState(),
      {
        calls: [
          { tool: "inspect_entity", args: { entity_id: "coin" } },
          { tool: "inspect_part", args: { entity_id: "coin", part_id: "edge" } },
        ],
      },
      config,
    );
    const [entity, part] = state.steps.map((s, i) => presentStep(scenario, s, i, links));
    expect(entity!.observation?.images).toEqual([{ kind: "entity", entityId: "coin", url: "/v/coin" }]);
    // the coin has no view file: its view is a crop of the scene, so the part region is shifted into it
    const region = entity!.observation?.entity?.parts[0]?.region;
    expect(region && "box" in region ? region.box[2] : null).toBe(100);
    expect(region && "box" in region ? region.box[0] : null).toBeLessThan(20);
    expect(part!.observation?.images[0]?.url).toBe("/v/coin/edge");
    expect(part!.summary).toMatch(/coin\/edge|coin.*edge/);
    const known = knowledgeOf([entity!, part!]);
    expect([...known.entities.keys()]).toEqual(["coin"]);
    expect([...known.parts.keys()]).toEqual(["coin/edge"]);
  });

  it("names malformed calls in the step log", () => {
    expect(stepSummary({ turn: 1, call: { tool: "open_drawer", args: {} }, valid: false })).toBe(
      "open_drawer (malformed)",
    );
    expect(stepSummary({ turn: 1, call: { tool: "", args: {} }, valid: false })).toBe("(no tool call)");
  });
});
