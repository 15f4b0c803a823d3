import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../scenario";
import { fixtureScenario } from "../../test/fixture";
import { dedupeEpisodes, traceProblems } from "./check";
import type { Trace } from "./schema";

const trace = (episodeId?: string): Trace => ({
  ...(episodeId ? { episodeId } : {}),
  scenarioId: "pry-lid",
  steps: [{ turn: 1, call: { tool: "fly", args: {} } }],
});

describe("trace checks", () => {
  it("refuses only an unknown scenario; an unknown tool without a valid flag is for the scorer", () => {
    const scenario = scenarioSchema.parse(fixtureScenario());
    expect(traceProblems(trace("a"), scenario)).toEqual([]);
    expect(traceProblems(trace("a"), undefined)).toEqual([
      { path: "scenarioId", message: 'unknown scenario "pry-lid"' },
    ]);
  });

  it("keeps the first trace of each episode id and lists each repeated id once", () => {
    const located = [1, 2, 3, 4, 5, 6].map((line) => ({ line, trace: trace(line === 4 ? "b" : "a") }));
    const { kept, repeated } = dedupeEpisodes([...located, { line: 7, trace: trace() }, { line: 8, trace: trace() }]);
    expect(kept.map((k) => k.line)).toEqual([1, 4, 7, 8]);
    expect(repeated).toEqual([{ episodeId: "a", firstLine: 1, repeatLines: [2, 3, 5, 6] }]);
  });
});
