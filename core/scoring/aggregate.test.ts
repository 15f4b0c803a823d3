import { describe, expect, it } from "vitest";
import { aggregate, passK, summarize, type ScoredEpisode } from "./aggregate";
import { compareRuns, mcnemarExact } from "./compare";
import type { EpisodeMetrics } from "./episode";

const zero = { grounded: 0, contradicted: 0, unseen: 0, nonexistent: 0, unannotated: 0 };
const metrics = (over: Partial<EpisodeMetrics>): EpisodeMetrics => ({
  gold_correct: false,
  entity_correct: false,
  affordance_f1: null,
  affordance_correct: false,
  affordance_plausible: null,
  relation: "no_answer",
  turns: 1,
  distinct_entities: 0,
  distinct_parts: 0,
  gold_entity_explored: false,
  gold_part_explored: false,
  repetition: false,
  similarity_density_part: null,
  similarity_density_entity: null,
  exploration_progress: null,
  invalid_calls: 0,
  claims: { ...zero },
  claims_visual: { ...zero },
  claims_nonvisual: { ...zero },
  hallucinated: 0,
  hallucination_rate: null,
  assessment_accuracy: null,
  ...over,
});
const ep = (
  scenarioId: string,
  seed: number,
  over: Partial<EpisodeMetrics>,
  tier = "mixed",
  setting = "garage",
): ScoredEpisode => ({
  episodeId: `${scenarioId}-${seed}`,
  scenarioId,
  seed,
  tier,
  setting,
  metrics: metrics(over),
});

describe("aggregate", () => {
  it("averages booleans as 0/1, leaves nulls out and reports coverage", () => {
    const agg = aggregate([
      ep("a", 1, { gold_correct: true, hallucination_rate: 0.5, relation: "gold" }),
      ep("b", 1, { hallucination_rate: null, relation: "similar" }),
    ]);
    expect(agg.metrics.gold_correct).toMatchObject({ mean: 0.5, n: 2 });
    expect(agg.metrics.hallucination_rate).toMatchObject({ mean: 0.5, n: 1 });
    expect(agg.metrics.exploration_progress).toEqual({ mean: null, ci95: null, n: 0 });
    expect(agg.relation).toMatchObject({ gold: 0.5, similar: 0.5, no_answer: 0 });
  });

  it("averages affordance_plausible, and leaves it out of scores stored before it existed", () => {
    const stored = metrics({ affordance_f1: 1 }) as Partial<EpisodeMetrics>;
    delete stored.affordance_plausible;
    const agg = aggregate([
      ep("a", 1, { affordance_plausible: 0.5 }),
      { ...ep("b", 1, {}), metrics: stored as EpisodeMetrics },
    ]);
    expect(agg.metrics.affordance_plausible).toMatchObject({ mean: 0.5, n: 1 });
  });

  it("gives a seeded, deterministic bootstrap interval around the mean", () => {
    const values = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const s = summarize(values);
    expect(s.mean).toBe(0.25);
    expect(s.ci95![0]).toBeLessThan(0.25);
    expect(s.ci95![1]).toBeGreaterThan(0.25);
    expect(s.ci95![1] - s.ci95![0]).toBeGreaterThan(0.05);
    expect(s.ci95![1] - s.ci95![0]).toBeLessThan(0.2);
    expect(summarize(values)).toEqual(s);
  });

  it("splits by tier and setting and sums claims", () => {
    const agg = aggregate([
      ep("a", 1, { gold_correct: true, claims: { ...zero, grounded: 2 } }, "similar", "kitchen"),
      ep("b", 1, { claims: { ...zero, unseen: 1 } }, "dissimilar", "kitchen"),
    ]);
    expect(Object.keys(agg.by_tier)).toEqual(["dissimilar", "similar"]);
    expect(agg.by_tier.similar!.metrics.gold_correct.mean).toBe(1);
    expect(agg.by_setting.kitchen!.episodes).toBe(2);
    expect(agg.claims).toMatchObject({ grounded: 2, unseen: 1 });
  });

  it("computes pass^k over seeds", () => {
    const eps = [
      ep("a", 1, { gold_correct: true }),
      ep("a", 2, { gold_correct: true }),
      ep("b", 1, { gold_correct: true }),
      ep("b", 2, { gold_correct: false }),
    ];
    expect(passK(eps)).toEqual({ k: 2, value: 0.5, scenarios: 2 });
    expect(passK([])).toBeNull();
  });
});

describe("compareRuns", () => {
  it("pairs by scenario and seed; McNemar on gold_correct; paired bootstrap on differences", () => {
    const a = [ep("a", 1, { gold_correct: true }), ep("b", 1, {}), ep("c", 1, {}), ep("d", 1, {})];
    const b = [
      ep("a", 1, { gold_correct: true }),
      ep("b", 1, { gold_correct: true }),
      ep("c", 1, { gold_correct: true }),
      ep("z", 1, {}),
    ];
    const c = compareRuns(a, b);
    expect(c.pairs).toBe(3);
    expect(c.mcnemar).toMatchObject({ aOnly: 0, bOnly: 2 });
    expect(c.mcnemar.pValue).toBeCloseTo(0.5);
    expect(c.differences.gold_correct.mean).toBeCloseTo(2 / 3);
  });

  it("has exact McNemar p-values", () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(0, 10)).toBeCloseTo(2 / 1024);
    expect(mcnemarExact(5, 5)).toBe(1);
  });
});

describe("scenarioGoldDifferences", () => {
  it("gives each paired scenario's gold rate in A and B and sorts by the size of the difference", async () => {
    const { scenarioGoldDifferences } = await import("./compare");
    const a = [
      ep("s1", 1, { gold_correct: true }),
      ep("s1", 2, { gold_correct: true }),
      ep("s2", 1, {}),
      ep("s2", 2, {}),
    ];
    const b = [
      ep("s1", 1, { gold_correct: true }),
      ep("s1", 2, {}),
      ep("s2", 1, { gold_correct: true }),
      ep("s2", 2, { gold_correct: true }),
    ];
    expect(scenarioGoldDifferences(a, b)).toEqual([
      { scenarioId: "s2", seeds: 2, a: 0, b: 1, difference: 1 },
      { scenarioId: "s1", seeds: 2, a: 1, b: 0.5, difference: -0.5 },
    ]);
  });
});
