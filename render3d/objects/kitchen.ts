/**
 * Batch "kitchen": object models for kitchen, bathroom and desk things (issue 14). Real sizes in mm; each mesh
 * names its knowledge-base part (extra details are `part: null`). The geometry is chosen so the annotations
 * derived from it (core/scenario/render-annotations.ts) are true of the real object.
 */
import { withStates } from "../model/build";
import type { Geometry, MeshSpec, ModelSpec, ObjectModelFn, Vec2, Vec3 } from "../model/types";
import { circle } from "./examples";

const lathe = (points: readonly Vec2[], wall?: number): Geometry =>
  wall === undefined ? { kind: "lathe", points } : { kind: "lathe", points, wall };
const cyl = (radiusTop: number, radiusBottom: number, height: number, segments?: number): Geometry =>
  segments === undefined
    ? { kind: "cylinder", radiusTop, radiusBottom, height }
    : { kind: "cylinder", radiusTop, radiusBottom, height, segments };
const box = (x: number, y: number, z: number, bevel?: number): Geometry =>
  bevel === undefined ? { kind: "box", size: [x, y, z] } : { kind: "box", size: [x, y, z], bevel };
const sphere = (radius: number, scale?: Vec3): Geometry =>
  scale ? { kind: "sphere", radius, scale } : { kind: "sphere", radius };
const torus = (radius: number, tube: number, arc?: number): Geometry =>
  arc === undefined ? { kind: "torus", radius, tube } : { kind: "torus", radius, tube, arc };
const tube = (path: readonly Vec3[], radius: number, closed?: boolean): Geometry =>
  closed ? { kind: "tube", path, radius, closed } : { kind: "tube", path, radius };
const extrude = (shape: readonly Vec2[], depth: number, holes?: readonly (readonly Vec2[])[]): Geometry =>
  holes ? { kind: "extrude", shape, depth, holes } : { kind: "extrude", shape, depth };

/** Points of an arc of radius r in the XY plane, from a0 to a1 degrees, centre (cx, cy, z). */
function arcPath(cx: number, cy: number, z: number, r: number, a0: number, a1: number, n = 12): Vec3[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / n) * Math.PI) / 180;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a), z] as const;
  });
}

const model = (
  object: string,
  p: Parameters<ObjectModelFn>[0],
  meshes: MeshSpec[],
  extra: Partial<Pick<ModelSpec, "viewFrom" | "partViewFrom">> = {},
): ModelSpec => ({ object, meshes, states: withStates(p), ...extra });

/** A half-peeled ripe banana lying on its side along +X: 175 mm, peel folded back around the stem end. */
const banana: ObjectModelFn = (p) => {
  const peelColour = p.colour ?? "#f1c929";
  const t = 1.4 * (p.thickness ?? 1);
  const flap = (angle: number, z: number): MeshSpec => ({
    part: "peel",
    geometry: extrude(
      [
        [0, -7],
        [30, -9],
        [52, -5],
        [62, 0],
        [52, 5],
        [30, 9],
        [0, 7],
      ],
      t,
    ),
    material: "food",
    finish: "satin",
    colour: peelColour,
    position: [-2, t / 2 + 0.5, z],
    rotation: [90, 180 + angle, 0],
  });
  return model(
    "banana",
    p,
    [
      {
        part: "fruit",
        geometry: tube(
          [
            [-10, 16, 0],
            [14, 17, 0],
            [36, 22, 0],
            [52, 33, 0],
            [60, 46, 0],
          ],
          12,
        ),
        material: "food",
        finish: "satin",
        texture: "none",
        colour: "#ecd896",
      },
      {
        part: "fruit",
        geometry: sphere(11.5, [1, 1.1, 1]),
        material: "food",
        finish: "satin",
        texture: "none",
        colour: "#e8d38e",
        position: [60, 46, 0],
        rotation: [0, 0, -32],
      },
      {
        part: "peel",
        // the unpeeled skin around the lower half: a cup open towards the fruit, closed at the stem end
        geometry: lathe(
          [
            [0, 0],
            [8, 3],
            [13, 12],
            [15.5, 30],
            [16, 55],
            [15.5, 72],
          ],
          t,
        ),
        material: "food",
        finish: "satin",
        colour: peelColour,
        position: [-75, 16.5, 0],
        rotation: [0, 0, -90],
      },
      flap(42, 8),
      flap(-42, -8),
      {
        part: "stem",
        geometry: cyl(3.5, 4.5, 18, 8),
        material: "food",
        finish: "rough",
        colour: "#6b5a2a",
        position: [-84, 17, 0],
        rotation: [0, 0, -90],
      },
      {
        part: null,
        geometry: cyl(3.8, 3.8, 1.5, 8),
        material: "food",
        finish: "rough",
        colour: "#2e2516",
        position: [-93.5, 17, 0],
        rotation: [0, 0, -90],
      },
    ],
    { viewFrom: [0.3, 0.9, 1] },
  );
};

/** A glazed pink ceramic teapot, 150 mm body, 200 mm from spout to handle. */
const teapot: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#e8a0b4";
  const material = p.material ?? "ceramic";
  const finish = p.finish ?? "gloss";
  return model("teapot", p, [
    {
      part: "body",
      geometry: sphere(72, [1, 0.76, 1]),
      material,
      finish,
      colour,
      position: [0, 58, 0],
    },
    {
      part: null,
      geometry: cyl(44, 40, 8),
      material,
      finish,
      colour,
      position: [0, 4, 0],
    },
    {
      part: "lid",
      geometry: lathe([
        [0, 0],
        [34, 0],
        [32, 5],
        [24, 11],
        [10, 14],
        [6, 16],
        [9, 20],
        [7, 24],
        [0, 25],
      ]),
      material,
      finish,
      colour,
      position: [0, 107, 0],
    },
    {
      part: "spout",
      geometry: cyl(6.5, 13, 80, 20),
      material,
      finish,
      colour,
      position: [88, 70, 0],
      rotation: [0, 0, -48],
    },
    {
      part: "handle",
      geometry: torus(38, 7.5, 214),
      material,
      finish,
      colour,
      position: [-58, 62, 0],
      rotation: [0, 0, 73],
    },
  ]);
};

/** A kitchen roll standing up: Ø 120 × 230 mm of paper towel round a Ø 40 mm cardboard tube, one sheet loose. */
const kitchenRoll: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#f7f5ef";
  const h = 230;
  const t = 0.8 * (p.thickness ?? 1);
  return model(
    "kitchen-roll",
    p,
    [
      {
        // the wound paper: the outline of the roll (outside and both ends) as a paper-thin skin
        part: "paper",
        geometry: lathe(
          [
            [21, 0],
            [59, 0],
            [60, 2],
            [60, h - 2],
            [59, h],
            [21, h],
          ],
          t,
        ),
        material: "paper",
        finish: "textured",
        texture: "paper",
        colour,
      },
      {
        // the loose end of the towel hanging off the front of the roll
        part: "paper",
        geometry: box(100, h - 30, t),
        material: "paper",
        finish: "textured",
        texture: "paper",
        colour,
        position: [45, (h - 30) / 2 + 12, 60.6],
      },
      {
        part: "core",
        geometry: lathe(
          [
            [20, -1],
            [20, h + 1],
          ],
          1.6,
        ),
        material: "paper",
        finish: "matte",
        colour: "#b08a5a",
      },
    ],
    { viewFrom: [0.3, 1.1, 1], partViewFrom: { core: [0.1, 1, 0.2] } },
  );
};

/** A fresh lemon, 75 × 58 mm, lying on its side with a leaf at the stem end. */
const lemon: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#f2d42a";
  return model("lemon", p, [
    {
      part: "rind",
      geometry: sphere(29, [1.28, 1, 1]),
      material: "food",
      finish: "textured",
      texture: "food",
      colour,
      position: [0, 29, 0],
    },
    { part: null, geometry: sphere(6), material: "food", finish: "textured", colour, position: [36, 29, 0] },
    { part: null, geometry: sphere(5), material: "food", finish: "textured", colour, position: [-35.5, 29, 0] },
    {
      part: null,
      geometry: cyl(1.5, 2, 6, 8),
      material: "food",
      finish: "rough",
      colour: "#5f6b2a",
      position: [-42, 30, 0],
      rotation: [0, 0, 90],
    },
    {
      part: "leaf",
      geometry: extrude(
        [
          [0, 0],
          [12, -9],
          [30, -12],
          [48, -8],
          [62, 0],
          [48, 8],
          [30, 12],
          [12, 9],
        ],
        0.8 * (p.thickness ?? 1),
      ),
      material: "food",
      finish: "gloss",
      colour: "#3f7d2a",
      // hangs from the stem down to the table
      position: [-44, 30, 0],
      rotation: [90, 160, 26],
    },
  ]);
};

/**
 * A sticking plaster, 72 × 19 mm, lying pad up — the adhesive side, whose exposed tabs have a tacky sheen:
 * skin-coloured tabs with rounded ends, white gauze pad in the middle.
 */
const bandage: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#cf9466";
  const t = 0.5 * (p.thickness ?? 1);
  const tab = (side: 1 | -1): MeshSpec[] => [
    {
      part: "adhesive-tab",
      geometry: box(24, t, 19),
      material: "plastic",
      finish: "tacky",
      colour,
      position: [side * 14, t / 2, 0],
    },
    {
      part: "adhesive-tab",
      geometry: cyl(9.5, 9.5, t, 32),
      material: "plastic",
      finish: "tacky",
      colour,
      position: [side * 26, t / 2, 0],
    },
  ];
  return model(
    "bandage",
    p,
    [
      ...tab(1),
      ...tab(-1),
      {
        part: "pad",
        geometry: box(22, 1.4, 13, 0.4),
        material: "fabric",
        finish: "matte",
        texture: "weave",
        colour: "#f5f2ea",
        position: [0, t + 0.7, 0],
      },
      { part: null, geometry: box(4, t, 19), material: "plastic", finish: "satin", colour, position: [0, t / 2, 0] },
    ],
    { viewFrom: [0.2, 1, 0.5] },
  );
};

/** A pink bar of soap, 90 × 58 × 26 mm with rounded edges, a few bubbles of lather on top. */
const soap: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#f0a6b8";
  const bubble = (x: number, z: number, r: number): MeshSpec => ({
    part: "lather",
    geometry: sphere(r, [1, 0.75, 1]),
    material: "foam",
    finish: "textured",
    texture: "foam",
    colour: "#fbfbfd",
    position: [x, 26 + r * 0.45, z],
  });
  return model("soap", p, [
    {
      part: "bar",
      geometry: box(90, 26 * (p.thickness ?? 1), 58, 9),
      material: p.material ?? "plastic",
      lookOnly: p.material === undefined, // soap: no vocabulary material
      finish: p.finish ?? "satin",
      texture: "none",
      colour,
      position: [0, 13 * (p.thickness ?? 1), 0],
    },
    bubble(-8, 4, 9),
    bubble(6, -6, 7),
    bubble(12, 10, 6),
    bubble(-20, -10, 5),
    bubble(-2, 16, 4.5),
    bubble(-18, 8, 4),
    bubble(20, -2, 3.5),
    bubble(2, -18, 4),
  ]);
};

/** A pump bottle of hand lotion: Ø 62 × 165 mm bottle, white pump with a nozzle, 215 mm overall. */
const lotionBottle: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#f1e6d2";
  const material = p.material ?? "plastic";
  return model("lotion-bottle", p, [
    {
      part: "bottle",
      geometry: lathe([
        [0, 0],
        [28, 0],
        [31, 3],
        [31, 140],
        [27, 155],
        [16, 163],
        [14, 165],
        [0, 165],
      ]),
      material,
      finish: p.finish ?? "gloss",
      colour,
    },
    {
      // a printed label wrapped round the bottle
      part: null,
      geometry: lathe(
        [
          [31.4, 35],
          [31.4, 110],
        ],
        0.3,
      ),
      material: "paper",
      finish: "matte",
      colour: "#6aa88e",
    },
    {
      part: "pump",
      geometry: cyl(15, 15, 16, 24),
      material: "plastic",
      finish: "satin",
      texture: "ribs",
      colour: "#fbfbfb",
      position: [0, 172, 0],
    },
    {
      part: "pump",
      geometry: cyl(4.5, 4.5, 26, 16),
      material: "plastic",
      finish: "gloss",
      colour: "#fbfbfb",
      position: [0, 192, 0],
    },
    {
      part: "pump",
      geometry: cyl(11, 12, 12, 24),
      material: "plastic",
      finish: "gloss",
      colour: "#fbfbfb",
      position: [0, 208, 0],
    },
    {
      part: "pump",
      geometry: cyl(3.5, 4, 30, 12),
      material: "plastic",
      finish: "gloss",
      colour: "#fbfbfb",
      position: [22, 210, 0],
      rotation: [0, 0, -90],
    },
  ]);
};

/** A chef's knife lying on its side along +X: 320 mm, broad steel blade (200 mm), riveted blue handle. */
const kitchenKnife: ObjectModelFn = (p) => {
  const steel = "#c8ccd0";
  const bt = 2 * (p.thickness ?? 1);
  const et = 1 * (p.thickness ?? 1);
  const y = 8; // the blade lies in the mid-plane of the 16 mm thick handle
  const flat = { rotation: [90, 0, 0] as Vec3 };
  const handleColour = p.colour ?? "#1f4fa0";
  const rivet = (x: number): MeshSpec => ({
    part: null,
    geometry: cyl(2.6, 2.6, 16.6, 16),
    material: "metal",
    finish: "polished",
    colour: steel,
    position: [x, y, 0],
  });
  return model(
    "kitchen-knife",
    p,
    [
      {
        part: "handle",
        // side profile of the handle, lying flat
        geometry: extrude(
          [
            [-125, -9],
            [-112, -12],
            [-40, -11],
            [-8, -12],
            [-8, 12],
            [-40, 11.5],
            [-112, 11],
            [-125, 8],
          ],
          16,
        ),
        material: p.material ?? "plastic",
        finish: p.finish ?? "gloss",
        colour: handleColour,
        position: [0, y, 0],
        ...flat,
      },
      rivet(-100),
      rivet(-66),
      rivet(-32),
      {
        part: null,
        // the bolster between handle and blade
        geometry: extrude(
          [
            [-8, -14],
            [2, -22],
            [2, 12],
            [-8, 12.5],
          ],
          9,
        ),
        material: "metal",
        finish: "polished",
        colour: steel,
        position: [0, y, 0],
        ...flat,
      },
      {
        part: "blade",
        geometry: extrude(
          [
            [0, -33],
            [50, -32.5],
            [100, -31],
            [140, -25],
            [170, -13],
            [170, 11],
            [0, 12],
          ],
          bt,
        ),
        material: "metal",
        finish: "brushed",
        colour: steel,
        position: [0, y, 0],
        ...flat,
      },
      {
        part: "edge",
        // the ground cutting edge: a narrow strip along the belly of the blade, thinner than the blade
        geometry: extrude(
          [
            [0, -36],
            [50, -35.5],
            [100, -34],
            [140, -28],
            [170, -16],
            [170, -13],
            [140, -25],
            [100, -31],
            [50, -32.5],
            [0, -33],
          ],
          et,
        ),
        material: "metal",
        finish: "polished",
        colour: "#eceef1",
        position: [0, y, 0],
        ...flat,
      },
      {
        part: "tip",
        geometry: extrude(
          [
            [170, -16],
            [182, -6],
            [190, 3],
            [200, 10],
            [186, 11.2],
            [170, 11],
          ],
          et,
        ),
        material: "metal",
        finish: "polished",
        colour: "#d6d9dd",
        position: [0, y, 0],
        ...flat,
      },
    ],
    {
      viewFrom: [0.1, 1, 0.45],
      partViewFrom: { edge: [0.15, 0.3, -1], tip: [0.3, 1, 0.25] },
    },
  );
};

/** A pair of red lacquered chopsticks, 230 mm, lying side by side: square dark ends, tapering round shafts. */
const chopsticks: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#b3261e";
  const material = p.material ?? "wood";
  const k = p.thickness ?? 1;
  const stick = (z: number, dx: number, turn: number): MeshSpec[] => {
    const at = (x: number): Vec3 => [
      dx + x * Math.cos((turn * Math.PI) / 180),
      4 * k,
      z - x * Math.sin((turn * Math.PI) / 180),
    ];
    return [
      {
        part: "ends",
        geometry: box(40, 8 * k, 8 * k, 0.6),
        material,
        finish: "gloss",
        colour: "#2a1a14",
        position: at(20),
        rotation: [0, turn, 0],
      },
      {
        part: "shafts",
        geometry: cyl(2.6 * k, 3.9 * k, 160, 16),
        material,
        finish: p.finish ?? "gloss",
        colour,
        position: at(120),
        rotation: [90, 90 + turn, 0],
      },
      {
        part: "tips",
        geometry: cyl(0.3 * k, 2.6 * k, 30, 16),
        material,
        finish: "satin",
        colour: "#c9a27a",
        position: at(215),
        rotation: [90, 90 + turn, 0],
      },
    ];
  };
  return model("chopsticks", p, [...stick(-10, 0, 0), ...stick(10, 6, 4)], {
    viewFrom: [0.15, 1, 0.6],
    partViewFrom: { tips: [0.2, 0.25, 1], ends: [-0.5, 0.5, 1] },
  });
};

/** A thin stemmed wine glass, 172 mm tall, a little red wine in the bowl. */
const wineGlass: ObjectModelFn = (p) => {
  const glass = { material: "glass" as const, finish: "polished" as const, colour: p.colour ?? "#eef4f4" };
  const tr = 0.92;
  const wall = 1.2 * (p.thickness ?? 1);
  const base = 83; // bottom of the bowl
  return model("wine-glass", p, [
    {
      part: "bowl",
      geometry: lathe(
        [
          [3, 0],
          [18, 4],
          [32, 14],
          [40, 30],
          [42, 48],
          [39, 70],
          [35, 88],
        ],
        wall,
      ),
      ...glass,
      transmission: tr,
      position: [0, base, 0],
    },
    {
      part: "bowl",
      // the fire-polished lip
      geometry: torus(35, wall * 0.6),
      ...glass,
      transmission: tr,
      position: [0, base + 88, 0],
      rotation: [90, 0, 0],
    },
    {
      part: null,
      geometry: lathe([
        [0, 2.5],
        [16, 6],
        [30, 16],
        [37.5, 30],
        [38.5, 38],
        [0, 38],
      ]),
      material: "food",
      finish: "gloss",
      colour: "#6d0f1e",
      transmission: 0.35,
      position: [0, base, 0],
    },
    {
      part: "stem",
      geometry: cyl(3.5, 4, 80, 20),
      ...glass,
      transmission: tr,
      position: [0, 3 + 40, 0],
    },
    {
      part: "foot",
      geometry: cyl(36, 37, 3 * (p.thickness ?? 1), 48),
      ...glass,
      transmission: tr,
      position: [0, 1.5, 0],
    },
  ]);
};

/** A clear glass storage jar, Ø 80 × 120 mm, metal screw lid, a paper label wrapped round the front. */
const jar: ObjectModelFn = (p) => {
  const lidColour = p.colour ?? "#b9bec4";
  const facets = 7;
  const facetW = 9;
  const r = 40.4;
  const label: MeshSpec[] = Array.from({ length: facets }, (_, i) => {
    const a = ((i - (facets - 1) / 2) * facetW) / r; // radians around the jar
    return {
      part: "label",
      geometry: box(facetW + 0.3, 50, 0.4),
      material: "paper" as const,
      finish: "matte" as const,
      texture: "paper" as const,
      colour: "#efe4c8",
      position: [r * Math.sin(a), 55, r * Math.cos(a)] as Vec3,
      rotation: [0, (a * 180) / Math.PI, 0] as Vec3,
    };
  });
  return model("jar", p, [
    {
      part: "body",
      // a thick-walled glass jar: outside, rim and the inside down to the heavy base, in one profile
      geometry: lathe([
        [0, 0],
        [37, 0],
        [40, 3],
        [40, 98],
        [36, 106],
        [35, 120],
        [32, 120],
        [32, 108],
        [36.5, 99],
        [36.5, 9],
        [0, 9],
      ]),
      material: "glass",
      finish: "polished",
      colour: "#e3efef",
      transmission: 0.9,
    },
    {
      part: "lid",
      geometry: lathe(
        [
          [37.5, 0],
          [37.5, 13],
          [36.5, 15],
          [0, 15],
        ],
        0.6 * (p.thickness ?? 1),
      ),
      material: p.material ?? "metal",
      finish: p.finish ?? "satin",
      texture: "ribs",
      colour: lidColour,
      position: [0, 108, 0],
    },
    {
      part: "lid",
      geometry: cyl(34, 34, 0.8, 48),
      material: p.material ?? "metal",
      finish: p.finish ?? "satin",
      colour: lidColour,
      position: [0, 123.4, 0],
    },
    ...label,
  ]);
};

/** A big lilac ceramic mug, Ø 82 × 95 mm, full of black coffee, D-shaped handle. */
const mug: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#b8a2d6";
  const material = p.material ?? "ceramic";
  const finish = p.finish ?? "gloss";
  const w = 5 * (p.thickness ?? 1);
  return model("mug", p, [
    {
      part: "body",
      geometry: lathe([
        [0, 0],
        [38, 0],
        [41, 3],
        [41, 95],
        [41 - w, 95],
        [41 - w, 9],
        [0, 9],
      ]),
      material,
      finish,
      colour,
    },
    {
      part: "coffee",
      geometry: cyl(41 - w - 0.2, 41 - w - 0.2, 2, 48),
      material: "food",
      finish: "gloss",
      colour: "#2b1a10",
      position: [0, 84, 0],
    },
    {
      part: "handle",
      geometry: tube(
        [
          [39, 78, 0],
          [54, 79, 0],
          [64, 70, 0],
          [65, 40, 0],
          [56, 27, 0],
          [39, 26, 0],
        ],
        6,
      ),
      material,
      finish,
      colour,
    },
  ]);
};

/** A heavy cast-iron frying pan, Ø 260 mm, with a fried egg in it and a 170 mm handle along +X. */
const fryingPan: ObjectModelFn = (p) => {
  const iron = p.colour ?? "#3a3a3d";
  const material = p.material ?? "metal";
  const finish = p.finish ?? "matte";
  const w = 5 * (p.thickness ?? 1);
  return model(
    "frying-pan",
    p,
    [
      {
        part: "pan",
        geometry: lathe([
          [0, 0],
          [112, 0],
          [122, 4],
          [130, 48],
          [130 - w, 50],
          [122 - w, 8],
          [112, w],
          [0, w],
        ]),
        material,
        finish,
        colour: iron,
      },
      {
        part: "handle",
        geometry: tube(
          [
            [126, 42, 0],
            [170, 48, 0],
            [240, 58, 0],
            [292, 64, 0],
          ],
          11 * (p.thickness ?? 1),
        ),
        material,
        finish,
        colour: iron,
      },
      {
        part: null,
        geometry: torus(8, 3),
        material,
        finish,
        colour: iron,
        position: [288, 64, 0],
        rotation: [90, 0, 0],
      },
      {
        part: null,
        // the egg white: an irregular blob
        geometry: extrude(
          Array.from({ length: 20 }, (_, i): Vec2 => {
            const a = (2 * Math.PI * i) / 20;
            const r = 46 + 7 * Math.sin(3 * a) + 4 * Math.cos(5 * a);
            return [r * Math.cos(a), r * Math.sin(a)];
          }),
          3,
        ),
        material: "food",
        finish: "gloss",
        texture: "none",
        colour: "#f8f6ee",
        position: [-10, w + 1.5, 5],
        rotation: [90, 0, 0],
      },
      {
        part: null,
        geometry: sphere(16, [1, 0.45, 1]),
        material: "food",
        finish: "gloss",
        colour: "#f5a623",
        position: [-6, w + 4, 2],
      },
    ],
    { viewFrom: [0.3, 1, 0.8] },
  );
};

/** A glass salt shaker, Ø 44 × 95 mm, half full of salt, a perforated domed steel cap. */
const saltShaker: ObjectModelFn = (p) => {
  const capColour = p.colour ?? "#c8ccd0";
  const holes: MeshSpec[] = [
    [0, 0],
    [7, 0],
    [-7, 0],
    [0, 7],
    [0, -7],
  ].map(([x, z]) => ({
    part: null,
    geometry: cyl(1.1, 1.1, 1, 8),
    material: "metal" as const,
    finish: "matte" as const,
    colour: "#202020",
    position: [x!, 95.3 - Math.hypot(x!, z!) * 0.08, z!] as Vec3,
  }));
  return model("salt-shaker", p, [
    {
      part: "body",
      geometry: lathe(
        [
          [0, 0],
          [20, 0],
          [22, 3],
          [22, 70],
          [19.5, 76],
        ],
        2.5 * (p.thickness ?? 1),
      ),
      material: "glass",
      finish: "polished",
      colour: "#e8f2f2",
      transmission: 0.9,
    },
    {
      part: "salt",
      geometry: cyl(19, 19, 34, 32),
      material: "food",
      finish: "rough",
      texture: "food",
      colour: "#f7f7f4",
      position: [0, 2.5 + 17, 0],
    },
    {
      part: "salt",
      // the flat, level top of the salt
      geometry: cyl(19.2, 19.2, 0.6, 32),
      material: "food",
      finish: "rough",
      texture: "food",
      colour: "#fdfdfb",
      position: [0, 36.8, 0],
    },
    {
      part: "cap",
      geometry: lathe([
        [0, 0],
        [21.5, 0],
        [21.5, 11],
        [18, 16],
        [10, 19],
        [0, 19.5],
      ]),
      material: p.material ?? "metal",
      finish: p.finish ?? "polished",
      colour: capColour,
      position: [0, 76, 0],
    },
    ...holes,
  ]);
};

/** A straight-sided glass tumbler, Ø 80 × 95 mm, heavy base, an amber drink with ice cubes. */
const tumbler: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#eaf3f3";
  const wall = 2.5 * (p.thickness ?? 1);
  const cube = (x: number, y: number, z: number, ry: number, rz: number): MeshSpec => ({
    part: "ice",
    geometry: box(22, 22, 22, 3),
    material: "food",
    finish: "gloss",
    colour: "#e4f1f7",
    transmission: 0.5,
    position: [x, y, z],
    rotation: [12, ry, rz],
  });
  return model("tumbler", p, [
    {
      part: "glass",
      geometry: lathe([
        [0, 0],
        [38, 0],
        [40, 2],
        [40, 94],
        [40 - wall, 94],
        [40 - wall, 14],
        [0, 14],
      ]),
      material: "glass",
      finish: "polished",
      colour,
      transmission: 0.92,
    },
    {
      part: "rim",
      geometry: torus(40 - wall / 2, wall / 2 + 0.2),
      material: "glass",
      finish: "polished",
      colour,
      transmission: 0.92,
      position: [0, 94, 0],
      rotation: [90, 0, 0],
    },
    {
      part: null,
      geometry: lathe([
        [0, 14],
        [40 - wall - 0.3, 14],
        [40 - wall - 0.3, 72],
        [0, 72],
      ]),
      material: "food",
      finish: "gloss",
      colour: "#b8651a",
    },
    cube(-10, 70, 6, 20, 10),
    cube(12, 72, -8, -15, -8),
    cube(4, 68, 16, 40, 5),
  ]);
};

/** A burning ivory pillar candle, Ø 70 × 120 mm, a small melt pool round the wick and a teardrop flame. */
const candle: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#efdfbd";
  return model("candle", p, [
    {
      part: "wax",
      geometry: lathe([
        [0, 0],
        [35, 0],
        [35, 120],
        [32, 120],
        [26, 116.5],
        [0, 115.5],
      ]),
      material: p.material ?? "plastic",
      lookOnly: p.material === undefined, // wax: no vocabulary material
      finish: p.finish ?? "satin",
      texture: "none",
      colour,
    },
    {
      part: null,
      geometry: cyl(0.9, 1, 9, 8),
      material: "fabric",
      finish: "matte",
      colour: "#1d1a18",
      position: [0, 119.5, 0],
    },
    {
      part: "flame",
      geometry: lathe([
        [0, 0],
        [4, 2],
        [6, 7],
        [5, 12],
        [3, 18],
        [1.2, 24],
        [0, 29],
      ]),
      material: "plastic",
      lookOnly: true, // a flame is made of no material
      finish: "gloss",
      colour: "#ffb52e",
      transmission: 0.35,
      position: [0, 121, 0],
    },
  ]);
};

/** A shiny compact disc lying data side up: Ø 120 × 1.2 mm with a Ø 15 mm hole and a clear hub. */
const cd: ObjectModelFn = (p) => {
  const t = 1.2 * (p.thickness ?? 1);
  return model(
    "cd",
    p,
    [
      // the data side: silver rings with the faint rainbow sheen of the pits
      ...(
        [
          [23, 34, "#7d8aa6"],
          [34, 44, "#8a7fa6"],
          [44, 52, "#7aa39d"],
          [52, 59.4, "#a39f80"],
        ] as const
      ).map(([r0, r1, tint]): MeshSpec => ({
        part: "face",
        geometry: extrude(circle(0, 0, r1, 64), t, [circle(0, 0, r0, 64)]),
        material: p.material ?? "plastic",
        finish: p.finish ?? "polished",
        colour: p.colour ?? tint,
        position: [0, t / 2, 0],
        rotation: [90, 0, 0],
      })),
      {
        part: null,
        geometry: extrude(circle(0, 0, 23, 32), t, [circle(0, 0, 7.5, 24)]),
        material: "plastic",
        finish: "polished",
        colour: "#c3ccd6",
        transmission: 0.5,
        position: [0, t / 2, 0],
        rotation: [90, 0, 0],
      },
      {
        part: "edge",
        geometry: torus(59.6, t / 2, 360),
        material: p.material ?? "plastic",
        finish: "polished",
        colour: "#8c97a8",
        position: [0, t / 2, 0],
        rotation: [90, 0, 0],
      },
    ],
    { viewFrom: [0.25, 1, 0.6], partViewFrom: { edge: [0.1, 0.12, 1] } },
  );
};

/** A round magnifying glass lying flat: Ø 75 mm biconvex lens in a dark frame, 110 mm handle along +X. */
const magnifyingGlass: ObjectModelFn = (p) => {
  const dark = p.colour ?? "#232325";
  const material = p.material ?? "plastic";
  const cy = 11; // the frame and lens sit on the axis of the handle
  const glass = { material: "glass" as const, finish: "polished" as const, colour: "#e6f0f2", transmission: 0.95 };
  return model(
    "magnifying-glass",
    p,
    [
      {
        part: "lens",
        geometry: lathe(
          [
            [37.5, 0],
            [28, 2],
            [15, 3.4],
            [0, 4],
          ],
          0.8,
        ),
        ...glass,
        position: [0, cy, 0],
      },
      {
        part: "lens",
        geometry: lathe(
          [
            [0, -4],
            [15, -3.4],
            [28, -2],
            [37.5, 0],
          ],
          0.8,
        ),
        ...glass,
        position: [0, cy, 0],
      },
      {
        part: "frame",
        geometry: torus(40, 5 * (p.thickness ?? 1)),
        material,
        finish: "satin",
        colour: dark,
        position: [0, cy, 0],
        rotation: [90, 0, 0],
      },
      {
        part: null,
        geometry: cyl(6, 7, 16, 16),
        material,
        finish: "satin",
        colour: dark,
        position: [51, cy, 0],
        rotation: [0, 0, -90],
      },
      {
        part: "handle",
        geometry: cyl(10, 11, 110, 24),
        material,
        finish: "satin",
        texture: "ribs",
        colour: dark,
        position: [114, cy, 0],
        rotation: [0, 0, -90],
      },
    ],
    { viewFrom: [0.3, 1, 0.7], partViewFrom: { lens: [0.2, 1, 0.4] } },
  );
};

/** A smartphone lying screen-up: 147 × 71.5 × 7.8 mm, aluminium frame, dark glass screen with an app grid. */
const mobilePhone: ObjectModelFn = (p) => {
  const frame = p.colour ?? "#8d9298";
  const t = 7.2 * (p.thickness ?? 1);
  const icons: MeshSpec[] = [];
  const tones = ["#3b82f6", "#22c55e", "#f59e0b", "#ef4444", "#a855f7", "#14b8a6"];
  for (let row = 0; row < 5; row++)
    for (let col = 0; col < 4; col++)
      icons.push({
        part: null,
        geometry: box(10, 0.1, 10, 2),
        material: "plastic",
        finish: "gloss",
        colour: tones[(row * 4 + col) % tones.length]!,
        position: [-45 + row * 20, t + 0.42, -22.5 + col * 15],
      });
  return model(
    "mobile-phone",
    p,
    [
      {
        part: "edge",
        geometry: box(147, t, 71.5, 3),
        material: p.material ?? "metal",
        finish: p.finish ?? "brushed",
        colour: frame,
        position: [0, t / 2, 0],
      },
      {
        part: "screen",
        geometry: box(143, 0.7, 67.5, 0.3),
        material: "glass",
        finish: "polished",
        colour: "#121620",
        position: [0, t + 0.05, 0],
      },
      ...icons,
    ],
    { viewFrom: [0.2, 1, 0.6], partViewFrom: { edge: [0.2, 0.12, 1] } },
  );
};

/** A red twin-bell alarm clock, 150 mm tall: a drum case with a glass front, two chrome bells, a plastic stand. */
const alarmClock: ObjectModelFn = (p) => {
  const red = p.colour ?? "#c62828";
  const chrome = "#c8ccd0";
  const cy = 62; // centre of the dial
  const bell = (side: 1 | -1): MeshSpec => ({
    part: "bells",
    geometry: lathe(
      [
        [17, 0],
        [16.5, 5],
        [13.5, 11],
        [7.5, 15.5],
        [0, 16.5],
      ],
      1.2,
    ),
    material: "metal",
    finish: "polished",
    colour: chrome,
    position: [side * 24, cy + 43, 20],
    rotation: [0, 0, -side * 25],
  });
  return model("alarm-clock", p, [
    {
      part: "case",
      // a drum open at the front, heavy-walled
      geometry: lathe(
        [
          [0, 0],
          [44, 0],
          [50, 5],
          [50, 36],
          [48, 40],
        ],
        10,
      ),
      material: p.material ?? "metal",
      finish: p.finish ?? "gloss",
      colour: red,
      position: [0, cy, 0],
      rotation: [90, 0, 0],
    },
    {
      part: "case",
      geometry: torus(45, 4),
      material: "metal",
      finish: "polished",
      colour: chrome,
      position: [0, cy, 39],
    },
    {
      part: null,
      geometry: cyl(41, 41, 1, 48),
      material: "paper",
      finish: "matte",
      colour: "#f6f3ea",
      position: [0, cy, 30],
      rotation: [90, 0, 0],
    },
    {
      part: null,
      geometry: box(3, 26, 1),
      material: "metal",
      finish: "matte",
      colour: "#151515",
      position: [0, cy + 12, 31.5],
    },
    {
      part: null,
      geometry: box(2.5, 34, 1),
      material: "metal",
      finish: "matte",
      colour: "#151515",
      position: [8, cy - 14, 32.5],
      rotation: [0, 0, 30],
    },
    ...Array.from({ length: 12 }, (_, i): MeshSpec => ({
      part: null,
      geometry: box(2.2, i % 3 === 0 ? 8 : 5, 0.8),
      material: "metal",
      finish: "matte",
      colour: "#151515",
      position: [34 * Math.sin((i * Math.PI) / 6), cy + 34 * Math.cos((i * Math.PI) / 6), 31],
      rotation: [0, 0, -i * 30],
    })),
    {
      part: "face",
      geometry: cyl(42, 42, 1.5, 48),
      material: "glass",
      finish: "polished",
      colour: "#eef5f6",
      transmission: 0.92,
      position: [0, cy, 37],
      rotation: [90, 0, 0],
    },
    bell(1),
    bell(-1),
    {
      part: null,
      geometry: tube(
        [
          [-20, cy + 46, 20],
          [-13, cy + 64, 20],
          [0, cy + 68, 20],
          [13, cy + 64, 20],
          [20, cy + 46, 20],
        ],
        2.5,
      ),
      material: "metal",
      finish: "polished",
      colour: chrome,
    },
    {
      part: null,
      geometry: cyl(3, 3, 14, 12),
      material: "metal",
      finish: "polished",
      colour: chrome,
      position: [0, cy + 52, 20],
    },
    {
      part: "stand",
      geometry: box(110, 7, 50, 2),
      material: "plastic",
      finish: "satin",
      colour: "#1f1f22",
      position: [0, 3.5, 20],
    },
    {
      part: null,
      geometry: box(60, 8, 30),
      material: "plastic",
      finish: "satin",
      colour: "#1f1f22",
      position: [0, 10, 20],
    },
  ]);
};

/** A blue plastic bucket, Ø 300 × 270 mm (10 l), a rolled rim and a thin carrying handle standing up. */
const bucket: ObjectModelFn = (p) => {
  const colour = p.colour ?? "#1e5bb8";
  const material = p.material ?? "plastic";
  const finish = p.finish ?? "satin";
  const h = 270;
  return model("bucket", p, [
    {
      part: "body",
      geometry: lathe(
        [
          [0, 0],
          [118, 0],
          [122, 4],
          [146, h],
        ],
        3 * (p.thickness ?? 1),
      ),
      material,
      finish,
      colour,
    },
    {
      part: "rim",
      geometry: torus(148, 8),
      material,
      finish,
      colour,
      position: [0, h, 0],
      rotation: [90, 0, 0],
    },
    {
      part: "handle",
      geometry: tube(arcPath(0, h - 20, 0, 152, 0, 180, 16), 3.5),
      material,
      finish: "gloss",
      colour: "#1a4a94",
    },
    ...([1, -1] as const).map((s): MeshSpec => ({
      part: null,
      geometry: box(8, 30, 26, 2),
      material,
      finish,
      colour,
      position: [s * 144, h - 22, 0],
      rotation: [0, 0, s * 5],
    })),
    {
      part: null,
      geometry: cyl(16, 16, 90, 16),
      material: "plastic",
      finish: "satin",
      colour: "#222222",
      position: [0, h - 20 + 152, 0],
      rotation: [0, 0, 90],
    },
  ]);
};

export const MODELS_KITCHEN: Readonly<Record<string, ObjectModelFn>> = {
  banana,
  teapot,
  "kitchen-roll": kitchenRoll,
  lemon,
  bandage,
  soap,
  "lotion-bottle": lotionBottle,
  "kitchen-knife": kitchenKnife,
  chopsticks,
  "wine-glass": wineGlass,
  jar,
  mug,
  "frying-pan": fryingPan,
  "salt-shaker": saltShaker,
  tumbler,
  candle,
  cd,
  "magnifying-glass": magnifyingGlass,
  "mobile-phone": mobilePhone,
  "alarm-clock": alarmClock,
  bucket,
};
