/**
 * Batch "large": every model honours its variant parameters (colour, thickness) and its group transforms keep
 * the parts where the real object has them (checked on a few objects whose layout is composed by rotation).
 */
import { describe, expect, it } from "vitest";
import { partFacts } from "@/core/scenario/render-annotations";
import { hashOf } from "../model/build";
import { buildModel } from "../model/registry";
import { MODELS_LARGE } from "./large";

describe.each(Object.keys(MODELS_LARGE))("large model %s", (id) => {
  const base = hashOf(buildModel(id));
  it("changes with colour and with thickness", () => {
    expect(hashOf(buildModel(id, { colour: "#123456" }))).not.toBe(base);
    expect(hashOf(buildModel(id, { thickness: 1.5 }))).not.toBe(base);
  });
  it("passes its states through", () => {
    expect(buildModel(id, { wet: true, bent: true }).states).toMatchObject({ wet: true, bent: 25 });
  });
});

describe("large model layouts", () => {
  const dims = (id: string, part: string) => partFacts(buildModel(id)).find((f) => f.part === part)!.dimsMm;
  it("lays the water pistol on its side (its thickness is vertical)", () => {
    const [, y] = dims("water-pistol", "tank");
    expect(y).toBeCloseTo(60, 0);
  });
  it("leans the green book about 15° (its two boards span more than the book's 32 mm across)", () => {
    const [x] = dims("books", "cover");
    expect(x).toBeGreaterThan(60);
  });
  it("keeps the skateboard's wheel part one wheel", () => {
    expect(Math.max(...dims("skateboard", "wheels"))).toBeLessThan(60);
  });
});
