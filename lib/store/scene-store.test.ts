import { describe, expect, it } from "vitest";
import { createSceneStore } from "./scene-store";

const scene = { width: 1000, height: 500 };

describe("scene store", () => {
  it("fits the scene when the stage gets its size", () => {
    const store = createSceneStore(scene);
    store.getState().setStageSize(524, 524);
    const { stage } = store.getState();
    expect(stage.width).toBe(524);
    expect(stage.scale).toBeCloseTo(0.5);
    expect(stage.x).toBeCloseTo(12);
  });

  it("refits on resize until the user moves the view, then keeps the transform", () => {
    const store = createSceneStore(scene);
    store.getState().setStageSize(524, 524);
    store.getState().setStageSize(1024, 1024);
    expect(store.getState().stage.scale).toBeCloseTo(1);
    store.getState().zoomBy(2);
    const zoomed = store.getState().stage;
    store.getState().setStageSize(800, 800);
    expect(store.getState().stage).toMatchObject({ scale: zoomed.scale, x: zoomed.x, y: zoomed.y, width: 800 });
    store.getState().resetView();
    expect(store.getState().stage.scale).toBeCloseTo((800 - 24) / 1000);
    expect(store.getState().viewMoved).toBe(false);
  });

  it("zooms around the stage centre by default", () => {
    const store = createSceneStore(scene);
    store.getState().setStageSize(524, 524);
    const before = store.getState().stage;
    const centre = { x: (262 - before.x) / before.scale, y: (262 - before.y) / before.scale };
    store.getState().zoomBy(1.5);
    const after = store.getState().stage;
    expect(centre.x * after.scale + after.x).toBeCloseTo(262);
    expect(centre.y * after.scale + after.y).toBeCloseTo(262);
  });

  it("unhover clears only the entity that is still hovered", () => {
    const store = createSceneStore(scene);
    store.getState().hoverEntity("a");
    store.getState().hoverEntity("b"); // entering b before a's leave arrives
    store.getState().unhoverEntity("a");
    expect(store.getState().hoveredEntityId).toBe("b");
    store.getState().unhoverEntity("b");
    expect(store.getState().hoveredEntityId).toBeNull();
  });

  it("selecting another entity clears the part hover and selection", () => {
    const store = createSceneStore(scene);
    store.getState().selectEntity("a");
    store.getState().hoverPart("p");
    store.getState().selectPart("p");
    store.getState().selectEntity("a");
    expect(store.getState().selectedPartId).toBe("p");
    store.getState().selectEntity("b");
    expect(store.getState()).toMatchObject({ selectedEntityId: "b", hoveredPartId: null, selectedPartId: null });
  });
});
