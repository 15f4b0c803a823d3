import { z } from "zod";

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
