import { describe, expect, it } from "vitest";
import { fixtureScenario } from "../../test/fixture";
import { readinessChecks, tierAgreement } from "./readiness";
import type { Scenario } from "./schema";
import { validateScenarioDocument } from "./validate";

/** The fixture (2 entities: coin holds the gold, spoon a similar part) as a validated Scenario. */
function scenario(mutate: (s: Scenario) => void = () => undefined): Scenario {
  const s = structuredClone(validateScenarioDocument(fixtureScenario(), { file: "f" }).scenario!);
  mutate(s);
  return s;
}

/** A third, plain entity (no similar part). */
const addCup = (s: Scenario) =>
  s.entities.push({
    id: "cup",
    name: "Cup",
    region: { box: [300, 10, 60, 60] },
    description: "A cup",
    parts: [
      { id: "rim", name: "Rim", region: { box: [300, 10, 60, 10] }, description: "", attributes: [], affordances: [] },
    ],
  });

const failed = (s: Scenario, lines: string[] = []) =>
  readinessChecks(s, lines)
    .filter((c) => !c.ok)
    .map((c) => c.message);

describe("readiness to publish", () => {
  it("passes a scenario with 3 entities, a tier that agrees, an inspectable gold part and no validator problem", () => {
    const checks = readinessChecks(scenario(addCup));
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ["entities", true],
      ["tier", true],
      ["gold-inspectable", true],
      ["validator", true],
    ]);
  });

  it("refuses fewer than 3 candidate entities with a sentence", () => {
    expect(failed(scenario(), [])).toContain(
      "The scenario has 2 candidate entities; a published scenario needs at least 3.",
    );
  });

  it("checks the tier against similar[] over the non-gold entities", () => {
    // mixed with every non-gold entity similar is not mixed
    expect(tierAgreement(scenario()).ok).toBe(false);
    expect(tierAgreement(scenario()).message).toBe(
      "The tier is mixed but 1 of 1 non-gold entity has a part in similar[]; mixed needs some non-gold entities with a similar part and some without.",
    );
    expect(tierAgreement(scenario(addCup)).ok).toBe(true);
    // dissimilar ⇒ no similar part on a non-gold entity
    const dissimilar = scenario((s) => (s.distractorSimilarity = "dissimilar"));
    expect(tierAgreement(dissimilar).ok).toBe(false);
    expect(tierAgreement(scenario((s) => ((s.distractorSimilarity = "dissimilar"), (s.similar = [])))).ok).toBe(true);
    // similar ⇒ at least half of the non-gold entities
    expect(tierAgreement(scenario((s) => ((s.distractorSimilarity = "similar"), addCup(s)))).ok).toBe(true);
    expect(tierAgreement(scenario((s) => ((s.distractorSimilarity = "similar"), (s.similar = [])))).ok).toBe(false);
  });

  it("refuses a gold part that no tool can show", () => {
    const s = scenario((d) => {
      addCup(d);
      const coin = d.entities.find((e) => e.id === "coin")!;
      const part = coin.parts.find((p) => p.id === d.gold[0]!.part)!;
      delete (part as { view?: string }).view;
      part.region = { box: [0, 0, 2, 2] };
    });
    expect(failed(s)).toEqual([
      `A gold part cannot be inspected with the tools: coin/${s.gold[0]!.part} has no view and a region too small to show.`,
    ]);
  });

  it("reports the validator's problems", () => {
    expect(failed(scenario(addCup), ["scenario.json: title: required"])).toEqual([
      "The validator reports 1 problem: scenario.json: title: required",
    ]);
  });
});
