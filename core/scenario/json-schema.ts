/** The scenario format as JSON Schema (draft 2020-12), generated from the zod schema — never hand-edited. */
import { z } from "zod";
import { ATTRIBUTES } from "./vocabulary";
import { scenarioFileSchema } from "./schema";

/** The JSON Schema document for scenario.json, with the vocabulary's names and values as hints. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const base = z.toJSONSchema(scenarioFileSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return {
    title: "mmcb scenario (schemaVersion 2; version 1 files are read too)",
    description:
      "An MM-CreativityBench scenario: a scene image, a first-person task, candidate entities with parts, attributes and affordances, and gold solutions. An attribute value is one canonical value or (schemaVersion 2 only) a non-empty list of distinct canonical values that are all true of the part. Cross-field rules (references, regions inside images, vocabulary, distinct list members, gold parts meeting their own requirements, lists only in version 2) are checked by `mmcb scenarios validate`.",
    ...base,
    "x-mmcb-vocabulary": Object.fromEntries(
      ATTRIBUTES.map((a) => [a.name, { kind: a.kind, values: a.values, synonyms: a.synonyms }]),
    ),
  };
}
