import { describe, expect, it } from "vitest";
import { fitViewport, sceneToStage, scaleBounds, zoomAt } from "./viewport";

describe("fitViewport", () => {
  it("fits a wide scene to the stage width and centres it vertically", () => {
    const vp = fitViewport({ width: 1200, height: 600 }, { width: 600, height: 600 });
    expect(vp).toEqual({ scale: 0.5, x: 0, y: 150 });
  });

  it("fits a tall scene to the stage height and centres it horizontally, inside the padding", () => {
    const vp = fitViewport({ width: 400, height: 800 }, { width: 1000, height: 420 }, 10);
    expect(vp.scale).toBeCloseTo(0.5);
    expect(vp.y).toBeCloseTo(10);
    expect(vp.x).toBeCloseTo((1000 - 200) / 2);
  });

  it("is the identity for an empty stage", () => {
    expect(fitViewport({ width: 100, height: 100 }, { width: 0, height: 0 })).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe("zoomAt", () => {
  it("keeps the scene point under the cursor fixed", () => {
    const vp = { scale: 0.5, x: 20, y: 30 };
    const px = 220;
    const py = 130;
    const before = { x: (px - vp.x) / vp.scale, y: (py - vp.y) / vp.scale };
    const next = zoomAt(vp, 2, px, py, 0.1, 8);
    expect(next.scale).toBe(1);
    expect(sceneToStage(next, before.x, before.y)).toEqual({ x: px, y: py });
  });

  it("clamps the scale", () => {
    expect(zoomAt({ scale: 4, x: 0, y: 0 }, 10, 0, 0, 0.5, 8).scale).toBe(8);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 0.01, 0, 0, 0.5, 8).scale).toBe(0.5);
  });
});

describe("scaleBounds", () => {
  it("allows zooming out to half the fit and in to at least 8×", () => {
    const { min, max } = scaleBounds({ width: 1000, height: 500 }, { width: 500, height: 500 });
    expect(min).toBeCloseTo(0.25);
    expect(max).toBe(8);
  });
});
