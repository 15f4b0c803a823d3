/**
 * Typed authoring helpers for part attributes. Names and canonical values mirror the vocabulary in
 * `core/scenario/vocabulary.ts` (the single source of truth; a test checks every value against it), typed
 * here so a misspelt value fails to compile.
 */
import type { Attribute } from "@/core/scenario";
import { attributeDefinition } from "@/core/scenario";

interface Vocabulary {
  shape: "flat" | "round" | "elongated" | "curved" | "cylindrical" | "pointed" | "hooked" | "serrated" | "rectangular";
  size: "small" | "medium" | "large";
  thickness: "thin" | "medium" | "thick";
  material:
    "metal" | "wood" | "plastic" | "glass" | "fabric" | "paper" | "rubber" | "ceramic" | "foam" | "stone" | "food";
  rigidity: "rigid" | "semi-rigid" | "flexible" | "soft";
  durability: "fragile" | "sturdy";
  elasticity: "elastic" | "inelastic";
  surface: "smooth" | "rough" | "textured" | "sticky" | "slippery";
  weight: "light" | "medium" | "heavy";
  sharpness: "sharp" | "blunt";
  visibility: "visible" | "partially visible" | "hidden";
  availability: "free" | "partially blocked" | "blocked";
  moisture: "dry" | "damp" | "wet";
  temperature: "cold" | "room" | "warm" | "hot";
  local_features: string;
}

export type AttrName = keyof Vocabulary;

/**
 * One value, or several values that are all true of the part (SPEC §2 schemaVersion 2): a broom handle is
 * `["cylindrical", "elongated"]`. List the most telling value first (a solver that states one value per
 * attribute, like the oracle, states the first).
 */
export type AttrValue<N extends AttrName> = Vocabulary[N] | readonly [Vocabulary[N], Vocabulary[N], ...Vocabulary[N][]];

/** One attribute; `visual` defaults to whether the vocabulary says the attribute is usually visible. */
export function attr<N extends AttrName>(name: N, value: AttrValue<N>, visual?: boolean): Attribute {
  return {
    name,
    value: typeof value === "string" ? value : [...value],
    visual: visual ?? attributeDefinition(name)?.usuallyVisual ?? false,
  };
}

/** Shorthand for a list of attributes with default `visual` flags: `attrs({ shape: "flat", … })`. */
export function attrs(values: { [N in AttrName]?: AttrValue<N> }): Attribute[] {
  return (Object.keys(values) as AttrName[]).map((name) => attr(name, values[name] as never));
}

/** Marks an attribute as not judgeable from the picture (e.g. a sticky surface). */
export function hidden(a: Attribute): Attribute {
  return { ...a, visual: false };
}

/** A `{name, value}` claim for gold requirements. */
export function req<N extends AttrName>(name: N, value: Vocabulary[N]): { name: string; value: string } {
  return { name, value };
}
