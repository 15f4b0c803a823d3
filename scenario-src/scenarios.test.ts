// Checks of the hand-written scenario specs against the knowledge base, without rendering anything: the
// affordance-similarity annotations follow from the parts' families, tiers hold, tasks don't give the
// answer away, and the set is as broad as the issue asks (`document.test.ts` validates each spec's document).
import { describe, expect, it } from "vitest";
import { meetsRequirements } from "@/core/scenario";
import { allObjects, objectById } from "./objects";
import { SCENARIO_SPECS } from "./scenarios";
import { type AuthoredSpec, type KbObject } from "./uses";

const objectOf = (spec: AuthoredSpec, entityId: string): KbObject => {
  const e = spec.entities.find((x) => (x.id ?? x.object) === entityId);
  if (!e) throw new Error(`${spec.id}: no entity ${entityId}`);
  return objectById(e.object)!;
};

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);

describe.each(SCENARIO_SPECS.map((s) => [s.id, s] as const))("spec %s", (_id, spec) => {
  const goldEntities = new Set(spec.gold.map((g) => g.entity));
  const distractors = spec.entities.filter((e) => !goldEntities.has(e.id ?? e.object));
  const sharing = (e: (typeof spec.entities)[number]) =>
    objectById(e.object)!.parts.filter((p) => p.uses.includes(spec.use));

  it("has 4–9 entities of known objects, each with at least two parts", () => {
    expect(spec.entities.length).toBeGreaterThanOrEqual(4);
    expect(spec.entities.length).toBeLessThanOrEqual(9);
    for (const e of spec.entities) {
      expect(objectById(e.object), e.object).toBeDefined();
      expect(objectById(e.object)!.parts.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("gold parts have the task's affordance family, required attributes and a how-to", () => {
    for (const g of spec.gold) {
      const part = objectOf(spec, g.entity).parts.find((p) => p.id === g.part)!;
      expect(part.uses, `${g.entity}/${g.part}`).toContain(spec.use);
      expect(g.requiredAttributes.length).toBeGreaterThan(0);
      expect(g.howTo.length).toBeGreaterThan(30);
    }
  });

  it("lists exactly the distractor parts that share the family as similar", () => {
    for (const s of spec.similar) {
      const part = objectOf(spec, s.entity).parts.find((p) => p.id === s.part);
      expect(part?.uses ?? [], `${s.entity}/${s.part}`).toContain(spec.use);
    }
    const listed = new Set(spec.similar.map((s) => `${s.entity}/${s.part}`));
    for (const e of distractors) {
      for (const p of sharing(e)) expect(listed.has(`${e.id ?? e.object}/${p.id}`), `${e.object}/${p.id}`).toBe(true);
    }
  });

  it("similar parts fall short of every gold's required attributes (otherwise they would be gold)", () => {
    for (const s of spec.similar) {
      const part = objectOf(spec, s.entity).parts.find((p) => p.id === s.part)!;
      for (const g of spec.gold) {
        const meets = meetsRequirements(part, g.requiredAttributes);
        expect(meets, `${s.entity}/${s.part} meets every requirement of gold ${g.entity}/${g.part}`).toBe(false);
      }
    }
  });

  it(`keeps its tier (${spec.distractorSimilarity})`, () => {
    const withSimilar = distractors.filter((e) => sharing(e).length > 0).length;
    if (spec.distractorSimilarity === "dissimilar") expect(withSimilar).toBe(0);
    if (spec.distractorSimilarity === "mixed") {
      expect(withSimilar).toBeGreaterThan(0);
      expect(withSimilar).toBeLessThan(distractors.length);
    }
    if (spec.distractorSimilarity === "similar") {
      expect(withSimilar).toBeGreaterThanOrEqual(2);
      expect(withSimilar).toBeGreaterThanOrEqual(distractors.length / 2);
    }
  });

  it("lists affordance-similar distractors in similar[] as its tier requires", () => {
    const withSimilar = new Set(spec.similar.map((s) => s.entity).filter((e) => !goldEntities.has(e)));
    if (spec.distractorSimilarity === "dissimilar") expect([...withSimilar]).toEqual([]);
    if (spec.distractorSimilarity === "mixed") {
      expect(withSimilar.size).toBeGreaterThan(0);
      expect(withSimilar.size).toBeLessThan(distractors.length);
    }
    if (spec.distractorSimilarity === "similar") expect(withSimilar.size).toBeGreaterThanOrEqual(2);
  });

  it("asks for one or two part views, each of a part its object has", () => {
    const partViews = spec.entities.flatMap((e) => (e.partViews ?? []).map((p) => [e.object, p] as const));
    expect(partViews.length).toBeGreaterThanOrEqual(1);
    expect(partViews.length).toBeLessThanOrEqual(2);
    for (const [object, part] of partViews)
      expect(
        objectById(object)!.parts.map((p) => p.id),
        `${object}/${part}`,
      ).toContain(part);
  });

  it("does not name a gold entity or part in the task", () => {
    const task = words(spec.task);
    const taskText = spec.task.toLowerCase();
    for (const g of spec.gold) {
      const entity = spec.entities.find((e) => (e.id ?? e.object) === g.entity)!;
      const object = objectById(entity.object)!;
      const name = entity.name ?? object.name;
      for (const w of words(name)) expect(task.has(w) && w.length > 3, `"${w}" of ${name}`).toBe(false);
      const part = object.parts.find((p) => p.id === g.part)!;
      expect(taskText.includes(part.name.toLowerCase()) && part.name.length > 4, `part "${part.name}"`).toBe(false);
    }
  });
});

describe("the bundled spec set", () => {
  it("has at least 60 scenarios with unique ids across at least 6 settings", () => {
    expect(SCENARIO_SPECS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SCENARIO_SPECS.map((s) => s.id)).size).toBe(SCENARIO_SPECS.length);
    const settings = new Set(SCENARIO_SPECS.map((s) => s.setting));
    expect(settings.size).toBeGreaterThanOrEqual(6);
    for (const setting of settings) {
      expect(SCENARIO_SPECS.filter((s) => s.setting === setting).length, setting).toBeGreaterThanOrEqual(4);
    }
  });

  it("exercises both view paths: entities without a view of their own, in scenarios with and without views", () => {
    const noViews = SCENARIO_SPECS.filter((s) => s.entities.every((e) => e.view === false));
    expect(noViews.map((s) => s.id)).toContain("kitchen-parcel-tape");
    const mixed = SCENARIO_SPECS.filter(
      (s) => s.entities.some((e) => e.view === false) && s.entities.some((e) => e.view !== false),
    );
    expect(mixed.length).toBeGreaterThan(3);
  });

  it("follows the paper's tier proportions (about 14 / 21 / 65 %)", () => {
    expect(new Set(SCENARIO_SPECS.map((s) => s.distractorSimilarity))).toEqual(
      new Set(["dissimilar", "mixed", "similar"]),
    );
    const share = (tier: string) =>
      SCENARIO_SPECS.filter((s) => s.distractorSimilarity === tier).length / SCENARIO_SPECS.length;
    expect(share("dissimilar")).toBeGreaterThan(0.1);
    expect(share("dissimilar")).toBeLessThan(0.18);
    expect(share("mixed")).toBeGreaterThan(0.17);
    expect(share("mixed")).toBeLessThan(0.25);
    expect(share("similar")).toBeGreaterThan(0.6);
    expect(share("similar")).toBeLessThan(0.7);
  });

  it("has no near-duplicate tasks (word overlap below 50 %)", () => {
    const sets = SCENARIO_SPECS.map((s) => ({ id: s.id, w: words(s.task) }));
    for (const [i, a] of sets.entries()) {
      for (const b of sets.slice(i + 1)) {
        const inter = [...a.w].filter((w) => b.w.has(w)).length;
        const jaccard = inter / (a.w.size + b.w.size - inter);
        expect(jaccard, `${a.id} vs ${b.id}`).toBeLessThan(0.5);
      }
    }
  });

  it("never repeats the same gold part for the same affordance family", () => {
    const keys = SCENARIO_SPECS.flatMap((s) => s.gold.map((g) => `${s.use}:${objectOf(s, g.entity).id}/${g.part}`));
    const seen = new Map<string, number>();
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });

  it("states every true shape of a part that is honestly several things at once (SPEC §2 value lists)", () => {
    const shape = (object: string, part: string) =>
      objectById(object)!
        .parts.find((p) => p.id === part)!
        .attributes.find((a) => a.name === "shape")?.value;
    expect(shape("broom", "handle")).toEqual(["cylindrical", "elongated"]);
    expect(shape("books", "spine")).toEqual(["rectangular", "elongated"]);
    expect(shape("pencil", "body")).toEqual(["cylindrical", "elongated"]);
    expect(shape("frying-pan", "pan")).toEqual(["round", "flat"]);
    const lists = allObjects().flatMap((o) =>
      o.parts.flatMap((p) => p.attributes.filter((a) => Array.isArray(a.value))),
    );
    expect(lists.length).toBeGreaterThanOrEqual(30);
    for (const a of lists) expect(new Set(a.value).size, `${a.name}: ${String(a.value)}`).toBe(a.value.length);
  });

  it("knows every object with at least two parts of distinct ids", () => {
    for (const o of allObjects()) {
      expect(o.parts.length, o.id).toBeGreaterThanOrEqual(2);
      expect(new Set(o.parts.map((p) => p.id)).size, o.id).toBe(o.parts.length);
    }
    expect(new Set(allObjects().map((o) => o.id)).size).toBe(allObjects().length);
  });

  it("uses most of the knowledge base", () => {
    const used = new Set(SCENARIO_SPECS.flatMap((s) => s.entities.map((e) => e.object)));
    expect(used.size / allObjects().length).toBeGreaterThan(0.9);
  });
});
