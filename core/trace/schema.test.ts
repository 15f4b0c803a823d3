import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { fixtureScenario } from "../../test/fixture";
import { DEFAULT_ENGINE_CONFIG, runEpisode, type EpisodeTrace, type TraceStep } from "../engine";
import { scenarioSchema } from "../scenario";
import { oracleSolver } from "../solvers/oracle";
import { traceSchema, traceStepSchema, turnOrderIssue } from "./schema";

/** The engine's types are readonly; the reader's are not. */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

const step = (turn: number, tool = "view_scene") => ({ turn, call: { tool, args: {} } });
const issues = (doc: unknown) =>
  traceSchema.safeParse(doc).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("the lenient trace reader's schema (SPEC §4)", () => {
  it("needs only scenarioId and steps with turn and call", () => {
    expect(traceSchema.safeParse({ scenarioId: "s", steps: [step(1)] }).success).toBe(true);
    expect(issues({ steps: [] })).toEqual(["scenarioId: Invalid input: expected string, received undefined"]);
  });

  it("keeps an endReason mmcb does not write, and agent kinds it does not know", () => {
    const parsed = traceSchema.parse({
      scenarioId: "s",
      steps: [],
      endReason: "answered",
      agent: { kind: "llm", name: "other-harness" },
    });
    expect(parsed.endReason).toBe("answered");
    expect(parsed.agent?.kind).toBe("llm");
  });

  it("accepts a step without a valid flag, whatever its tool", () => {
    const parsed = traceSchema.parse({ scenarioId: "s", steps: [step(1, "fly")] });
    expect(parsed.steps[0]!.valid).toBeUndefined();
  });

  it("requires turns to start at 1 and never decrease, with one issue per trace", () => {
    expect(issues({ scenarioId: "s", steps: [step(2), step(3)] })).toEqual([
      "steps.0.turn: the first turn is 2; turns start at 1 and never decrease",
    ]);
    expect(issues({ scenarioId: "s", steps: [step(1), step(3), step(2), step(1)] })).toEqual([
      "steps.2.turn: turn 2 comes after turn 3; turns start at 1 and never decrease",
    ]);
    expect(turnOrderIssue([step(1), step(1), step(4)])).toBeNull();
    expect(turnOrderIssue([])).toBeNull();
  });

  it("reads back every trace mmcb writes, valid flags included", async () => {
    // what the engine writes is a subset of what the reader accepts (`valid` required there, optional here)
    expectTypeOf<TraceStep>().toExtend<DeepReadonly<z.input<typeof traceStepSchema>>>();
    expectTypeOf<EpisodeTrace>().toExtend<DeepReadonly<z.input<typeof traceSchema>>>();
    const scenario = scenarioSchema.parse(fixtureScenario());
    const { trace } = await runEpisode({
      scenario,
      solver: oracleSolver(scenario),
      engine: DEFAULT_ENGINE_CONFIG,
      episodeId: "e",
      seed: 1,
    });
    const read = traceSchema.parse(JSON.parse(JSON.stringify(trace)));
    expect(read.steps.map((s) => s.valid)).toEqual(trace.steps.map(() => true));
    expect(read.endReason).toBe("answer");
  });
});
