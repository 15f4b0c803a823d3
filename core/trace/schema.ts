/**
 * The trace format, schemaVersion 1 (SPEC §4): one JSON object per episode (one per line in .jsonl).
 * Reading is lenient, so traces from other producers score: only `scenarioId` and `steps[].turn`,
 * `steps[].call.tool`, `steps[].call.args` are needed; every other field may be missing, `endReason` may
 * be a value mmcb does not write (kept for audit), and a step's recorded `valid` flag is only a hint (the
 * scorer re-derives validity from the scenario). Turns start at 1 and never decrease.
 *
 * What mmcb itself writes is `EpisodeTrace` (core/engine/run.ts): the same shape with every field present;
 * `schema.test.ts` checks that it always reads back through this schema.
 */
import { z } from "zod";

const imageRefSchema = z.union([
  z.object({ kind: z.literal("scene") }),
  z.object({ kind: z.literal("entity"), entityId: z.string() }),
  z.object({ kind: z.literal("part"), entityId: z.string(), partId: z.string() }),
]);

export const traceStepSchema = z.object({
  turn: z.number().int().min(1),
  call: z.object({ tool: z.string(), args: z.unknown() }),
  raw: z.string().optional(),
  valid: z
    .boolean()
    .optional()
    .describe(
      "Whether the producer judged the call valid. mmcb always writes it; readers re-derive validity from the scenario (a recorded false is kept, a missing flag means nothing).",
    ),
  error: z.string().optional(),
  observation: z.object({ text: z.string(), images: z.array(imageRefSchema), data: z.unknown().optional() }).optional(),
  assistantText: z.string().optional(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).optional(),
  latencyMs: z.number().optional(),
});
/** One step as read from a file (`valid` may be missing). */
export type TraceStepRecord = z.infer<typeof traceStepSchema>;

/** The end reasons mmcb writes; a trace read from elsewhere may carry any other string. */
export const END_REASONS = ["answer", "budget", "error"] as const;

/**
 * The first step whose turn breaks "turns start at 1 and never decrease", as one issue, or null.
 * One line per trace: the first break is enough to know the trace is not a valid episode.
 */
export function turnOrderIssue(
  steps: readonly { readonly turn: number }[],
): { path: (string | number)[]; message: string } | null {
  if (steps.length > 0 && steps[0]!.turn !== 1)
    return {
      path: ["steps", 0, "turn"],
      message: `the first turn is ${steps[0]!.turn}; turns start at 1 and never decrease`,
    };
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.turn < steps[i - 1]!.turn)
      return {
        path: ["steps", i, "turn"],
        message: `turn ${steps[i]!.turn} comes after turn ${steps[i - 1]!.turn}; turns start at 1 and never decrease`,
      };
  }
  return null;
}

export const traceSchema = z
  .object({
    schemaVersion: z.literal(1).optional(),
    episodeId: z
      .string()
      .min(1)
      .optional()
      .describe("Unique within a file; a repeated id is reported and scored once."),
    scenarioId: z.string().min(1),
    scenarioVersion: z.number().int().optional(),
    agent: z.object({ kind: z.string().optional(), name: z.string().optional() }).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    seed: z.number().int().optional(),
    steps: z.array(traceStepSchema),
    endReason: z
      .string()
      .min(1)
      .optional()
      .describe(`mmcb writes ${END_REASONS.join(", ")}; any other value is kept for audit.`),
  })
  .superRefine((trace, ctx) => {
    const issue = turnOrderIssue(trace.steps);
    if (issue) ctx.addIssue({ code: "custom", ...issue });
  });

/** A trace as read from a file (lenient on audit fields). */
export type Trace = z.infer<typeof traceSchema>;
