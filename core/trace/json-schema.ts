/** The trace format as JSON Schema (draft 2020-12), generated from the zod schema. */
import { z } from "zod";
import { traceSchema } from "./schema";

export function traceJsonSchema(): Record<string, unknown> {
  return {
    title: "mmcb episode trace (schemaVersion 1)",
    description:
      "One episode of one solver on one scenario (SPEC §4). In .jsonl files, one trace per line. The scorer needs only scenarioId and steps[].turn/call; every other field may be missing. Turns start at 1 and never decrease; an episodeId repeated in one file is reported and scored once; step validity is re-derived from the scenario.",
    ...(z.toJSONSchema(traceSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>),
  };
}
