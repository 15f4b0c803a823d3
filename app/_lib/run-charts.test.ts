import { describe, expect, it } from "vitest";
import { aggregate, type EpisodeMetrics, type ScoredEpisode } from "@/core/scoring";
import { metricCiData, relationData, splitData } from "./run-charts";

const counts = (grounded: number) => ({ grounded, contradicted: 0, unseen: 0, nonexistent: 0, unannotated: 0 });

function episode(id: string, tier: string, setting: string, gold: boolean, claims: number): ScoredEpisode {
  const metrics: EpisodeMetrics = {
    gold_correct: gold,
    entity_correct: gold,
    affordance_f1: gold ? 1 : 0,
    affordance_correct: gold,
    affordance_plausible: gold ? 1 : 0,
    relation: gold ? "gold" : "not_similar",
    turns: 3,
    distinct_entities: 1,
    distinct_parts: 1,
    gold_entity_explored: gold,
    gold_part_explored: gold,
    repetition: false,
    similarity_density_part: null,
    similarity_density_entity: 1,
    exploration_progress: null,
    invalid_calls: 0,
    claims: counts(claims),
    claims_visual: counts(claims),
    claims_nonvisual: counts(0),
    hallucinated: 0,
    hallucination_rate: claims ? 0 : null,
    assessment_accuracy: null,
  };
  return { episodeId: id, scenarioId: id, seed: 1, tier, setting, metrics };
}

const agg = aggregate(
  [
    episode("a", "similar", "kitchen", true, 2),
    episode("b", "dissimilar", "garage", false, 0),
    episode("c", "mixed", "kitchen", true, 1),
  ],
  { resamples: 50 },
);

describe("run chart data", () => {
  it("puts shares and counts on separate charts and drops metrics without a mean", () => {
    const rates = metricCiData(agg.metrics, "rate");
    const keys = rates.map((d) => d.key);
    expect(keys).toContain("gold_correct");
    expect(keys).not.toContain("turns");
    expect(keys).not.toContain("similarity_density_part"); // null for every episode
    const gold = rates.find((d) => d.key === "gold_correct")!;
    expect(gold.mean).toBeCloseTo(2 / 3);
    expect(gold.low).toBeLessThanOrEqual(gold.mean);
    expect(gold.high).toBeGreaterThanOrEqual(gold.mean);
    expect(gold.n).toBe(3);
    expect(metricCiData(agg.metrics, "count").map((d) => d.key)).toEqual([
      "turns",
      "distinct_entities",
      "distinct_parts",
      "invalid_calls",
      "hallucinated",
    ]);
  });

  it("orders tiers from easy to hard after the whole run", () => {
    expect(relationData(agg).map((d) => d.group)).toEqual(["All", "Dissimilar", "Mixed", "Similar"]);
    expect(relationData(agg)[0]!.shares.gold).toBeCloseTo(2 / 3);
    expect(splitData(agg.by_tier, "tier").map((d) => d.group)).toEqual(["Dissimilar", "Mixed", "Similar"]);
    const settings = splitData(agg.by_setting, "name");
    expect(settings.map((d) => [d.group, d.episodes])).toEqual([
      ["Garage", 1],
      ["Kitchen", 2],
    ]);
    expect(settings[0]!.values.hallucination_rate).toBeNull();
    expect(settings[1]!.values.gold_correct).toMatchObject({ mean: 1 });
  });
});
