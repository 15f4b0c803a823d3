/** Variant parameters of the kitchen batch reach the meshes (colour, thickness, material) and states pass through. */
import { describe, expect, it } from "vitest";
import { hashOf } from "../model/build";
import { buildModel } from "../model/registry";
import { MODELS_KITCHEN } from "./kitchen";

/** Objects whose real thin dimensions do not vary in the model (solid ceramic, wax, moulded parts). */
const NO_THICKNESS = new Set(["teapot", "lotion-bottle", "candle", "alarm-clock"]);

describe.each(Object.keys(MODELS_KITCHEN))("kitchen model %s", (id) => {
  const base = buildModel(id);
  it("takes its main colour from the colour parameter", () => {
    const m = buildModel(id, { colour: "#123456" });
    expect(m.meshes.some((x) => x.colour === "#123456")).toBe(true);
    expect(base.meshes.some((x) => x.colour === "#123456")).toBe(false);
  });
  if (!NO_THICKNESS.has(id))
    it("changes with the thickness factor", () => {
      expect(hashOf(buildModel(id, { thickness: 1.5 }))).not.toBe(hashOf(base));
    });
  it("passes the states through", () => {
    const m = buildModel(id, { wet: true, bent: true, broken: true, dirty: true });
    expect(m.states).toEqual({ wet: true, dirty: 0.6, bent: 25, cracked: true });
  });
});

it("the mug body follows the material parameter and the default is ceramic", () => {
  const body = (m: ReturnType<typeof buildModel>) => m.meshes.find((x) => x.part === "body")!.material;
  expect(body(buildModel("mug"))).toBe("ceramic");
  expect(body(buildModel("mug", { material: "metal" }))).toBe("metal");
});
