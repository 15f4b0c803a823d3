/** The scenario format as JSON Schema (draft 2020-12), generated from the zod schema — never hand-edited. */
import { z } from "zod";
import { ATTRIBUTES } from "./vocabulary";
import { scenarioSchema } from "./schema";

/** The JSON Schema document for scenario.json, with the vocabulary's names and values as hints. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const base = z.toJSONSchema(scenarioSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return {
    title: "mmcb scenario (schemaVersion 1)",
    description:
      "An MM-CreativityBench scenario: a scene image, a first-person task, candidate entities with parts, attributes and affordances, and gold solutions. Cross-field rules (references, regions inside images, vocabulary) are checked by `mmcb scenarios validate`.",
    ...base,
    "x-mmcb-vocabulary": Object.fromEntries(
      ATTRIBUTES.map((a) => [a.name, { kind: a.kind, values: a.values, synonyms: a.synonyms }]),
    ),
  };
}
