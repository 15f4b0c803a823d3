/**
 * The play API's wire format (SPEC §3, §8): request bodies (zod, parsed at the route) and the JSON the
 * episode routes answer with. The browser's play page and a remote agent read the same documents.
 * Nothing here reveals answers or annotations while an episode runs: only what the tool protocol shows
 * (task, constraints, candidate entities, views, part names).
 */
import { z } from "zod";
import type { EndReason, ObservationMode } from "@/core/engine";
import type { Region } from "@/core/scenario";
import type { ClaimRecord, EpisodeMetrics } from "@/core/scoring";

/** The most tool calls one step request may carry (one turn). */
export const MAX_CALLS_PER_TURN = 10;

export const createEpisodeBodySchema = z
  .object({
    scenarioId: z
      .string({ error: "scenarioId: expected the id of a scenario (a string)" })
      .regex(/^[a-z0-9-]{1,200}$/, "scenarioId: expected a scenario id (lower-case letters, digits and '-')"),
    seed: z
      .number({ error: "seed: expected a whole number" })
      .int("seed: expected a whole number")
      .min(0, "seed: expected 0 or more")
      .max(2_147_483_647, "seed: too large")
      .optional(),
    maxTurns: z
      .number({ error: "maxTurns: expected a whole number from 1 to 100" })
      .int("maxTurns: expected a whole number from 1 to 100")
      .min(1, "maxTurns: expected a whole number from 1 to 100")
      .max(100, "maxTurns: expected a whole number from 1 to 100")
      .optional(),
    observation: z
      .enum(["image", "hybrid", "text"], { error: 'observation: expected "image", "hybrid" or "text"' })
      .optional(),
  })
  .strict();
export type CreateEpisodeBody = z.infer<typeof createEpisodeBodySchema>;

const rawCallSchema = z
  .object({
    tool: z.string({ error: "tool: expected a tool name (a string)" }).max(200, "tool: too long"),
    /** An object, or the JSON text of one (as models send it); checked by the engine, not here. */
    args: z.unknown().optional(),
  })
  .strict();

/** A turn of several calls `{ calls: [...] }`. */
export const turnBodySchema = z
  .object({
    calls: z
      .array(rawCallSchema, { error: "calls: expected a list of tool calls" })
      .min(1, "calls: expected at least one tool call")
      .max(MAX_CALLS_PER_TURN, `calls: at most ${MAX_CALLS_PER_TURN} tool calls in one turn`),
  })
  .strict();
export type StepBody = z.infer<typeof turnBodySchema>;

/**
 * A step request: one tool call `{ tool, args }` or a turn `{ calls: [...] }`, normalised to the turn
 * form. Only the envelope is checked here; tool names and arguments are the engine's to judge.
 */
export function parseStepBody(value: unknown): z.ZodSafeParseResult<StepBody> {
  if (value && typeof value === "object" && !Array.isArray(value) && "calls" in value) {
    return turnBodySchema.safeParse(value);
  }
  const one = rawCallSchema.safeParse(value);
  return one.success ? { success: true, data: { calls: [one.data] } } : (one as z.ZodSafeParseResult<never>);
}

/** An image the solver sees, with the URL that serves it. */
export interface PlayImage {
  readonly kind: "scene" | "entity" | "part";
  readonly entityId?: string;
  readonly partId?: string;
  readonly url: string;
}

/** A part as inspect_entity reveals it: id, name and where it is in the entity's view image. */
export interface PlayPart {
  readonly id: string;
  readonly name: string;
  /** In the pixels of the entity view image (as served by its URL). */
  readonly region: Region;
}

export interface PlayObservation {
  readonly text: string;
  readonly images: readonly PlayImage[];
  /** After a valid inspect_entity: the entity and its parts. */
  readonly entity?: { readonly id: string; readonly name: string; readonly parts: readonly PlayPart[] };
}

export interface PlayStep {
  /** 0-based position in the episode. */
  readonly index: number;
  readonly turn: number;
  readonly tool: string;
  readonly args: unknown;
  readonly valid: boolean;
  readonly error?: string;
  /** The step-log line (from the tool registry), or the tool name for a malformed call. */
  readonly summary: string;
  readonly observation: PlayObservation | null;
}

/** The turn budget: `turn` turns played of `maxTurns`; on the final turn only submit_answer is accepted. */
export interface PlayBudget {
  readonly turn: number;
  readonly maxTurns: number;
  readonly turnsLeft: number;
  /** The next turn is the last one. */
  readonly finalTurn: boolean;
  readonly ended: boolean;
  readonly endReason: EndReason | null;
}

/** What the solver is told at the start (the first user message of SPEC §3). */
export interface PlayBrief {
  readonly scenarioId: string;
  readonly title: string;
  readonly task: string;
  readonly constraints: readonly string[];
  readonly observationMode: ObservationMode;
  readonly scene: { readonly url: string; readonly width: number; readonly height: number };
  /** Candidate entities: id and name, plus the region (scene pixels) the browser outlines. */
  readonly entities: readonly { readonly id: string; readonly name: string; readonly region: Region }[];
}

export interface PlayScore {
  readonly metrics: EpisodeMetrics;
  readonly claims: readonly ClaimRecord[];
}

export interface PlayUrls {
  /** GET this episode. */
  readonly self: string;
  /** POST tool calls here. */
  readonly steps: string;
  /** The replay page. */
  readonly replay: string;
  /** The play page for another episode of the same scenario. */
  readonly playAgain: string;
}

/** GET /api/episodes/:id and the answer to POST /api/episodes. */
export interface PlayEpisodeDocument {
  readonly episode: {
    readonly id: string;
    readonly runId: string;
    readonly seed: number;
    readonly annotator: string | null;
    readonly status: "pending" | "running" | "done" | "failed";
  };
  readonly brief: PlayBrief;
  readonly budget: PlayBudget;
  readonly steps: readonly PlayStep[];
  readonly score: PlayScore | null;
  readonly urls: PlayUrls;
}

/** The answer to POST /api/episodes/:id/steps: the new steps, then the episode's state after them. */
export interface PlayStepResult {
  readonly steps: readonly PlayStep[];
  readonly observations: readonly PlayObservation[];
  readonly budget: PlayBudget;
  readonly score: PlayScore | null;
  readonly urls: PlayUrls;
}
