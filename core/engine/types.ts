/**
 * Episode engine types. Coordinates and images are referenced, never embedded: an `ImageRef` names the
 * scene or an entity/part view; adapters turn refs into pixels (the model solver) or URLs (the browser).
 */
import type { Answer } from "../tools";

export type ObservationMode = "image" | "hybrid" | "text";
export type EntityLabels = "names" | "marks";
export type AgentKind = "model" | "baseline" | "human";
export type CallSource = AgentKind;

/** The parts of the run configuration the engine itself obeys. */
export interface EngineConfig {
  /** Turn budget; the last turn only accepts submit_answer. */
  readonly maxTurns: number;
  readonly observation: ObservationMode;
  /**
   * How entities are named to the solver: `names` (default) lists each id with its name; `marks` numbers
   * the entities ([1], [2]… in `scenario.entities` order, drawn on the scene image by the adapter) and
   * leaves their names out of every prompt and observation text. Part names are always shown.
   */
  readonly entityLabels?: EntityLabels;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = { maxTurns: 15, observation: "image" };

export type ImageRef =
  | { readonly kind: "scene" }
  | { readonly kind: "entity"; readonly entityId: string }
  | { readonly kind: "part"; readonly entityId: string; readonly partId: string };

/** What a tool call returns to the solver. */
export interface Observation {
  /** Text the solver reads (the `tool` message). */
  readonly text: string;
  /** Images the solver sees after this call (none in `text` mode). */
  readonly images: readonly ImageRef[];
  /** Structured payload for programmatic solvers and the UI (e.g. an entity's part list). */
  readonly data?: { readonly entity?: { id: string; name: string; parts: { id: string; name: string }[] } };
}

/** A tool call as a solver produced it: args as a JSON string (models) or an object (forms, baselines). */
export interface RawCall {
  readonly tool: string;
  readonly args: unknown;
  /** The raw text of the call as received, kept for audit when it was malformed. */
  readonly raw?: string;
}

export interface Usage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** One step of a trace (SPEC §4). */
export interface TraceStep {
  readonly turn: number;
  readonly call: { readonly tool: string; readonly args: unknown };
  readonly raw?: string;
  readonly valid: boolean;
  readonly error?: string;
  readonly observation?: Observation;
  readonly assistantText?: string;
  readonly usage?: Usage;
  readonly latencyMs?: number;
}

export type EndReason = "answer" | "budget" | "error";

/** The state of one episode. Treat as immutable: the reducer returns a new state. */
export interface EpisodeState {
  /** The last turn played (0 before the first). */
  readonly turn: number;
  readonly steps: readonly TraceStep[];
  readonly plan: readonly string[];
  /** The well-formed submit_answer, once given. */
  readonly answer: Answer | null;
  readonly endReason: EndReason | null;
}

/** What happens on a turn: the calls, plus what the solver said and spent. */
export interface TurnInput {
  readonly calls: readonly RawCall[];
  readonly assistantText?: string;
  readonly usage?: Usage;
  readonly latencyMs?: number;
}
