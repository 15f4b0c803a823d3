import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../scenario";
import { fixtureScenario } from "../../test/fixture";
import { applyTurn, initialState } from "./engine";
import { candidateList, entityMark, initialMessage } from "./prompt";
import type { EngineConfig, ObservationMode } from "./types";

// names that differ from the ids, so a leak is visible
const doc = fixtureScenario() as { entities: { name: string }[] };
doc.entities[0]!.name = "old silver coin";
doc.entities[1]!.name = "soup spoon";
const scenario = scenarioSchema.parse(doc);
const NAMES = ["old silver coin", "soup spoon"];

const allTexts = (config: EngineConfig & { maxTurns: number }) => {
  const opening = initialMessage(scenario, config).text;
  const { observations } = applyTurn(
    scenario,
    initialState(),
    {
      calls: [
        { tool: "inspect_entity", args: { entity_id: "coin" } },
        { tool: "inspect_part", args: { entity_id: "coin", part_id: "edge" } },
        { tool: "view_scene", args: {} },
        { tool: "inspect_entity", args: { entity_id: "no-such-thing" } },
      ],
    },
    config,
  );
  return [opening, ...observations.map((o) => o.text)];
};

describe("entity labels", () => {
  it("names mode lists every candidate as id: name", () => {
    const text = initialMessage(scenario, { maxTurns: 5, observation: "image" }).text;
    expect(text).toContain("Candidate entities (id: name): coin: old silver coin; spoon: soup spoon.");
  });

  it("marks mode lists candidates as [n] id, in entity order, with the scene image", () => {
    const config = { maxTurns: 5, observation: "image" as const, entityLabels: "marks" as const };
    const opening = initialMessage(scenario, config);
    expect(opening.text).toContain("[1] coin; [2] spoon.");
    expect(opening.images).toEqual([{ kind: "scene" }]);
    expect(candidateList(scenario, config)).toBe("[1] coin; [2] spoon");
    expect(entityMark(scenario, "spoon")).toBe(2);
    expect(entityMark(scenario, "nope")).toBe(0);
  });

  it.each<ObservationMode>(["image", "hybrid", "text"])(
    "marks mode (%s): no entity name in the opening message or any observation text; part names stay",
    (observation) => {
      const texts = allTexts({ maxTurns: 5, observation, entityLabels: "marks" });
      for (const text of texts) for (const name of NAMES) expect(text).not.toContain(name);
      expect(texts[1]).toContain('Entity "coin" (entity [1])');
      expect(texts[2]).toContain('Part "coin/edge" (edge of entity [1])');
    },
  );

  it("names mode still shows the names in observations (the default is unchanged)", () => {
    const texts = allTexts({ maxTurns: 5, observation: "hybrid" });
    expect(texts[1]).toContain('Entity "coin" (old silver coin)');
    expect(texts[2]).toContain("edge of the old silver coin");
    expect(texts[3]).toContain("coin (old silver coin), spoon (soup spoon)");
  });
});
