/**
 * Object models, batch "small": hand-sized tools and everyday small things (key, wrench, hammer, paintbrush,
 * scissors, paperclip, credit card, pencil, computer mouse, sponge, safety pin, hair pick, razor, toothbrush,
 * pen, ruler, push pin, sewing needle, nut and bolt, magnet, hook). Real sizes in mm; every mesh names its
 * knowledge-base part (or null for a detail that is no KB part). Shapes, thickness and size annotations follow
 * from the geometry (core/scenario/render-annotations.ts), so the geometry is chosen to be true to the object.
 *
 * Most objects lie on the table along +X. Outlines are drawn as a top view (x along the object, y across it)
 * and laid flat with `rotation: [90, 0, 0]` (outline y → model z, extrude depth → model y).
 */
import { withStates } from "../model/build";
import type { MeshSpec, ModelSpec, ObjectModelFn, Vec2, Vec3 } from "../model/types";
import { circle } from "./examples";

const STEEL = "#c8ccd0";
const FLAT: Vec3 = [90, 0, 0];
/** Cylinder axis (Y) turned onto +X: local +Y → model +X. */
const ALONG_X: Vec3 = [0, 0, -90];
/** Cylinder axis (Y) turned onto +Z. */
const ALONG_Z: Vec3 = [90, 0, 0];

const DEG = Math.PI / 180;

/** Points of an arc (degrees, counter-clockwise) around (cx, cy). */
function arc(cx: number, cy: number, r: number, fromDeg: number, toDeg: number, n: number): Vec2[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = (fromDeg + ((toDeg - fromDeg) * i) / n) * DEG;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });
}

/** A point of a top-view outline (x, y) laid flat and then turned by `yawDeg` about the vertical: model x, z. */
function flatPoint(x: number, y: number, yawDeg: number): [number, number] {
  const a = yawDeg * DEG;
  // rotation [90, yaw, 0]: (x, 0, y) turned about Y
  return [x * Math.cos(a) + y * Math.sin(a), -x * Math.sin(a) + y * Math.cos(a)];
}

const k = (p: { thickness?: number }): number => p.thickness ?? 1;

/** The outline counter-clockwise (reversed when it runs clockwise). */
function ccw(pts: readonly Vec2[]): Vec2[] {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a >= 0 ? [...pts] : [...pts].reverse();
}

/* ------------------------------------------------------------------------------------------------ key */

/** A brass pin-tumbler door key, 62 mm long, lying flat: round bow with a ring hole, grooved blade, cut teeth. */
const key: ObjectModelFn = (p) => {
  const t = 2 * k(p);
  const material = p.material ?? "metal";
  const colour = p.colour ?? "#c9a24a";
  const finish = p.finish ?? "satin";
  const y = t / 2;
  const base = { material, colour, finish, rotation: FLAT } as const;
  // teeth: cut into the lower edge of the blade (outline y < -4.25), tooth tips pointing down
  const teeth: Vec2[] = [
    [14, -4.25],
    [16, -8],
    [17.8, -5.2],
    [19.5, -8.8],
    [21.3, -5.4],
    [23, -7.6],
    [24.8, -5],
    [26.5, -8.6],
    [28.3, -5.3],
    [30, -7.8],
    [31.8, -5],
    [33.5, -8.8],
    [35.3, -5.4],
    [37, -7.6],
    [39, -4.8],
    [42, -4.25],
  ];
  const meshes: MeshSpec[] = [
    {
      ...base,
      part: "bow",
      geometry: { kind: "extrude", shape: circle(0, 0, 12, 32), holes: [circle(-5, 0, 3, 16)], depth: t, bevel: 0.4 },
      position: [0, y, 0],
    },
    // shoulder between bow and blade
    {
      ...base,
      part: null,
      geometry: {
        kind: "extrude",
        shape: [
          [9, -6],
          [14, -5.5],
          [14, 5.5],
          [9, 6],
        ],
        depth: t,
      },
      position: [0, y, 0],
    },
    {
      ...base,
      part: "blade",
      geometry: {
        kind: "extrude",
        shape: [
          [14, -4.25],
          [50, -4.25],
          [50, 4.25],
          [14, 4.25],
        ],
        depth: t,
      },
      position: [0, y, 0],
    },
    // the milled groove along the blade
    {
      ...base,
      part: null,
      colour: p.colour ?? "#a98636",
      geometry: { kind: "box", size: [34, 0.2, 1.4] },
      rotation: undefined,
      position: [32, t + 0.05, 1],
    },
    {
      ...base,
      part: "teeth",
      finish: "rough",
      geometry: { kind: "extrude", shape: teeth, depth: t },
      position: [0, y, 0],
    },
    {
      ...base,
      part: "tip",
      // the blade's end tapers to a point at its lower edge (a ~45° point)
      geometry: {
        kind: "extrude",
        shape: [
          [50, -4.25],
          [59, -3.5],
          [50, 4.25],
        ],
        depth: t,
      },
      position: [0, y, 0],
    },
  ];
  return {
    object: "key",
    meshes,
    states: withStates(p),
    viewFrom: [0.15, 1, 0.55],
    partViewFrom: { tip: [0.25, 1, 0.45] },
  };
};

/* --------------------------------------------------------------------------------------------- wrench */

/** An open jaw: a flattened C ring lying flat, centred at (cx, 0), its opening facing +X (dir 1) or -X (dir -1). */
function jaw(
  part: string,
  cx: number,
  ringR: number,
  tube: number,
  thick: number,
  dir: 1 | -1,
  m: Omit<MeshSpec, "part" | "geometry">,
): MeshSpec {
  const arcDeg = 240;
  // the gap of a 0..arc ring is centred at arc + (360 - arc) / 2; turn it onto +X (or -X)
  const gapCentre = arcDeg + (360 - arcDeg) / 2;
  const yaw = dir === 1 ? -(360 - gapCentre) : 180 - (360 - gapCentre);
  return {
    ...m,
    part,
    geometry: { kind: "torus", radius: ringR, tube, arc: arcDeg },
    scale: [1, 1, thick / (2 * tube)],
    position: [cx, 0, 0],
    rotation: [90, yaw, 0],
  };
}

/** A double open-ended chrome-vanadium spanner (19 × 22 mm), 220 mm long, lying flat. */
const wrench: ObjectModelFn = (p) => {
  const material = p.material ?? "metal";
  const colour = p.colour ?? STEEL;
  const finish = p.finish ?? "polished";
  const m = { material, colour, finish } as const;
  const jawT = 11 * k(p);
  const meshes: MeshSpec[] = [
    jaw("upper-jaw", 92, 15.5, 7, jawT, 1, m),
    {
      ...m,
      part: "handle",
      geometry: { kind: "box", size: [150, 8.5 * k(p), 19], bevel: 2.5 },
      position: [0, 0, 0],
    },
    // necks widening into the jaws
    {
      ...m,
      part: null,
      geometry: {
        kind: "extrude",
        shape: [
          [70, -9.5],
          [82, -14],
          [82, 14],
          [70, 9.5],
        ],
        depth: 9 * k(p),
      },
      rotation: FLAT,
    },
    {
      ...m,
      part: null,
      geometry: {
        kind: "extrude",
        shape: [
          [-82, -12.5],
          [-70, -9.5],
          [-70, 9.5],
          [-82, 12.5],
        ],
        depth: 9 * k(p),
      },
      rotation: FLAT,
    },
    jaw("lower-jaw", -89, 13.5, 6.5, jawT, -1, m),
  ];
  return {
    object: "wrench",
    meshes,
    states: withStates(p),
    viewFrom: [0.2, 1, 0.6],
    partViewFrom: { "upper-jaw": [0.2, 1, 0.3], "lower-jaw": [-0.2, 1, 0.3] },
  };
};

/* --------------------------------------------------------------------------------------------- hammer */

/** A 16 oz claw hammer, 330 mm long, lying on its side: wooden handle along +X, steel head along Z. */
const hammer: ObjectModelFn = (p) => {
  const headColour = "#8e959c";
  const steel = { material: "metal", finish: "satin", colour: headColour } as const;
  const hx = 305; // head centre along the handle
  const meshes: MeshSpec[] = [
    {
      part: "handle",
      geometry: { kind: "cylinder", radiusTop: 9.5 * k(p), radiusBottom: 9 * k(p), height: 300, segments: 32 },
      scale: [1, 1, 1.35],
      material: p.material ?? "wood",
      finish: p.finish ?? "satin",
      colour: p.colour ?? "#c8955a",
      position: [150, 0, 0],
      rotation: ALONG_X,
    },
    // handle end flare
    {
      part: null,
      geometry: { kind: "sphere", radius: 11, scale: [0.5, 0.95, 1.3] },
      material: p.material ?? "wood",
      finish: p.finish ?? "satin",
      colour: p.colour ?? "#c8955a",
      position: [1, 0, 0],
    },
    { ...steel, part: "head", geometry: { kind: "box", size: [26, 26, 52], bevel: 2 }, position: [hx, 0, 0] },
    // the poll (cylindrical neck) ending in the flat round striking face
    {
      ...steel,
      part: "face",
      geometry: { kind: "cylinder", radiusTop: 14, radiusBottom: 12, height: 26, segments: 40 },
      position: [hx, 0, 26 + 13],
      rotation: ALONG_Z,
    },
    {
      ...steel,
      part: "face",
      finish: "polished",
      colour: "#b7bdc3",
      geometry: { kind: "cylinder", radiusTop: 13.2, radiusBottom: 14.5, height: 5, segments: 40 },
      position: [hx, 0, 52 + 2.5],
      rotation: ALONG_Z,
    },
  ];
  // the claw: two curved prongs splitting from the head, curving back towards the handle
  const claw: Vec2[] = [
    [-13, 0],
    [13, 0],
    [12, -14],
    [6, -30],
    [-6, -44],
    [-22, -54],
    [-25, -51],
    [-13, -40],
    [-4, -27],
    [-8, -14],
  ];
  for (const side of [-1, 1]) {
    meshes.push({
      ...steel,
      part: "head",
      geometry: { kind: "extrude", shape: claw.map(([x, y]) => [hx + x, y - 26] as const), depth: 10 },
      position: [0, side * 6.5, 0],
      rotation: FLAT,
    });
  }
  return {
    object: "hammer",
    meshes,
    states: withStates(p),
    viewFrom: [0.3, 1, 0.5],
    partViewFrom: { face: [0.3, 0.25, 1] },
  };
};

/* ----------------------------------------------------------------------------------------- paintbrush */

/** A round artist's paintbrush, 215 mm long, lying along +X: pointed synthetic bristles, nickel ferrule, lacquered wood. */
const paintbrush: ObjectModelFn = (p) => {
  const wood = { material: p.material ?? "wood", finish: p.finish ?? "gloss", colour: p.colour ?? "#b5733c" } as const;
  const meshes: MeshSpec[] = [
    {
      part: "bristles",
      geometry: {
        kind: "lathe",
        points: [
          [0, 0],
          [1.6, 4],
          [3.2, 9],
          [4.4, 16],
          [4.3, 26],
          [0, 26],
        ],
      },
      material: "plastic",
      finish: "textured",
      texture: "ribs",
      colour: "#d7b56d",
      rotation: ALONG_X,
    },
    {
      part: "ferrule",
      geometry: { kind: "cylinder", radiusTop: 5.2 * k(p), radiusBottom: 4.8 * k(p), height: 22, segments: 40 },
      material: "metal",
      finish: "polished",
      colour: STEEL,
      position: [24 + 11, 0, 0],
      rotation: ALONG_X,
    },
    // crimp rings on the ferrule
    {
      part: null,
      geometry: { kind: "torus", radius: 5.15 * k(p), tube: 0.35 },
      material: "metal",
      finish: "polished",
      colour: "#aab0b6",
      position: [40, 0, 0],
      rotation: [0, 90, 0],
    },
    {
      ...wood,
      part: "handle",
      geometry: { kind: "cylinder", radiusTop: 4 * k(p), radiusBottom: 5.3 * k(p), height: 168, segments: 40 },
      position: [46 + 84, 0, 0],
      rotation: ALONG_X,
    },
    {
      ...wood,
      part: "handle-end",
      geometry: { kind: "sphere", radius: 4.5 * k(p), scale: [1.5, 1, 1] },
      position: [214, 0, 0],
    },
  ];
  return { object: "paintbrush", meshes, states: withStates(p), partViewFrom: { bristles: [0.1, 0.3, 1] } };
};

/* ------------------------------------------------------------------------------------------- scissors */

/** Office scissors, 205 mm long, lying flat and slightly open: steel blades, plastic finger loops, screw pivot. */
const scissors: ObjectModelFn = (p) => {
  const t = 2 * k(p);
  const steel = { material: "metal", finish: p.finish ?? "polished", colour: STEEL } as const;
  const plastic = { material: p.material ?? "plastic", finish: "gloss", colour: p.colour ?? "#1f63c6" } as const;
  const open = 5;
  const meshes: MeshSpec[] = [];
  const levers = [
    { side: 1, yaw: open, y: 4 * k(p) },
    { side: -1, yaw: -open, y: 4 * k(p) + t },
  ] as const;
  for (const { side, yaw, y } of levers) {
    const s = (v: number) => -side * v; // blade edges face each other
    const blade: Vec2[] = [
      [-12, s(-7)],
      [95, s(-4.25)],
      [95, s(4.25)],
      [-12, s(8)],
    ];
    const tip: Vec2[] = [
      [95, s(-4.25)],
      [117, s(-3)],
      [95, s(4.25)],
    ];
    const ord = ccw;
    meshes.push(
      {
        ...steel,
        part: "blades",
        geometry: { kind: "extrude", shape: ord(blade), depth: t },
        position: [0, y, 0],
        rotation: [90, yaw, 0],
      },
      {
        ...steel,
        part: "blade-tip",
        geometry: { kind: "extrude", shape: ord(tip), depth: t },
        position: [0, y, 0],
        rotation: [90, yaw, 0],
      },
    );
    // the loop's shank from the pivot back to the ring, and the ring itself
    const loopR = side === 1 ? 13 : 11;
    const cx = -52;
    const cz = side * 15;
    const [lx, lz] = flatPoint(cx, cz, yaw);
    meshes.push(
      {
        ...plastic,
        part: "finger-loops",
        geometry: {
          kind: "extrude",
          shape: ccw([
            [-6, s(5)],
            [-6, s(-6)],
            [-40, s(-18)],
            [-40, s(-8)],
          ]),
          depth: 9 * k(p),
          bevel: 1.5,
        },
        position: [0, 4.5 * k(p), 0],
        rotation: [90, yaw, 0],
      },
      {
        ...plastic,
        part: "finger-loops",
        geometry: { kind: "torus", radius: loopR, tube: 4.5 * k(p) },
        scale: side === 1 ? [1.35, 1, 1] : [1, 1, 1],
        position: [lx, 4.5 * k(p), lz],
        rotation: [90, yaw, 0],
      },
    );
  }
  meshes.push({
    ...steel,
    part: "pivot",
    geometry: { kind: "cylinder", radiusTop: 4.5, radiusBottom: 4.5, height: 1.6, segments: 32 },
    position: [0, 4 * k(p) + 2 * t + 0.8, 0],
  });
  return {
    object: "scissors",
    meshes,
    states: withStates(p),
    viewFrom: [0.2, 1, 0.5],
    partViewFrom: { "blade-tip": [0.25, 1, 0.45] },
  };
};

/* ------------------------------------------------------------------------------------------ paperclip */

/** A standard 33 mm steel gem paperclip (wire Ø 0.9 mm) lying flat. */
const paperclip: ObjectModelFn = (p) => {
  const r = 0.45 * k(p);
  const wire = { material: p.material ?? "metal", finish: p.finish ?? "polished", colour: p.colour ?? STEEL } as const;
  const y = r;
  const at = (pts: Vec2[]): Vec3[] => pts.map(([x, z]) => [x, y, z] as const);
  // centre line of the wire in the table plane (x along the clip, z across it)
  const innerEnd: Vec2[] = [
    [24, 1.0],
    [6, 1.0],
  ];
  const bend1 = arc(6, -1.2, 2.2, 90, 270, 10); // inner bend at the left end
  const legB: Vec2[] = [
    [6, -3.4],
    [29, -3.4],
  ];
  const bend2 = arc(29, 0.2, 3.6, -90, 90, 10); // the single bend at the right end
  const legC: Vec2[] = [
    [29, 3.8],
    [3.6, 3.8],
  ];
  const bend3 = arc(3.6, -0.6, 4.4, 90, 270, 12); // the outer bend at the left end
  const outerEnd: Vec2[] = [
    [3.6, -5.0],
    [21, -5.0],
  ];
  const meshes: MeshSpec[] = [
    { ...wire, part: null, geometry: { kind: "tube", path: at(innerEnd), radius: r } },
    { ...wire, part: "lower-bend", geometry: { kind: "tube", path: at(bend1), radius: r } },
    { ...wire, part: null, geometry: { kind: "tube", path: at(legB), radius: r } },
    { ...wire, part: "upper-bend", geometry: { kind: "tube", path: at(bend2), radius: r } },
    { ...wire, part: null, geometry: { kind: "tube", path: at(legC), radius: r } },
    { ...wire, part: "lower-bend", geometry: { kind: "tube", path: at(bend3), radius: r } },
    { ...wire, part: "wire-end", geometry: { kind: "tube", path: at(outerEnd), radius: r } },
    // the sheared end of the wire: a short bevel to a point
    {
      ...wire,
      part: "wire-end",
      geometry: { kind: "cylinder", radiusTop: 0.03, radiusBottom: r, height: 1.4, segments: 16 },
      position: [21.7, y, -5.0],
      rotation: ALONG_X,
    },
  ];
  return {
    object: "paperclip",
    meshes,
    states: withStates(p),
    viewFrom: [0.1, 1, 0.45],
    partViewFrom: { "wire-end": [0.25, 1, 0.5] },
  };
};

/* ---------------------------------------------------------------------------------------- credit card */

/** An ISO ID-1 bank card, 85.6 × 54 × 0.76 mm, lying flat: blue plastic, gold EMV chip, rounded corners. */
const creditCard: ObjectModelFn = (p) => {
  const t = 0.76 * k(p);
  const W = 85.6;
  const H = 54;
  const rc = 3.18;
  const plastic = {
    material: p.material ?? "plastic",
    finish: p.finish ?? "gloss",
    colour: p.colour ?? "#1f4e9a",
  } as const;
  const inner = t * 0.96;
  const meshes: MeshSpec[] = [
    // the face of the card inside the edge strips
    { ...plastic, part: null, geometry: { kind: "box", size: [W - 6.4, inner, H - 6.4] }, position: [0, t / 2, 0] },
    // the edge: a 3.2 mm strip round the card between the corners
    {
      ...plastic,
      part: "edge",
      geometry: { kind: "box", size: [W - 2 * rc, inner, 3.2] },
      position: [0, t / 2, H / 2 - 1.6],
    },
    {
      ...plastic,
      part: "edge",
      geometry: { kind: "box", size: [W - 2 * rc, inner, 3.2] },
      position: [0, t / 2, -H / 2 + 1.6],
    },
    {
      ...plastic,
      part: "edge",
      geometry: { kind: "box", size: [3.2, inner, H - 2 * rc] },
      position: [W / 2 - 1.6, t / 2, 0],
    },
    {
      ...plastic,
      part: "edge",
      geometry: { kind: "box", size: [3.2, inner, H - 2 * rc] },
      position: [-W / 2 + 1.6, t / 2, 0],
    },
  ];
  for (const sx of [-1, 1])
    for (const sz of [-1, 1])
      meshes.push({
        ...plastic,
        part: "corner",
        geometry: { kind: "cylinder", radiusTop: rc, radiusBottom: rc, height: t, segments: 32 },
        position: [sx * (W / 2 - rc), t / 2, sz * (H / 2 - rc)],
      });
  // printed band and number (no KB parts)
  meshes.push(
    {
      part: null,
      geometry: { kind: "box", size: [W - 4, 0.02, 9] },
      material: "plastic",
      finish: "gloss",
      colour: "#e2e8f0",
      position: [0, t + 0.01, 15],
    },
    {
      part: null,
      geometry: { kind: "box", size: [52, 0.02, 3.2] },
      material: "plastic",
      finish: "matte",
      colour: "#c9d3e6",
      position: [-6, t + 0.01, -6],
    },
    {
      part: "chip",
      geometry: { kind: "box", size: [11.5, 0.3, 9.5], bevel: 0.05 },
      material: "metal",
      finish: "polished",
      colour: "#d9b04c",
      position: [-W / 2 + 10 + 5.75, t + 0.1, -2],
    },
  );
  // contact pad divisions on the chip
  for (const dz of [-1.6, 1.6])
    meshes.push({
      part: null,
      geometry: { kind: "box", size: [11.5, 0.05, 0.25] },
      material: "metal",
      finish: "satin",
      colour: "#8f7330",
      position: [-W / 2 + 15.75, t + 0.26, -2 + dz],
    });
  meshes.push({
    part: null,
    geometry: { kind: "box", size: [0.25, 0.05, 9.5] },
    material: "metal",
    finish: "satin",
    colour: "#8f7330",
    position: [-W / 2 + 15.75, t + 0.26, -2],
  });
  return {
    object: "credit-card",
    meshes,
    states: withStates(p),
    viewFrom: [0.2, 1, 0.6],
    partViewFrom: { edge: [0.05, 0.12, 1], corner: [0.4, 0.3, 1] },
  };
};

/* --------------------------------------------------------------------------------------------- pencil */

/** A hexagonal HB pencil, 178 mm long (8.3 mm across the corners), lying along +X: point at x = 0, eraser at the end. */
const pencil: ObjectModelFn = (p) => {
  const R = 4.15 * k(p);
  const wood = { material: p.material ?? "wood", finish: "satin", colour: "#e3b77f" } as const;
  const meshes: MeshSpec[] = [
    // graphite tip and the sharpened wood cone just behind it
    {
      part: "point",
      geometry: { kind: "cylinder", radiusTop: 0.85, radiusBottom: 0.05, height: 3.5, segments: 24 },
      material: "stone",
      finish: "polished",
      colour: "#3b3d40",
      position: [1.75, 0, 0],
      rotation: ALONG_X,
    },
    {
      ...wood,
      part: "point",
      geometry: { kind: "cylinder", radiusTop: 2.4 * k(p), radiusBottom: 0.85, height: 7, segments: 24 },
      position: [3.5 + 3.5, 0, 0],
      rotation: ALONG_X,
    },
    {
      ...wood,
      part: "body",
      geometry: { kind: "cylinder", radiusTop: R, radiusBottom: 2.4 * k(p), height: 11, segments: 6 },
      position: [10.5 + 5.5, 0, 0],
      rotation: ALONG_X,
    },
    {
      part: "body",
      geometry: { kind: "cylinder", radiusTop: R, radiusBottom: R, height: 145, segments: 6 },
      material: p.material ?? "wood",
      finish: p.finish ?? "gloss",
      colour: p.colour ?? "#f2c12e",
      position: [21.5 + 72.5, 0, 0],
      rotation: ALONG_X,
    },
    // crimped metal ferrule holding the eraser
    {
      part: null,
      geometry: { kind: "cylinder", radiusTop: 4.0 * k(p), radiusBottom: 4.0 * k(p), height: 9, segments: 32 },
      material: "metal",
      finish: "textured",
      texture: "ribs",
      colour: "#c0c4c8",
      position: [166.5 + 4.5, 0, 0],
      rotation: ALONG_X,
    },
    {
      part: "eraser",
      geometry: { kind: "cylinder", radiusTop: 3.6 * k(p), radiusBottom: 3.6 * k(p), height: 7, segments: 32 },
      material: "rubber",
      finish: "textured",
      colour: "#e98f9d",
      position: [175.5 + 3.5, 0, 0],
      rotation: ALONG_X,
    },
  ];
  return { object: "pencil", meshes, states: withStates(p), partViewFrom: { point: [0.1, 0.25, 1] } };
};

/* ------------------------------------------------------------------------------------- computer mouse */

/** A two-button mouse, 113 × 62 × 39 mm, resting on the table with its front (the buttons) towards +X. */
const computerMouse: ObjectModelFn = (p) => {
  const material = p.material ?? "plastic";
  const colour = p.colour ?? "#42464d";
  const finish = p.finish ?? "gloss";
  const sx = 1.7; // the round dome stretched into the mouse's length
  const dome: Vec2[] = [
    [0, 0],
    [30.5, 0],
    [31, 6],
    [30.5, 14],
    [28.5, 23],
    [24, 31],
    [16, 36.5],
    [7, 38.6],
    [0, 39],
  ];
  const meshes: MeshSpec[] = [
    { part: "shell", geometry: { kind: "lathe", points: dome }, scale: [sx, 1, 1], material, finish, colour },
    // the button cover: the same dome moved forward, so it shows over the front slope and hides behind the top
    {
      part: "buttons",
      geometry: { kind: "lathe", points: dome },
      scale: [sx * 1.02, 0.975, 1.015],
      position: [8, 0, 0],
      material,
      finish,
      colour: p.colour ?? "#8d939b",
    },
    // the cable
    {
      part: null,
      geometry: {
        kind: "tube",
        path: [
          [54, 12, 0],
          [66, 6, 0],
          [80, 2, 4],
          [98, 2, 14],
          [112, 2, 30],
        ],
        radius: 2,
      },
      material: "rubber",
      finish: "satin",
      colour: "#3a3d42",
    },
    {
      part: "scroll-wheel",
      geometry: { kind: "cylinder", radiusTop: 9.5, radiusBottom: 9.5, height: 4.6 * k(p), segments: 40 },
      material: "rubber",
      finish: "textured",
      texture: "ribs",
      colour: "#34363a",
      position: [22, 33, 0],
      rotation: ALONG_Z,
    },
  ];
  return {
    object: "computer-mouse",
    meshes,
    states: withStates(p),
    viewFrom: [0.9, 0.9, 0.6],
    partViewFrom: { "scroll-wheel": [0.8, 0.6, 0.5] },
  };
};

/* --------------------------------------------------------------------------------------------- sponge */

/** A yellow foam dish sponge, 110 × 70 × 27 mm, with rounded (pillowed) sides and a flat top. */
const sponge: ObjectModelFn = (p) => {
  const h = 27 * k(p);
  const r = h / 2;
  const foam = {
    material: p.material ?? "foam",
    finish: p.finish ?? "textured",
    colour: p.colour ?? "#f2c94c",
  } as const;
  const rc = 8; // corner radius of the outline (to the centre of the rounded edge)
  const cx = 55 - r - rc;
  const cz = 35 - r - rc;
  const meshes: MeshSpec[] = [
    // the core (its top is the flat top, its sides are hidden by the rounded sides)
    { ...foam, part: null, geometry: { kind: "box", size: [2 * (cx + rc), h, 2 * (cz + rc)] }, position: [0, r, 0] },
    {
      ...foam,
      part: "top",
      geometry: { kind: "box", size: [2 * (cx + rc) - 2, 1.5, 2 * (cz + rc) - 2] },
      position: [0, h - 0.7, 0],
    },
  ];
  for (const s of [-1, 1]) {
    meshes.push(
      {
        ...foam,
        part: "side",
        geometry: { kind: "cylinder", radiusTop: r, radiusBottom: r, height: 2 * cx, segments: 32 },
        position: [0, r, s * (cz + rc)],
        rotation: ALONG_X,
      },
      {
        ...foam,
        part: "side",
        geometry: { kind: "cylinder", radiusTop: r, radiusBottom: r, height: 2 * cz, segments: 32 },
        position: [s * (cx + rc), r, 0],
        rotation: ALONG_Z,
      },
    );
  }
  // rounded corners: quarter tori
  const corners: [number, number, number][] = [
    [1, 1, 0],
    [-1, 1, 90],
    [-1, -1, 180],
    [1, -1, 270],
  ];
  for (const [sx, sz, start] of corners) {
    // a 0..90° arc lies in the +x+y quadrant of its plane; laid flat it covers +x, +z; yaw it to its corner
    meshes.push({
      ...foam,
      part: "side",
      geometry: { kind: "torus", radius: rc, tube: r, arc: 90 },
      position: [sx * cx, r, sz * cz],
      rotation: [90, -start, 0],
    });
  }
  return { object: "sponge", meshes, states: withStates(p), viewFrom: [0.4, 0.8, 1] };
};

/* ----------------------------------------------------------------------------------------- safety pin */

/** A large 56 mm steel safety pin, closed, lying flat: spring coil at x = 0, clasp at the other end. */
const safetyPin: ObjectModelFn = (p) => {
  const r = 0.5 * k(p);
  const wire = { material: p.material ?? "metal", finish: p.finish ?? "polished", colour: p.colour ?? STEEL } as const;
  const y = 0;
  const meshes: MeshSpec[] = [
    { ...wire, part: "coil", geometry: { kind: "torus", radius: 3, tube: r }, position: [0, y, 0], rotation: FLAT },
    {
      ...wire,
      part: "coil",
      geometry: { kind: "torus", radius: 3, tube: r },
      position: [-0.6, y + 2 * r, 0],
      rotation: [90, 0, 12],
    },
    // the pin: the straight leg from the coil into the clasp, ending in a sharp point
    {
      ...wire,
      part: "pin",
      geometry: {
        kind: "tube",
        path: [
          [0, y, -3],
          [20, y, -2.6],
          [46, y, -2.2],
        ],
        radius: r,
      },
    },
    {
      ...wire,
      part: "pin",
      geometry: { kind: "cylinder", radiusTop: 0.02, radiusBottom: r, height: 4, segments: 16 },
      position: [48, y, -2.2],
      rotation: ALONG_X,
    },
    // the other leg, fixed to the clasp
    {
      ...wire,
      part: null,
      geometry: {
        kind: "tube",
        path: [
          [0, y, 3],
          [25, y, 2.2],
          [50, y, 1.0],
        ],
        radius: r,
      },
    },
    {
      ...wire,
      part: "clasp",
      // a folded sheet-metal cap, open towards the coil
      geometry: {
        kind: "lathe",
        points: [
          [0, 0],
          [2.4, 0.4],
          [3.6, 1.6],
          [4, 3.5],
          [4, 6.5],
        ],
        wall: 0.4,
      },
      scale: [0.6, 1, 1],
      position: [55, y, -0.6],
      rotation: [0, 0, 90],
    },
  ];
  return {
    object: "safety-pin",
    meshes,
    states: withStates(p),
    viewFrom: [0.15, 1, 0.5],
    partViewFrom: { pin: [0.4, 0.4, -1] },
  };
};

/* ------------------------------------------------------------------------------------------ hair pick */

/** A plastic afro hair pick, 175 mm long, lying flat: a flat paddle handle and seven long, wide-set teeth. */
const hairPick: ObjectModelFn = (p) => {
  const t = 5 * k(p);
  const plastic = {
    material: p.material ?? "plastic",
    finish: p.finish ?? "gloss",
    colour: p.colour ?? "#2b2b2e",
  } as const;
  // top view: the bar at y 0..12 carrying the teeth, the paddle above it (laid flat: outline y → model z)
  const handle: Vec2[] = [
    [-32, 0],
    [32, 0],
    [33, 10],
    [18, 16],
    [16, 30],
    [20, 62],
    [16, 76],
    [0, 82],
    [-16, 76],
    [-20, 62],
    [-16, 30],
    [-18, 16],
    [-33, 10],
  ];
  const meshes: MeshSpec[] = [
    {
      ...plastic,
      part: "handle",
      geometry: { kind: "extrude", shape: handle, holes: [circle(0, 58, 7, 20)], depth: t, bevel: 1 },
      position: [0, t / 2, 0],
      rotation: FLAT,
    },
  ];
  for (let i = 0; i < 7; i++) {
    meshes.push({
      ...plastic,
      part: "teeth",
      geometry: { kind: "cylinder", radiusTop: 1.3 * k(p), radiusBottom: 2.5 * k(p), height: 90, segments: 20 },
      position: [-27 + i * 9, t / 2, -44],
      rotation: [-90, 0, 0],
    });
  }
  return { object: "hair-pick", meshes, states: withStates(p), viewFrom: [0.2, 1, 0.5] };
};

/* ---------------------------------------------------------------------------------------------- razor */

/** A blue disposable twin-blade razor, 135 mm long, lying on its back along +X, blades facing up. */
const razor: ObjectModelFn = (p) => {
  const plastic = {
    material: p.material ?? "plastic",
    finish: p.finish ?? "gloss",
    colour: p.colour ?? "#2a64c8",
  } as const;
  const ht = 7 * k(p);
  const meshes: MeshSpec[] = [
    {
      ...plastic,
      part: "handle",
      geometry: {
        kind: "extrude",
        shape: [
          [0, -6],
          [70, -7],
          [100, -4.5],
          [118, -3.5],
          [118, 3.5],
          [100, 4.5],
          [70, 7],
          [0, 6],
        ],
        depth: ht,
        bevel: 1.5,
      },
      position: [0, ht / 2, 0],
      rotation: FLAT,
    },
    // rubber grip insert
    {
      part: null,
      geometry: { kind: "box", size: [45, 0.6, 8], bevel: 0.25 },
      material: "rubber",
      finish: "textured",
      texture: "ribs",
      colour: "#e8edf4",
      position: [40, ht + 0.2, 0],
    },
    { ...plastic, part: "head", geometry: { kind: "box", size: [12, 6, 40], bevel: 1 }, position: [124, 3, 0] },
    // lubricating strip and guard bar
    {
      part: null,
      geometry: { kind: "box", size: [2.4, 0.6, 36] },
      material: "plastic",
      finish: "matte",
      colour: "#bfe3c8",
      position: [128.6, 6.2, 0],
    },
    {
      part: null,
      geometry: { kind: "box", size: [1.6, 0.6, 36] },
      material: "plastic",
      finish: "textured",
      colour: "#1d4f9e",
      position: [119.6, 6.2, 0],
    },
  ];
  for (const x of [122.6, 125.4])
    meshes.push({
      part: "blades",
      geometry: { kind: "box", size: [1.8, 0.3 * k(p), 35] },
      material: "metal",
      finish: "polished",
      colour: "#d5d9dd",
      position: [x, 6.15, 0],
    });
  return {
    object: "razor",
    meshes,
    states: withStates(p),
    viewFrom: [0.5, 1, 0.6],
    partViewFrom: { blades: [0.5, 0.6, 0.2] },
  };
};

/* ----------------------------------------------------------------------------------------- toothbrush */

/** A plastic toothbrush, 188 mm long, lying on its back along +X with its white bristles up. */
const toothbrush: ObjectModelFn = (p) => {
  const plastic = {
    material: p.material ?? "plastic",
    finish: p.finish ?? "gloss",
    colour: p.colour ?? "#2e86de",
  } as const;
  const gt = 9 * k(p);
  const meshes: MeshSpec[] = [
    {
      ...plastic,
      part: "handle",
      geometry: {
        kind: "extrude",
        shape: [
          [0, -5.5],
          [40, -7],
          [95, -6],
          [112, -4],
          [112, 4],
          [95, 6],
          [40, 7],
          [0, 5.5],
        ],
        depth: gt,
        bevel: 2,
      },
      position: [0, gt / 2, 0],
      rotation: FLAT,
    },
    {
      ...plastic,
      part: "handle",
      geometry: {
        kind: "extrude",
        shape: [
          [110, -4],
          [140, -3.8],
          [156, -3.5],
          [156, 3.5],
          [140, 3.8],
          [110, 4],
        ],
        depth: 5,
        bevel: 1,
      },
      position: [0, 3.5, 0],
      rotation: FLAT,
    },
    {
      ...plastic,
      part: "handle",
      geometry: {
        kind: "extrude",
        shape: [...arc(160, 0, 6, 90, 270, 8), ...arc(180, 0, 6, -90, 90, 8)],
        depth: 5,
        bevel: 1,
      },
      position: [0, 3.5, 0],
      rotation: FLAT,
    },
    // grip insert
    {
      part: null,
      geometry: { kind: "box", size: [40, 0.8, 7], bevel: 0.3 },
      material: "rubber",
      finish: "textured",
      texture: "ribs",
      colour: "#f1f4f7",
      position: [50, gt + 0.2, 0],
    },
    // the bristle block and its flat-trimmed tips
    {
      part: "bristles",
      geometry: { kind: "box", size: [27, 10, 10.5], bevel: 0.8 },
      material: "plastic",
      finish: "textured",
      texture: "ribs",
      colour: "#f4f6f8",
      position: [170, 6 + 5, 0],
    },
    {
      part: "bristles",
      geometry: { kind: "box", size: [27, 1, 10.5], bevel: 0.3 },
      material: "plastic",
      finish: "textured",
      colour: "#ffffff",
      position: [170, 16.5, 0],
    },
  ];
  return {
    object: "toothbrush",
    meshes,
    states: withStates(p),
    viewFrom: [0.3, 0.7, 1],
    partViewFrom: { bristles: [0.2, 0.3, 1] },
  };
};

/* ------------------------------------------------------------------------------------------------ pen */

/** A chunky blue ballpoint pen, 146 mm long, Ø 11 mm, lying along +X with its tip at x = 0 and its clip up. */
const pen: ObjectModelFn = (p) => {
  const R = 5.5 * k(p);
  const plastic = {
    material: p.material ?? "plastic",
    finish: p.finish ?? "gloss",
    colour: p.colour ?? "#1f4fbf",
  } as const;
  // local +Y → model -X, so radiusTop is the end towards the tip
  const TOWARDS_TIP: Vec3 = [0, 0, 90];
  const meshes: MeshSpec[] = [
    {
      part: "tip",
      geometry: { kind: "cylinder", radiusTop: 0.25, radiusBottom: 2, height: 6, segments: 24 },
      material: "metal",
      finish: "polished",
      colour: STEEL,
      position: [3, 0, 0],
      rotation: TOWARDS_TIP,
    },
    {
      part: null,
      geometry: { kind: "sphere", radius: 0.35 },
      material: "metal",
      finish: "polished",
      colour: "#9aa0a6",
      position: [0.1, 0, 0],
    },
    {
      ...plastic,
      part: "barrel",
      geometry: { kind: "cylinder", radiusTop: 2, radiusBottom: R, height: 18, segments: 40 },
      position: [15, 0, 0],
      rotation: TOWARDS_TIP,
    },
    {
      ...plastic,
      part: "barrel",
      geometry: { kind: "cylinder", radiusTop: R, radiusBottom: R, height: 110, segments: 40 },
      position: [79, 0, 0],
      rotation: TOWARDS_TIP,
    },
    {
      part: null,
      geometry: { kind: "cylinder", radiusTop: R + 0.2, radiusBottom: R + 0.2, height: 5, segments: 40 },
      material: "metal",
      finish: "polished",
      colour: "#d9b04c",
      position: [118, 0, 0],
      rotation: TOWARDS_TIP,
    },
    {
      ...plastic,
      part: "barrel",
      geometry: { kind: "cylinder", radiusTop: R, radiusBottom: R * 0.88, height: 10, segments: 40 },
      position: [139, 0, 0],
      rotation: TOWARDS_TIP,
    },
    {
      ...plastic,
      part: null,
      geometry: { kind: "sphere", radius: R * 0.88, scale: [0.45, 1, 1] },
      position: [144, 0, 0],
    },
    {
      part: "clip",
      // a metal strip fixed at the back end, bent over and running forward along the barrel
      geometry: {
        kind: "tube",
        path: [
          [136, R - 1, 0],
          [140, R - 0.6, 0],
          [142.6, R + 0.4, 0],
          [143.4, R + 1.6, 0],
          [142.6, R + 2.7, 0],
          [140, R + 3, 0],
          [120, R + 2.4, 0],
          [104, R + 1.7, 0],
          [101.5, R + 1, 0],
        ],
        radius: 0.75,
      },
      scale: [1, 1, 3.6],
      material: "metal",
      finish: "polished",
      colour: STEEL,
    },
  ];
  return {
    object: "pen",
    meshes,
    states: withStates(p),
    viewFrom: [0.3, 0.9, 1],
    partViewFrom: { tip: [0.1, 0.2, 1], clip: [0.2, 0.3, 1] },
  };
};

/* ---------------------------------------------------------------------------------------------- ruler */

/** A 300 mm brushed stainless steel ruler, 25 × 1 mm, lying flat, with purple millimetre markings. */
const ruler: ObjectModelFn = (p) => {
  const t = 1 * k(p);
  const metal = {
    material: p.material ?? "metal",
    finish: p.finish ?? "brushed",
    colour: p.colour ?? "#b5babf",
  } as const;
  const L = 300;
  const meshes: MeshSpec[] = [
    {
      ...metal,
      part: "body",
      geometry: {
        kind: "extrude",
        shape: [
          [0, -12.5],
          [L, -12.5],
          [L, 10.5],
          [0, 10.5],
        ],
        holes: [circle(L - 10, -2, 3, 16)],
        depth: t,
      },
      position: [0, t / 2, 0],
      rotation: FLAT,
    },
    // the measuring edge: the marked long side (laid flat, outline y → model z)
    { ...metal, part: "edge", geometry: { kind: "box", size: [L, t, 2] }, position: [L / 2, t / 2, 11.5] },
  ];
  for (let mm = 5; mm <= 290; mm += 5) {
    const long = mm % 10 === 0 ? 7 : 4;
    meshes.push({
      part: null,
      geometry: { kind: "box", size: [0.6, 0.04, long] },
      material: "plastic",
      finish: "matte",
      colour: "#6b3fa0",
      position: [mm, t + 0.02, 12.5 - long / 2 - 0.3],
    });
  }
  return {
    object: "ruler",
    meshes,
    states: withStates(p),
    viewFrom: [0.1, 1, 0.6],
    partViewFrom: { edge: [0.2, 0.15, 1] },
  };
};

/* --------------------------------------------------------------------------------------------- pushpin */

/** A red plastic push pin, 23 mm long, lying on its side along +X: grip head with a flange, steel point. */
const pushpin: ObjectModelFn = (p) => {
  const plastic = {
    material: p.material ?? "plastic",
    finish: p.finish ?? "gloss",
    colour: p.colour ?? "#d32f2f",
  } as const;
  const meshes: MeshSpec[] = [
    {
      ...plastic,
      part: "head",
      geometry: { kind: "cylinder", radiusTop: 4.4, radiusBottom: 4.4, height: 2, segments: 32 },
      position: [1, 0, 0],
      rotation: ALONG_X,
    },
    {
      ...plastic,
      part: "head",
      geometry: { kind: "cylinder", radiusTop: 4.2, radiusBottom: 3, height: 10, segments: 32 },
      position: [7, 0, 0],
      rotation: [0, 0, 90],
    },
    {
      ...plastic,
      part: "head",
      geometry: { kind: "cylinder", radiusTop: 5.5, radiusBottom: 5.5, height: 1.4, segments: 40 },
      position: [12.7, 0, 0],
      rotation: ALONG_X,
    },
    {
      part: "point",
      geometry: { kind: "cylinder", radiusTop: 0.5 * k(p), radiusBottom: 0.5 * k(p), height: 7, segments: 16 },
      material: "metal",
      finish: "polished",
      colour: STEEL,
      position: [13.4 + 3.5, 0, 0],
      rotation: ALONG_X,
    },
    {
      part: "point",
      geometry: { kind: "cylinder", radiusTop: 0.02, radiusBottom: 0.5 * k(p), height: 2, segments: 16 },
      material: "metal",
      finish: "polished",
      colour: STEEL,
      position: [20.4 + 1, 0, 0],
      rotation: ALONG_X,
    },
  ];
  return {
    object: "pushpin",
    meshes,
    states: withStates(p),
    viewFrom: [0.3, 0.8, 1],
    partViewFrom: { point: [0.1, 0.2, 1] },
  };
};

/* -------------------------------------------------------------------------------------- sewing needle */

/** A 50 mm steel sewing needle lying along +X (eye at x = 0, point at x = 50), threaded with blue cotton. */
const sewingNeedle: ObjectModelFn = (p) => {
  const r = 0.4 * k(p);
  const steel = { material: p.material ?? "metal", finish: p.finish ?? "polished", colour: p.colour ?? STEEL } as const;
  const y = 1.25;
  const meshes: MeshSpec[] = [
    {
      ...steel,
      part: "eye",
      geometry: { kind: "torus", radius: 0.9, tube: 0.35 * k(p) },
      scale: [1.9, 1, 1],
      position: [0, y, 0],
    },
    {
      ...steel,
      part: null,
      geometry: { kind: "cylinder", radiusTop: r, radiusBottom: 0.3, height: 40.5, segments: 16 },
      position: [1.6 + 20.25, y, 0],
      rotation: ALONG_X,
    },
    {
      ...steel,
      part: "point",
      geometry: { kind: "cylinder", radiusTop: 0.02, radiusBottom: r, height: 8, segments: 16 },
      position: [42 + 4, y, 0],
      rotation: ALONG_X,
    },
    {
      part: "thread",
      geometry: {
        kind: "tube",
        path: [
          [-30, 0.3, -26],
          [-16, 0.3, -21],
          [-4, 0.3, -11],
          [0, y, -3],
          [0, y, 3],
          [3, 0.3, 10],
          [14, 0.3, 22],
          [34, 0.3, 28],
          [55, 0.3, 22],
          [72, 0.3, 27],
        ],
        radius: 0.3,
      },
      material: "fabric",
      finish: "textured",
      colour: "#2446c9",
    },
  ];
  return {
    object: "sewing-needle",
    meshes,
    states: withStates(p),
    viewFrom: [0.2, 1, 0.5],
    partViewFrom: { point: [0.1, 0.3, 1], eye: [0.05, 0.3, 1] },
  };
};

/* ---------------------------------------------------------------------------------------- nut and bolt */

/** A hexagonal prism along X built from three boxes at 60° (their union is the hexagon), flats down. */
function hexPrism(
  part: string,
  x: number,
  length: number,
  acrossFlats: number,
  m: Omit<MeshSpec, "part" | "geometry">,
): MeshSpec[] {
  const side = acrossFlats / Math.sqrt(3);
  return [0, 60, 120].map((a) => ({
    ...m,
    part,
    geometry: { kind: "box", size: [length, acrossFlats, side], bevel: 0.6 } as const,
    position: [x, 0, 0] as const,
    rotation: [a, 0, 0] as const,
  }));
}

/** A big M20 × 90 steel hex bolt lying on its side along +X, a hex nut threaded half-way along it. */
const nutAndBolt: ObjectModelFn = (p) => {
  const steel = {
    material: p.material ?? "metal",
    finish: p.finish ?? "satin",
    colour: p.colour ?? "#a9afb5",
  } as const;
  const headK = 12.5 * k(p);
  const meshes: MeshSpec[] = [
    ...hexPrism("head", headK / 2, headK, 30, steel),
    {
      ...steel,
      part: "thread",
      finish: "textured",
      texture: "ribs",
      geometry: { kind: "cylinder", radiusTop: 9.2, radiusBottom: 9.2, height: 90, segments: 40 },
      position: [headK + 45, 0, 0],
      rotation: ALONG_X,
    },
    ...hexPrism("nut", headK + 50, 16 * k(p), 30, { ...steel, finish: "satin", colour: p.colour ?? "#9aa1a8" }),
  ];
  // the helical thread ridge (pitch 2.5 mm)
  const path: Vec3[] = [];
  const pitch = 2.5;
  for (let i = 0; i <= 34 * 12; i++) {
    const a = (i / 12) * 2 * Math.PI;
    path.push([headK + 3 + (i / 12) * pitch, 9.2 * Math.cos(a), 9.2 * Math.sin(a)]);
  }
  meshes.push({ ...steel, part: null, geometry: { kind: "tube", path, radius: 0.9 } });
  return {
    object: "nut-and-bolt",
    meshes,
    states: withStates(p),
    viewFrom: [0.3, 0.8, 1],
    partViewFrom: { thread: [0.2, 0.4, 1] },
  };
};

/* --------------------------------------------------------------------------------------------- magnet */

/** A red-painted steel horseshoe magnet, 82 × 80 mm, Ø 22 mm bar, lying flat with bare steel poles towards -Z. */
const magnet: ObjectModelFn = (p) => {
  const tube = 11 * k(p);
  const red = { material: p.material ?? "metal", finish: p.finish ?? "gloss", colour: p.colour ?? "#c62828" } as const;
  const R = 30;
  const legs = 25;
  const meshes: MeshSpec[] = [
    {
      ...red,
      part: "bend",
      geometry: { kind: "torus", radius: R, tube, arc: 180 },
      position: [0, 0, 0],
      rotation: FLAT,
    },
  ];
  for (const sx of [-1, 1]) {
    meshes.push(
      {
        ...red,
        part: null,
        geometry: { kind: "cylinder", radiusTop: tube, radiusBottom: tube, height: legs, segments: 40 },
        position: [sx * R, 0, -legs / 2],
        rotation: ALONG_Z,
      },
      {
        part: "poles",
        geometry: { kind: "cylinder", radiusTop: tube, radiusBottom: tube, height: 5, segments: 40 },
        material: "metal",
        finish: "brushed",
        colour: STEEL,
        position: [sx * R, 0, -legs - 2.5],
        rotation: ALONG_Z,
      },
    );
  }
  return {
    object: "magnet",
    meshes,
    states: withStates(p),
    viewFrom: [0.3, 0.9, -1],
    partViewFrom: { poles: [0.3, 0.4, -1] },
  };
};

/* ----------------------------------------------------------------------------------------------- hook */

/** A big yellow-painted forged steel eye hook, 200 mm long, Ø 14 mm bar, lying flat: eye at x = 0, hook at +X. */
const hook: ObjectModelFn = (p) => {
  const r = 7 * k(p);
  const paint = {
    material: p.material ?? "metal",
    finish: p.finish ?? "matte",
    colour: p.colour ?? "#e6b31e",
  } as const;
  const y = 0;
  const bend: Vec3[] = [];
  for (let i = 0; i <= 14; i++) {
    const a = ((i * 220) / 14) * DEG;
    bend.push([120 + 30 * Math.sin(a), y, 30 - 30 * Math.cos(a)]);
  }
  const meshes: MeshSpec[] = [
    { ...paint, part: "eye", geometry: { kind: "torus", radius: 18, tube: r }, position: [0, y, 0], rotation: FLAT },
    {
      ...paint,
      part: "shank",
      geometry: { kind: "cylinder", radiusTop: r, radiusBottom: r, height: 100, segments: 32 },
      position: [70, y, 0],
      rotation: ALONG_X,
    },
    { ...paint, part: "bend", geometry: { kind: "tube", path: [[118, y, 0], ...bend], radius: r } },
    { ...paint, part: null, geometry: { kind: "sphere", radius: r }, position: bend[bend.length - 1]! },
  ];
  return { object: "hook", meshes, states: withStates(p), viewFrom: [0.2, 1, 0.6] };
};

export const MODELS_SMALL: Readonly<Record<string, ObjectModelFn>> = {
  key,
  wrench,
  hammer,
  paintbrush,
  scissors,
  paperclip,
  "credit-card": creditCard,
  pencil,
  "computer-mouse": computerMouse,
  sponge,
  "safety-pin": safetyPin,
  "hair-pick": hairPick,
  razor,
  toothbrush,
  pen,
  ruler,
  pushpin,
  "sewing-needle": sewingNeedle,
  "nut-and-bolt": nutAndBolt,
  magnet,
  hook,
};

/** For tests: every model of the batch built with default parameters. */
export function smallModels(): ModelSpec[] {
  return Object.values(MODELS_SMALL).map((fn) => fn({}));
}
