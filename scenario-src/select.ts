/**
 * Which specs `scripts/render-scenarios.ts` renders, and into which folder: the bundled specs (all of them, or
 * the `--only` ids) into `scenarios/`, or `--sample <n> --seed <s>` new specs drawn by the seeded sampler
 * (`sample.ts`, optionally at one `--tier` or in one `--setting`) into `data/sampled/`. The sampler only draws
 * objects that have a 3D model. Every refused combination of flags is one sentence.
 */
import { z } from "zod";
import { DISTRACTOR_TIERS } from "@/core/scenario";
import { MODELS } from "@/render3d/model/registry";
import { FOUND_IN } from "./found";
import { NEEDS } from "./needs";
import { allObjects } from "./objects";
import { sampleScenarioSpecs } from "./sample";
import { SCENARIO_SPECS } from "./scenarios";
import { BACKDROPS, type ScenarioSpec } from "./spec";
import type { KbObject } from "./uses";

/** The flags as `node:util` `parseArgs` gives them (strings; `only` repeated). */
export interface RawSelectionFlags {
  readonly only?: readonly string[];
  readonly out?: string;
  readonly sample?: string;
  readonly seed?: string;
  readonly tier?: string;
  readonly setting?: string;
}

/** A whole number from `min` to `max`, given as text. */
const wholeNumber = (min: number, max: number) => {
  const error = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const flagsSchema = z.object({
  only: z.array(z.string()).optional(),
  out: z.string().min(1, { error: "expected a folder" }).optional(),
  sample: wholeNumber(1, 10_000).optional(),
  seed: wholeNumber(0, 0xffffffff).optional(),
  tier: z.enum(DISTRACTOR_TIERS).optional(),
  setting: z.enum(BACKDROPS).optional(),
});

export interface Selection {
  readonly specs: readonly ScenarioSpec[];
  /** The folder the scenario folders are written into. */
  readonly out: string;
  /** Whether the specs were sampled (else they are bundled ones). */
  readonly sampled: boolean;
}

/** Knowledge-base objects the sampler may draw: those with a 3D model (`render3d/model/registry.ts`). */
export function sampleableObjects(): readonly KbObject[] {
  return allObjects().filter((o) => Object.hasOwn(MODELS, o.id));
}

/** The specs and output folder the flags select; throws an Error with one sentence on a bad combination. */
export function selectSpecs(raw: RawSelectionFlags): Selection {
  const parsed = flagsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`--${issue.path.join(".")}: ${issue.message}`);
  }
  const flags = parsed.data;
  if (flags.sample !== undefined) {
    if (flags.seed === undefined) throw new Error("--sample needs --seed <integer>");
    if (flags.only) throw new Error("--only selects bundled scenarios; it cannot be combined with --sample");
    const specs = sampleScenarioSpecs(sampleableObjects(), NEEDS, FOUND_IN, {
      seed: flags.seed,
      count: flags.sample,
      ...(flags.tier ? { tier: flags.tier } : {}),
      ...(flags.setting ? { setting: flags.setting } : {}),
    });
    return { specs, out: flags.out ?? "data/sampled", sampled: true };
  }
  if (flags.seed !== undefined || flags.tier || flags.setting)
    throw new Error("--seed, --tier and --setting need --sample");
  const only = flags.only ?? [];
  const unknown = only.filter((id) => !SCENARIO_SPECS.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`--only: no bundled scenario ${unknown.map((id) => `"${id}"`).join(", ")}`);
  const specs = only.length > 0 ? SCENARIO_SPECS.filter((s) => only.includes(s.id)) : SCENARIO_SPECS;
  return { specs, out: flags.out ?? "scenarios", sampled: false };
}
