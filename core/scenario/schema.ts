/**
 * The scenario format, schemaVersion 2 (SPEC §2) — the benchmark's public data format. Files of
 * schemaVersion 1 are read through `migrate.ts`: `scenarioSchema` accepts both and always yields the
 * schemaVersion 2 shape, so the rest of mmcb only ever sees version 2 (and saves write version 2).
 * Structural checks live here as zod schemas; checks that span fields (references, uniqueness,
 * vocabulary, geometry, image files) live in `validate.ts`.
 */
import { z } from "zod";
import { migrateScenario, v1ListIssues, SCENARIO_SCHEMA_VERSIONS } from "./migrate";

/** Scenario, entity and part ids: lower-case slugs. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9-]+$/, { message: "expected a slug of lower-case letters, digits and '-'" });

export type ScenarioId = string & { readonly __brand: "ScenarioId" };
export type EntityId = string & { readonly __brand: "EntityId" };
export type PartId = string & { readonly __brand: "PartId" };

const nonEmpty = z.string().trim().min(1, { message: "expected a non-empty string" });

/** A relative file name inside the scenario folder; never absolute, never escaping the folder. */
export const imageFileSchema = z
  .string()
  .min(1)
  .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._\-/]+\.(png|jpe?g|webp)$/i, {
    message: "expected a relative .png, .jpg or .webp file name inside the scenario folder",
  });

const coordinate = z.number().finite();

/** A box `[x, y, w, h]` in pixels (w, h > 0). */
export const boxSchema = z
  .tuple([coordinate, coordinate, coordinate, coordinate])
  .refine(([, , w, h]) => w > 0 && h > 0, { message: "box width and height must be > 0" });

/** A polygon of at least three `[x, y]` points, in pixels. */
export const polygonSchema = z.array(z.tuple([coordinate, coordinate])).min(3, {
  message: "a polygon needs at least 3 points",
});

/**
 * A region: `{ box: [x, y, w, h] }` or `{ polygon: [[x, y], …] }`. Entity regions are in scene pixels;
 * part regions are in the entity's view pixels when the entity has `view`, else in scene pixels.
 */
export const regionSchema = z.union([z.strictObject({ box: boxSchema }), z.strictObject({ polygon: polygonSchema })]);
export type Region = z.infer<typeof regionSchema>;

/**
 * An annotated attribute value: one value, or (schemaVersion 2) a non-empty list of distinct values that
 * are all true of the part (a broom handle is `["cylindrical", "elongated"]`). Members must be canonical
 * vocabulary values and distinct; `validate.ts` checks that against the vocabulary.
 */
export const attributeValueSchema = z.union([
  nonEmpty,
  z.array(nonEmpty).min(1, { message: "expected a non-empty list of values" }),
]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/** One annotated attribute of a part. `visual` marks what can be judged from the image. */
export const attributeSchema = z.strictObject({
  name: nonEmpty,
  value: attributeValueSchema,
  visual: z.boolean(),
});
export type Attribute = z.infer<typeof attributeSchema>;

/** The values of an annotated attribute as a list (a single value is a list of one). */
export function attributeValues(value: AttributeValue | readonly string[]): readonly string[] {
  return typeof value === "string" ? [value] : value;
}

/** The first listed value: what a solver that states one true value per attribute claims. */
export function firstAttributeValue(value: AttributeValue | readonly string[]): string {
  return attributeValues(value)[0]!;
}

/** An annotated value for people: a list reads `cylindrical, elongated`. */
export function formatAttributeValue(value: AttributeValue | readonly string[]): string {
  return typeof value === "string" ? value : value.join(", ");
}

/** A `{name, value}` pair as used by gold requirements and solver claims. */
export const attributeClaimSchema = z.strictObject({ name: nonEmpty, value: nonEmpty });
export type AttributeClaim = z.infer<typeof attributeClaimSchema>;

export const partSchema = z.strictObject({
  id: slugSchema,
  name: nonEmpty,
  region: regionSchema,
  view: imageFileSchema.optional(),
  description: z.string(),
  attributes: z.array(attributeSchema),
  affordances: z.array(nonEmpty),
});
export type Part = z.infer<typeof partSchema>;

export const entitySchema = z.strictObject({
  id: slugSchema,
  name: nonEmpty,
  region: regionSchema,
  view: imageFileSchema.optional(),
  description: z.string(),
  parts: z.array(partSchema).min(1, { message: "an entity needs at least one part" }),
});
export type Entity = z.infer<typeof entitySchema>;

export const ITEM_ROLES = ["recipient", "condition", "noise"] as const;
export const itemSchema = z.strictObject({
  name: nonEmpty,
  role: z.enum(ITEM_ROLES),
  description: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

export const goldSchema = z.strictObject({
  entity: slugSchema,
  part: slugSchema,
  affordance: nonEmpty,
  requiredAttributes: z.array(attributeClaimSchema),
  howTo: nonEmpty,
});
export type Gold = z.infer<typeof goldSchema>;

export const similarSchema = z.strictObject({
  entity: slugSchema,
  part: slugSchema,
  difficulty: z.number().int().min(1).max(5),
});
export type Similar = z.infer<typeof similarSchema>;

export const DISTRACTOR_TIERS = ["dissimilar", "mixed", "similar"] as const;
export type DistractorTier = (typeof DISTRACTOR_TIERS)[number];

/** Settings the bundled library uses; others are allowed (any slug-like word). */
export const KNOWN_SETTINGS = [
  "kitchen",
  "garage",
  "bathroom",
  "home_office",
  "dining_room",
  "garden",
  "bedroom",
  "living_room",
  "outdoors",
  "workshop",
] as const;

export const SOURCE_KINDS = ["authored", "generated", "rendered", "imported"] as const;

/** The document as stored in a file, schemaVersion 1 or 2 (before migration). */
export const scenarioFileSchema = z.strictObject({
  /** Optional pointer for editors, e.g. "../../schema/scenario.v2.schema.json"; ignored by mmcb. */
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSIONS),
  id: slugSchema,
  version: z.number().int().min(1),
  title: nonEmpty,
  setting: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: "expected a setting such as kitchen or home_office" }),
  task: nonEmpty,
  constraints: z.array(nonEmpty),
  distractorSimilarity: z.enum(DISTRACTOR_TIERS),
  scene: z.strictObject({
    image: imageFileSchema,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  entities: z.array(entitySchema).min(1, { message: "a scenario needs at least one entity" }),
  items: z.array(itemSchema).optional(),
  gold: z.array(goldSchema).min(1, { message: "a scenario needs at least one gold solution" }),
  similar: z.array(similarSchema).optional(),
  source: z.strictObject({
    kind: z.enum(SOURCE_KINDS),
    license: nonEmpty,
    attribution: z.string(),
  }),
});
/** A scenario file as written, of either schema version. */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/**
 * A scenario file of either version, checked and migrated: the output is always schemaVersion 2. A value
 * list in a schemaVersion 1 file is an issue at its path (lists came with version 2).
 */
export const scenarioSchema = scenarioFileSchema
  .superRefine((doc, ctx) => {
    for (const issue of v1ListIssues(doc)) ctx.addIssue({ code: "custom", ...issue });
  })
  .transform(migrateScenario);
/** A parsed, structurally valid scenario document (schemaVersion 2). */
export type Scenario = z.output<typeof scenarioSchema>;
