/**
 * The solver interface: every solver — a model adapter, a baseline, the browser — sees the same view of
 * the episode and answers with the calls of one turn. Only the engine interprets calls.
 */
import type { AgentKind, Observation, RawCall, TurnInput } from "../engine/types";

/** What a solver may know at the start of a turn. */
export interface SolverView {
  readonly task: string;
  readonly constraints: readonly string[];
  readonly entities: readonly { id: string; name: string }[];
  /** The number of the turn about to be played (from 1). */
  readonly turn: number;
  readonly maxTurns: number;
  /** Only submit_answer is accepted on this turn. */
  readonly finalTurn: boolean;
  /** Previous turns: the calls made and what came back, in order. */
  readonly history: readonly { readonly calls: readonly RawCall[]; readonly observations: readonly Observation[] }[];
}

export interface Solver {
  readonly agent: { readonly kind: AgentKind; readonly name: string };
  nextTurn(view: SolverView): TurnInput | Promise<TurnInput>;
}

/** Parts learned so far from inspect_entity observations, by entity id. */
export function knownParts(view: SolverView): Map<string, { id: string; name: string }[]> {
  const parts = new Map<string, { id: string; name: string }[]>();
  for (const turn of view.history)
    for (const o of turn.observations) if (o.data?.entity) parts.set(o.data.entity.id, o.data.entity.parts);
  return parts;
}
