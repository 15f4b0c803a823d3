import { describe, expect, it } from "vitest";
import {
  candidatePairs,
  canonicalVerdict,
  pairAgreement,
  pairKey,
  pairQueue,
  type PairableEpisode,
  type StoredPairVerdict,
} from "./pairs";

const ep = (runId: string, scenarioId: string, seed: number, solver = runId): PairableEpisode => ({
  id: `${runId}:${scenarioId}:${seed}`,
  runId,
  scenarioId,
  solver,
});

const episodes = [
  ep("oracle", "s1", 0),
  ep("oracle", "s1", 1),
  ep("random", "s1", 0),
  ep("random-2", "s1", 0, "random"),
  ep("oracle", "s2", 0),
  ep("random", "s2", 0),
  ep("lexical", "s3", 0),
];

describe("candidatePairs", () => {
  it("pairs episodes of the same scenario from different runs only", () => {
    const pairs = candidatePairs(episodes);
    for (const [a, b] of pairs) {
      expect(a.scenarioId).toBe(b.scenarioId);
      expect(a.runId).not.toBe(b.runId);
      expect(a.id < b.id).toBe(true);
    }
    // s1: 2 oracle × (random, random-2) + random × random-2 = 5; s2: 1; s3: none
    expect(pairs.length).toBe(6);
  });
});

describe("pairQueue", () => {
  it("leaves out pairs this reviewer judged, whichever way round they saw them", () => {
    const all = pairQueue(episodes, [], "ann");
    const first = all[0]!;
    const verdicts: StoredPairVerdict[] = [
      { leftEpisodeId: first.right, rightEpisodeId: first.left, verdict: "tie", annotatorId: "ann" },
    ];
    const next = pairQueue(episodes, verdicts, "ann");
    expect(next.length).toBe(all.length - 1);
    expect(next.some((p) => pairKey(p.left, p.right) === pairKey(first.left, first.right))).toBe(false);
  });

  it("puts pairs other reviewers judged first, then different solvers", () => {
    const verdicts: StoredPairVerdict[] = [
      { leftEpisodeId: "random:s1:0", rightEpisodeId: "random-2:s1:0", verdict: "left", annotatorId: "bob" },
    ];
    const queue = pairQueue(episodes, verdicts, "ann");
    expect(pairKey(queue[0]!.left, queue[0]!.right)).toBe(pairKey("random:s1:0", "random-2:s1:0"));
    expect(queue[0]!.judgedByOthers).toBe(1);
    expect(queue[0]!.differentSolvers).toBe(false);
    expect(queue.slice(1).every((p) => p.differentSolvers)).toBe(true);
  });

  it("is stable for a reviewer and seed, and randomises the side order across pairs", () => {
    expect(pairQueue(episodes, [], "ann", { seed: 7 })).toEqual(pairQueue(episodes, [], "ann", { seed: 7 }));
    const many = Array.from({ length: 40 }, (_, i) => [ep("a", `s${i}`, 0), ep("b", `s${i}`, 0)]).flat();
    const queue = pairQueue(many, [], "ann", { seed: 1 });
    const leftIsA = queue.filter((p) => p.left.startsWith("a:")).length;
    expect(leftIsA).toBeGreaterThan(5);
    expect(leftIsA).toBeLessThan(35);
  });

  it("honours the limit", () => {
    expect(pairQueue(episodes, [], "ann", { limit: 2 }).length).toBe(2);
  });
});

describe("canonicalVerdict", () => {
  it("maps a preference to the same canonical side whichever way round the pair was shown", () => {
    const a = canonicalVerdict({ leftEpisodeId: "x", rightEpisodeId: "y", verdict: "left" });
    const b = canonicalVerdict({ leftEpisodeId: "y", rightEpisodeId: "x", verdict: "right" });
    expect(a).toEqual(b);
    expect(a.label).toBe("first");
    expect(canonicalVerdict({ leftEpisodeId: "y", rightEpisodeId: "x", verdict: "left" }).label).toBe("second");
    expect(canonicalVerdict({ leftEpisodeId: "y", rightEpisodeId: "x", verdict: "both_bad" }).label).toBe("both_bad");
  });
});

describe("pairAgreement", () => {
  const v = (l: string, r: string, verdict: StoredPairVerdict["verdict"], annotatorId: string): StoredPairVerdict => ({
    leftEpisodeId: l,
    rightEpisodeId: r,
    verdict,
    annotatorId,
  });

  it("counts agreement across orientations, and only pairs with two or more reviewers", () => {
    const verdicts = [
      v("a", "b", "left", "ann"),
      v("b", "a", "right", "bob"), // same preference (a), other way round
      v("c", "d", "tie", "ann"),
      v("d", "c", "tie", "bob"),
      v("e", "f", "left", "ann"), // only one reviewer: not shared
    ];
    const r = pairAgreement(verdicts);
    expect(r.raters).toBe(2);
    expect(r.sharedPairs).toBe(2);
    expect(r.kappas).toHaveLength(1);
    expect(r.kappas[0]!.n).toBe(2);
    expect(r.kappas[0]!.kappa).toBeCloseTo(1, 12);
    expect(r.alpha.alpha).toBeCloseTo(1, 12);
  });

  it("uses a reviewer's latest verdict on a pair and reports disagreement below zero", () => {
    const verdicts = [
      v("a", "b", "right", "ann"),
      v("a", "b", "left", "ann"), // changed their mind: left counts
      v("a", "b", "right", "bob"),
      v("c", "d", "right", "ann"),
      v("c", "d", "left", "bob"),
    ];
    const r = pairAgreement(verdicts);
    expect(r.kappas[0]!.observed).toBe(0);
    expect(r.kappas[0]!.kappa!).toBeLessThan(0);
    expect(r.alpha.alpha!).toBeLessThan(0);
  });

  it("computes alpha over three reviewers with missing verdicts", () => {
    const verdicts = [
      v("a", "b", "left", "r1"),
      v("a", "b", "left", "r2"),
      v("a", "b", "left", "r3"),
      v("c", "d", "tie", "r1"),
      v("c", "d", "tie", "r3"),
      v("e", "f", "right", "r2"),
      v("e", "f", "left", "r3"),
    ];
    const r = pairAgreement(verdicts);
    expect(r.sharedPairs).toBe(3);
    expect(r.kappas.length).toBe(3);
    expect(r.alpha.values).toBe(7);
    expect(r.alpha.alpha!).toBeGreaterThan(0);
    expect(r.alpha.alpha!).toBeLessThan(1);
  });
});
