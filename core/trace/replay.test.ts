import { describe, expect, it } from "vitest";
import { replayFrames } from "./replay";

const scenario = {
  entities: [
    { id: "coin", parts: [{ id: "edge" }, { id: "face" }] },
    { id: "key", parts: [{ id: "blade" }] },
  ],
} as unknown as Parameters<typeof replayFrames>[0];

const step = (tool: string, args: unknown, valid = true) => ({ call: { tool, args }, valid });

describe("replayFrames", () => {
  it("names each step's entity and part and accumulates what was explored", () => {
    const frames = replayFrames(scenario, [
      step("plan_exploration", { entity_ids: ["key", "ghost", "coin"] }),
      step("inspect_entity", { entity_id: "coin" }),
      step("inspect_part", { entity_id: "coin", part_id: "edge" }),
      step("assess_part", {
        entity_id: "coin",
        part_id: "edge",
        suitable: true,
        observed_attributes: [],
        rationale: "thin",
      }),
      step("view_scene", {}),
      step("submit_answer", {
        entity_id: "key",
        part_id: "blade",
        affordance: "turn",
        attributes_used: [],
        how_to_use: "turn it",
      }),
    ]);
    expect(frames.map((f) => [f.tool, f.focusEntityId, f.focusPartId])).toEqual([
      ["plan_exploration", null, null],
      ["inspect_entity", "coin", null],
      ["inspect_part", "coin", "edge"],
      ["assess_part", "coin", "edge"],
      ["view_scene", null, null],
      ["submit_answer", "key", "blade"],
    ]);
    expect(frames[0]!.plannedEntityIds).toEqual(["key", "coin"]);
    expect(frames[0]!.visitedEntityIds).toEqual([]);
    expect(frames[1]!.visitedEntityIds).toEqual(["coin"]);
    expect(frames[2]!.visitedPartKeys).toEqual(["coin/edge"]);
    // assessing or answering explores nothing
    expect(frames[5]!.visitedEntityIds).toEqual(["coin"]);
    expect(frames[5]!.summary).toBe("answer key/blade: turn");
    expect(frames[1]!.label).toBe("Inspect entity");
  });

  it("explores nothing on invalid steps or unknown targets, and marks unparsed calls", () => {
    const frames = replayFrames(scenario, [
      step("inspect_entity", { entity_id: "ghost" }, false),
      step("inspect_part", { entity_id: "coin", part_id: "rim" }, false),
      step("inspect_entity", { entity_id: "key" }, false),
      step("teleport", { to: "coin" }, false),
      step("inspect_part", "{not json", false),
      step("", {}, false),
    ]);
    expect(frames.map((f) => [f.focusEntityId, f.focusPartId])).toEqual([
      [null, null],
      ["coin", null],
      ["key", null],
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(frames.every((f) => f.visitedEntityIds.length === 0)).toBe(true);
    expect(frames.map((f) => f.parsed)).toEqual([true, true, true, false, false, false]);
    expect(frames[3]!.label).toBe("teleport");
    expect(frames[5]!.summary).toBe("reply without a tool call");
  });
});
