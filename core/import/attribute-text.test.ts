import { describe, expect, it } from "vitest";
import { attributeDefinition } from "../scenario";
import {
  PROSE_CUES,
  attributesInEntry,
  attributesInProse,
  attributesInText,
  canonicalValueIn,
  mergeSameSource,
} from "./attribute-text";

describe("canonicalValueIn", () => {
  it.each<[string, string, string | null]>([
    ["rigidity", "very rigid", "rigid"],
    ["rigidity", "stiff", "rigid"],
    ["thickness", "slim", "thin"],
    ["moisture", "slightly wet", "damp"],
    ["temperature", "slightly hot", "warm"],
    ["weight", "moderate", "medium"],
    ["material", "stainless steel", "metal"],
    ["surface", "smooth, glossy, transparent", "smooth"],
    ["surface", "slightly textured with intermittent metallic sheen", "textured"],
    ["availability", "partially blocked but exposed ends are present", "partially blocked"],
    ["size", "small (about 8–12 mm across)", "small"],
    ["size", "each foot slightly larger than a coin", null],
    ["surface", "smooth-to-fine textured, slightly grippy", null],
    ["surface", "soft-touch, high-friction silicone", null],
    ["shape", "many small teardrop pendants", null],
    ["local_features", "  reinforced seams. ", "reinforced seams"],
    ["local_features", "NA", null],
    ["colour", "red", null],
  ])("%s %j → %j", (name, raw, expected) => {
    expect(canonicalValueIn(name, raw)).toBe(expected);
  });
});

describe("attributesInText", () => {
  it("reads name: value lists, 'name is value', category prefixes and bare values", () => {
    expect(attributesInText("visibility: visible; availability: free")).toEqual([
      { name: "visibility", value: "visible" },
      { name: "availability", value: "free" },
    ]);
    expect(attributesInText("state: moisture is dry")).toEqual([{ name: "moisture", value: "dry" }]);
    expect(attributesInText("state: visibility visible; availability free")).toEqual([
      { name: "visibility", value: "visible" },
      { name: "availability", value: "free" },
    ]);
    expect(attributesInText("state: slightly wet")).toEqual([{ name: "moisture", value: "damp" }]);
    expect(attributesInText("physical: very light, thin, non-elastic")).toEqual([
      { name: "weight", value: "light" },
      { name: "thickness", value: "thin" },
      { name: "elasticity", value: "inelastic" },
    ]);
    expect(attributesInText("shape: many small pendants; thickness: thin; rigid")).toEqual([
      { name: "thickness", value: "thin" },
      { name: "rigidity", value: "rigid" },
    ]);
  });

  it("drops names without values, unknown names and bare values that fit several attributes", () => {
    expect(attributesInText("physical: surface")).toEqual([]);
    expect(attributesInText("physical: rigidity / thickness")).toEqual([]);
    expect(attributesInText("others: can absorb moisture")).toEqual([]);
    expect(attributesInText("moderate")).toEqual([]); // size, thickness or weight?
    expect(attributesInText("rounded")).toEqual([]); // shape round or sharpness blunt?
  });
});

describe("attributesInEntry", () => {
  it("uses the visual tag of tagged gold entries (absent ⇒ not visual)", () => {
    expect(attributesInEntry(["thickness: thin", "physical", "visual"])).toEqual([
      { name: "thickness", value: "thin", visual: true },
    ]);
    expect(attributesInEntry(["weight: light", "physical"])).toEqual([
      { name: "weight", value: "light", visual: false },
    ]);
  });

  it("reads the annotation, not the reason, of untagged judge entries", () => {
    expect(
      attributesInEntry(["visible and dry, so it can be used", "rigidity: semi-rigid; elasticity: springy"]),
    ).toEqual([
      { name: "rigidity", value: "semi-rigid", visual: null },
      { name: "elasticity", value: "elastic", visual: null },
    ]);
    expect(attributesInEntry(42)).toEqual([]);
  });
});

describe("attributesInProse", () => {
  it("keeps physical attributes every cue agrees on and the first state cue", () => {
    const attrs = attributesInProse(
      "A light, rigid candle-shaped bulb with a thin frosted diffuser; smooth matte surface, sturdy.",
      "Partially visible (canopy visible, bracket hidden) and partially blocked by nearby parts; dry and slightly hot from use.",
    );
    expect(Object.fromEntries(attrs.map((a) => [a.name, a.value]))).toEqual({
      weight: "light",
      thickness: "thin",
      rigidity: "rigid",
      durability: "sturdy",
      surface: "smooth",
      visibility: "partially visible",
      availability: "partially blocked",
      moisture: "dry",
      temperature: "warm",
    });
  });

  it("drops an attribute the prose contradicts itself on, and ignores look-alike words", () => {
    const attrs = attributesInProse(
      "A thin aluminium driver paired with flexible leads; rigid, medium-thickness, soft-touch finish, light bulb socket.",
      "",
    );
    const names = attrs.map((a) => a.name);
    expect(names).not.toContain("rigidity"); // flexible vs rigid
    expect(names).not.toContain("thickness"); // thin vs medium-thickness
    expect(names).not.toContain("weight"); // "light bulb" is not a weight
  });

  it("reads medium and non-elastic before their shorter look-alikes", () => {
    const attrs = attributesInProse("A medium-thick, non-elastic, moderate-weight band.", "");
    expect(Object.fromEntries(attrs.map((a) => [a.name, a.value]))).toEqual({
      thickness: "medium",
      elasticity: "inelastic",
      weight: "medium",
    });
  });

  it("only names canonical vocabulary values", () => {
    for (const [name, cues] of Object.entries(PROSE_CUES)) {
      const def = attributeDefinition(name);
      expect(def?.values, name).toBeTruthy();
      for (const [, value] of cues) if (value !== null) expect(def!.values).toContain(value);
    }
  });
});

describe("mergeSameSource", () => {
  it("drops a name given two values and reports it", () => {
    const merged = mergeSameSource([
      { name: "surface", value: "smooth", visual: null },
      { name: "surface", value: "slippery", visual: null },
      { name: "weight", value: "light", visual: null },
      { name: "weight", value: "light", visual: false },
    ]);
    expect(merged.attributes).toEqual([{ name: "weight", value: "light", visual: false }]);
    expect(merged.conflicts).toEqual(["surface (smooth vs slippery)"]);
  });
});
