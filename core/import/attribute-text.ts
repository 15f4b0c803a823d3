/**
 * Reading attribute values out of CreativityBench text into the mmcb vocabulary (SPEC §2).
 *
 * Two sources, both conservative — a value is kept only when the text names it unambiguously, and it is
 * always one of the vocabulary's canonical values (free text only for `local_features`):
 * - annotation entries such as `["thickness: thin", "physical", "visual"]` (gold affordances) or
 *   `["<reason>", "rigidity: semi-rigid; elasticity: springy"]` (judge outputs);
 * - a part's own prose (`physical — A light, rigid …; state — Visible and freely accessible; dry …`), read with
 *   a short list of cue phrases per attribute.
 * Pure: no I/O.
 */
import {
  ATTRIBUTES,
  attributeDefinition,
  normalizeAttributeName,
  normalizeAttributeValue,
  normalizeToken,
} from "../scenario/vocabulary";
import { trimTrailing } from "./text-scan";

/** One attribute read from text. `visual` is null when the source does not say (use the vocabulary default). */
export interface TextAttribute {
  readonly name: string;
  readonly value: string;
  readonly visual: boolean | null;
}

/** A cue: a regular-expression source (matched case-insensitively, on word boundaries) and the canonical value it names; null only masks the text. */
type Cue = readonly [source: string, value: string | null];

/** Graded phrases the vocabulary does not list but whose bucket is clear. */
const GRADED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  temperature: { "slightly hot": "warm", "slightly warm": "warm", "slightly cold": "cold", "slightly cool": "cold" },
  moisture: { "slightly damp": "damp", "slightly moist": "damp" },
};

const INTENSIFIER = /^(?:very|highly|extremely|quite|fairly|fully|completely|relatively|mostly|generally|slightly)\s+/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Hit {
  readonly index: number;
  readonly length: number;
  readonly value: string | null;
}

const cueExpressions = new Map<string, RegExp>();

/** The word-bounded expression of a cue, compiled once (parts are read by the thousand in a large file). */
function cueExpression(source: string): RegExp {
  let re = cueExpressions.get(source);
  if (!re) cueExpressions.set(source, (re = new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z0-9])`, "gi")));
  return re;
}

/** Leftmost-longest, non-overlapping matches of `cues` in `text`, in text order. */
function findCues(text: string, cues: readonly Cue[]): Hit[] {
  const all: Hit[] = [];
  for (const [source, value] of cues) {
    for (const m of text.matchAll(cueExpression(source))) all.push({ index: m.index, length: m[0].length, value });
  }
  all.sort((a, b) => a.index - b.index || b.length - a.length);
  const hits: Hit[] = [];
  let end = 0;
  for (const hit of all) {
    if (hit.index < end) continue;
    hits.push(hit);
    end = hit.index + hit.length;
  }
  return hits;
}

/** The vocabulary's own terms for one attribute (canonical values, synonyms, graded phrases) as cues. */
function vocabularyCues(name: string): Cue[] {
  const def = attributeDefinition(name);
  if (!def || def.values === null) return [];
  const term = (t: string) => escapeRegExp(t).replace(/(?:\\-|[\s-])+/g, "[\\s-]+");
  return [
    ...def.values.map((v): Cue => [term(v), v]),
    ...Object.entries(def.synonyms).map(([s, v]): Cue => [term(s), v]),
    ...Object.entries(GRADED[name] ?? {}).map(([s, v]): Cue => [term(s), v]),
  ];
}

/** Maps a whole phrase to a canonical value of `name` without searching inside it; null if it does not map. */
function exactValue(name: string, raw: string): string | null {
  const token = trimTrailing(normalizeToken(raw), ".;,");
  const direct = normalizeAttributeValue(name, token);
  if (direct !== null) return direct;
  const graded = GRADED[name]?.[token];
  if (graded) return graded;
  const stripped = token.replace(INTENSIFIER, "");
  return stripped !== token ? normalizeAttributeValue(name, stripped) : null;
}

/**
 * Maps a value written for attribute `name` (canonical) to its canonical value: the whole phrase first
 * (`very rigid` → `rigid`, `slightly wet` → `damp`), else the vocabulary terms found inside it when they all
 * agree (`smooth, glossy, transparent` → `smooth`; `smooth-to-fine textured` → null). `local_features` keeps the
 * cleaned text. Null when nothing maps or the phrase is ambiguous.
 */
export function canonicalValueIn(name: string, raw: string): string | null {
  const def = attributeDefinition(name);
  if (!def) return null;
  if (def.values === null) {
    const text = trimTrailing(raw.trim().replace(/\s+/g, " "), ".;,");
    return text.length > 0 && !/^n\/?a$/i.test(text) ? text : null;
  }
  const exact = exactValue(name, raw);
  if (exact !== null) return exact;
  const found = new Set(findCues(raw, vocabularyCues(name)).flatMap((h) => (h.value ? [h.value] : [])));
  return found.size === 1 ? [...found][0]! : null;
}

/** A bare value (`dry`, `very light`, `non-elastic`) that belongs to exactly one attribute. */
function bareValue(raw: string): { name: string; value: string } | null {
  const matches = ATTRIBUTES.filter((a) => a.values !== null).flatMap((a) => {
    const value = exactValue(a.name, raw);
    return value === null ? [] : [{ name: a.name, value }];
  });
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * `name: value` split at the first colon, as `/^([a-z][a-z _/-]*?)\s*:\s*(.+)$/i` would (a lazy name before `\s*:`
 * is quadratic on long runs of spaces); null when the segment is not of that form.
 */
function colonPair(segment: string): { name: string; value: string } | null {
  const colon = segment.indexOf(":");
  if (colon < 0) return null;
  const name = segment.slice(0, colon).trimEnd();
  const value = segment.slice(colon + 1).trimStart();
  if (!/^[a-z][a-z _/-]*$/i.test(name) || !value || /[\n\r\u2028\u2029]/.test(value)) return null;
  return { name, value };
}

/** `name: value`, `name is value` or `name value` with a vocabulary attribute name; null otherwise. */
function namedPair(segment: string): { name: string; value: string } | null {
  const colon = colonPair(segment);
  if (colon) {
    const name = normalizeAttributeName(colon.name);
    return name ? { name, value: colon.value } : null;
  }
  const words = segment.split(/\s+/);
  for (const take of [2, 1]) {
    if (words.length <= take) continue;
    const name = normalizeAttributeName(words.slice(0, take).join(" "));
    if (!name) continue;
    const rest = words
      .slice(take)
      .join(" ")
      .replace(/^(?:is|are|=)\s+/i, "");
    return { name, value: rest };
  }
  return null;
}

/**
 * Reads `{name, value}` pairs from an annotation string such as `visibility: visible; availability: free`,
 * `state: moisture is dry`, `physical: very light, thin, non-elastic` or `thickness: thin`. Pairs whose value
 * does not map to the vocabulary are left out.
 */
export function attributesInText(text: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const rawSegment of text.split(";")) {
    const segment = rawSegment
      .trim()
      .replace(/^(?:physical|state)\s*:\s*/i, "")
      .trim();
    if (!segment) continue;
    const pair = namedPair(segment);
    if (pair) {
      const value = canonicalValueIn(pair.name, pair.value);
      if (value !== null) out.push({ name: pair.name, value });
      continue;
    }
    for (const piece of segment.split(/,|\band\b/)) {
      const bare = piece.trim() ? bareValue(piece) : null;
      if (bare) out.push(bare);
    }
  }
  return out;
}

const TAGS = new Set(["physical", "state", "visual", "text", "non-visual", "nonvisual"]);

/**
 * Reads one annotation entry. CreativityBench writes gold-affordance attributes as
 * `["name: value", "physical"|"state", "visual"?]` (tagged: `visual` present ⇒ true, absent ⇒ false) and
 * judge-output attributes as `["<reason>", "name: value; name: value"]` (untagged: visual unknown).
 */
export function attributesInEntry(entry: unknown): TextAttribute[] {
  const strings =
    typeof entry === "string"
      ? [entry]
      : Array.isArray(entry)
        ? entry.filter((x): x is string => typeof x === "string")
        : [];
  const tags = strings.map((s) => s.trim().toLowerCase()).filter((s) => TAGS.has(s));
  const tagged = tags.length > 0;
  const visual = tagged ? tags.includes("visual") : null;
  // In untagged pairs the first string is the judge's reason (prose); the annotation is the `name: value` text.
  const texts = strings.filter((s) => !TAGS.has(s.trim().toLowerCase()));
  return (tagged || texts.length < 2 ? texts : texts.filter((s) => s.includes(":")))
    .flatMap((s) => attributesInText(s))
    .map((a) => ({ ...a, visual }));
}

/**
 * Merges attribute lists from one source: a name given two different values is ambiguous and dropped
 * (reported in `conflicts`); repeats of the same value collapse (a known `visual` wins over null).
 */
export function mergeSameSource(list: readonly TextAttribute[]): { attributes: TextAttribute[]; conflicts: string[] } {
  const byName = new Map<string, TextAttribute>();
  const conflicted = new Set<string>();
  for (const attr of list) {
    const seen = byName.get(attr.name);
    if (!seen) byName.set(attr.name, attr);
    else if (seen.value !== attr.value) conflicted.add(attr.name);
    else if (seen.visual === null && attr.visual !== null) byName.set(attr.name, attr);
  }
  const conflicts = [...conflicted].map(
    (n) =>
      `${n} (${list
        .filter((a) => a.name === n)
        .map((a) => a.value)
        .filter((v, i, all) => all.indexOf(v) === i)
        .join(" vs ")})`,
  );
  return { attributes: [...byName.values()].filter((a) => !conflicted.has(a.name)), conflicts };
}

// Cue phrases for the prose of a part description. Only attributes that the prose states reliably are read:
// shape, size, material and sharpness are left out (multi-material parts, shapes of sub-features).
const LIGHT_NOT_WEIGHT =
  "bulbs?|sources?|fixtures?|pressure|cleaning|films?|touch|duty|colou?red|gr[ae]y|blue|brown|green|wiping|contact|use";
const PHYSICAL_CUES: Readonly<Record<string, readonly Cue[]>> = {
  weight: [
    [`lightweight|light(?![\\s-]+(?:${LIGHT_NOT_WEIGHT})(?![a-z]))(?!-)`, "light"],
    ["(?:moderate(?:ly)?|medium)[\\s-]+weight(?:ed)?|moderate[\\s-]+mass", "medium"],
    ["heavy(?![\\s-]+(?:loads?|loading|duty|use|grease|residue|wear)(?![a-z]))", "heavy"],
  ],
  thickness: [
    ["thin", "thin"],
    ["(?:medium|moderate|mid)[\\s-]+thick(?:ness)?", "medium"],
    ["thick", "thick"],
  ],
  rigidity: [
    ["semi[\\s-]?rigid", "semi-rigid"],
    ["rigid|stiff", "rigid"],
    ["flexible|pliable|bendable", "flexible"],
    ["soft[\\s-]+(?:touch|grip|close)", null],
    ["soft", "soft"],
  ],
  durability: [
    ["sturdy|durable|robust", "sturdy"],
    ["fragile|brittle|delicate", "fragile"],
  ],
  elasticity: [
    ["non[\\s-]?elastic|inelastic|not elastic", "inelastic"],
    ["elastic|stretchable|stretchy", "elastic"],
  ],
  surface: [
    ["smooth|polished|glossy", "smooth"],
    ["rough|abrasive|coarse", "rough"],
    ["textured|grooved|knurled|ridged", "textured"],
    ["slippery|slick", "slippery"],
    ["sticky|tacky", "sticky"],
  ],
};

const STATE_CUES: Readonly<Record<string, readonly Cue[]>> = {
  visibility: [
    ["partially visible|partly visible|partially hidden|partially obscured", "partially visible"],
    ["hidden|concealed|not visible|invisible", "hidden"],
    ["visible", "visible"],
  ],
  availability: [
    ["partially blocked|partly blocked|partially obstructed|partially accessible", "partially blocked"],
    ["blocked|inaccessible|not accessible|obstructed", "blocked"],
    ["[a-z]+-free", null],
    ["freely accessible|accessible|free|freely|available", "free"],
  ],
  moisture: [
    ["dry", "dry"],
    ["slightly wet|slightly damp|damp|moist|humid", "damp"],
    ["wet|soaked|soaking|drenched", "wet"],
  ],
  temperature: [
    ["room temperature|ambient", "room"],
    ["slightly (?:hot|warm)|warm|warmed|lukewarm", "warm"],
    ["slightly (?:cold|cool)|cold|cool|chilled|frozen", "cold"],
    ["hot", "hot"],
  ],
};

/** Every cue, for tests: each value must be canonical in the vocabulary. */
export const PROSE_CUES: Readonly<Record<string, readonly Cue[]>> = { ...PHYSICAL_CUES, ...STATE_CUES };

/**
 * Attributes a part's own description states. The physical text is read whole and an attribute is kept only
 * when every cue for it agrees (`flexible leads … rigid` → no rigidity). The state text follows
 * CreativityBench's template (visibility and availability, then moisture and temperature), so its first cue
 * per attribute decides (`Partially visible (canopy visible, bracket hidden)` → partially visible).
 */
export function attributesInProse(physical: string, state: string): TextAttribute[] {
  const out: TextAttribute[] = [];
  for (const [name, cues] of Object.entries(PHYSICAL_CUES)) {
    const values = new Set(findCues(physical, cues).flatMap((h) => (h.value ? [h.value] : [])));
    if (values.size === 1) out.push({ name, value: [...values][0]!, visual: null });
  }
  for (const [name, cues] of Object.entries(STATE_CUES)) {
    const first = findCues(state, cues).find((h) => h.value !== null);
    if (first?.value) out.push({ name, value: first.value, visual: null });
  }
  return out;
}
