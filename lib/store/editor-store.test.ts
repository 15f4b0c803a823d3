import { describe, expect, it } from "vitest";
import { validateScenarioDocument, type Scenario } from "@/core/scenario";
import { fixtureScenario } from "@/test/fixture";
import {
  COALESCE_MS,
  clampRegion,
  createEditorStore,
  deleteTarget,
  moveTarget,
  diffScenarios,
  regionsInSpace,
  renameId,
  snapBox,
  snapMove,
  snapTargets,
  snapValue,
  toggleAttributeValue,
} from "./editor-store";

const doc = () => fixtureScenario("pry-lid") as unknown as Scenario;

function clock() {
  let t = 1000;
  const now = () => t;
  return { now, tick: (ms: number) => (t += ms) };
}

describe("editor store", () => {
  it("draws an entity and a part, each one undo step, and redoes them", () => {
    const c = clock();
    const store = createEditorStore(doc(), 1, c.now);
    const s = () => store.getState();
    s().createRegion("entity", { box: [300, 10, 50.04, 40] });
    expect(s().doc.entities).toHaveLength(3);
    expect(s().doc.entities[2]).toMatchObject({ id: "entity-1", region: { box: [300, 10, 50, 40] }, parts: [] });
    expect(s().selection).toEqual({ entity: 2, part: null });
    s().createRegion("part", {
      polygon: [
        [300, 10],
        [320, 10],
        [310, 30],
      ],
    });
    expect(s().doc.entities[2]!.parts.map((p) => p.id)).toEqual(["part-1"]);
    expect(s().selection).toEqual({ entity: 2, part: 0 });
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().doc.entities[2]!.parts).toEqual([]);
    expect(s().selection).toEqual({ entity: 2, part: null });
    s().undo();
    expect(s().doc.entities).toHaveLength(2);
    expect(s().selection).toBeNull();
    s().redo();
    s().redo();
    expect(s().doc.entities[2]!.parts).toHaveLength(1);
    s().redo(); // nothing left: no change
    expect(s().future).toEqual([]);
  });

  it("coalesces typing in one field into one undo step, but not across fields or pauses", () => {
    const c = clock();
    const store = createEditorStore(doc(), 1, c.now);
    const s = () => store.getState();
    for (const title of ["A", "Ab", "Abc"]) {
      s().apply((d) => ({ ...d, title }), "title");
      c.tick(100);
    }
    expect(s().past).toHaveLength(1);
    s().apply((d) => ({ ...d, task: "x" }), "task");
    expect(s().past).toHaveLength(2);
    c.tick(COALESCE_MS + 1);
    s().apply((d) => ({ ...d, task: "xy" }), "task");
    expect(s().past).toHaveLength(3);
    s().undo();
    s().undo();
    expect(s().doc.title).toBe("Abc");
    s().undo();
    expect(s().doc.title).toBe("Pry open a paint can");
    // a new edit after undo drops the redo branch
    s().apply((d) => ({ ...d, title: "B" }));
    expect(s().future).toEqual([]);
  });

  it("deletes the selected part with the gold/similar entries that named it", () => {
    const store = createEditorStore(doc(), 1);
    const s = () => store.getState();
    s().select({ entity: 0, part: 0 }); // coin/edge is gold
    s().deleteSelected();
    expect(s().doc.entities[0]!.parts.map((p) => p.id)).toEqual(["face"]);
    expect(s().doc.gold).toEqual([]);
    expect(s().selection).toEqual({ entity: 0, part: null });
    s().select({ entity: 1, part: null }); // spoon is in similar
    s().deleteSelected();
    expect(s().doc.similar).toEqual([]);
    expect(s().selection).toBeNull();
    s().undo();
    s().undo();
    expect(s().doc).toEqual(doc());
  });

  it("keeps gold and similar pointing at renamed ids", () => {
    let d = renameId(doc(), { entity: 0, part: 0 }, "rim");
    expect(d.gold[0]).toMatchObject({ entity: "coin", part: "rim" });
    d = renameId(d, { entity: 1, part: null }, "teaspoon");
    expect(d.similar?.[0]).toMatchObject({ entity: "teaspoon", part: "handle-tip" });
    expect(validateScenarioDocument(d, { file: "x" }).issues).toEqual([]);
    expect(deleteTarget(d, { entity: 9, part: null })).toBe(d);
  });

  it("lists the regions of a space: entities in the scene, parts of a view", () => {
    const d = doc();
    expect(regionsInSpace(d, { kind: "scene" }, null).map((r) => r.key)).toEqual(["e:0", "e:1"]);
    // coin has no view: its parts are drawn on the scene when it is selected
    expect(regionsInSpace(d, { kind: "scene" }, { entity: 0, part: null }).map((r) => r.key)).toEqual([
      "e:0",
      "e:1",
      "p:0:0",
      "p:0:1",
    ]);
    // spoon has a view: its parts are drawn on the view, not the scene
    expect(regionsInSpace(d, { kind: "scene" }, { entity: 1, part: null })).toHaveLength(2);
    expect(regionsInSpace(d, { kind: "view", entity: 1 }, null).map((r) => r.label)).toEqual([
      "spoon/handle-tip",
      "spoon/bowl",
    ]);
  });
});

describe("moving regions", () => {
  it("moves an entity without a view together with its parts; a view's parts stay", () => {
    const d = moveTarget(doc(), { entity: 0, part: null }, 10, -5);
    expect(d.entities[0]!.region).toEqual({ box: [30, 15, 100, 100] });
    expect(d.entities[0]!.parts.map((p) => p.region)).toEqual([{ box: [30, 15, 100, 20] }, { box: [50, 45, 60, 50] }]);
    const spoon = moveTarget(doc(), { entity: 1, part: null }, 1, 1).entities[1]!;
    expect(spoon.parts.map((p) => p.region)).toEqual(doc().entities[1]!.parts.map((p) => p.region));
    const part = moveTarget(doc(), { entity: 0, part: 1 }, 1, 2).entities[0]!;
    expect(part.region).toEqual(doc().entities[0]!.region);
    expect(part.parts[1]!.region).toEqual({ box: [41, 52, 60, 50] });
  });
});

describe("snapping and geometry", () => {
  const targets = snapTargets({ width: 400, height: 300 }, [{ box: [100, 100, 50, 50] }]);

  it("snaps a value to the nearest target within the threshold, else to the grid", () => {
    expect(snapValue(97, targets.xs, 5)).toBe(100);
    expect(snapValue(152, targets.xs, 5)).toBe(150);
    expect(snapValue(3, targets.xs, 5)).toBe(0);
    expect(snapValue(60, targets.xs, 5)).toBe(60);
    expect(snapValue(63, targets.xs, 5, 10)).toBe(60);
  });

  it("snaps a moved rectangle by its closest edge and a resized box edge by edge", () => {
    expect(snapMove({ x: 153, y: 20, w: 40, h: 40 }, targets, 5)).toEqual({ dx: -3, dy: 0 });
    expect(snapMove({ x: 358, y: 257, w: 40, h: 40 }, targets, 5)).toEqual({ dx: 2, dy: 3 });
    expect(snapBox([2, 98, 96, 30], targets, 5)).toEqual([0, 100, 100, 28]);
  });

  it("clamps regions into the image", () => {
    expect(clampRegion({ box: [-10, 290, 50, 40] }, { width: 400, height: 300 })).toEqual({ box: [0, 290, 40, 10] });
    expect(
      clampRegion(
        {
          polygon: [
            [-1, 5],
            [500, 5],
            [10, 400],
          ],
        },
        { width: 400, height: 300 },
      ),
    ).toEqual({
      polygon: [
        [0, 5],
        [400, 5],
        [10, 300],
      ],
    });
  });

  it("names what differs between two versions", () => {
    const a = doc();
    const b = { ...renameId(doc(), { entity: 1, part: null }, "fork"), title: "Other" };
    expect(diffScenarios(a, b)).toEqual([
      "title differs",
      'entity "spoon" only in yours',
      'entity "fork" only in the latest',
      "similar differs",
    ]);
    expect(diffScenarios(a, doc())).toEqual([]);
  });
});

describe("attribute value multi-select", () => {
  it("keeps one value a string, makes several a list in ticking order, and never empties it", () => {
    expect(toggleAttributeValue("cylindrical", "elongated", true)).toEqual(["cylindrical", "elongated"]);
    expect(toggleAttributeValue(["cylindrical", "elongated"], "cylindrical", false)).toBe("elongated");
    expect(toggleAttributeValue(["cylindrical", "elongated"], "elongated", true)).toEqual(["cylindrical", "elongated"]);
    expect(toggleAttributeValue("flat", "flat", false)).toBe("flat");
    expect(toggleAttributeValue("", "flat", true)).toBe("flat");
  });

  it("gives a draft the validator accepts with several values", () => {
    const d = structuredClone(doc()) as Scenario;
    const part = d.entities[0]!.parts[1]!;
    part.attributes[0]!.value = toggleAttributeValue(part.attributes[0]!.value, "round", true);
    const result = validateScenarioDocument({ ...d, schemaVersion: 2 }, { file: "x" });
    expect(result.issues).toEqual([]);
    expect(result.scenario!.entities[0]!.parts[1]!.attributes[0]!.value).toEqual(["flat", "round"]);
  });
});
