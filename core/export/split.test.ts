import { describe, expect, it } from "vitest";
import { splitScenarios } from "./split";

const ids = Array.from({ length: 10 }, (_, i) => `s-${i}`);

describe("split by scenario", () => {
  it("puts each scenario in exactly one split, round(share × n) in test", () => {
    const split = splitScenarios(ids, 0.2, 1);
    expect([...split.keys()].sort()).toEqual([...ids].sort());
    expect([...split.values()].filter((s) => s === "test")).toHaveLength(2);
  });

  it("is deterministic for a seed and changes with it", () => {
    const test = (seed: number) =>
      [...splitScenarios(ids, 0.3, seed)]
        .filter(([, s]) => s === "test")
        .map(([id]) => id)
        .sort();
    expect(test(5)).toEqual(test(5));
    expect(new Set([1, 2, 3, 4, 5].map((s) => test(s).join())).size).toBeGreaterThan(1);
    // order of the input does not matter
    expect(
      [...splitScenarios([...ids].reverse(), 0.3, 5)]
        .filter(([, s]) => s === "test")
        .map(([id]) => id)
        .sort(),
    ).toEqual(test(5));
  });

  it("keeps at least one scenario on each side when it can, none in test for share 0", () => {
    expect([...splitScenarios(["a", "b"], 0.01, 1).values()].sort()).toEqual(["test", "train"]);
    expect([...splitScenarios(["a", "b"], 0.99, 1).values()].sort()).toEqual(["test", "train"]);
    expect([...splitScenarios(["a"], 0.5, 1).values()]).toEqual(["train"]);
    expect([...splitScenarios(ids, 0, 1).values()].every((s) => s === "train")).toBe(true);
  });
});
