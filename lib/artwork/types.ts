/**
 * Authoring types for generated scenarios: an object knowledge base (objects drawn from Fluent Emoji icons,
 * with parts located relative to the icon artwork) and declarative scenario specs that place objects in a
 * drawn setting. `buildScenario` turns a spec into a SPEC §2 scenario folder.
 */
import type { Attribute } from "@/core/scenario";
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
