/**
 * Authoring types for generated scenarios: an object knowledge base (objects drawn from Fluent Emoji icons,
 * with parts located relative to the icon artwork) and declarative scenario specs that place objects in a
 * drawn setting. `buildScenario` turns a spec into a SPEC §2 scenario folder.
 */
import type { Attribute, AttributeClaim, DistractorTier, Item, Similar } from "@/core/scenario";
import type { RelRegion } from "./geometry";

/** A part of an object; `region` is in fractions of the icon box and must cover that part of the drawing. */
export interface PartDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly region: RelRegion;
  readonly attributes: readonly Attribute[];
  /** Ordinary use first, then unusual (emergency) uses. */
  readonly affordances: readonly string[];
}

/** An object of the knowledge base, drawn with one Fluent Emoji icon. */
export interface ObjectDef {
  readonly id: string;
  readonly name: string;
  /** Fluent Emoji icon name, e.g. `key`. */
  readonly icon: string;
  readonly description: string;
  readonly parts: readonly PartDef[];
}

/** Settings that have a drawn backdrop. */
export const BACKDROPS = [
  "kitchen",
  "garage",
  "garden",
  "bathroom",
  "home_office",
  "living_room",
  "dining_room",
  "bedroom",
  "outdoors",
  "workshop",
] as const;
export type Backdrop = (typeof BACKDROPS)[number];

/** Custom-drawn props (things no icon shows well). */
export const PROPS = ["paint-tin"] as const;
export type PropName = (typeof PROPS)[number];

/** Where an object sits in the scene: icon-box centre (scene px) and icon-box side (px). */
export interface ScenePosition {
  readonly at: readonly [number, number];
  readonly size: number;
  /** Draw a soft contact shadow under the object (default true). */
  readonly shadow?: boolean;
}

/** A candidate entity of a scenario: an object of the knowledge base placed in the scene. */
export interface EntitySpec extends ScenePosition {
  readonly object: string;
  /** Entity id (default: the object id). */
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  /** Give the entity its own view image (default true). Without it, part regions are in scene pixels. */
  readonly view?: boolean;
  /** Part ids that get an explicit zoom-in view image. */
  readonly partViews?: readonly string[];
  /** Extra or overriding attributes per part id (state: visibility, availability, moisture, temperature). */
  readonly state?: Readonly<Record<string, readonly Attribute[]>>;
}

/** Something drawn in the scene that is not a candidate: an icon or a custom prop. */
export type DecorSpec = ScenePosition & ({ readonly icon: string } | { readonly prop: PropName });

export interface GoldSpec {
  readonly entity: string;
  readonly part: string;
  readonly affordance: string;
  readonly requiredAttributes: readonly AttributeClaim[];
  readonly howTo: string;
}

/** A declarative scenario: everything needed to generate `scenarios/<id>/`. */
export interface ScenarioSpec {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly setting: Backdrop;
  readonly task: string;
  readonly constraints: readonly string[];
  readonly distractorSimilarity: DistractorTier;
  readonly entities: readonly EntitySpec[];
  readonly decor?: readonly DecorSpec[];
  readonly items: readonly Item[];
  readonly gold: readonly GoldSpec[];
  readonly similar: readonly Similar[];
}
