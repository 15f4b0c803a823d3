/**
 * Models for the garage bench: hammer, wrench (spanner), paintbrush, key. Real sizes in mm.
 */
import { withStates } from "../model/build";
import type { MeshSpec, ObjectModelFn, Vec2 } from "../model/types";
import { circle } from "./examples";

/** A claw hammer, 330 mm, lying on its side: varnished wooden handle along +X, steel head along Z. */
const hammer: ObjectModelFn = (p) => {
  const steel = "#9aa1a8";
  const wood = p.colour ?? "#b8834a";
  const hx = 300; // head centre along the handle
  const meshes: MeshSpec[] = [
    {
      part: "handle",
      geometry: { kind: "cylinder", radiusTop: 15, radiusBottom: 14, height: 300 },
      scale: [0.63, 1, 1],
      material: p.material ?? "wood",
      finish: p.finish ?? "gloss",
      colour: wood,
      position: [150, 12.5, 0],
      rotation: [0, 0, 90],
    },
    {
      part: "head",
      geometry: { kind: "box", size: [26, 25, 62], bevel: 2 },
      material: "metal",
      finish: "satin",
      colour: steel,
      position: [hx, 12.5, 0],
    },
    {
      // the round neck leading to the striking face
      part: "face",
      geometry: { kind: "cylinder", radiusTop: 14, radiusBottom: 12, height: 24 },
      material: "metal",
      finish: "satin",
      colour: steel,
      position: [hx, 12.5, 31 + 12],
      rotation: [90, 0, 0],
    },
    {
      part: "face",
      geometry: { kind: "cylinder", radiusTop: 14.5, radiusBottom: 14.5, height: 3 },
      material: "metal",
      finish: "polished",
      colour: "#c3c8cd",
      position: [hx, 12.5, 31 + 24 + 1.5],
      rotation: [90, 0, 0],
    },
    {
      // the claw: two curved prongs (not a KB part)
      part: null,
      geometry: {
        kind: "tube",
        path: [
          [0, 0, 0],
          [0, 0, -18],
          [-6, 0, -34],
          [-16, 0, -46],
        ],
        radius: 6,
      },
      material: "metal",
      finish: "satin",
      colour: steel,
      position: [hx, 12.5, -30],
    },
  ];
  return { object: "hammer", meshes, states: withStates(p), partViewFrom: { face: [0.5, 0.35, 1] } };
};

/** A heavy 32 mm double-ended open spanner, 300 mm, lying flat along +X. */
const wrench: ObjectModelFn = (p) => {
  const steel = p.colour ?? "#b4bac0";
  const t = 9 * (p.thickness ?? 1);
  const jaw = (x: number, flip: boolean): MeshSpec => ({
    part: flip ? "lower-jaw" : "upper-jaw",
    // a C-shaped open jaw: an open ring lying flat, its gap facing out along ±X
    geometry: { kind: "torus", radius: 19, tube: 6, arc: 250 },
    scale: [1, 1, 0.95],
    material: p.material ?? "metal",
    finish: p.finish ?? "polished",
    colour: steel,
    position: [x, 6, 0],
    rotation: [90, flip ? 180 + 55 : 55, 0],
  });
  const meshes: MeshSpec[] = [
    {
      part: "handle",
      geometry: { kind: "box", size: [200, t, 22], bevel: 3 },
      material: p.material ?? "metal",
      finish: p.finish ?? "polished",
      colour: steel,
      position: [0, 6, 0],
    },
    jaw(-124, true),
    jaw(124, false),
  ];
  return { object: "wrench", meshes, states: withStates(p), viewFrom: [0.2, 1, 0.6] };
};

/** A 20 mm round paintbrush, 232 mm: lacquered wooden handle, steel ferrule, nylon bristles, along +X. */
const paintbrush: ObjectModelFn = (p) => {
  const lacquer = p.colour ?? "#a3342b";
  const r = 8.5;
  const meshes: MeshSpec[] = [
    {
      part: "handle-end",
      geometry: { kind: "sphere", radius: r, scale: [0.8, 1, 1] },
      material: "wood",
      finish: "gloss",
      colour: lacquer,
      position: [0, r, 0],
    },
    {
      part: "handle",
      geometry: { kind: "cylinder", radiusTop: r, radiusBottom: r, height: 150 },
      material: "wood",
      finish: "gloss",
      colour: lacquer,
      position: [75, r + 1.5, 0],
      rotation: [0, 0, 90],
    },
    {
      part: "ferrule",
      geometry: { kind: "cylinder", radiusTop: 10, radiusBottom: 10, height: 30 },
      material: "metal",
      finish: "brushed",
      colour: "#c8ccd0",
      position: [165, 10, 0],
      rotation: [0, 0, 90],
    },
    {
      part: "bristles",
      geometry: {
        kind: "lathe",
        points: [
          [0, 0],
          [9.5, 0],
          [9, 20],
          [5, 40],
          [0, 52],
        ],
      },
      material: "plastic",
      finish: "textured",
      texture: "brushed",
      colour: "#e6d3a8",
      position: [180, 10, 0],
      rotation: [0, 0, -90],
    },
  ];
  return { object: "paintbrush", meshes, states: withStates(p), partViewFrom: { bristles: [0.3, 0.3, 1] } };
};

/** A brass pin-tumbler door key, 58 mm, 2.2 mm thick, lying flat along +X (bow at the origin). */
const key: ObjectModelFn = (p) => {
  const brass = p.colour ?? "#c9a24a";
  const t = 2.2 * (p.thickness ?? 1);
  const material = p.material ?? "metal";
  const finish = p.finish ?? "polished";
  const flat = (part: string, shape: Vec2[], extra: Partial<MeshSpec> = {}): MeshSpec => ({
    part,
    geometry: { kind: "extrude", shape, depth: t, bevel: 0.3 },
    material,
    finish,
    colour: brass,
    position: [0, t / 2, 0],
    rotation: [90, 0, 0],
    ...extra,
  });
  // teeth along the blade's upper edge (outline y is model −z after laying flat; teeth on the +y side)
  const teeth: Vec2[] = [[10, 3]];
  for (let i = 0; i < 5; i++) teeth.push([12 + i * 6, 7], [15 + i * 6, 3.5]);
  teeth.push([42, 3]);
  const meshes: MeshSpec[] = [
    {
      ...flat("bow", circle(-12, 0, 12, 32)),
      geometry: {
        kind: "extrude",
        shape: circle(-12, 0, 12, 32),
        holes: [circle(-18, 0, 3, 16)],
        depth: t,
        bevel: 0.3,
      },
    },
    flat("blade", [
      [-1, -3.5],
      [42, -3.5],
      [42, 3],
      [-1, 3],
    ]),
    flat("teeth", [...teeth].reverse().concat([])),
    flat("tip", [
      [42, -3.5],
      [50, -0.25],
      [42, 3],
    ]),
  ];
  return { object: "key", meshes, states: withStates(p), partViewFrom: { tip: [0.3, 0.15, 1], teeth: [0.1, 0.5, 1] } };
};

export const MODELS_GARAGE: Readonly<Record<string, ObjectModelFn>> = { hammer, wrench, paintbrush, key };
