/**
 * The flags of `mmcb eval`, parsed with zod into checked options (no I/O, so tests call it directly).
 * Every refusal is one sentence naming the flag and what is wrong with its value, e.g.
 * `--cost-cap must be ≥ 0 (USD)` rather than a generic "must be a number".
 */
import { z } from "zod";
import { MmcbError } from "@/core/errors";
import { parseSeedList } from "@/core/run/seeds";
import { BASELINES } from "@/core/solvers";

export const EVAL_SOLVERS = [...BASELINES, "openai"] as const;

const num = (flag: string) => z.coerce.number({ message: `${flag} must be a number` });
const int = (flag: string) => num(flag).int({ message: `${flag} must be a whole number` });
/** A number flag checked by `check` (which adds the range checks); blank text is not a number (zod would coerce "" to 0). */
const numFlag = <T extends z.ZodType>(flag: string, check: (n: ReturnType<typeof num>) => T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? Number.NaN : v), check(num(flag)));

const optionsSchema = z.object({
  solver: z.enum(EVAL_SOLVERS, { message: `--solver must be one of ${EVAL_SOLVERS.join(", ")}` }),
  scenarios: z.string(),
  seeds: z.string(),
  maxTurns: numFlag("--max-turns", () =>
    int("--max-turns")
      .min(1, { message: "--max-turns must be at least 1" })
      .max(100, { message: "--max-turns must be at most 100" }),
  ),
  observation: z.enum(["image", "hybrid", "text"], { message: "--observation must be image, hybrid or text" }),
  imageHistory: z.enum(["last", "all", "none"], { message: "--image-history must be last, all or none" }),
  reasoningHistory: z.enum(["keep", "drop"], { message: "--reasoning-history must be keep or drop" }),
  entityLabels: z.enum(["names", "marks"], { message: "--entity-labels must be names or marks" }),
  only: z.string().optional(),
  runId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]+$/, { message: "--run-id may hold letters, digits, '.', '_', ':' and '-'" })
    .optional(),
  resume: z.boolean().optional(),
  json: z.boolean().optional(),
  model: z.string().trim().min(1, { message: "--model needs a model name" }).optional(),
  baseUrl: z
    .string()
    .refine((u) => /^https?:\/\/[^/\s]+/i.test(u) && URL.canParse(u), {
      message: "--base-url must be http(s)://host[:port]/path, e.g. http://127.0.0.1:8000/v1",
    })
    .optional(),
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    message: "--api-key-env takes the NAME of an environment variable, not the key",
  }),
  concurrency: numFlag("--concurrency", () =>
    int("--concurrency")
      .min(1, { message: "--concurrency must be at least 1" })
      .max(256, { message: "--concurrency must be at most 256" }),
  ),
  temperature: numFlag("--temperature", (n) =>
    n.min(0, { message: "--temperature must be ≥ 0" }).max(2, { message: "--temperature must be ≤ 2" }),
  ).optional(),
  topP: numFlag("--top-p", (n) =>
    n.gt(0, { message: "--top-p must be > 0" }).max(1, { message: "--top-p must be ≤ 1" }),
  ).optional(),
  sampleSeed: numFlag("--sample-seed", () => int("--sample-seed")).optional(),
  sendSeed: z.boolean(),
  maxTokens: numFlag("--max-tokens", () =>
    int("--max-tokens").min(1, { message: "--max-tokens must be at least 1" }),
  ).optional(),
  timeout: numFlag("--timeout", (n) => n.gt(0, { message: "--timeout must be > 0 (seconds)" })),
  maxImageSide: numFlag("--max-image-side", () =>
    int("--max-image-side")
      .min(64, { message: "--max-image-side must be at least 64" })
      .max(4096, { message: "--max-image-side must be at most 4096" }),
  ),
  systemPrompt: z.string().optional(),
  pricePrompt: numFlag("--price-prompt", (n) =>
    n.min(0, { message: "--price-prompt must be ≥ 0 (USD per 1M tokens)" }),
  ).optional(),
  priceCompletion: numFlag("--price-completion", (n) =>
    n.min(0, { message: "--price-completion must be ≥ 0 (USD per 1M tokens)" }),
  ).optional(),
  costCap: numFlag("--cost-cap", (n) => n.min(0, { message: "--cost-cap must be ≥ 0 (USD)" })).optional(),
  cache: z.boolean(),
  preflight: z.boolean(),
  distributed: z.boolean().optional(),
  wait: z.boolean().optional(),
});

export type EvalFlags = z.infer<typeof optionsSchema>;

export interface EvalOptions extends EvalFlags {
  /** The seeds, expanded and sorted. */
  readonly seedList: number[];
  /** The scenario ids `--only` names (deduplicated, in order), or undefined for every scenario. */
  readonly onlyIds: string[] | undefined;
}

/**
 * Parses commander's option object. Throws `input:invalid` with one sentence (several problems are
 * joined with "; ") for anything wrong: a value out of range, a seed range that counts down, an empty
 * `--only`, a base URL that is not http(s), flags that do not go together.
 */
export function parseEvalOptions(raw: Record<string, unknown>): EvalOptions {
  const parsed = optionsSchema.safeParse({ sendSeed: true, preflight: true, cache: true, ...raw });
  if (!parsed.success)
    throw new MmcbError("input:invalid", [...new Set(parsed.error.issues.map((i) => i.message))].join("; "));
  const opts = parsed.data;
  let seedList: number[];
  try {
    seedList = parseSeedList(opts.seeds);
  } catch (error) {
    throw new MmcbError("input:invalid", `--seeds: ${(error as Error).message}`);
  }
  let onlyIds: string[] | undefined;
  if (opts.only !== undefined) {
    onlyIds = [...new Set(opts.only.split(",").map((s) => s.trim()))].filter(Boolean);
    if (onlyIds.length === 0)
      throw new MmcbError(
        "input:invalid",
        "--only needs at least one scenario id (leave the flag out to run every scenario)",
      );
  }
  if (opts.resume && !opts.runId)
    throw new MmcbError("input:invalid", "--resume needs the --run-id of the run to continue (see `mmcb runs list`)");
  if (opts.solver === "openai" && (!opts.model || !opts.baseUrl))
    throw new MmcbError("input:invalid", "--solver openai needs --model and --base-url");
  if (opts.wait && !opts.distributed) throw new MmcbError("input:invalid", "--wait goes with --distributed");
  if (opts.distributed && opts.costCap !== undefined)
    throw new MmcbError(
      "input:invalid",
      "--cost-cap is not supported with --distributed (workers do not share a budget)",
    );
  return { ...opts, seedList, onlyIds };
}
