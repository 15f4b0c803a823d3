/**
 * The trace format, schemaVersion 1 (SPEC §4): one JSON object per episode (one per line in .jsonl).
 * The scorer needs only scenarioId and steps[].turn/call; the rest is kept for replay and audit.
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
  valid: z.boolean().optional(),
  error: z.string().optional(),
  observation: z.object({ text: z.string(), images: z.array(imageRefSchema), data: z.unknown().optional() }).optional(),
  assistantText: z.string().optional(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).optional(),
  latencyMs: z.number().optional(),
});

export const END_REASONS = ["answer", "budget", "error"] as const;

export const traceSchema = z.object({
  schemaVersion: z.literal(1).optional(),
  episodeId: z.string().min(1),
  scenarioId: z.string().min(1),
  scenarioVersion: z.number().int().optional(),
  agent: z.object({ kind: z.enum(["model", "baseline", "human"]), name: z.string() }).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().optional(),
  steps: z.array(traceStepSchema),
  endReason: z.enum(END_REASONS).optional(),
});

/** A trace as read from a file (lenient on audit fields). */
export type Trace = z.infer<typeof traceSchema>;
