/**
 * The attribute vocabulary (CreativityBench's knowledge base): attribute names, their closed lists of
 * canonical values and the synonyms that map onto them. This module is the only place values are listed;
 * scenario validation, claim scoring and the UI pickers all read from here.
 *
 * Comparison rule (SPEC §2): lower-case, trim, collapse inner whitespace, then map synonyms.
 */

/** Whether an attribute describes the object itself or its current state. */
export type AttributeKind = "physical" | "state";

/** One attribute name's definition. `values` is null for free-text attributes (`local_features`). */
export interface AttributeDefinition {
  readonly name: string;
  readonly kind: AttributeKind;
  readonly label: string;
  /** Canonical values in display order; null when the attribute is free text. */
  readonly values: readonly string[] | null;
  /** synonym → canonical value (keys already normalised). */
  readonly synonyms: Readonly<Record<string, string>>;
  /** Whether the attribute can usually be judged from a picture (the default for new annotations). */
  readonly usuallyVisual: boolean;
}

const def = (
  name: string,
  kind: AttributeKind,
  label: string,
  values: readonly string[] | null,
  synonyms: Record<string, string>,
  usuallyVisual: boolean,
): AttributeDefinition => ({ name, kind, label, values, synonyms, usuallyVisual });

/** Every attribute name, in the order the UI shows them. */
export const ATTRIBUTES: readonly AttributeDefinition[] = [
  def(
    "shape",
    "physical",
    "Shape",
    ["flat", "round", "elongated", "curved", "cylindrical", "pointed", "hooked", "serrated", "rectangular"],
    {
      rounded: "round",
      circular: "round",
      disc: "round",
      spherical: "round",
      oval: "round",
      long: "elongated",
      slender: "elongated",
      "rod-like": "elongated",
      straight: "elongated",
      bent: "curved",
      arched: "curved",
      concave: "curved",
      convex: "curved",
      tubular: "cylindrical",
      "cylinder-shaped": "cylindrical",
      tapered: "pointed",
      spiky: "pointed",
      pointy: "pointed",
      hook: "hooked",
      "hook-shaped": "hooked",
      toothed: "serrated",
      jagged: "serrated",
      notched: "serrated",
      rectangle: "rectangular",
      square: "rectangular",
      boxy: "rectangular",
      planar: "flat",
      "flat-edged": "flat",
    },
    true,
  ),
  def(
    "size",
    "physical",
    "Size",
    ["small", "medium", "large"],
    {
      tiny: "small",
      little: "small",
      "palm-sized": "small",
      "mid-sized": "medium",
      moderate: "medium",
      big: "large",
      huge: "large",
    },
    true,
  ),
  def(
    "thickness",
    "physical",
    "Thickness",
    ["thin", "medium", "thick"],
    {
      slim: "thin",
      slender: "thin",
      narrow: "thin",
      fine: "thin",
      "very thin": "thin",
      moderate: "medium",
      chunky: "thick",
      bulky: "thick",
      "very thick": "thick",
    },
    true,
  ),
  def("local_features", "physical", "Local features", null, {}, true),
  def(
    "material",
    "physical",
    "Material",
    ["metal", "wood", "plastic", "glass", "fabric", "paper", "rubber", "ceramic", "foam", "stone", "food"],
    {
      metallic: "metal",
      steel: "metal",
      "stainless steel": "metal",
      iron: "metal",
      aluminium: "metal",
      aluminum: "metal",
      brass: "metal",
      copper: "metal",
      wooden: "wood",
      timber: "wood",
      plastics: "plastic",
      polymer: "plastic",
      acrylic: "plastic",
      glassy: "glass",
      cloth: "fabric",
      textile: "fabric",
      cotton: "fabric",
      wool: "fabric",
      cardboard: "paper",
      card: "paper",
      rubbery: "rubber",
      silicone: "rubber",
      latex: "rubber",
      porcelain: "ceramic",
      clay: "ceramic",
      sponge: "foam",
      spongy: "foam",
      rock: "stone",
      concrete: "stone",
      brick: "stone",
      edible: "food",
    },
    true,
  ),
  def(
    "rigidity",
    "physical",
    "Rigidity",
    ["rigid", "semi-rigid", "flexible", "soft"],
    {
      stiff: "rigid",
      hard: "rigid",
      firm: "rigid",
      "semi rigid": "semi-rigid",
      semirigid: "semi-rigid",
      bendy: "flexible",
      pliable: "flexible",
      bendable: "flexible",
      squishy: "soft",
      compressible: "soft",
    },
    false,
  ),
  def(
    "durability",
    "physical",
    "Durability",
    ["fragile", "sturdy"],
    {
      delicate: "fragile",
      breakable: "fragile",
      brittle: "fragile",
      durable: "sturdy",
      robust: "sturdy",
      strong: "sturdy",
      tough: "sturdy",
    },
    false,
  ),
  def(
    "elasticity",
    "physical",
    "Elasticity",
    ["elastic", "inelastic"],
    {
      stretchy: "elastic",
      springy: "elastic",
      stretchable: "elastic",
      "non-elastic": "inelastic",
      "not elastic": "inelastic",
      unstretchable: "inelastic",
    },
    false,
  ),
  def(
    "surface",
    "physical",
    "Surface",
    ["smooth", "rough", "textured", "sticky", "slippery"],
    {
      polished: "smooth",
      glossy: "smooth",
      sleek: "smooth",
      coarse: "rough",
      abrasive: "rough",
      ridged: "textured",
      grooved: "textured",
      knurled: "textured",
      bumpy: "textured",
      adhesive: "sticky",
      tacky: "sticky",
      slick: "slippery",
      oily: "slippery",
      greasy: "slippery",
    },
    true,
  ),
  def(
    "weight",
    "physical",
    "Weight",
    ["light", "medium", "heavy"],
    { lightweight: "light", featherweight: "light", moderate: "medium", "medium-weight": "medium", weighty: "heavy" },
    false,
  ),
  def(
    "sharpness",
    "physical",
    "Sharpness",
    ["sharp", "blunt"],
    { keen: "sharp", "razor-sharp": "sharp", edged: "sharp", dull: "blunt", rounded: "blunt", "not sharp": "blunt" },
    true,
  ),
  def(
    "visibility",
    "state",
    "Visibility",
    ["visible", "partially visible", "hidden"],
    {
      "partly visible": "partially visible",
      "partially-visible": "partially visible",
      "partially hidden": "partially visible",
      obscured: "partially visible",
      invisible: "hidden",
      concealed: "hidden",
      "not visible": "hidden",
    },
    true,
  ),
  def(
    "availability",
    "state",
    "Availability",
    ["free", "partially blocked", "blocked"],
    {
      available: "free",
      accessible: "free",
      unobstructed: "free",
      "partly blocked": "partially blocked",
      "partially-blocked": "partially blocked",
      obstructed: "blocked",
      inaccessible: "blocked",
      unavailable: "blocked",
    },
    true,
  ),
  def(
    "moisture",
    "state",
    "Moisture",
    ["dry", "damp", "wet"],
    { moist: "damp", "slightly wet": "damp", humid: "damp", soaked: "wet", soaking: "wet", drenched: "wet" },
    true,
  ),
  def(
    "temperature",
    "state",
    "Temperature",
    ["cold", "room", "warm", "hot"],
    {
      cool: "cold",
      chilled: "cold",
      frozen: "cold",
      "room temperature": "room",
      ambient: "room",
      lukewarm: "warm",
      heated: "hot",
      scalding: "hot",
    },
    false,
  ),
];

const BY_NAME: ReadonlyMap<string, AttributeDefinition> = new Map(ATTRIBUTES.map((a) => [a.name, a]));

/** Attribute names, in display order. */
export const ATTRIBUTE_NAMES: readonly string[] = ATTRIBUTES.map((a) => a.name);

/** Synonyms of attribute *names* that models commonly use (`texture` → `surface`). */
const NAME_SYNONYMS: Readonly<Record<string, string>> = {
  form: "shape",
  "local feature": "local_features",
  "local features": "local_features",
  features: "local_features",
  "local-features": "local_features",
  feature: "local_features",
  texture: "surface",
  finish: "surface",
  hardness: "rigidity",
  stiffness: "rigidity",
  flexibility: "rigidity",
  mass: "weight",
  heaviness: "weight",
  edge: "sharpness",
  wetness: "moisture",
  temp: "temperature",
  dimension: "size",
  dimensions: "size",
  strength: "durability",
  stretchiness: "elasticity",
  accessibility: "availability",
};

/** Lower-cases, trims, collapses whitespace and unifies `_`/spaces in a free-form vocabulary token. */
export function normalizeToken(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Maps a claimed attribute name to its canonical name, or null when it is not in the vocabulary. */
export function normalizeAttributeName(name: string): string | null {
  const token = normalizeToken(name);
  if (BY_NAME.has(token)) return token;
  const underscored = token.replace(/[\s-]+/g, "_");
  if (BY_NAME.has(underscored)) return underscored;
  return NAME_SYNONYMS[token] ?? null;
}

/** The definition of a canonical attribute name, or undefined. */
export function attributeDefinition(name: string): AttributeDefinition | undefined {
  return BY_NAME.get(name);
}

/**
 * Maps a value of attribute `name` (canonical name) to its canonical value.
 * Returns null when the value is not in the closed list and has no synonym; free-text attributes
 * (`local_features`) return the normalised text.
 */
export function normalizeAttributeValue(name: string, value: string): string | null {
  const attr = BY_NAME.get(name);
  if (!attr) return null;
  const token = normalizeToken(value);
  if (attr.values === null) return token.length > 0 ? token : null;
  if (attr.values.includes(token)) return token;
  const viaSynonym = attr.synonyms[token];
  if (viaSynonym) return viaSynonym;
  const dehyphenated = token.replace(/[-_]+/g, " ");
  if (attr.values.includes(dehyphenated)) return dehyphenated;
  return attr.synonyms[dehyphenated] ?? null;
}

/**
 * Whether two values of the same attribute are equivalent after normalisation (SPEC §2).
 * Free-text values compare as normalised strings.
 */
export function attributeValuesEquivalent(name: string, a: string, b: string): boolean {
  const canonicalName = normalizeAttributeName(name);
  if (!canonicalName) return normalizeToken(a) === normalizeToken(b);
  const na = normalizeAttributeValue(canonicalName, a) ?? normalizeToken(a);
  const nb = normalizeAttributeValue(canonicalName, b) ?? normalizeToken(b);
  return na === nb;
}
