/**
 * The body of `POST /api/runs` (what the "New run" form sends), parsed with zod. Field errors come back
 * keyed by the field's path (`seeds`, `openai.model`) with a sentence for people. The API key itself is
 * never part of a request: only the NAME of the server's environment variable that holds it.
 * Pure (no I/O), so the form can share the defaults and the server the schema.
 */
import { z } from "zod";
import { MAX_SEEDS, parseSeedList, SEEDS_PATTERN } from "@/core/run/seeds";
import { BASELINES } from "@/core/solvers";

export const RUN_SOLVERS = [...BASELINES, "openai"] as const;
export type RunSolver = (typeof RUN_SOLVERS)[number];
export const OBSERVATION_MODES = ["image", "hybrid", "text"] as const;
export const IMAGE_HISTORIES = ["last", "all", "none"] as const;
export const REASONING_HISTORIES = ["keep", "drop"] as const;
/** `names`: candidates listed with their names; `marks`: numbered marks on the scene, names hidden. */
export const ENTITY_LABELS = ["names", "marks"] as const;

/** Environment variable names as shells write them; a pasted key (`sk-…`) never matches. */
export const ENV_NAME_PATTERN = /^[A-Z_][A-Z0-9_]{0,63}$/;

const slug = z.string().regex(/^[a-z0-9-]+$/, { message: "scenario ids are lower-case slugs" });

export const openAiRequestSchema = z.strictObject({
  baseUrl: z
    .string()
    .trim()
    .url({ message: "enter the endpoint URL, e.g. http://127.0.0.1:8000/v1" })
    .refine((u) => /^https?:\/\//i.test(u), { message: "the endpoint URL must start with http:// or https://" }),
  model: z.string().trim().min(1, { message: "enter the model name" }).max(200),
  apiKeyEnv: z.string().trim().regex(ENV_NAME_PATTERN, {
    message:
      "enter the NAME of an environment variable of the server, e.g. OPENAI_API_KEY (upper-case letters, digits, _) — never the key",
  }),
  temperature: z
    .number({ message: "temperature must be a number" })
    .min(0, { message: "temperature is at least 0" })
    .max(2, { message: "temperature is at most 2" })
    .nullable(),
  imageHistory: z.enum(IMAGE_HISTORIES),
  reasoningHistory: z.enum(REASONING_HISTORIES).default("keep"),
  entityLabels: z.enum(ENTITY_LABELS, { message: "entity labels must be names or marks" }).default("names"),
  concurrency: z
    .number({ message: "concurrency must be a number" })
    .int({ message: "concurrency is a whole number" })
    .min(1, { message: "concurrency is at least 1" })
    .max(64, { message: "concurrency is at most 64" }),
  useCache: z.boolean().default(true),
});

export const runRequestSchema = z
  .strictObject({
    solver: z.enum(RUN_SOLVERS, { message: `solver must be one of ${RUN_SOLVERS.join(", ")}` }),
    scenarios: z.union(
      [z.literal("all"), z.array(slug).min(1, { message: "choose at least one scenario" }).max(5000)],
      {
        message: 'choose "all" or a list of scenario ids',
      },
    ),
    seeds: z
      .string({ message: "enter seeds such as 1-3" })
      .regex(SEEDS_PATTERN, { message: "seeds take a list like 1,2,3 or a range like 1-5" })
      .superRefine((text, ctx) => {
        try {
          parseSeedList(text);
        } catch (error) {
          // a range that counts down, or more than MAX_SEEDS seeds: parseSeedList says which
          ctx.addIssue({
            code: "custom",
            message: error instanceof Error ? error.message : `at most ${MAX_SEEDS} seeds`,
          });
        }
      }),
    maxTurns: z
      .number({ message: "max turns must be a number" })
      .int({ message: "max turns is a whole number" })
      .min(1, { message: "max turns is at least 1" })
      .max(100, { message: "max turns is at most 100" }),
    observation: z.enum(OBSERVATION_MODES, { message: "observation must be image, hybrid or text" }),
    openai: openAiRequestSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.solver === "openai" && !body.openai) {
      ctx.addIssue({ code: "custom", path: ["openai"], message: "the openai solver needs its endpoint settings" });
    }
  });

export type RunRequest = z.infer<typeof runRequestSchema>;
export type OpenAiRequest = z.infer<typeof openAiRequestSchema>;

/** Field path → first message for it (`""` for the body as a whole). */
export type FieldErrors = Record<string, string>;

const SECRET_LIKE = /key|secret|token|password|bearer/i;

/** Turns zod issues into field errors; never echoes submitted values. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    let path = issue.path.map(String).join(".");
    let message = issue.message;
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys;
      if (keys.some((k) => SECRET_LIKE.test(k))) {
        path = path ? `${path}.apiKeyEnv` : "openai.apiKeyEnv";
        message = "never send an API key: name the server's environment variable that holds it (apiKeyEnv)";
      } else {
        message = `unknown field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}`;
      }
    }
    if (!(path in fields)) fields[path] = message;
  }
  return fields;
}

export type ParsedRunRequest = { ok: true; request: RunRequest } | { ok: false; fields: FieldErrors };

/** Parses an untrusted body. */
export function parseRunRequest(body: unknown): ParsedRunRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, fields: { "": "the request body must be a JSON object" } };
  }
  const parsed = runRequestSchema.safeParse(body);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, fields: fieldErrors(parsed.error) };
}

/** A one-sentence summary of field errors, e.g. for an API client that ignores `fields`. */
export function summarizeFieldErrors(fields: FieldErrors): string {
  const parts = Object.entries(fields).map(([path, message]) => (path ? `${path}: ${message}` : message));
  return parts.length ? parts.join("; ") : "invalid request";
}
