/**
 * Example object models (the pattern for every batch file): coin, spoon, screwdriver. Real sizes in mm; each
 * mesh names its knowledge-base part. Shapes, thickness and size annotations follow from the geometry (see
 * core/scenario/render-annotations.ts), so the geometry is chosen to be true to the object.
 */
import { withStates } from "../model/build";
import type { MeshSpec, ModelSpec, ObjectModelFn, Vec2 } from "../model/types";

/** Points of a circle (counter-clockwise) for extrude outlines. */
export function circle(cx: number, cy: number, r: number, n = 24): Vec2[] {
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });
}

/** A large gold-coloured coin lying flat: Ø 28.4 mm × 2.5 mm (a UK £2 coin's size). */
const coin: ObjectModelFn = (p) => {
  const t = 2.5 * (p.thickness ?? 1);
  const colour = p.colour ?? "#d9b04c";
  const material = p.material ?? "metal";
  const meshes: MeshSpec[] = [
    {
      part: "face",
      geometry: { kind: "cylinder", radiusTop: 12.9, radiusBottom: 12.9, height: t * 0.9, segments: 64 },
      material,
      finish: "textured",
      texture: "emboss",
      colour,
      position: [0, t / 2, 0],
    },
    {
      part: "rim",
      geometry: { kind: "torus", radius: 13.2, tube: t / 2 },
      material,
      finish: p.finish ?? "polished",
      texture: "knurl",
      colour,
      position: [0, t / 2, 0],
      rotation: [90, 0, 0],
    },
  ];
  return { object: "coin", meshes, states: withStates(p), viewFrom: [0.2, 1, 0.55] };
};

/** A stainless dessert spoon, 182 mm long, lying bowl-up on the table along +X. */
const spoon: ObjectModelFn = (p) => {
  const t = 2 * (p.thickness ?? 1);
  const colour = p.colour ?? "#c9ced3";
  const material = p.material ?? "metal";
  const finish = p.finish ?? "polished";
  const rise = 7; // height of the bowl's rim above the table
  const handleLen = 120;
  const tilt = (-Math.atan2(rise - t, handleLen) * 180) / Math.PI;
  const meshes: MeshSpec[] = [
    {
      part: "bowl",
      // an open shell: the profile ends on the rim, off the axis
      geometry: {
        kind: "lathe",
        points: [
          [0, 0],
          [7, 0.5],
          [13, 1.9],
          [17.5, 3.9],
          [20.5, 6],
          [21.5, rise],
        ],
        wall: t,
      },
      scale: [1.4, 1, 1],
      material,
      finish,
      colour,
    },
    {
      part: "handle",
      // top view of the handle, laid flat (X rotation) and tilted down to the table (Z rotation)
      geometry: {
        kind: "extrude",
        shape: [
          [0, -4],
          [handleLen, -6],
          [handleLen, 6],
          [0, 4],
        ],
        depth: t,
        bevel: 0.5,
      },
      material,
      finish,
      colour,
      position: [28.5, rise - t / 2, 0],
      rotation: [90, 0, tilt],
    },
    {
      part: "handle-end",
      geometry: { kind: "extrude", shape: circle(0, 0, 8.5), depth: t, bevel: 0.5 },
      material,
      finish,
      colour,
      position: [28.5 + handleLen + 3, t / 2 + 0.3, 0],
      rotation: [90, 0, tilt],
    },
  ];
  return {
    object: "spoon",
    meshes,
    states: withStates(p),
    partViewFrom: { "handle-end": [0.25, 0.12, 1] },
  };
};

/** A flat-blade screwdriver, 205 mm long, lying along +X: red ribbed plastic handle, steel shaft, flat tip. */
const screwdriver: ObjectModelFn = (p) => {
  const handleColour = p.colour ?? "#c62828";
  const handleR = 15;
  const shaftR = 3 * (p.thickness ?? 1);
  const meshes: MeshSpec[] = [
    {
      part: "handle",
      geometry: { kind: "cylinder", radiusTop: handleR, radiusBottom: handleR * 0.9, height: 95, segments: 12 },
      material: p.material ?? "plastic",
      finish: "textured",
      texture: "ribs",
      colour: handleColour,
      position: [47.5, handleR, 0],
      rotation: [0, 0, 90],
    },
    {
      part: "handle",
      geometry: { kind: "sphere", radius: handleR, scale: [0.35, 1, 1] },
      material: p.material ?? "plastic",
      finish: "gloss",
      colour: handleColour,
      position: [0, handleR, 0],
    },
    {
      part: "shaft",
      geometry: { kind: "cylinder", radiusTop: shaftR, radiusBottom: shaftR, height: 100 },
      material: "metal",
      finish: "polished",
      colour: "#c8ccd0",
      position: [145, handleR, 0],
      rotation: [0, 0, 90],
    },
    {
      part: "tip",
      // top view of the blade: widening from the shaft to a square-cut end; laid flat
      geometry: {
        kind: "extrude",
        shape: [
          [0, -shaftR],
          [9, -3.6],
          [11, -3.5],
          [11, 3.5],
          [9, 3.6],
          [0, shaftR],
        ],
        depth: 1.1,
      },
      material: "metal",
      finish: "polished",
      colour: "#b9bec4",
      position: [195, handleR, 0],
      rotation: [90, 0, 0],
    },
  ];
  const model: ModelSpec = {
    object: "screwdriver",
    meshes,
    states: withStates(p),
    partViewFrom: { tip: [0.15, 0.05, 1] },
  };
  return model;
};

export const MODELS_EXAMPLES: Readonly<Record<string, ObjectModelFn>> = { coin, spoon, screwdriver };
