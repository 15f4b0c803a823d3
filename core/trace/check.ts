/**
 * Checks of read traces before scoring (SPEC §4). A trace is scorable when its scenario is known; a step
 * naming a tool that does not exist is not a problem of the trace but an invalid call the scorer counts
 * (validity is re-derived from the scenario, whatever the step's `valid` flag says). An `episodeId`
 * repeated in one file is reported once and only its first trace is kept.
 */
import type { Scenario } from "../scenario";
import type { Trace } from "./schema";

/** Problems that make a trace unscorable, each `path: message`. Empty when it can be scored. */
export function traceProblems(trace: Trace, scenario: Scenario | undefined): { path: string; message: string }[] {
  return scenario ? [] : [{ path: "scenarioId", message: `unknown scenario "${trace.scenarioId}"` }];
}

/** A trace read from a file, with the line it starts on. */
export interface LocatedTrace {
  readonly line: number;
  readonly trace: Trace;
}

/** One repeated episode id: where it first appeared and every later line that repeated it. */
export interface RepeatedEpisode {
  readonly episodeId: string;
  readonly firstLine: number;
  readonly repeatLines: readonly number[];
}

/**
 * Keeps the first trace of every `episodeId` (traces without an id are all kept) and lists each id that
 * was repeated, once, with its lines.
 */
export function dedupeEpisodes<T extends LocatedTrace>(
  traces: readonly T[],
): {
  kept: T[];
  repeated: RepeatedEpisode[];
} {
  const first = new Map<string, { line: number; repeats: number[] }>();
  const kept: T[] = [];
  for (const located of traces) {
    const id = located.trace.episodeId;
    if (id === undefined) {
      kept.push(located);
      continue;
    }
    const seen = first.get(id);
    if (seen) seen.repeats.push(located.line);
    else {
      first.set(id, { line: located.line, repeats: [] });
      kept.push(located);
    }
  }
  const repeated = [...first]
    .filter(([, v]) => v.repeats.length > 0)
    .map(([episodeId, v]) => ({ episodeId, firstLine: v.line, repeatLines: v.repeats }));
  return { kept, repeated };
}
