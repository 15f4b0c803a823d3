/**
 * A tool of the protocol (SPEC §3), declared once: its zod input schema (every field described — those
 * descriptions are the model's documentation), its UI label, hotkey and play-page behaviour, its step-log
 * text, what it does in the engine (`perform`) and what a call means to everything that reads traces —
 * the entity/part it is about (`target`), what it explores, its attribute claims, its suitability
 * judgment and its answer. The OpenAI definitions, argument parsing, engine dispatch, scoring, replay,
 * exports, the play palette, hotkeys and test ids all derive from these.
 */
import type { z } from "zod";
import type { EngineConfig, EpisodeState, Observation } from "../engine/types";
import type { Scenario } from "../scenario";

/** One attribute claim `{name, value}` as a solver states it. */
export interface AttributeClaim {
  readonly name: string;
  readonly value: string;
}

/**
 * What a call names in the scenario, before anything checks that it exists: an entity, a part of it
 * (ids as the solver sent them), or an exploration order of entities.
 */
export interface ToolTarget {
  readonly entityId?: string;
  /** A part of `entityId`. */
  readonly partId?: string;
  /** Entity ids in the order the solver means to explore them (the plan, SPEC §3). */
  readonly plan?: readonly string[];
}

/** What a valid call of the tool explores (SPEC §5): its entity (and that entity's view), or its part. */
export type Explores = "entity" | "part" | null;

/** A per-part suitability judgment b_t and why. */
export interface Judgment {
  readonly suitable: boolean;
  readonly rationale: string;
}

/** The final answer an episode ends with (SPEC §3 `submit_answer`). */
export interface Answer {
  readonly entity_id: string;
  readonly part_id: string;
  readonly affordance: string;
  readonly attributes_used: AttributeClaim[];
  readonly how_to_use: string;
}

/** What performing a well-formed call gives: an observation, or a sentence saying why it is invalid. */
export type ToolOutcome = { readonly observation: Observation } | { readonly error: string };

/** Which form the play page opens for a tool that needs more than the pick. */
export type PlayForm = "plan" | "assess" | "submit";

/** The pick on the play page: the selected entity and part. */
export interface PlayPick {
  readonly entityId: string | null;
  readonly partId: string | null;
}

export interface ToolDefinition<S extends z.ZodType = z.ZodType, N extends string = string> {
  /** snake_case name the model sees. */
  readonly name: N;
  /** What the tool does, for the model. */
  readonly description: string;
  /** Short button label for people. */
  readonly label: string;
  /** Single-key shortcut in the play view. */
  readonly hotkey: string;
  readonly input: S;
  /** One line for the step log, e.g. `inspect part coin/edge`. */
  describe(args: z.infer<S>): string;
  /** Whether a valid call ends the episode. */
  readonly endsEpisode: boolean;
  /**
   * Runs a well-formed call against the scenario (the engine's reducer step for this tool). Pure; unknown
   * ids give an error sentence the solver can act on. The engine handles budget, state and recording.
   */
  perform(scenario: Scenario, state: EpisodeState, args: z.infer<S>, config: EngineConfig): ToolOutcome;
  /** What the call names (ids as sent, not checked). A call is valid only when what it names exists. */
  target(args: z.infer<S>): ToolTarget;
  /** What a valid call explores. */
  readonly explores: Explores;
  /** The attribute claims the call makes about its target's part (SPEC §5); absent: it claims nothing. */
  claims?(args: z.infer<S>): readonly AttributeClaim[];
  /** The arguments with the claims replaced (hard negatives edit claims); absent when the tool claims nothing. */
  withClaims?(args: z.infer<S>, claims: AttributeClaim[]): z.infer<S>;
  /** The suitability judgment the call states about its target's part, when it states one. */
  judgment?(args: z.infer<S>): Judgment;
  /** The arguments with the judgment replaced; present with `judgment`. */
  withJudgment?(args: z.infer<S>, judgment: Judgment): z.infer<S>;
  /** The answer a call of this tool gives; present exactly when it `endsEpisode`. */
  answer?(args: z.infer<S>): Answer;
  /** How a person calls it on the play page. */
  readonly play: {
    /** What must be picked before the tool can be called. */
    readonly pick: "none" | "entity" | "part";
    /** The form its button and key open; without one the call is sent at once with `args`. */
    readonly form?: PlayForm;
    /** The arguments of a call sent at once from the pick (its ids are present as `pick` demands). */
    args?(pick: PlayPick): z.infer<S>;
    /** The shortcut sheet's line for its hotkey. */
    readonly shortcut: string;
  };
}

/** Declares a tool with its schema's type carried through. */
export function defineTool<S extends z.ZodType, const N extends string>(
  tool: ToolDefinition<S, N>,
): ToolDefinition<S, N> {
  return tool;
}
