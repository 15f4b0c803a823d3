/**
 * Checks every object model against the knowledge base: mesh part ids are the object's KB part ids, every KB
 * part has a mesh, the same parameters give the same model, and the annotations derived from the geometry agree
 * with the KB's visual attributes (material equal; every KB shape value derived; thickness and size classes equal)
 * so gold requirements keep holding on the rendered set.
 */
import { describe, expect, it } from "vitest";
import { objectById } from "@/scenario-src/objects";
import { deriveAttributes, partFacts } from "@/core/scenario/render-annotations";
import { hashOf } from "./build";
import { MODELS, buildModel } from "./registry";

const values = (v: string | readonly string[] | undefined): string[] =>
  v === undefined ? [] : typeof v === "string" ? [v] : [...v];

describe.each(Object.keys(MODELS))("model %s", (id) => {
  const kb = objectById(id);
  it("is a knowledge-base object", () => expect(kb, `no KB object "${id}"`).toBeDefined());
  if (!kb) return;
  const model = buildModel(id);
  const facts = partFacts(model);

  it("names only KB parts and models every KB part", () => {
    const kbParts = kb.parts.map((p) => p.id).sort();
    expect(facts.map((f) => f.part).sort()).toEqual(kbParts);
  });

  it("is deterministic and changes with its parameters", () => {
    expect(hashOf(buildModel(id))).toBe(hashOf(model));
    expect(hashOf(buildModel(id, { size: 1.5 }))).not.toBe(hashOf(model));
  });

  for (const part of kb.parts) {
    it(`part ${part.id}: derived annotations agree with the KB`, () => {
      const f = facts.find((x) => x.part === part.id);
      expect(f).toBeDefined();
      const derived = new Map(deriveAttributes(f!, false).map((a) => [a.name, values(a.value)]));
      const kbAttr = (name: string) => values(part.attributes.find((a) => a.name === name)?.value);
      const where = `${id}/${part.id} (dims ${f!.dimsMm.join("×")} mm, thickness ${f!.thicknessMm} mm)`;
      for (const m of kbAttr("material")) expect(derived.get("material"), `${where} material`).toContain(m);
      for (const s of kbAttr("shape")) expect(derived.get("shape"), `${where} shape`).toContain(s);
      for (const name of ["thickness", "size"]) {
        const want = kbAttr(name);
        if (want.length > 0) expect(derived.get(name), `${where} ${name}`).toEqual(want);
      }
    });
  }
});
