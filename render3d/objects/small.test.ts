/**
 * Batch "small": every model honours its variant parameters (colour, material, thickness, states) and has the
 * real-world size of the object (longest extent in mm), so relative scale in scenes is right.
 */
import { describe, expect, it } from "vitest";
import { extents, meshBounds, unionBounds } from "@/core/scenario/render-geometry";
import { hashOf } from "../model/build";
import { MODELS_SMALL, smallModels } from "./small";

/** Longest real extent (mm) each object should have: [min, max]. */
const LONGEST_MM: Readonly<Record<string, readonly [number, number]>> = {
  key: [50, 80],
  wrench: [180, 260],
  hammer: [280, 380],
  paintbrush: [150, 300],
  scissors: [150, 240],
  paperclip: [28, 50],
  "credit-card": [85, 86.5],
  pencil: [150, 200],
  "computer-mouse": [100, 180], // with its cable
  sponge: [90, 150],
  "safety-pin": [40, 75],
  "hair-pick": [140, 220],
  razor: [110, 170],
  toothbrush: [160, 210],
  pen: [120, 160],
  ruler: [290, 320],
  pushpin: [15, 30],
  "sewing-needle": [40, 140],
  "nut-and-bolt": [60, 140],
  magnet: [60, 130],
  hook: [150, 260],
};

const longest = (id: string, p = {}) => {
  const m = MODELS_SMALL[id]!(p);
  return Math.max(...extents(unionBounds(m.meshes.map(meshBounds))));
};

describe("batch small", () => {
  it("has a size range for every model and nothing else", () => {
    expect(Object.keys(LONGEST_MM).sort()).toEqual(Object.keys(MODELS_SMALL).sort());
    expect(
      smallModels()
        .map((m) => m.object)
        .sort(),
    ).toEqual(Object.keys(MODELS_SMALL).sort());
  });

  describe.each(Object.keys(MODELS_SMALL))("%s", (id) => {
    const fn = MODELS_SMALL[id]!;
    const base = fn({});

    it("has the real object's size", () => {
      const [lo, hi] = LONGEST_MM[id]!;
      const l = longest(id);
      expect(l, `${id} longest extent ${l} mm`).toBeGreaterThanOrEqual(lo);
      expect(l, `${id} longest extent ${l} mm`).toBeLessThanOrEqual(hi);
    });

    it("uses the colour, material and thickness parameters", () => {
      expect(hashOf(fn({ colour: "#123456" }))).not.toBe(hashOf(base));
      expect(fn({ colour: "#123456" }).meshes.some((m) => m.colour === "#123456")).toBe(true);
      const other = base.meshes[0]!.material === "wood" ? "plastic" : "wood";
      expect(fn({ material: other }).meshes.some((m) => m.material === other)).toBe(true);
      expect(hashOf(fn({ thickness: 1.5 }))).not.toBe(hashOf(base));
      expect(hashOf(fn({ finish: "rough" }))).not.toBe(hashOf(base));
    });

    it("passes the states through", () => {
      const s = fn({ wet: true, bent: true, broken: true, dirty: true }).states;
      expect(s).toEqual({ wet: true, dirty: 0.6, bent: 25, cracked: true });
      expect(base.states).toEqual({ wet: false, dirty: 0, bent: 0, cracked: false });
    });
  });
});
