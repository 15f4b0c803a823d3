import { describe, expect, it } from "vitest";
import { affordanceF1, affordanceTokens, bestAffordanceF1 } from "./affordance";

describe("affordance F1", () => {
  it("lower-cases, drops punctuation and stop words, and stems with Porter", () => {
    expect(affordanceTokens("Tapping the lids, gently!")).toEqual(["tap", "lid", "gentli"]);
    expect(affordanceF1("tap", "tapping")).toBe(1);
    expect(affordanceF1("levers", "lever it up")).toBe(1);
  });

  it("is SQuAD-style token F1 on the stemmed tokens", () => {
    // {turn, screw} vs {turn, slot, screw}: P = 1, R = 2/3
    expect(affordanceF1("turn a screw", "turn a slotted screw")).toBeCloseTo(0.8);
    expect(affordanceF1("the", "a lid")).toBe(0);
  });

  it("takes the best reference, and is null without any", () => {
    expect(bestAffordanceF1("pry a lid", ["scoop sugar", "prying lids"])).toBe(1);
    expect(bestAffordanceF1("pry a lid", [])).toBeNull();
  });
});
