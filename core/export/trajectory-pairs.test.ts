import { describe, expect, it } from "vitest";
import { humanPair, preferredSide, type JudgedEpisode } from "./human-pairs";
import { call, oracleTurns, parcelScenario, play } from "./test-fixtures";
import { episodeScore, planTrajectoryPairs, trajectoryPair, type EpisodeCandidate } from "./trajectory-pairs";

const scenario = parcelScenario();
const good = play(scenario, oracleTurns(), { episodeId: "good", agent: "oracle" });
const wrong = play(scenario, [[call.entity("spoon")], [call.submit("spoon", "handle")]], { episodeId: "wrong" });
const lying = play(scenario, [[call.entity("key")], [call.submit("key", "teeth", [["shape", "flat"]])]], {
  episodeId: "lying",
});
const candidate = (id: string, m: typeof good.metrics, hash = "cfg"): EpisodeCandidate => ({
  episodeId: id,
  runId: `run-${id}`,
  comparableHash: hash,
  metrics: m,
});

describe("episode score", () => {
  it("weighs the answer 0.6, grounding 0.3 and judgment 0.1", () => {
    expect(good.metrics.assessment_accuracy).toBe(1);
    expect(episodeScore(good.metrics)).toBe(1);
    expect(wrong.metrics.hallucination_rate).toBeNull(); // no claims: nothing hallucinated
    expect(episodeScore(wrong.metrics)).toBe(0.3);
    // gold answer but a contradicted claim: 1 of 1 verifiable claims hallucinated
    expect(lying.metrics.gold_correct).toBe(true);
    expect(episodeScore(lying.metrics)).toBeCloseTo(0.6 + 0.3 * (1 - lying.metrics.hallucination_rate!));
    const similar = play(scenario, [[call.entity("key")], [call.submit("key", "tip")]]).metrics;
    expect(episodeScore(similar)).toBe(0.3 + 0.3);
  });
});

describe("trajectory pairs", () => {
  it("pairs gold-correct clean episodes with wrong or hallucinating ones above the margin, within a configuration", () => {
    const planned = planTrajectoryPairs(
      [
        candidate("good", good.metrics),
        candidate("wrong", wrong.metrics),
        candidate("lying", lying.metrics),
        candidate("other", wrong.metrics, "cfg-2"),
      ],
      { minMargin: 0.3 },
    );
    // good → wrong (margin 0.7); good → lying (margin 0.4) qualifies too, but each episode is used once per side
    expect(planned.map((p) => [p.chosen.episodeId, p.rejected.episodeId, p.margin])).toEqual([["good", "wrong", 0.7]]);
    expect(planned[0]!.reasons).toEqual(["wrong_answer"]);
    // "other" is under another configuration: never paired
    expect(
      planTrajectoryPairs([candidate("good", good.metrics), candidate("other", wrong.metrics, "cfg-2")], {
        minMargin: 0,
      }),
    ).toEqual([]);
  });

  it("respects the minimum margin and the limit", () => {
    const lyingScore = episodeScore(lying.metrics);
    const margin = Math.round((1 - lyingScore) * 1e6) / 1e6;
    const both = [candidate("good", good.metrics), candidate("lying", lying.metrics)];
    expect(planTrajectoryPairs(both, { minMargin: margin })).toHaveLength(1);
    expect(planTrajectoryPairs(both, { minMargin: margin + 0.01 })).toHaveLength(0);
    expect(planTrajectoryPairs(both, { minMargin: 0 })[0]!.reasons).toEqual(["contradicted"]);
    const many = [
      candidate("g1", good.metrics),
      candidate("g2", good.metrics),
      candidate("w1", wrong.metrics),
      candidate("w2", wrong.metrics),
    ];
    expect(planTrajectoryPairs(many, { minMargin: 0.3 })).toHaveLength(2);
    expect(planTrajectoryPairs(many, { minMargin: 0.3, limit: 1 })).toHaveLength(1);
  });

  it("builds the pair: the shared opening as prompt, each whole trajectory up to its last assistant turn", () => {
    const pair = trajectoryPair(
      scenario,
      "h",
      { trace: good.trace, runId: "r1", metrics: good.metrics },
      { trace: wrong.trace, runId: "r2", metrics: wrong.metrics },
      { source: "trajectory", reasons: ["wrong_answer"] },
    )!;
    expect(pair.prompt.map((m) => m.role)).toEqual(["system", "user"]);
    expect(pair.chosen.at(-1)).toMatchObject({ role: "assistant", toolCalls: [{ name: "submit_answer" }] });
    expect(pair.rejected.at(-1)).toMatchObject({
      role: "assistant",
      toolCalls: [{ name: "submit_answer", arguments: { entity_id: "spoon" } }],
    });
    expect(pair.chosen.filter((m) => m.role === "assistant")).toHaveLength(3);
    expect(pair.provenance).toMatchObject({
      source: "trajectory",
      negative: null,
      scoreMargin: 0.7,
      runIds: ["r1", "r2"],
      episodes: { chosen: "good", rejected: "wrong" },
      claims: { chosen: good.metrics.claims, rejected: wrong.metrics.claims },
    });
  });

  it("refuses two episodes whose openings differ", () => {
    const shorter = play(scenario, [[call.submit("spoon", "bowl")]], { maxTurns: 5, episodeId: "short" });
    expect(
      trajectoryPair(
        scenario,
        "h",
        { trace: good.trace, runId: "r1", metrics: good.metrics },
        { trace: shorter.trace, runId: "r2", metrics: shorter.metrics },
        { source: "trajectory", reasons: [] },
      ),
    ).toBeNull();
  });
});

describe("human pairs", () => {
  const left: JudgedEpisode = { trace: wrong.trace, runId: "r1", metrics: wrong.metrics };
  const right: JudgedEpisode = { trace: good.trace, runId: "r2", metrics: good.metrics };
  const verdict = (v: "left" | "right" | "tie" | "both_bad") => ({
    leftEpisodeId: "wrong",
    rightEpisodeId: "good",
    verdict: v,
  });

  it("maps left and right verdicts to the preferred side", () => {
    expect(preferredSide("left")).toBe("left");
    expect(preferredSide("right")).toBe("right");
    const r = humanPair(scenario, "h", verdict("right"), left, right)!;
    expect(r.provenance).toMatchObject({
      source: "human",
      episodes: { chosen: "good", rejected: "wrong" },
      rejectedReasons: ["human_verdict"],
    });
    const l = humanPair(scenario, "h", verdict("left"), left, right)!;
    expect(l.provenance.episodes).toEqual({ chosen: "wrong", rejected: "good" });
    expect(l.provenance.scoreMargin).toBe(-0.7); // a person's preference stands against the score
  });

  it("ties and both-bad verdicts produce nothing", () => {
    expect(preferredSide("tie")).toBeNull();
    expect(humanPair(scenario, "h", verdict("tie"), left, right)).toBeNull();
    expect(humanPair(scenario, "h", verdict("both_bad"), left, right)).toBeNull();
  });

  it("episodes of another scenario produce nothing", () => {
    const elsewhere = { ...right, trace: { ...right.trace, scenarioId: "other" } };
    expect(humanPair(scenario, "h", verdict("right"), left, elsewhere)).toBeNull();
  });
});
