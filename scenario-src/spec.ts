/**
 * Declarative scenario specs — which objects of the knowledge base (`objects*.ts`) stand in which setting, the
 * task, the gold answers and the affordance-similar distractors — and the shape of that knowledge base.
 * `scripts/render-scenarios.ts` renders a spec from 3D into a SPEC §2 scenario folder
 * (`render3d/node/scenario.ts`).
 */
import type { Attribute, AttributeClaim, DistractorTier, Item, Similar } from "@/core/scenario";

/** A part of a knowledge-base object: the 3D model of the object has a mesh (or several) named by `id`. */
export interface PartDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly Attribute[];
  /** Ordinary use first, then unusual (emergency) uses. */
  readonly affordances: readonly string[];
}

/** An object of the knowledge base; `id` is also the id of its 3D model (`render3d/model/registry.ts`). */
export interface ObjectDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly parts: readonly PartDef[];
}

/** The settings a scenario can be set in (the renderer has a surface and backdrop for each). */
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

/** A candidate entity of a scenario: an object of the knowledge base placed in the scene. */
export interface EntitySpec {
  readonly object: string;
  /**
   * Where the entity stands in the spec's plan of the scene (x to the right, y towards the camera, in the old 2D
   * scene's 1600 × 1000 pixels): the renderer's layout (`render3d/node/scenario.ts` `layout`) groups entities into
   * rows by y, back to front, and orders each row by x; the models themselves stand at true scale.
   */
  readonly at: readonly [number, number];
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

export interface GoldSpec {
  readonly entity: string;
  readonly part: string;
  readonly affordance: string;
  readonly requiredAttributes: readonly AttributeClaim[];
  readonly howTo: string;
}

/** A declarative scenario: everything needed to make `scenarios/<id>/`. */
export interface ScenarioSpec {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly setting: Backdrop;
  readonly task: string;
  readonly constraints: readonly string[];
  readonly distractorSimilarity: DistractorTier;
  readonly entities: readonly EntitySpec[];
  readonly items: readonly Item[];
  readonly gold: readonly GoldSpec[];
  readonly similar: readonly Similar[];
}
