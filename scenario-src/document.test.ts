// The scenario document of a spec, without rendering anything: every bundled spec gives a document the core
// validator accepts (ids, vocabulary, gold and similar references, gold parts meeting their requirements), and a
// broken spec is refused with a message that names the problem.
import { describe, expect, it } from "vitest";
import { formatIssue } from "@/core/errors";
import { validateScenarioDocument, validateScenarioText, type Entity } from "@/core/scenario";
import { formatScenarioJson, scenarioDocument, specDocument } from "./document";
import { objectById } from "./objects";
import { SCENARIO_SPECS } from "./scenarios";
import type { ScenarioSpec } from "./spec";

const spec = (id: string): ScenarioSpec => {
  const found = SCENARIO_SPECS.find((s) => s.id === id);
  if (!found) throw new Error(`no spec ${id}`);
  return found;
};

const issuesOf = (s: ScenarioSpec): string[] =>
  validateScenarioDocument(specDocument(s, objectById), { file: `${s.id}/scenario.json`, folderName: s.id }).issues.map(
    formatIssue,
  );

describe.each(SCENARIO_SPECS.map((s) => s.id))("the spec-level document of %s", (id) => {
  it("passes the core scenario validator", () => {
    const text = formatScenarioJson(specDocument(spec(id), objectById));
    const result = validateScenarioText(text, { file: `scenarios/${id}/scenario.json`, folderName: id });
    expect(result.issues.map(formatIssue)).toEqual([]);
  });
});

describe("specDocument", () => {
  it("takes names, descriptions, parts and affordances from the knowledge base, with the spec's state merged in", () => {
    const doc = specDocument(spec("bathroom-stiff-zip"), objectById);
    const soap = doc.entities.find((e) => e.id === "soap")!;
    const kb = objectById("soap")!;
    expect(soap.name).toBe(kb.name);
    expect(soap.parts.map((p) => p.id)).toEqual(kb.parts.map((p) => p.id));
    const bar = soap.parts.find((p) => p.id === "bar")!;
    // the spec's wet bar replaces the knowledge base's damp one, once
    expect(bar.attributes.filter((a) => a.name === "moisture").map((a) => a.value)).toEqual(["wet"]);
    expect(bar.affordances).toEqual(kb.parts.find((p) => p.id === "bar")!.affordances);
    expect(doc.gold).toEqual(spec("bathroom-stiff-zip").gold);
  });

  it("refuses an unknown object and a state or part view naming no part", () => {
    const base = spec("kitchen-parcel-tape");
    const withEntity = (i: number, patch: object): ScenarioSpec => ({
      ...base,
      entities: base.entities.map((e, j) => (j === i ? { ...e, ...patch } : e)),
    });
    expect(() => specDocument(withEntity(0, { object: "unicorn" }), objectById)).toThrow(
      'scenario spec "kitchen-parcel-tape": unknown object "unicorn"',
    );
    expect(() => specDocument(withEntity(4, { partViews: ["wing"] }), objectById)).toThrow(
      'entity "key" has no part "wing"',
    );
    expect(() => specDocument(withEntity(0, { state: { wing: [] } }), objectById)).toThrow(
      'entity "teapot" has no part "wing"',
    );
  });

  it("lets the validator name a gold without its part, a gold the part cannot meet, and a duplicate entity", () => {
    const base = spec("kitchen-parcel-tape");
    expect(issuesOf({ ...base, gold: [{ ...base.gold[0]!, part: "handle" }] })).toEqual([
      'kitchen-parcel-tape/scenario.json: gold[0].part: "handle" is not a part of entity "key"',
    ]);
    const unmet = issuesOf({
      ...base,
      gold: [{ ...base.gold[0]!, requiredAttributes: [{ name: "shape", value: "round" }] }],
    });
    expect(unmet).toHaveLength(1);
    expect(unmet[0]).toMatch(/gold\[0\]\.requiredAttributes\[0\]\.value: requires shape "round"/);
    const twice = issuesOf({ ...base, entities: [...base.entities, base.entities[0]!] });
    expect(twice.some((m) => m.includes('duplicate entity id "teapot"'))).toBe(true);
    const goldAndSimilar = issuesOf({ ...base, similar: [{ entity: "key", part: "teeth", difficulty: 1 }] });
    expect(goldAndSimilar.some((m) => m.includes("a part is either gold or similar"))).toBe(true);
  });
});

describe("scenarioDocument and formatScenarioJson", () => {
  it("copies the spec's fields with the given entities, scene and source, and leaves the spec alone", () => {
    const s = spec("garage-paint-tin-lid");
    const before = structuredClone(s);
    const entities: Entity[] = [];
    const scene = { image: "scene.webp", width: 1280, height: 800 };
    const source = { kind: "rendered", license: "CC-BY-4.0", attribution: "test" } as const;
    const doc = scenarioDocument(s, entities, scene, source);
    expect(doc).toMatchObject({ schemaVersion: 2, id: s.id, version: s.version, setting: s.setting, task: s.task });
    expect(doc.scene).toEqual(scene);
    expect(doc.source).toEqual(source);
    expect(doc.entities).toBe(entities);
    doc.gold[0]!.requiredAttributes.push({ name: "shape", value: "flat" });
    doc.constraints.push("changed");
    expect(s).toEqual(before);
  });

  it("keeps arrays of numbers on one line and ends with a newline", () => {
    const text = formatScenarioJson(specDocument(spec("kitchen-parcel-tape"), objectById));
    expect(text).toContain('"box": [0, 0, 1, 1]');
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(specDocument(spec("kitchen-parcel-tape"), objectById));
  });
});
