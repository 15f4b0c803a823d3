import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../scenario";
import { fixtureScenario } from "../../test/fixture";
import { scoreEpisode, type EpisodeMetrics, type ScorableTrace } from "./episode";

// Fixture: gold coin/edge (thickness thin·visual, material metal·visual, rigidity rigid·non-visual);
// coin/face (shape flat); similar spoon/handle-tip (shape flat); spoon/bowl (shape curved).
const scenario = scenarioSchema.parse(fixtureScenario());

type Call = [tool: string, args: unknown, turn?: number, valid?: boolean];
const trace = (...calls: Call[]): ScorableTrace => ({
  steps: calls.map(([tool, args, turn, valid], i) => ({
    turn: turn ?? i + 1,
    call: { tool, args },
    ...(valid === undefined ? {} : { valid }),
  })),
});
const score = (...calls: Call[]) => scoreEpisode(scenario, trace(...calls));
const m = (...calls: Call[]): EpisodeMetrics => score(...calls).metrics;

const answer = (
  entity_id: string,
  part_id: string,
  attributes_used: { name: string; value: string }[] = [],
  affordance = "pry open a lid",
) => ["submit_answer", { entity_id, part_id, affordance, attributes_used, how_to_use: "wedge and twist" }] as Call;
const inspectE = (entity_id: string): Call => ["inspect_entity", { entity_id }];
const inspectP = (entity_id: string, part_id: string): Call => ["inspect_part", { entity_id, part_id }];
const assess = (
  entity_id: string,
  part_id: string,
  suitable: boolean,
  observed_attributes: { name: string; value: string }[] = [],
): Call => ["assess_part", { entity_id, part_id, suitable, observed_attributes, rationale: "seen" }];

describe("answer metrics", () => {
  it.each<[string, Call[], Partial<EpisodeMetrics>]>([
    [
      "gold answer",
      [answer("coin", "edge")],
      { gold_correct: true, entity_correct: true, relation: "gold", affordance_correct: true, affordance_f1: 1 },
    ],
    [
      "gold entity, wrong part",
      [answer("coin", "face")],
      { gold_correct: false, entity_correct: true, relation: "not_similar" },
    ],
    [
      "similar part",
      [answer("spoon", "handle-tip")],
      { gold_correct: false, entity_correct: false, relation: "similar" },
    ],
    [
      "nonexistent part",
      [answer("coin", "rim")],
      { gold_correct: false, entity_correct: true, relation: "nonexistent" },
    ],
    [
      "nonexistent entity",
      [answer("hammer", "claw")],
      { gold_correct: false, entity_correct: false, relation: "nonexistent" },
    ],
    [
      "no answer",
      [inspectE("coin")],
      {
        gold_correct: false,
        entity_correct: false,
        relation: "no_answer",
        affordance_f1: null,
        affordance_correct: false,
      },
    ],
    [
      "gold with unrelated affordance",
      [answer("coin", "edge", [], "decorate a shelf")],
      { gold_correct: true, affordance_f1: 0, affordance_correct: false },
    ],
  ])("%s", (_n, calls, expected) => {
    expect(m(...calls)).toMatchObject(expected);
  });

  it("scores affordance F1 on stemmed content tokens against the gold affordance only", () => {
    // "use it to pry the lid open" → {pry, lid, open} vs "pry open a lid" → {pry, open, lid}
    expect(m(answer("coin", "edge", [], "use it to pry the lid open")).affordance_f1).toBe(1);
    // stemmed: "prying lids opened" → {pry, lid, open}
    expect(m(answer("coin", "edge", [], "Prying lids opened!")).affordance_f1).toBe(1);
    // "turn a screw" is one of the part's listed affordances, not the gold one: F1 0, not correct …
    const other = m(answer("coin", "edge", [], "turn a screw"));
    expect(other).toMatchObject({ affordance_f1: 0, affordance_correct: false });
    // … but plausible: vs the part's "turn a slotted screw": P=1, R=2/3 → 0.8
    expect(other.affordance_plausible).toBeCloseTo(0.8);
  });

  it("gives no affordance F1 unless the answer is gold; plausibility still counts the part's affordances", () => {
    // the similar spoon handle tip lists "pry open a lid" itself
    const similar = m(answer("spoon", "handle-tip"));
    expect(similar).toMatchObject({ affordance_f1: null, affordance_correct: false, affordance_plausible: 1 });
    // a gold affordance does not make another part's answer plausible
    expect(m(answer("spoon", "bowl")).affordance_plausible).toBe(0);
    expect(m(answer("spoon", "bowl", [], "scooping")).affordance_plausible).toBe(1);
    expect(m(answer("hammer", "claw"))).toMatchObject({ affordance_f1: null, affordance_plausible: 0 });
    expect(m(inspectE("coin"))).toMatchObject({ affordance_f1: null, affordance_plausible: null });
  });

  it("matches the affordance of the gold entry the answer names, when there are several", () => {
    const two = scenarioSchema.parse({
      ...fixtureScenario(),
      gold: [
        ...(fixtureScenario().gold as object[]),
        {
          entity: "spoon",
          part: "bowl",
          affordance: "tap the lid loose",
          requiredAttributes: [{ name: "shape", value: "curved" }],
          howTo: "Tap around the rim.",
        },
      ],
      similar: [],
    });
    const f1 = (entity: string, part: string, affordance: string) =>
      scoreEpisode(two, trace(answer(entity, part, [], affordance))).metrics.affordance_f1;
    expect(f1("spoon", "bowl", "tapping the lid")).toBeCloseTo(0.8); // {tap, lid} vs {tap, lid, loos}
    expect(f1("spoon", "bowl", "pry open a lid")).toBeCloseTo(1 / 3); // only "lid" in common: P=1/3, R=1/3
    expect(f1("coin", "edge", "tap the lid loose")).toBeCloseTo(1 / 3);
  });

  it("ignores everything after a well-formed answer", () => {
    const r = m(answer("coin", "edge"), inspectE("spoon"), ["bogus", {}]);
    expect(r).toMatchObject({ gold_correct: true, distinct_entities: 0, invalid_calls: 0 });
  });

  it("takes the first well-formed answer; a malformed submit does not end the episode", () => {
    const r = m(["submit_answer", { entity_id: "coin" }], answer("spoon", "bowl"));
    expect(r).toMatchObject({ relation: "not_similar", invalid_calls: 1 });
  });
});

describe("exploration metrics", () => {
  it("counts turns, distinct entities and parts, and repetition", () => {
    const r = m(inspectE("coin"), inspectP("coin", "face"), inspectP("spoon", "bowl"), answer("coin", "edge"));
    expect(r).toMatchObject({
      turns: 4,
      distinct_entities: 2,
      distinct_parts: 2,
      repetition: false,
      gold_entity_explored: true,
      gold_part_explored: false,
    });
    expect(m(inspectP("coin", "face"), inspectP("coin", "face")).repetition).toBe(true);
    expect(m(inspectE("coin"), inspectE("coin")).repetition).toBe(true);
    expect(m(inspectE("coin"), inspectP("coin", "face")).repetition).toBe(false);
  });

  it("uses the highest turn number, with several calls per turn", () => {
    const r = m(
      ["inspect_entity", { entity_id: "coin" }, 1],
      ["inspect_part", { entity_id: "coin", part_id: "edge" }, 1],
      ["submit_answer", answer("coin", "edge")[1], 2],
    );
    expect(r.turns).toBe(2);
    expect(r.exploration_progress).toBe(0.5);
  });

  it("explores only through valid calls", () => {
    const r = m(
      inspectE("hammer"),
      inspectP("coin", "rim"),
      ["inspect_entity", "{not json"],
      ["fly", {}],
      inspectE("spoon"),
    );
    expect(r).toMatchObject({ distinct_entities: 1, distinct_parts: 0, invalid_calls: 4 });
  });

  it("respects a recorded valid:false (e.g. a non-answer call on the final turn)", () => {
    const r = m(["inspect_entity", { entity_id: "coin" }, 1, false]);
    expect(r).toMatchObject({ distinct_entities: 0, invalid_calls: 1 });
  });

  it("computes similarity densities and exploration progress", () => {
    // parts: coin/face (no), spoon/handle-tip (similar), coin/edge (gold) → 2/3; entities: coin (gold), spoon (similar) → 2/2
    const r = m(
      inspectP("coin", "face"),
      inspectP("spoon", "handle-tip"),
      inspectP("coin", "edge"),
      answer("coin", "edge"),
    );
    expect(r.similarity_density_part).toBeCloseTo(2 / 3);
    expect(r.similarity_density_entity).toBe(1);
    expect(r.exploration_progress).toBe(2 / 4);
    expect(r.gold_part_explored).toBe(true);
  });

  it("gives null ratios when nothing was explored or nothing relevant found", () => {
    const r = m(answer("coin", "edge"));
    expect(r).toMatchObject({
      similarity_density_part: null,
      similarity_density_entity: null,
      exploration_progress: null,
      assessment_accuracy: null,
      hallucination_rate: null,
    });
    const onlyIrrelevant = m(inspectP("spoon", "bowl"), answer("spoon", "bowl"));
    expect(onlyIrrelevant).toMatchObject({
      similarity_density_part: 0,
      similarity_density_entity: 1,
      exploration_progress: null,
    });
    expect(m().turns).toBe(0);
  });

  it("scores assessment accuracy against the gold requirements, not against gold ∪ similar", () => {
    // gold coin/edge requires thickness thin and rigidity rigid; the similar spoon handle tip (shape flat
    // only) does not meet them, so it is not suitable and rejecting it is right
    const r = m(
      inspectP("coin", "edge"),
      assess("coin", "edge", true), // right
      assess("spoon", "handle-tip", true), // wrong: similar, but not suitable
      assess("spoon", "bowl", true), // wrong
      assess("coin", "face", false), // right
      assess("spoon", "handle-tip", false), // right
    );
    expect(r.assessment_accuracy).toBe(3 / 5);
  });

  it("counts a part that meets some gold entry's requirements as suitable, whether gold or not", () => {
    const doc = structuredClone(fixtureScenario()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc.schemaVersion = 2;
    // the spoon handle tip is thin and rigid as well: it meets the gold's requirements
    doc.entities[1].parts[0].attributes = [
      { name: "shape", value: ["flat", "elongated"], visual: true },
      { name: "thickness", value: "thin", visual: true },
      { name: "rigidity", value: "rigid", visual: false },
    ];
    const s = scenarioSchema.parse(doc);
    const acc = (suitable: boolean) =>
      scoreEpisode(s, trace(inspectE("spoon"), assess("spoon", "handle-tip", suitable))).metrics.assessment_accuracy;
    expect(acc(true)).toBe(1);
    expect(acc(false)).toBe(0);
  });
});

describe("claims ledger", () => {
  const cls = (...calls: Call[]) => score(...calls).claims.map((c) => c.class);

  it.each<[string, Call[], string[]]>([
    [
      "grounded after inspecting the part",
      [inspectP("coin", "edge"), assess("coin", "edge", true, [{ name: "thickness", value: "thin" }])],
      ["grounded"],
    ],
    [
      "grounded via synonym and case",
      [
        inspectP("coin", "edge"),
        assess("coin", "edge", true, [
          { name: "Thickness", value: " Slim " },
          { name: "material", value: "metallic" },
        ]),
      ],
      ["grounded", "grounded"],
    ],
    [
      "grounded after inspecting the entity only",
      [inspectE("coin"), assess("coin", "edge", true, [{ name: "thickness", value: "thin" }])],
      ["grounded"],
    ],
    [
      "contradicted",
      [inspectP("coin", "edge"), assess("coin", "edge", true, [{ name: "thickness", value: "thick" }])],
      ["contradicted"],
    ],
    [
      "unseen: no inspection before the claim",
      [assess("coin", "edge", true, [{ name: "thickness", value: "thin" }]), inspectP("coin", "edge")],
      ["unseen"],
    ],
    [
      "unseen: a sibling part's view does not count",
      [inspectP("coin", "face"), assess("coin", "edge", true, [{ name: "thickness", value: "thin" }])],
      ["unseen"],
    ],
    [
      "nonexistent part",
      [inspectE("coin"), assess("coin", "rim", true, [{ name: "thickness", value: "thin" }])],
      ["nonexistent"],
    ],
    [
      "nonexistent entity in the answer",
      [answer("hammer", "claw", [{ name: "weight", value: "heavy" }])],
      ["nonexistent"],
    ],
    [
      "unannotated attribute",
      [inspectP("coin", "edge"), assess("coin", "edge", true, [{ name: "weight", value: "light" }])],
      ["unannotated"],
    ],
    [
      "unknown attribute name is unannotated",
      [inspectP("coin", "edge"), assess("coin", "edge", true, [{ name: "colour", value: "silver" }])],
      ["unannotated"],
    ],
    [
      "precedence: nonexistent before unseen",
      [assess("coin", "rim", true, [{ name: "thickness", value: "thin" }])],
      ["nonexistent"],
    ],
    [
      "precedence: unseen before unannotated",
      [assess("coin", "edge", true, [{ name: "weight", value: "light" }])],
      ["unseen"],
    ],
    [
      "answer claims count too",
      [inspectP("coin", "edge"), answer("coin", "edge", [{ name: "rigidity", value: "stiff" }])],
      ["grounded"],
    ],
  ])("%s", (_n, calls, expected) => {
    expect(cls(...calls)).toEqual(expected);
  });

  it("splits visual and non-visual claims and computes the hallucination rate without unannotated claims", () => {
    const r = m(
      inspectP("coin", "edge"),
      assess("coin", "edge", true, [
        { name: "thickness", value: "thin" }, // grounded, visual
        { name: "rigidity", value: "flexible" }, // contradicted, non-visual
        { name: "weight", value: "light" }, // unannotated
      ]),
      answer("coin", "face", [{ name: "shape", value: "flat" }]), // unseen (face never opened), visual
    );
    expect(r.claims).toEqual({ grounded: 1, contradicted: 1, unseen: 1, nonexistent: 0, unannotated: 1 });
    expect(r.claims_visual).toMatchObject({ grounded: 1, unseen: 1 });
    expect(r.claims_nonvisual).toMatchObject({ contradicted: 1, unannotated: 1 });
    expect(r.hallucinated).toBe(2);
    expect(r.hallucination_rate).toBeCloseTo(2 / 3);
  });

  it("grounds a claim that matches any of several annotated values, and contradicts one matching none", () => {
    const doc = structuredClone(fixtureScenario()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc.schemaVersion = 2;
    doc.entities[1].parts[0].attributes = [{ name: "shape", value: ["cylindrical", "elongated"], visual: true }];
    const s = scenarioSchema.parse(doc);
    const claims = scoreEpisode(
      s,
      trace(
        inspectE("spoon"),
        assess("spoon", "handle-tip", true, [
          { name: "shape", value: "cylindrical" },
          { name: "shape", value: "long" }, // synonym of elongated
          { name: "shape", value: "flat" },
        ]),
      ),
    ).claims;
    expect(claims.map((c) => c.class)).toEqual(["grounded", "grounded", "contradicted"]);
    expect(claims[2]!.annotated).toBe("cylindrical, elongated");
  });

  it("gives a null hallucination rate when every claim is unannotated", () => {
    expect(
      m(inspectP("coin", "edge"), assess("coin", "edge", true, [{ name: "weight", value: "light" }]))
        .hallucination_rate,
    ).toBeNull();
  });
});
