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

/**
 * Where the KB's annotation is not true of the real object, the model follows the real object and the rendered
 * scenario carries the derived value. `object/part/attribute` → why.
 */
const KB_DISAGREEMENTS: Readonly<Record<string, string>> = {
  "wrench/upper-jaw/thickness": "a 32 mm spanner's jaw is about 11 mm thick (medium), not > 20 mm",
  "wrench/lower-jaw/thickness": "a 32 mm spanner's jaw is about 11 mm thick (medium), not > 20 mm",
};

const values = (v: string | readonly string[] | undefined): string[] =>
  v === undefined ? [] : typeof v === "string" ? [v] : [...v];

it("lists only disagreements that exist", () => {
  for (const k of Object.keys(KB_DISAGREEMENTS)) {
    const [obj, part] = k.split("/");
    expect(MODELS[obj!], k).toBeDefined();
    expect(
      objectById(obj!)?.parts.some((p) => p.id === part),
      k,
    ).toBe(true);
  }
});

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
      const agreed = (name: string) => !(`${id}/${part.id}/${name}` in KB_DISAGREEMENTS);
      for (const m of kbAttr("material")) expect(derived.get("material"), `${where} material`).toContain(m);
      if (agreed("shape")) for (const s of kbAttr("shape")) expect(derived.get("shape"), `${where} shape`).toContain(s);
      for (const name of ["thickness", "size"]) {
        const want = kbAttr(name);
        if (want.length > 0 && agreed(name)) expect(derived.get(name), `${where} ${name}`).toEqual(want);
      }
    });
  }
});
