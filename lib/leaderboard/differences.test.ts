import { describe, expect, it } from "vitest";
import type { RunConfig } from "@/core/run";
import { configDifferences, describeDifferences, formatSeeds } from "./differences";

const config = (patch: (c: RunConfig) => void = () => undefined): RunConfig => {
  const c: RunConfig = {
    solver: { kind: "model", name: "openai", model: "m", endpointHost: "127.0.0.1:8000" },
    engine: {
      maxTurns: 20,
      observation: "image",
      imageHistory: "last",
      reasoningHistory: "keep",
      entityLabels: "names",
    },
    sampling: { temperature: null, topP: null, seed: null, maxTokens: null, sendSeed: true },
    systemPrompt: "p",
    promptTemplateVersion: "1",
    toolSchemaHash: "t",
    scenarios: [{ id: "a", version: 1, contentHash: "h", imageHashes: {} }],
    seeds: [1],
    appVersion: "0.1.0",
  };
  patch(c);
  return c;
};
const bundled = { name: "bundled", count: 62, hash: "3fa9c1" };

describe("configDifferences", () => {
  it("says in words what differs from the main group", () => {
    const other = config((c) => {
      c.engine.maxTurns = 10;
      c.engine.observation = "text";
      c.sampling.temperature = 0.7;
      c.seeds = [1, 2, 3];
    });
    const d = configDifferences(
      { config: config(), benchmarkSet: bundled },
      { config: other, benchmarkSet: { name: "custom", count: 12, hash: "0b12ee" } },
    );
    expect(d).toEqual([
      "max turns 10 instead of 20",
      "observation text instead of image",
      "temperature 0.7 instead of default",
      "benchmark set custom · 12 · 0b12ee instead of bundled · 62 · 3fa9c1",
      "seeds 1–3 instead of 1",
    ]);
    expect(describeDifferences(d)).toBe(d.join(" · "));
  });

  it("finds nothing for the same configuration, and names prompt, kind and seed-sending changes", () => {
    expect(
      configDifferences({ config: config(), benchmarkSet: bundled }, { config: config(), benchmarkSet: bundled }),
    ).toEqual([]);
    expect(
      configDifferences(
        { config: config(), benchmarkSet: bundled },
        {
          config: config((c) => {
            c.systemPrompt = "other";
            c.sampling.sendSeed = false;
          }),
          benchmarkSet: bundled,
        },
      ),
    ).toEqual(["no seed sent", "another system prompt"]);
    const baseline = config((c) => {
      c.solver = { kind: "baseline", name: "oracle" };
      delete c.sampling.sendSeed;
    });
    expect(
      configDifferences({ config: baseline, benchmarkSet: bundled }, { config: config(), benchmarkSet: bundled }),
    ).toEqual(["solver kind model instead of baseline", "endpoint 127.0.0.1:8000 instead of none"]);
    expect(formatSeeds([3, 1])).toBe("1, 3");
  });
});
