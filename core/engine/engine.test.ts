import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../scenario";
import { fixtureScenario } from "../../test/fixture";
import { applyCall, applyTurn, initialState, isFinalTurn } from "./engine";
import { initialMessage } from "./prompt";
import type { EngineConfig, RawCall } from "./types";

const scenario = scenarioSchema.parse(fixtureScenario());
const config: EngineConfig = { maxTurns: 4, observation: "image" };
const turn = (state: ReturnType<typeof initialState>, ...calls: RawCall[]) =>
  applyTurn(scenario, state, { calls }, config);

describe("engine", () => {
  it("inspects an entity: entity image and part list, no text description in image mode", () => {
    const { state, observations } = turn(initialState(), { tool: "inspect_entity", args: '{"entity_id":"coin"}' });
    expect(state.turn).toBe(1);
    expect(state.steps[0]).toMatchObject({
      turn: 1,
      valid: true,
      call: { tool: "inspect_entity", args: { entity_id: "coin" } },
    });
    expect(observations[0]!.images).toEqual([{ kind: "entity", entityId: "coin" }]);
    expect(observations[0]!.data?.entity?.parts.map((p) => p.id)).toEqual(["edge", "face"]);
    expect(observations[0]!.text).not.toContain("Description");
  });

  it.each([
    ["text", [], true],
    ["hybrid", [{ kind: "part", entityId: "coin", partId: "edge" }], true],
    ["image", [{ kind: "part", entityId: "coin", partId: "edge" }], false],
  ] as const)("observation mode %s", (mode, images, hasText) => {
    const r = applyTurn(
      scenario,
      initialState(),
      { calls: [{ tool: "inspect_part", args: { entity_id: "coin", part_id: "edge" } }] },
      { ...config, observation: mode },
    );
    expect(r.observations[0]!.images).toEqual(images);
    expect(r.observations[0]!.text.includes("The thin rim of the coin.")).toBe(hasText);
  });

  it.each<[string, RawCall, RegExp]>([
    [
      "unknown tool",
      { tool: "teleport", args: "{}" },
      /unknown tool "teleport"; available tools: plan_exploration, inspect_entity/,
    ],
    [
      "malformed JSON",
      { tool: "inspect_entity", args: '{"entity_id": ', raw: '{"entity_id": ' },
      /arguments of inspect_entity are not valid JSON/,
    ],
    [
      "missing field",
      { tool: "inspect_part", args: { entity_id: "coin" } },
      /invalid arguments for inspect_part: part_id: missing/,
    ],
    [
      "unknown entity",
      { tool: "inspect_entity", args: { entity_id: "fork" } },
      /there is no entity "fork"; candidate entities: coin, spoon/,
    ],
    [
      "unknown part",
      { tool: "inspect_part", args: { entity_id: "coin", part_id: "rim" } },
      /entity "coin" has no part "rim"; its parts: edge, face/,
    ],
    [
      "unknown plan entity",
      { tool: "plan_exploration", args: { entity_ids: ["coin", "fork"] } },
      /unknown entity "fork"/,
    ],
  ])("turns a bad call (%s) into an error observation, recorded invalid, using the turn", (_n, call, message) => {
    const { state, observations } = turn(initialState(), call);
    expect(state.turn).toBe(1);
    expect(state.endReason).toBeNull();
    expect(state.steps[0]!.valid).toBe(false);
    expect(state.steps[0]!.error).toMatch(message);
    expect(observations[0]!.text).toMatch(/^Error: /);
  });

  it("keeps the raw text of a malformed call", () => {
    const { state } = turn(initialState(), { tool: "inspect_entity", args: "{oops", raw: "{oops" });
    expect(state.steps[0]!.raw).toBe("{oops");
    expect(state.steps[0]!.call.args).toEqual({ _unparsed: "{oops" });
  });

  it("ends on a well-formed submit_answer even for a nonexistent part, and ignores later calls in the turn", () => {
    const { state } = turn(
      initialState(),
      {
        tool: "submit_answer",
        args: { entity_id: "coin", part_id: "rim", affordance: "pry", attributes_used: [], how_to_use: "twist" },
      },
      { tool: "inspect_entity", args: { entity_id: "coin" } },
    );
    expect(state.endReason).toBe("answer");
    expect(state.answer?.part_id).toBe("rim");
    expect(state.steps).toHaveLength(1);
    expect(turn(state, { tool: "view_scene", args: {} }).state).toBe(state);
  });

  it("records a reply without tool calls as an invalid step that uses the turn", () => {
    const { state } = applyTurn(scenario, initialState(), { calls: [], assistantText: "I think the coin." }, config);
    expect(state.turn).toBe(1);
    expect(state.steps[0]).toMatchObject({
      valid: false,
      raw: "I think the coin.",
      error: expect.stringMatching(/no tool call/),
    });
  });

  it("forces submit_answer on the final turn and ends with budget when none comes", () => {
    let state = initialState();
    for (let i = 0; i < 3; i++) state = turn(state, { tool: "view_scene", args: {} }).state;
    expect(isFinalTurn(state, config)).toBe(true);
    const last = turn(state, { tool: "inspect_entity", args: { entity_id: "coin" } });
    expect(last.state.steps.at(-1)).toMatchObject({
      turn: 4,
      valid: false,
      error: "this is the final turn: you must call submit_answer now",
    });
    expect(last.state.endReason).toBe("budget");
  });

  it("attaches assistant text, usage and latency to the turn's first step", () => {
    const { state } = applyTurn(
      scenario,
      initialState(),
      {
        calls: [
          { tool: "view_scene", args: {} },
          { tool: "inspect_entity", args: { entity_id: "spoon" } },
        ],
        assistantText: "Looking.",
        usage: { promptTokens: 10, completionTokens: 3 },
        latencyMs: 12,
      },
      config,
    );
    expect(state.steps[0]).toMatchObject({
      assistantText: "Looking.",
      usage: { promptTokens: 10, completionTokens: 3 },
      latencyMs: 12,
    });
    expect(state.steps[1]!.assistantText).toBeUndefined();
  });

  it("is a pure reducer: the input state is not modified", () => {
    const start = initialState();
    const snapshot = JSON.stringify(start);
    applyCall(scenario, start, { tool: "inspect_entity", args: { entity_id: "coin" } }, 1, config);
    expect(JSON.stringify(start)).toBe(snapshot);
  });

  it("opens with the task, constraints, entity list and the scene", () => {
    const first = initialMessage(scenario, config);
    expect(first.text).toContain(scenario.task);
    expect(first.text).toContain("- No screwdriver");
    expect(first.text).toContain("coin: coin; spoon: spoon");
    expect(first.images).toEqual([{ kind: "scene" }]);
    expect(initialMessage(scenario, { ...config, observation: "text" }).images).toEqual([]);
  });
});
