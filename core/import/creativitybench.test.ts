import { describe, expect, it } from "vitest";
import { validateScenarioDocument, type Scenario } from "../scenario";
import { syntheticCreativityBenchTask } from "@/test/creativitybench-fixture";
import {
  importCreativityBenchDocument,
  matchName,
  parseEntityParts,
  scenarioIdFor,
  similarDifficulty,
  slugify,
  tierFromDifficulty,
  tierFromShare,
} from "./creativitybench";
import { ENTITY_CARD, SCENE_CARD, gridBoxes } from "./layout";

function importOne(task: Record<string, unknown> = syntheticCreativityBenchTask()) {
  const result = importCreativityBenchDocument([task]);
  expect(result.problems).toEqual([]);
  return result.scenarios[0]!;
}

const part = (s: Scenario, entity: string, id: string) =>
  s.entities.find((e) => e.id === entity)!.parts.find((p) => p.id === id)!;
const attrs = (s: Scenario, entity: string, id: string) =>
  Object.fromEntries(part(s, entity, id).attributes.map((a) => [a.name, a.value]));

describe("parseEntityParts", () => {
  it("splits `name: physical — …; state — …` segments and removes the gold marker", () => {
    const parts = parseEntityParts(
      "lid_rim: physical — A thin steel rim; smooth.; state — Visible; dry at room temperature.. pull_tab [gold part]: physical — A small ring, e.g. 2 cm wide.; state — Hidden..",
    );
    expect(parts).toEqual([
      {
        key: "lid_rim",
        name: "lid rim",
        physical: "A thin steel rim; smooth.",
        state: "Visible; dry at room temperature.",
        goldMarked: false,
      },
      {
        key: "pull_tab",
        name: "pull tab",
        physical: "A small ring, e.g. 2 cm wide.",
        state: "Hidden.",
        goldMarked: true,
      },
    ]);
  });

  it("reads spaced names, parts without a state, and headers glued to the previous sentence", () => {
    const parts = parseEntityParts(
      "led bulbs: physical — Light and thin. base plate: state — Hidden. ends with handle_grip: physical — Soft.",
      ["handle_grip"],
    );
    expect(parts.map((p) => [p.key, p.physical, p.state])).toEqual([
      ["led bulbs", "Light and thin.", ""],
      ["base plate", "", "Hidden."],
      ["handle_grip", "Soft.", ""],
    ]);
  });

  it("finds nothing in prose without part headers", () => {
    expect(parseEntityParts("A plain wooden spoon.")).toEqual([]);
  });
});

describe("names and ids", () => {
  it("slugs names and cuts long ones at a word boundary", () => {
    expect(slugify("Cloth-lined wicker bread basket 1")).toBe("cloth-lined-wicker-bread-basket-1");
    expect(slugify("Crème brûlée torch")).toBe("creme-brulee-torch");
    expect(slugify("alpha beta gamma delta", 13)).toBe("alpha-beta");
  });

  it("keeps short task ids and shortens long ones uniquely to ≤ 80 characters", () => {
    expect(scenarioIdFor("garage-knife-blade-1-iter1-easy-2entity-sample1")).toBe(
      "garage-knife-blade-1-iter1-easy-2entity-sample1",
    );
    const long1 = `${"dining-room-dimmable-chandelier-with-crystal-droplets-".repeat(2)}sample1`;
    const long2 = `${"dining-room-dimmable-chandelier-with-crystal-droplets-".repeat(2)}sample2`;
    const [a, b] = [scenarioIdFor(long1), scenarioIdFor(long2)];
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).toMatch(/^[a-z0-9-]+$/);
    expect(a).not.toBe(b);
    expect(scenarioIdFor(long1)).toBe(a); // deterministic
  });

  it("matches names by key, then by a single best word overlap", () => {
    expect(matchName("led_bulbs", ["stem", "LED bulbs"])).toEqual({ index: 1, exact: true });
    expect(matchName("bulb array", ["stem", "led bulb array"])).toEqual({ index: 1, exact: false });
    expect(matchName("handle", ["left handle", "right handle"])).toBeNull(); // a tie is not a match
    expect(matchName("rim", ["stem", "base"])).toBeNull();
  });

  it("maps difficulties and tiers", () => {
    expect([
      similarDifficulty("2"),
      similarDifficulty(7),
      similarDifficulty("NA"),
      similarDifficulty("hard"),
      similarDifficulty(undefined),
    ]).toEqual([2, 5, 3, 4, 3]);
    expect([
      tierFromDifficulty("difficult"),
      tierFromDifficulty("medium"),
      tierFromDifficulty("easy"),
      tierFromDifficulty(undefined),
    ]).toEqual(["similar", "mixed", "dissimilar", null]);
    expect([tierFromShare(3, 4), tierFromShare(1, 2), tierFromShare(0, 3), tierFromShare(0, 0)]).toEqual([
      "similar",
      "mixed",
      "dissimilar",
      "dissimilar",
    ]);
  });
});

describe("importCreativityBenchDocument", () => {
  it("maps a task onto a valid scenario", () => {
    const { scenario: s, taskId } = importOne();
    expect(taskId).toBe("garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2");
    expect(s.id).toBe("garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2");
    expect(s.setting).toBe("garage");
    expect(s.distractorSimilarity).toBe("mixed"); // setting.difficulty "medium"
    expect(s.title).toBe("Garage: paint tin");
    expect(s.constraints).toEqual([]);
    expect(s.source).toEqual({
      kind: "imported",
      license: expect.stringContaining("CreativityBench"),
      attribution:
        "CreativityBench (arXiv 2605.02910), task garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2",
    });
    // Alphabetical, so the gold entity (first in the file) is not first.
    expect(s.entities.map((e) => e.id)).toEqual(["butter-knife-4", "cotton-rag-7", "garden-trowel-2"]);
    expect(part(s, "butter-knife-4", "blade").description).toBe(
      "Physical: A thin, rigid stainless steel blade with a rounded tip. State: Visible and free to grab; dry at room temperature.",
    );
    expect(JSON.stringify(s)).not.toMatch(/gold part/i);
    expect(validateScenarioDocument(s, { file: "x" }).issues).toEqual([]);
  });

  it("matches gold to the slugs and keeps only required attributes the part's description does not contradict", () => {
    const { scenario: s, notes } = importOne();
    expect(s.gold).toEqual([
      {
        entity: "butter-knife-4",
        part: "blade",
        affordance: "pry a lid up by levering under its rim",
        requiredAttributes: [
          { name: "thickness", value: "thin" },
          { name: "rigidity", value: "rigid" },
          { name: "material", value: "metal" },
          { name: "local_features", value: "rounded tip" },
        ],
        howTo: "Slide the blade under the rim and lever gently around the lid.",
      },
    ]);
    expect(notes).toContain(
      'butter-knife-4/blade: the gold affordance says moisture "wet" but the description says "dry"; kept "dry"',
    );
  });

  it("normalises attributes, taking visual from the gold tags and the vocabulary default otherwise", () => {
    const { scenario: s } = importOne();
    const blade = part(s, "butter-knife-4", "blade").attributes;
    expect(blade).toContainEqual({ name: "thickness", value: "thin", visual: true });
    expect(blade).toContainEqual({ name: "rigidity", value: "rigid", visual: false });
    expect(blade).toContainEqual({ name: "material", value: "metal", visual: true });
    expect(blade).toContainEqual({ name: "moisture", value: "dry", visual: true });
    expect(blade.map((a) => a.name)).not.toContain("colour");
    expect(attrs(s, "garden-trowel-2", "scoop")).toEqual({
      thickness: "thin",
      rigidity: "rigid",
      surface: "smooth",
      visibility: "partially visible",
      availability: "partially blocked",
      moisture: "damp",
      temperature: "room",
    });
    // "soft, flexible": two rigidity values, so none.
    expect(attrs(s, "garden-trowel-2", "grip").rigidity).toBeUndefined();
    expect(attrs(s, "garden-trowel-2", "grip").temperature).toBe("cold");
  });

  it("lists similar parts and their affordances from judge_output", () => {
    const { scenario: s } = importOne();
    expect(s.similar).toEqual([{ entity: "garden-trowel-2", part: "scoop", difficulty: 4 }]);
    expect(part(s, "garden-trowel-2", "scoop").affordances).toEqual(["lever a lid open with the scoop edge"]);
    expect(part(s, "butter-knife-4", "blade").affordances).toEqual(["pry a lid up by levering under its rim"]);
    expect(part(s, "butter-knife-4", "handle").affordances).toEqual([]);
  });

  it("gives items roles: interactable → recipient, named in the task → condition, else noise", () => {
    const { scenario: s } = importOne();
    expect(s.items?.map((i) => [i.name, i.role])).toEqual([
      ["paint tin", "recipient"],
      ["workbench", "condition"],
      ["fresh paint", "noise"],
    ]);
  });

  it("lays entities on the scene card and parts on their entity cards", () => {
    const { scenario: s } = importOne();
    expect(s.scene).toEqual({ image: "scene.png", width: SCENE_CARD.width, height: SCENE_CARD.height });
    const boxes = gridBoxes(3, SCENE_CARD);
    s.entities.forEach((e, i) => {
      expect(e.region).toEqual({ box: boxes[i] });
      expect(e.view).toBe(`entities/${e.id}.png`);
      e.parts.forEach((p, j) => expect(p.region).toEqual({ box: gridBoxes(e.parts.length, ENTITY_CARD)[j] }));
    });
  });

  it("takes the tier from the share of entities with similar parts when the task gives no difficulty", () => {
    const { scenario: s } = importOne(syntheticCreativityBenchTask({ setting: undefined }));
    expect(s.distractorSimilarity).toBe("mixed"); // 1 of 2 non-gold entities
  });

  it("matches a gold part by word overlap or by the [gold part] marker, and says so", () => {
    const near = importOne(
      syntheticCreativityBenchTask({
        golds: [{ gold_entity: "Butter Knife 4", gold_part: "knife blade", gold_affordance: { affordance: "pry" } }],
      }),
    );
    expect(near.scenario.gold[0]).toMatchObject({
      entity: "butter-knife-4",
      part: "blade",
      howTo: expect.stringContaining("Slide the blade"),
    });
    expect(near.notes).toContain('golds[0]: part "knife blade" matched to "blade"');
    const marked = importOne(
      syntheticCreativityBenchTask({
        golds: [{ gold_entity: "butter knife 4", gold_part: "cutting_edge", gold_affordance: { affordance: "pry" } }],
      }),
    );
    expect(marked.scenario.gold[0]).toMatchObject({ entity: "butter-knife-4", part: "blade" });
  });

  it("reports each bad task with its index, task_id and what is wrong, and imports the rest", () => {
    const good = syntheticCreativityBenchTask();
    const result = importCreativityBenchDocument([
      { ...good, task_id: "no-golds", golds: undefined },
      good,
      {
        ...good,
        task_id: "bad-gold",
        golds: [{ gold_entity: "hammer", gold_part: "claw", gold_affordance: { affordance: "pry" } }],
      },
      "not a task",
      {
        ...good,
        task_id: "bad-part",
        golds: [{ gold_entity: "cotton rag 7", gold_part: "zip", gold_affordance: { affordance: "pry" } }],
      },
      { ...good, task_id: 17, task: "" },
    ]);
    expect(result.scenarios.map((s) => s.index)).toEqual([1]);
    expect(result.problems).toEqual([
      { index: 0, taskId: "no-golds", message: "golds is missing" },
      { index: 2, taskId: "bad-gold", message: 'golds[0].gold_entity "hammer" is not one of the entities with parts' },
      { index: 3, taskId: null, message: "expected a task object" },
      {
        index: 4,
        taskId: "bad-part",
        message: 'golds[0].gold_part "zip" is not a part of "cotton rag 7" (parts: cloth)',
      },
      { index: 5, taskId: "17", message: "task is empty" },
    ]);
  });

  it("gives repeated task ids distinct scenario ids, and accepts a single task object", () => {
    const task = syntheticCreativityBenchTask();
    const twice = importCreativityBenchDocument([task, task]);
    expect(twice.scenarios.map((s) => s.scenario.id)).toEqual([
      "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2",
      "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2-2",
    ]);
    expect(importCreativityBenchDocument(task).scenarios).toHaveLength(1);
    expect(importCreativityBenchDocument(42).problems[0]?.index).toBe(-1);
  });

  it("leaves out an entity whose description lists no parts, and adds judged parts it does not describe", () => {
    const task = syntheticCreativityBenchTask();
    const entities = (task.entities as Record<string, unknown>[]).map((e) =>
      e.name === "cotton rag 7"
        ? { ...e, description: "Just an old rag.", judge_output: {} }
        : e.name === "garden trowel 2"
          ? {
              ...e,
              judge_output: {
                ...(e.judge_output as object),
                blade_edge: { similar_affordance: "Yes", decision_making_difficulty: "NA" },
              },
            }
          : e,
    );
    const { scenario: s, notes } = importOne({ ...task, entities });
    expect(s.entities.map((e) => e.id)).toEqual(["butter-knife-4", "garden-trowel-2"]);
    expect(notes.some((n) => n.includes('"cotton rag 7": no parts found'))).toBe(true);
    expect(part(s, "garden-trowel-2", "blade-edge").description).toBe("");
    expect(s.similar).toContainEqual({ entity: "garden-trowel-2", part: "blade-edge", difficulty: 3 });
  });
});

describe("gridBoxes", () => {
  it.each([1, 2, 3, 5, 7, 8, 9, 12])("lays %i boxes inside the card without overlaps", (n) => {
    for (const frame of [SCENE_CARD, ENTITY_CARD]) {
      const boxes = gridBoxes(n, frame);
      expect(boxes).toHaveLength(n);
      for (const [x, y, w, h] of boxes) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(frame.header);
        expect(x + w).toBeLessThanOrEqual(frame.width);
        expect(y + h).toBeLessThanOrEqual(frame.height);
      }
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
          expect(apart).toBe(true);
        }
    }
  });
});
