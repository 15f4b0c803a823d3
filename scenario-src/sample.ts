/**
 * Seeded sampling of new scenario specs from the knowledge base, so users can grow the benchmark:
 * pick a need (`needs.ts`), a gold object with a part that has the need's affordance family and every
 * required attribute, then distractors by tier — `similar`: (almost) all have a part in the family that
 * falls short on some attribute; `mixed`: some do; `dissimilar`: none do. Objects found in the setting
 * are preferred. Pure and deterministic: the same seed, knowledge base and needs give the same specs.
 */
import { meetsRequirement, type AttributeClaim, type DistractorTier, type Similar } from "@/core/scenario";
import { createRng, deriveSeed, type Rng } from "@/core/random";
import type { NeedDef } from "./needs";
import type { Backdrop, EntitySpec, GoldSpec, ScenarioSpec } from "./spec";
import type { KbObject, KbPart } from "./uses";

export interface SampleOptions {
  readonly seed: number;
  readonly count: number;
  /** Force a tier; by default tiers follow the paper's proportions (about 14 % / 21 % / 65 %). */
  readonly tier?: DistractorTier;
  /** Force a setting; only needs that can happen there are used. */
  readonly setting?: Backdrop;
}

/** Where objects are found (object id → settings). */
export type FoundIn = Readonly<Record<string, readonly Backdrop[]>>;

/** How one object relates to a need. */
export interface NeedFit {
  /** Parts with the family and every required attribute. */
  readonly gold: readonly KbPart[];
  /** Parts with the family that miss at least one required attribute, with how many they miss. */
  readonly similar: readonly { readonly part: KbPart; readonly missing: number }[];
}

/** Tier weights: the paper's 46 / 71 / 216 of 333. */
const TIER_WEIGHTS: readonly (readonly [DistractorTier, number])[] = [
  ["dissimilar", 46],
  ["mixed", 71],
  ["similar", 216],
];

const MIN_ENTITIES = 5;
const MAX_ENTITIES = 7;

function satisfies(part: KbPart, claim: AttributeClaim): boolean {
  return meetsRequirement(part, claim);
}

/** Which parts of `object` could serve `need`, and which only look as if they could. */
export function needFit(object: KbObject, need: NeedDef): NeedFit {
  const gold: KbPart[] = [];
  const similar: { part: KbPart; missing: number }[] = [];
  for (const part of object.parts) {
    if (!part.uses.includes(need.use)) continue;
    const missing = need.requires.filter((c) => !satisfies(part, c)).length;
    if (missing === 0) gold.push(part);
    else similar.push({ part, missing });
  }
  return { gold, similar };
}

function pickTier(rng: Rng): DistractorTier {
  const total = TIER_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [tier, w] of TIER_WEIGHTS) {
    r -= w;
    if (r < 0) return tier;
  }
  return "similar";
}

/** Objects shuffled, those found in `setting` first. */
function preferSetting(rng: Rng, objects: readonly KbObject[], setting: Backdrop, found: FoundIn): KbObject[] {
  const here = objects.filter((o) => found[o.id]?.includes(setting));
  const elsewhere = objects.filter((o) => !found[o.id]?.includes(setting));
  return [...rng.shuffle(here), ...rng.shuffle(elsewhere)];
}

/** How many affordance-similar distractors a tier takes out of `k` distractors, or null if impossible. */
function similarCount(
  rng: Rng,
  tier: DistractorTier,
  k: number,
  similarAvail: number,
  otherAvail: number,
): number | null {
  const fits = (s: number) => s <= similarAvail && k - s <= otherAvail;
  if (tier === "dissimilar") return fits(0) ? 0 : null;
  if (tier === "mixed") {
    const options = [...Array(k - 1).keys()].map((i) => i + 1).filter(fits);
    return options.length > 0 ? rng.pick(options) : null;
  }
  for (const s of [k, k - 1]) if (s >= 2 && fits(s)) return s;
  return null;
}

/** Plan positions (`EntitySpec.at`) for `n` entities: a back row and a front row on the setting's surface. */
function layout(n: number): { at: readonly [number, number] }[] {
  const back = Math.ceil(n / 2);
  const front = n - back;
  const row = (count: number, y: number, spacing: number) =>
    [...Array(count).keys()].map((i) => ({ at: [Math.round(800 + (i - (count - 1) / 2) * spacing), y] as const }));
  return [...row(back, 600, 360), ...row(front, 815, 360)];
}

function fill(template: string, part: KbPart, object: KbObject): string {
  return template.replaceAll("{part}", part.name).replaceAll("{object}", object.name);
}

/**
 * Tries to sample one scenario for `need` in `setting` at `tier`; null when the knowledge base cannot
 * supply the distractors that tier needs.
 */
function sampleOne(
  rng: Rng,
  id: string,
  need: NeedDef,
  setting: Backdrop,
  tier: DistractorTier,
  objects: readonly KbObject[],
  found: FoundIn,
): ScenarioSpec | null {
  const usable = objects.filter((o) => !need.absent.includes(o.id));
  const fits = new Map(usable.map((o) => [o.id, needFit(o, need)]));
  const ordered = preferSetting(rng, usable, setting, found);
  const goldPool = ordered.filter((o) => fits.get(o.id)!.gold.length > 0);
  const similarPool = ordered.filter((o) => fits.get(o.id)!.gold.length === 0 && fits.get(o.id)!.similar.length > 0);
  const otherPool = ordered.filter((o) => fits.get(o.id)!.gold.length === 0 && fits.get(o.id)!.similar.length === 0);
  if (goldPool.length === 0) return null;
  const goldObject = goldPool[0]!;
  const n = MIN_ENTITIES + rng.int(MAX_ENTITIES - MIN_ENTITIES + 1);
  const nSimilar = similarCount(rng, tier, n - 1, similarPool.length, otherPool.length);
  if (nSimilar === null) return null;
  const chosen = rng.shuffle([goldObject, ...similarPool.slice(0, nSimilar), ...otherPool.slice(0, n - 1 - nSimilar)]);

  const fit = fits.get(goldObject.id)!;
  const primary = rng.pick(fit.gold);
  const gold: GoldSpec[] = fit.gold.map((part) => ({
    entity: goldObject.id,
    part: part.id,
    affordance: need.affordance,
    requiredAttributes: need.requires.map((c) => ({ ...c })),
    howTo: fill(need.howTo, part, goldObject),
  }));
  const similar: Similar[] = chosen.flatMap((o) =>
    fits.get(o.id)!.similar.map(({ part, missing }) => ({
      entity: o.id,
      part: part.id,
      difficulty: Math.min(5, 1 + missing),
    })),
  );
  const similarView = similar.find((s) => s.entity !== goldObject.id);
  const slots = layout(chosen.length);
  const entities: EntitySpec[] = chosen.map((o, i) => {
    const partViews = [
      ...(o.id === goldObject.id ? [primary.id] : []),
      ...(similarView && o.id === similarView.entity ? [similarView.part] : []),
    ];
    return { object: o.id, ...slots[i]!, ...(partViews.length > 0 ? { partViews } : {}) };
  });
  return {
    id,
    version: 1,
    title: need.title,
    setting,
    task: rng.pick(need.tasks),
    constraints: [...need.constraints],
    distractorSimilarity: tier,
    entities,
    items: need.items.map((i) => ({ ...i })),
    gold,
    similar,
  };
}

/**
 * `count` scenario specs sampled with `seed`. Ids are `sampled-<seed>-<nn>-<need>`. Throws when the
 * options leave nothing to sample (e.g. a setting no need happens in).
 */
export function sampleScenarioSpecs(
  objects: readonly KbObject[],
  needs: readonly NeedDef[],
  found: FoundIn,
  options: SampleOptions,
): ScenarioSpec[] {
  const candidates = options.setting ? needs.filter((n) => n.settings.includes(options.setting!)) : needs;
  if (candidates.length === 0) throw new Error(`no need happens in setting "${options.setting}"`);
  const specs: ScenarioSpec[] = [];
  for (let i = 0; i < options.count; i++) {
    const rng = createRng(deriveSeed("mmcb-sample", options.seed, i));
    const tier = options.tier ?? pickTier(rng);
    const index = String(i + 1).padStart(2, "0");
    let spec: ScenarioSpec | null = null;
    for (const need of rng.shuffle(candidates)) {
      const setting = options.setting ?? rng.pick(need.settings);
      spec = sampleOne(rng, `sampled-${options.seed}-${index}-${need.id}`, need, setting, tier, objects, found);
      if (spec) break;
    }
    if (!spec)
      throw new Error(`no need can be sampled at tier "${tier}"${options.setting ? ` in ${options.setting}` : ""}`);
    specs.push(spec);
  }
  return specs;
}
