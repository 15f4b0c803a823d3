/**
 * The run configuration (SPEC §3): everything that can change a result, recorded with every episode and
 * hashed. Two results are comparable only when their `comparableHash` (everything but the model) match.
 * Never holds an API key — only the *name* of the environment variable that has it.
 */
import { z } from "zod";

export const runConfigSchema = z.object({
  solver: z.object({
    kind: z.enum(["model", "baseline", "human"]),
    name: z.string(),
    model: z.string().optional(),
    endpointHost: z.string().optional(),
    apiKeyEnv: z.string().optional(),
  }),
  engine: z.object({
    maxTurns: z.number().int().min(1).max(100),
    observation: z.enum(["image", "hybrid", "text"]),
    imageHistory: z.enum(["last", "all", "none"]),
    reasoningHistory: z.enum(["keep", "drop"]),
    entityLabels: z.enum(["names", "marks"]),
  }),
  sampling: z.object({
    temperature: z.number().nullable(),
    topP: z.number().nullable(),
    /**
     * Model runs: the base of the sampling seed (null = 0); each episode sends base + its episode seed
     * unless `sendSeed` is false. Runs recorded before `sendSeed` existed sent only the base, when set.
     */
    seed: z.number().int().nullable(),
    /** Model runs: whether the per-episode `seed` field is sent (absent for baselines and older runs). */
    sendSeed: z.boolean().optional(),
    maxTokens: z.number().int().nullable(),
  }),
  systemPrompt: z.string(),
  promptTemplateVersion: z.string(),
  toolSchemaHash: z.string(),
  scenarios: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      contentHash: z.string(),
      imageHashes: z.record(z.string(), z.string()),
    }),
  ),
  seeds: z.array(z.number().int()),
  appVersion: z.string(),
});
export type RunConfig = z.infer<typeof runConfigSchema>;

/** JSON with object keys sorted at every level: equal values give equal text (and hashes). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The part of the configuration that must match for two runs to be comparable (the model left out). */
export function comparablePart(config: RunConfig): unknown {
  const { solver, ...rest } = config;
  return { ...rest, solver: { kind: solver.kind, endpointHost: solver.endpointHost } };
}
