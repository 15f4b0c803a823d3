import { describe, expect, it } from "vitest";
import { runEpisode } from "../engine";
import { scoreEpisode } from "../scoring";
import { oracleSolver } from "../solvers";
import { imageRefsOf } from "./messages";
import { guidedTrace, sftEligible, sftRecord } from "./sft";
import { call, parcelScenario, play } from "./test-fixtures";

const scenario = parcelScenario();
const config = {
  engine: { maxTurns: 15, observation: "image", imageHistory: "last", reasoningHistory: "keep" },
  systemPrompt: "S",
};

describe("SFT trajectories", () => {
  it("from the oracle: the full chat with every image, ending with the answer", async () => {
    const { trace } = await runEpisode({
      scenario,
      solver: oracleSolver(scenario),
      engine: { maxTurns: 15, observation: "image" },
      episodeId: "oracle-1",
      seed: 1,
      config,
    });
    const { metrics } = scoreEpisode(scenario, trace);
    expect(sftEligible(metrics)).toBe(true);
    const record = sftRecord(scenario, "h", { trace, runId: "run-o", metrics }, "trajectory");
    expect(record.messages[0]).toEqual({ role: "system", content: "S" });
    expect(record.messages.at(-1)).toMatchObject({ role: "assistant", toolCalls: [{ name: "submit_answer" }] });
    expect(imageRefsOf(record.messages)).toHaveLength(3); // scene, entity, part — all kept
    expect(record.provenance).toMatchObject({
      source: "trajectory",
      negative: null,
      episodes: { trajectory: "oracle-1" },
      agents: ["oracle"],
    });
  });

  it.each([15, 3, 2, 1])("guided episodes are flawless with a budget of %i turns", async (maxTurns) => {
    const trace = await guidedTrace(scenario, { ...config, engine: { ...config.engine, maxTurns } }, "g");
    const { metrics } = scoreEpisode(scenario, trace);
    expect(metrics).toMatchObject({ gold_correct: true, hallucinated: 0, invalid_calls: 0 });
    expect(sftEligible(metrics)).toBe(true);
    expect(trace.endReason).toBe("answer");
    expect(trace.agent.name).toBe("guided");
  });

  it("a flawed episode is not eligible", () => {
    const wrong = play(scenario, [[call.submit("spoon", "bowl")]]).metrics;
    const misjudged = play(scenario, [
      [call.entity("key")],
      [call.part("key", "bow"), call.assess("key", "bow", true, [])],
      [call.submit("key", "teeth")],
    ]).metrics;
    expect(misjudged.gold_correct).toBe(true);
    expect(sftEligible(wrong)).toBe(false);
    expect(sftEligible(misjudged)).toBe(false);
  });
});
