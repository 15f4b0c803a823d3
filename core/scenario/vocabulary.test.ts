import { describe, expect, it } from "vitest";
import {
  ATTRIBUTES,
  ATTRIBUTE_NAMES,
  attributeValuesEquivalent,
  normalizeAttributeName,
  normalizeAttributeValue,
} from "./vocabulary";

describe("attribute vocabulary", () => {
  it("holds the SPEC §2 minimum of names and canonical values", () => {
    const minimum: Record<string, string[] | null> = {
      rigidity: ["rigid", "semi-rigid", "flexible", "soft"],
      thickness: ["thin", "medium", "thick"],
      shape: ["flat", "round", "elongated", "curved", "cylindrical", "pointed", "hooked", "serrated", "rectangular"],
      material: ["metal", "wood", "plastic", "glass", "fabric", "paper", "rubber", "ceramic", "foam", "stone", "food"],
      surface: ["smooth", "rough", "textured", "sticky", "slippery"],
      sharpness: ["sharp", "blunt"],
      weight: ["light", "medium", "heavy"],
      size: ["small", "medium", "large"],
      moisture: ["dry", "damp", "wet"],
      temperature: ["cold", "room", "warm", "hot"],
      elasticity: ["elastic", "inelastic"],
      durability: ["fragile", "sturdy"],
      visibility: ["visible", "partially visible", "hidden"],
      availability: ["free", "partially blocked", "blocked"],
      local_features: null,
    };
    expect(new Set(ATTRIBUTE_NAMES)).toEqual(new Set(Object.keys(minimum)));
    for (const [name, values] of Object.entries(minimum)) {
      const definition = ATTRIBUTES.find((a) => a.name === name)!;
      if (values === null) expect(definition.values).toBeNull();
      else for (const v of values) expect(definition.values, `${name}: ${v}`).toContain(v);
    }
  });

  it.each([
    ["rigidity", "stiff", "rigid"],
    ["rigidity", "bendy", "flexible"],
    ["thickness", "slim", "thin"],
    ["shape", "rounded", "round"],
    ["shape", "long", "elongated"],
    ["material", "metallic", "metal"],
    ["material", "wooden", "wood"],
    ["material", "  Metal ", "metal"],
    ["visibility", "Partially   Visible", "partially visible"],
    ["rigidity", "semi rigid", "semi-rigid"],
    ["availability", "partially-blocked", "partially blocked"],
    ["local_features", "  A Small  Notch ", "a small notch"],
  ])("normalises %s %j to %j", (name, value, expected) => {
    expect(normalizeAttributeValue(name, value)).toBe(expected);
  });

  it("returns null for values outside a closed list and for unknown names", () => {
    expect(normalizeAttributeValue("material", "unobtainium")).toBeNull();
    expect(normalizeAttributeValue("colour", "red")).toBeNull();
    expect(normalizeAttributeValue("local_features", "   ")).toBeNull();
  });

  it("maps attribute name spellings to canonical names", () => {
    expect(normalizeAttributeName(" Material ")).toBe("material");
    expect(normalizeAttributeName("local features")).toBe("local_features");
    expect(normalizeAttributeName("texture")).toBe("surface");
    expect(normalizeAttributeName("colour")).toBeNull();
  });

  it("compares values after normalisation", () => {
    expect(attributeValuesEquivalent("rigidity", "Stiff", "rigid")).toBe(true);
    expect(attributeValuesEquivalent("Thickness", "slim", "thin")).toBe(true);
    expect(attributeValuesEquivalent("thickness", "thick", "thin")).toBe(false);
  });

  it("maps every synonym onto a canonical value of its own attribute", () => {
    for (const a of ATTRIBUTES) {
      for (const [synonym, canonical] of Object.entries(a.synonyms)) {
        expect(a.values, `${a.name}.${synonym}`).toContain(canonical);
        expect(synonym).toBe(synonym.trim().toLowerCase());
      }
    }
  });
});
