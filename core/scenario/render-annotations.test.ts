import { describe, expect, it } from "vitest";
import type { ModelSpec } from "@/render3d/model/types";
import {
  deriveAttributes,
  geometryShapes,
  partFacts,
  sizeClass,
  surfaceOf,
  thicknessClass,
} from "./render-annotations";
import { meshBounds } from "./render-geometry";

const states = { wet: false, dirty: 0, bent: 0, cracked: false };

describe("geometryShapes", () => {
  it("reads proportions of boxes and cylinders", () => {
    expect(geometryShapes({ kind: "box", size: [100, 2, 20] })).toEqual(["rectangular", "flat", "elongated"]);
    expect(geometryShapes({ kind: "cylinder", radiusTop: 3, radiusBottom: 3, height: 100 })).toEqual([
      "cylindrical",
      "elongated",
    ]);
    expect(geometryShapes({ kind: "cylinder", radiusTop: 13, radiusBottom: 13, height: 2 })).toEqual(["round", "flat"]);
    expect(geometryShapes({ kind: "cylinder", radiusTop: 0, radiusBottom: 4, height: 10 })).toContain("pointed");
  });
  it("finds points, teeth and round outlines in extrusions", () => {
    const blade = geometryShapes({
      kind: "extrude",
      shape: [
        [0, 0],
        [100, 0],
        [60, 10],
        [0, 10],
      ],
      depth: 1,
    });
    expect(blade).toContain("pointed");
    const teeth: (readonly [number, number])[] = [];
    for (let i = 0; i < 6; i++) teeth.push([i * 10, 0], [i * 10 + 5, 6]);
    const outline: (readonly [number, number])[] = [[0, -10], [60, -10], [60, 0], ...teeth.reverse()];
    const saw = geometryShapes({ kind: "extrude", shape: outline, depth: 1 });
    expect(saw).toContain("serrated");
    const disc = geometryShapes({
      kind: "extrude",
      shape: Array.from({ length: 24 }, (_, i) => [10 * Math.cos(i / 3.82), 10 * Math.sin(i / 3.82)] as const),
      depth: 1,
    });
    expect(disc).toEqual(expect.arrayContaining(["round", "flat"]));
    expect(disc).not.toContain("pointed");
  });
  it("tells hooks, curves and rods apart in tubes and tori", () => {
    expect(
      geometryShapes({
        kind: "tube",
        radius: 1,
        path: [
          [0, 0, 0],
          [0, 40, 0],
          [10, 50, 0],
          [20, 40, 0],
          [20, 30, 0],
        ],
      }),
    ).toEqual(expect.arrayContaining(["hooked", "curved"]));
    expect(
      geometryShapes({
        kind: "tube",
        radius: 1,
        path: [
          [0, 0, 0],
          [0, 40, 0],
        ],
      }),
    ).toEqual(["elongated", "cylindrical"]);
    expect(geometryShapes({ kind: "torus", radius: 10, tube: 1 })).toEqual(["round"]);
    expect(geometryShapes({ kind: "torus", radius: 10, tube: 1, arc: 180 })).toEqual(["curved", "hooked"]);
  });
  it("calls an open lathe a curved shell and a tapering one pointed", () => {
    expect(
      geometryShapes({
        kind: "lathe",
        points: [
          [0, 0],
          [20, 5],
          [22, 8],
        ],
      }),
    ).toContain("curved");
    expect(
      geometryShapes({
        kind: "lathe",
        points: [
          [0, 0],
          [3, 15],
          [3, 150],
          [0, 150],
        ],
      }),
    ).toEqual(expect.arrayContaining(["pointed", "cylindrical", "elongated"]));
  });
});

describe("classes and surfaces", () => {
  it("uses the thresholds", () => {
    expect([thicknessClass(2), thicknessClass(8), thicknessClass(8.1), thicknessClass(30)]).toEqual([
      "thin",
      "thin",
      "medium",
      "thick",
    ]);
    expect([sizeClass(30), sizeClass(150), sizeClass(500)]).toEqual(["small", "medium", "large"]);
  });
  it("reads surface from finish, material and wetness", () => {
    expect(surfaceOf("metal", "polished", false)).toEqual(["smooth"]);
    expect(surfaceOf("metal", "polished", true)).toEqual(["smooth", "slippery"]);
    expect(surfaceOf("plastic", "textured", false)).toEqual(["textured"]);
    expect(surfaceOf("fabric", "gloss", false)).toEqual(["smooth"]); // a coated umbrella canopy
    expect(surfaceOf("fabric", "satin", false)).toEqual(["textured"]);
    expect(surfaceOf("fabric", "matte", false)).toEqual(["textured"]);
    expect(surfaceOf("stone", "satin", false)).toEqual(["rough"]);
  });
});

describe("partFacts and deriveAttributes", () => {
  const model: ModelSpec = {
    object: "x",
    states,
    meshes: [
      { part: "stick", geometry: { kind: "box", size: [200, 4, 10] }, material: "wood", colour: "#aa8844" },
      {
        part: "stick",
        geometry: { kind: "cylinder", radiusTop: 1, radiusBottom: 1, height: 10 },
        material: "metal",
        colour: "#cccccc",
        position: [100, 0, 0],
      },
      { part: null, geometry: { kind: "sphere", radius: 5 }, material: "plastic", colour: "#ff0000" },
    ],
  };
  it("groups meshes by part, largest first, and ignores non-part meshes", () => {
    const [f, ...rest] = partFacts(model);
    expect(rest).toEqual([]);
    expect(f!.part).toBe("stick");
    expect(f!.materials).toEqual(["wood", "metal"]);
    expect(f!.thicknessMm).toBe(4);
    expect(f!.dimsMm[0]).toBeCloseTo(201);
  });
  it("derives the visual attributes, with visibility from the visible share", () => {
    const f = partFacts({ ...model, states: { ...states, wet: true } })[0]!;
    const got = Object.fromEntries(deriveAttributes(f, true, 0.5).map((a) => [a.name, a.value]));
    expect(got).toMatchObject({
      material: ["wood", "metal"],
      thickness: "thin",
      size: "medium",
      moisture: "wet",
      visibility: "partially visible",
      availability: "partially blocked",
    });
    expect(deriveAttributes(f, false).find((a) => a.name === "visibility")).toBeUndefined();
  });
  it("adds curved to elongated parts of a bent object", () => {
    const f = partFacts({ ...model, states: { ...states, bent: 25 } })[0]!;
    expect(f.shapes).toContain("curved");
  });
  it("rotates bounds about the fixed X, then Y, then Z axes", () => {
    const b = meshBounds({
      part: "a",
      geometry: { kind: "box", size: [10, 2, 4] },
      material: "wood",
      colour: "#000000",
      rotation: [90, 0, 90],
    });
    // X turn: y↔z (2×4 → 4 tall, 2 deep); then Z turn: x↔y
    expect([b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]].map((v) => Math.round(v))).toEqual([
      4, 10, 2,
    ]);
  });
});

describe("look-only meshes", () => {
  it("give no material annotation (soap, wax, a flame: no vocabulary material)", () => {
    const model = {
      object: "x",
      states: { wet: false, dirty: 0, bent: 0, cracked: false },
      meshes: [
        {
          part: "bar",
          geometry: { kind: "box", size: [90, 26, 58] },
          material: "plastic",
          colour: "#ffc0cb",
          lookOnly: true,
        },
        { part: "lid", geometry: { kind: "box", size: [90, 5, 58] }, material: "metal", colour: "#c8ccd0" },
      ],
    } as const;
    const facts = partFacts(model as unknown as ModelSpec);
    const bar = deriveAttributes(
      facts.find((f) => f.part === "bar")!,
      false,
    );
    const lid = deriveAttributes(
      facts.find((f) => f.part === "lid")!,
      false,
    );
    expect(bar.map((a) => a.name)).not.toContain("material");
    expect(bar.map((a) => a.name)).toContain("shape");
    expect(lid.find((a) => a.name === "material")?.value).toBe("metal");
  });
});
