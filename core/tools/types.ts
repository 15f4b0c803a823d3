/**
 * A tool of the protocol (SPEC §3), declared once: its zod input schema (every field described — those
 * descriptions are the model's documentation), its UI label and hotkey, and its step-log text. The
 * OpenAI definitions, argument parsing, UI palette, hotkeys and test ids all derive from these.
 */
import type { z } from "zod";

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
  readonly describe: (args: z.infer<S>) => string;
  /** Whether a valid call ends the episode. */
  readonly endsEpisode: boolean;
}

/** Declares a tool with its schema's type carried through. */
export function defineTool<S extends z.ZodType, const N extends string>(
  tool: ToolDefinition<S, N>,
): ToolDefinition<S, N> {
  return tool;
}
