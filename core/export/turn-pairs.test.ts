import { describe, expect, it } from "vitest";
import { annotationMatches, findPart } from "../scenario";
import { explorationState, guidedTurn } from "./guided";
import type { AssistantMessage, ChatMessage, PreferencePair } from "./messages";
import { call, oracleTurns, parcelScenario, play } from "./test-fixtures";
import { turnPairs, type ExportEpisode } from "./turn-pairs";

const scenario = parcelScenario();
const episode = (trace: ReturnType<typeof play>["trace"]): ExportEpisode => ({
  scenario,
  scenarioHash: "hash-1",
  runId: "run-1",
  trace,
});
const only = (messages: readonly ChatMessage[]): AssistantMessage => {
  expect(messages).toHaveLength(1);
  expect(messages[0]!.role).toBe("assistant");
  return messages[0] as AssistantMessage;
};
const callOf = (m: AssistantMessage, name: string) => m.toolCalls.find((c) => c.name === name);
const claimsOf = (args: Readonly<Record<string, unknown>> | undefined, key: string) =>
  (args?.[key] ?? []) as { name: string; value: string }[];

describe("turn-level pairs, normal negatives", () => {
  it("a hallucinated assess yields a normal pair whose chosen turn claims the true attributes", () => {
    const { trace } = play(scenario, [
      [call.entity("key")],
      [
        call.assess("key", "teeth", true, [
          ["shape", "flat"],
          ["material", "metal"],
        ]),
      ],
      [call.submit("key", "teeth", [["shape", "serrated"]])],
    ]);
    const { pairs, skipped } = turnPairs(episode(trace), { negatives: "normal", seed: 1 });
    expect(pairs).toHaveLength(1);
    expect(skipped.turn_not_faulty).toBe(2);
    const pair = pairs[0]!;
    expect(pair.provenance).toMatchObject({
      source: "guided",
      negative: "normal",
      turn: 2,
      scenario: { id: "open-parcel", version: 2, contentHash: "hash-1" },
      runIds: ["run-1"],
      episodes: { context: "ep-1" },
      scoreMargin: null,
      claims: { chosen: { grounded: 3, contradicted: 0, unseen: 0 }, rejected: { grounded: 1, contradicted: 1 } },
    });
    expect(pair.provenance.rejectedReasons).toEqual(["contradicted"]);

    const chosen = only(pair.chosen);
    // the guided turn zooms into the part, then claims exactly the part's true visual attributes
    expect(chosen.toolCalls.map((c) => c.name)).toEqual(["inspect_part", "assess_part"]);
    const assess = callOf(chosen, "assess_part")!.arguments;
    expect(assess).toMatchObject({ entity_id: "key", part_id: "teeth", suitable: true });
    const truth = findPart(scenario, "key", "teeth")!.attributes.filter((a) => a.visual);
    expect(claimsOf(assess, "observed_attributes")).toEqual(truth.map((a) => ({ name: a.name, value: a.value })));
    expect(claimsOf(assess, "observed_attributes").some((c) => c.name === "rigidity")).toBe(false); // not visual

    // the rejected turn is the solver's own, without its free text
    const rejected = only(pair.rejected);
    expect(rejected.content).toBeNull();
    expect(claimsOf(callOf(rejected, "assess_part")!.arguments, "observed_attributes")).toContainEqual({
      name: "shape",
      value: "flat",
    });
    // the context is the real prefix: system, opening, turn 1 and its results, ending with the entity image
    expect(pair.prompt.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool", "user"]);
    const last = pair.prompt.at(-1)!;
    expect(last.role === "user" && last.content.some((p) => p.type === "image" && p.ref.kind === "entity")).toBe(true);
  });

  it.each([
    ["an unseen claim", [[call.assess("spoon", "bowl", false, [["shape", "curved"]])]], ["unseen"]],
    [
      "a misjudged part",
      [
        [call.entity("sponge")],
        [call.part("sponge", "pad"), call.assess("sponge", "pad", true, [["material", "foam"]])],
      ],
      ["misjudged_suitability"],
    ],
    ["a wrong answer", [[call.entity("spoon")], [call.submit("spoon", "handle")]], ["wrong_answer"]],
    ["an object that does not exist", [[call.entity("hammer")]], ["nonexistent_object"]],
    [
      "claims about a part that does not exist",
      [[call.entity("key")], [call.assess("key", "blade", true, [["shape", "flat"]])]],
      ["nonexistent", "nonexistent_object"],
    ],
  ] as const)("%s is a normal negative", (_, turns, reasons) => {
    const { trace } = play(scenario, turns as never);
    const { pairs } = turnPairs(episode(trace), { negatives: "normal", seed: 1 });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.provenance.rejectedReasons).toEqual(reasons);
  });

  it("a clean trajectory gives no normal pair", () => {
    const { trace, metrics } = play(scenario, oracleTurns());
    expect(metrics.gold_correct).toBe(true);
    const { pairs, skipped } = turnPairs(episode(trace), { negatives: "normal", seed: 1 });
    expect(pairs).toEqual([]);
    expect(skipped).toEqual({ turn_not_faulty: 3 });
  });
});

describe("turn-level pairs, hard negatives", () => {
  const hardPairs = (turns: Parameters<typeof play>[1], seed = 1): PreferencePair[] =>
    turnPairs(episode(play(scenario, turns).trace), { negatives: "hard", seed }).pairs;

  it("a contradicted hard negative claims a different canonical value for at least one visual attribute of the same part", () => {
    const pairs = hardPairs(oracleTurns()).filter((p) => p.provenance.hardKind === "contradicted");
    expect(pairs.length).toBe(2); // the assess turn and the answer turn
    for (const pair of pairs) {
      const chosen = only(pair.chosen);
      const rejected = only(pair.rejected);
      const tool = callOf(chosen, "assess_part") ? "assess_part" : "submit_answer";
      const key = tool === "assess_part" ? "observed_attributes" : "attributes_used";
      const c = callOf(chosen, tool)!.arguments;
      const r = callOf(rejected, tool)!.arguments;
      // same action on the same part
      expect([r.entity_id, r.part_id]).toEqual([c.entity_id, c.part_id]);
      expect(rejected.toolCalls.map((x) => x.name)).toEqual(chosen.toolCalls.map((x) => x.name));
      const part = findPart(scenario, String(r.entity_id), String(r.part_id))!;
      const wrongVisual = claimsOf(r, key).filter((claim) => {
        const annotation = part.attributes.find((a) => a.name === claim.name);
        return annotation?.visual && !annotationMatches(annotation, claim.value);
      });
      expect(wrongVisual.length).toBeGreaterThanOrEqual(1);
      expect(pair.provenance.claims.rejected!.contradicted).toBeGreaterThanOrEqual(1);
      expect(pair.provenance.claims.chosen).toMatchObject({ contradicted: 0, unseen: 0, nonexistent: 0 });
      expect(pair.provenance.rejectedReasons).toContain("contradicted");
    }
  });

  it("a skipped-part hard negative judges the part without looking at it", () => {
    const pairs = hardPairs(oracleTurns());
    const first = pairs.find((p) => p.provenance.turn === 1)!;
    expect(first.provenance.hardKind).toBe("skipped_part");
    expect(only(first.chosen).toolCalls.map((c) => c.name)).toEqual(["plan_exploration", "inspect_entity"]);
    const rejected = only(first.rejected);
    expect(rejected.toolCalls.map((c) => c.name)).toEqual(["plan_exploration", "assess_part"]);
    expect(first.provenance.claims.rejected!.unseen).toBeGreaterThanOrEqual(1);
    expect(first.provenance.rejectedReasons).toEqual(["unseen"]);
  });

  it("is deterministic for a seed", () => {
    const a = hardPairs(oracleTurns(), 7);
    expect(hardPairs(oracleTurns(), 7)).toEqual(a);
    const seeds = new Set(
      [1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(hardPairs(oracleTurns(), s).map((p) => p.rejected))),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });

  it("builds a pair for every turn of a wandering trajectory, each chosen side clean", () => {
    const turns = [
      [call.entity("spoon")],
      [call.part("spoon", "bowl")],
      [call.entity("sponge")],
      [call.submit("sponge", "pad")],
    ];
    const pairs = hardPairs(turns);
    expect(pairs.map((p) => p.provenance.turn)).toEqual([1, 2, 3, 4]);
    // turn 3 follows a zoom into the spoon's bowl: with budget to spare, the guided turn judges it (not suitable)
    const assess = callOf(only(pairs[2]!.chosen), "assess_part")!.arguments;
    expect(assess).toMatchObject({ entity_id: "spoon", part_id: "bowl", suitable: false });
    for (const p of pairs)
      expect(p.provenance.claims.chosen).toMatchObject({ contradicted: 0, unseen: 0, nonexistent: 0 });
  });
});

describe("the guided policy", () => {
  const next = (turns: Parameters<typeof play>[1], maxTurns: number) => {
    const { trace } = play(scenario, turns, { maxTurns });
    return guidedTurn(scenario, explorationState(scenario, trace.steps), maxTurns).map((c) => c.tool);
  };

  it("walks the gold path: plan and inspect, zoom and assess, answer", () => {
    expect(next([], 15)).toEqual(["plan_exploration", "inspect_entity"]);
    expect(next([[call.entity("key")]], 15)).toEqual(["inspect_part", "assess_part"]);
    expect(next(oracleTurns().slice(0, 2), 15)).toEqual(["submit_answer"]);
  });

  it("packs the exploration when the budget is short, and answers without claims about an unseen part", () => {
    expect(next([], 2)).toEqual(["plan_exploration", "inspect_entity", "inspect_part", "assess_part"]);
    const { trace } = play(scenario, [], { maxTurns: 1 });
    const [answer] = guidedTurn(scenario, explorationState(scenario, trace.steps), 1);
    expect(answer).toMatchObject({
      tool: "submit_answer",
      args: { entity_id: "key", part_id: "teeth", attributes_used: [] },
    });
    // the last turn of a longer budget answers too, claiming the required attributes once the part was seen
    const seen = play(scenario, [[call.entity("key")], [call.entity("spoon")]], { maxTurns: 3 });
    const [last] = guidedTurn(scenario, explorationState(scenario, seen.trace.steps), 3);
    expect(last).toMatchObject({
      tool: "submit_answer",
      args: { attributes_used: scenario.gold[0]!.requiredAttributes },
    });
  });
});
