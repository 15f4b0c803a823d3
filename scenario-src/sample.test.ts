import { describe, expect, it } from "vitest";
import { formatIssue } from "@/core/errors";
import { validateScenarioText } from "@/core/scenario";
import { formatScenarioJson, specDocument } from "./document";
import { FOUND_IN } from "./found";
import { NEEDS } from "./needs";
import { allObjects, objectById } from "./objects";
import { needFit, sampleScenarioSpecs } from "./sample";
import { BACKDROPS } from "./spec";

const sample = (seed: number, count: number, extra: object = {}) =>
  sampleScenarioSpecs(allObjects(), NEEDS, FOUND_IN, { seed, count, ...extra });

describe("needs and where objects are found", () => {
  it("every need has a gold part somewhere and tasks that name none of its gold objects", () => {
    for (const need of NEEDS) {
      const golds = allObjects().filter((o) => !need.absent.includes(o.id) && needFit(o, need).gold.length > 0);
      expect(golds.length, need.id).toBeGreaterThan(0);
      for (const task of need.tasks) {
        for (const o of golds)
          expect(task.toLowerCase().includes(o.name.toLowerCase()), `${need.id}: ${o.name}`).toBe(false);
      }
    }
  });

  it("knows where every object is found, and every setting has enough objects", () => {
    expect(Object.keys(FOUND_IN).sort()).toEqual(
      allObjects()
        .map((o) => o.id)
        .sort(),
    );
    for (const setting of BACKDROPS) {
      const here = Object.values(FOUND_IN).filter((settings) => settings.includes(setting)).length;
      expect(here, setting).toBeGreaterThanOrEqual(8);
    }
  });
});

describe("seeded sampling", () => {
  it("is deterministic: the same seed gives the same specs, another seed different ones", () => {
    expect(sample(7, 8)).toEqual(sample(7, 8));
    expect(sample(8, 8)).not.toEqual(sample(7, 8));
    expect(sample(7, 3)).toEqual(sample(7, 8).slice(0, 3));
  });

  it("builds distractors as each tier asks, with gold parts that meet every requirement", () => {
    for (const spec of sample(11, 40)) {
      const need = NEEDS.find((n) => spec.id.endsWith(`-${n.id}`))!;
      const goldEntity = spec.gold[0]!.entity;
      for (const g of spec.gold) expect(needFit(objectById(g.entity)!, need).gold.map((p) => p.id)).toContain(g.part);
      const distractors = spec.entities.filter((e) => e.object !== goldEntity);
      const sharing = distractors.filter((e) => needFit(objectById(e.object)!, need).similar.length > 0).length;
      for (const e of distractors)
        expect(needFit(objectById(e.object)!, need).gold, `${spec.id}: ${e.object}`).toEqual([]);
      for (const e of spec.entities) expect(need.absent, spec.id).not.toContain(e.object);
      if (spec.distractorSimilarity === "dissimilar") expect(sharing, spec.id).toBe(0);
      if (spec.distractorSimilarity === "mixed") {
        expect(sharing, spec.id).toBeGreaterThan(0);
        expect(sharing, spec.id).toBeLessThan(distractors.length);
      }
      if (spec.distractorSimilarity === "similar") expect(sharing, spec.id).toBeGreaterThanOrEqual(2);
      expect(spec.entities.length).toBeGreaterThanOrEqual(5);
      expect(spec.entities.length).toBeLessThanOrEqual(7);
    }
  });

  it("follows the tier proportions by default and honours --tier and --setting", () => {
    const tiers = sample(3, 60).map((s) => s.distractorSimilarity);
    expect(tiers.filter((t) => t === "similar").length).toBeGreaterThan(25);
    expect(new Set(tiers)).toEqual(new Set(["dissimilar", "mixed", "similar"]));
    expect(new Set(sample(3, 10, { tier: "mixed" }).map((s) => s.distractorSimilarity))).toEqual(new Set(["mixed"]));
    const kitchen = sample(3, 10, { setting: "kitchen" });
    expect(new Set(kitchen.map((s) => s.setting))).toEqual(new Set(["kitchen"]));
    expect(() => sample(3, 1, { setting: "nowhere" })).toThrow(/no need happens in setting/);
  });

  it("gives spec-level documents the core validator accepts", () => {
    for (const spec of sample(42, 12)) {
      const result = validateScenarioText(formatScenarioJson(specDocument(spec, objectById)), {
        file: `${spec.id}/scenario.json`,
        folderName: spec.id,
      });
      expect(result.issues.map(formatIssue)).toEqual([]);
    }
  });

  it("gives the same scenario.json text for the same seed every time, and another for another seed", () => {
    const text = (seed: number) => formatScenarioJson(specDocument(sample(seed, 1)[0]!, objectById));
    expect(text(5)).toBe(text(5));
    expect(text(6)).not.toBe(text(5));
  });
});
