import { z } from "zod";
import type { Observation } from "../engine/types";
import { findEntity, type Entity, type Part, type Scenario } from "../scenario";

export const entityIdArg = z
  .string()
  .min(1)
  .describe('Id of a candidate entity, exactly as listed in the scene (e.g. "coin").');
export const partIdArg = z
  .string()
  .min(1)
  .describe("Id of a part of that entity, exactly as listed when the entity was inspected.");
export const attributeClaimsArg = z
  .array(
    z
      .object({
        name: z
          .string()
          .min(1)
          .describe(
            "Attribute name: shape, size, thickness, local_features, material, rigidity, durability, elasticity, surface, weight, sharpness, visibility, availability, moisture or temperature.",
          ),
        value: z.string().min(1).describe("The value you observe, e.g. thin, metal, rigid, flat."),
      })
      .strict(),
  )
  .describe("Attribute claims about this part, each {name, value}.");

/** The candidate entity ids, for error sentences. */
export function entityList(scenario: Scenario): string {
  return scenario.entities.map((e) => e.id).join(", ");
}

/** The entity, or the error sentence for an id that names none. */
export function entityOrError(scenario: Scenario, entityId: string): { entity: Entity } | { error: string } {
  const entity = findEntity(scenario, entityId);
  if (entity) return { entity };
  return { error: `there is no entity "${entityId}"; candidate entities: ${entityList(scenario)}` };
}

/** The entity and its part, or the error sentence for the first id that names nothing. */
export function partOrError(
  scenario: Scenario,
  entityId: string,
  partId: string,
): { entity: Entity; part: Part } | { error: string } {
  const found = entityOrError(scenario, entityId);
  if ("error" in found) return found;
  const part = found.entity.parts.find((p) => p.id === partId);
  if (part) return { entity: found.entity, part };
  return {
    error: `entity "${found.entity.id}" has no part "${partId}"; its parts: ${found.entity.parts.map((p) => p.id).join(", ")}`,
  };
}

/** A text-only observation. */
export const textObservation = (text: string): Observation => ({ text, images: [] });
