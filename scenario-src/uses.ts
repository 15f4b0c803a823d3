/**
 * Affordance families: the closed set of things a part can plausibly be *tried* for. A part's `uses` lists
 * its families; two parts that share a family are affordance-similar (the `similar[]` relation of SPEC §2).
 * Whether a part actually does the job is decided by its attributes against a need's required attributes
 * (`needs.ts`). Not written into scenario files; it drives spec checks and the seeded sampler.
 */
import type { ObjectDef, PartDef, ScenarioSpec } from "./spec";

export const USES = {
  pry: "lever or prise something open or up",
  "turn-screw": "turn a screw by its slot",
  cut: "cut through tape, string, fabric or food",
  pierce: "poke a small hole or press into a tiny opening with a fine point",
  extract: "pull out a splinter, a hair or a small stuck thing",
  reach: "extend your reach to something high, far or deep",
  hook: "hook something and pull it, or hang something up",
  strike: "hit something hard, like a hammer",
  scoop: "scoop up or carry a small amount of loose stuff",
  "hold-liquid": "hold or carry water or another liquid",
  absorb: "soak up liquid",
  scrape: "scrape something off a surface",
  "weigh-down": "hold something down with weight",
  wedge: "wedge something in place, stop it moving or level it",
  tie: "tie, bind, lash or hang something with a cord",
  cushion: "pad or protect something from knocks",
  reflect: "reflect light to see or to signal",
  "focus-light": "focus sunlight to a hot spot",
  lubricate: "make a stiff thing slide more easily",
  stick: "stick something in place or pick up with stickiness",
  grip: "get a non-slip grip on something smooth",
  insulate: "protect hands from heat, cold or sharp things",
  cover: "cover or trap something",
  spread: "spread or smooth a soft substance",
  stir: "stir a liquid or a mixture",
  crush: "crush or press something flat",
  "straight-edge": "guide a straight line or measure",
  fan: "fan air or waft smoke",
  swat: "swat or flick something away",
  roll: "roll something flat or roll a load along",
  noise: "make a loud noise to get attention",
  carry: "carry several things at once",
  dig: "dig or loosen soil",
  "press-button": "press a small or recessed button",
  attract: "pick up small steel things by magnetism",
  heat: "warm or heat something",
  cool: "cool something down",
  spray: "squirt water at a distance",
  clamp: "hold things pressed together",
} as const;

/** One affordance family. */
export type Use = keyof typeof USES;

/** Every family name. */
export const USE_NAMES = Object.keys(USES) as Use[];

/** A part of the knowledge base plus the affordance families it can be tried for. */
export interface KbPart extends PartDef {
  readonly uses: readonly Use[];
}

/** An object of the knowledge base. */
export interface KbObject extends ObjectDef {
  readonly parts: readonly KbPart[];
}

/**
 * A hand-written scenario spec with the affordance family its task calls for: every gold part has it,
 * every `similar` part shares it, and no other part of a distractor has it (checked by
 * `scenario-src/scenarios.test.ts`).
 */
export interface AuthoredSpec extends ScenarioSpec {
  readonly use: Use;
}
