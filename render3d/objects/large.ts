/**
 * Object models, batch "large": broom, umbrella, fishing rod, log, potted plant, rock, hiking boot, books, teddy
 * bear, saw, axe, clamp, rope, plunger, newspaper, yarn, high heel, scarf, gloves, backpack, skateboard, water
 * pistol. Real sizes in mm; each mesh names its knowledge-base part (or null for detail); the geometry is chosen
 * so the annotations derived from it (core/scenario/render-annotations.ts) are true of the real object.
 */
import { withStates } from "../model/build";
import type { Geometry, Material, MeshSpec, ModelSpec, ObjectModelFn, Vec2, Vec3, VariantParams } from "../model/types";
import { circle } from "./examples";

const DEG = Math.PI / 180;
type Mat3 = [[number, number, number], [number, number, number], [number, number, number]];

/** Rotation matrix of Euler degrees applied X, then Y, then Z about fixed axes (R = Rz·Ry·Rx). */
function matOf(r: Vec3): Mat3 {
  const [a, b, c] = r.map((d) => d * DEG) as [number, number, number];
  const [ca, sa, cb, sb, cc, sc] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b), Math.cos(c), Math.sin(c)];
  return [
    [cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa],
    [sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa],
    [-sb, cb * sa, cb * ca],
  ];
}

function mul(m: Mat3, n: Mat3): Mat3 {
  const row = (i: 0 | 1 | 2): [number, number, number] => {
    const r = m[i];
    return [0, 1, 2].map((j) => r[0] * n[0][j]! + r[1] * n[1][j]! + r[2] * n[2][j]!) as [number, number, number];
  };
  return [row(0), row(1), row(2)];
}

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Euler degrees (X, then Y, then Z) of a rotation matrix. */
function eulerOf(m: Mat3): Vec3 {
  const b = Math.asin(Math.max(-1, Math.min(1, -m[2][0])));
  if (Math.abs(Math.cos(b)) > 1e-6) {
    return [r6(Math.atan2(m[2][1], m[2][2]) / DEG), r6(b / DEG), r6(Math.atan2(m[1][0], m[0][0]) / DEG)];
  }
  return [0, r6(b / DEG), r6(Math.atan2(-m[0][1], m[1][1]) / DEG)];
}

/** One rotation doing the given rotations one after the other (each in Euler degrees about fixed axes). */
function chain(...rots: Vec3[]): Vec3 {
  let m = matOf([0, 0, 0]);
  for (const r of rots) m = mul(matOf(r), m);
  return eulerOf(m);
}

function apply(m: Mat3, p: Vec3): Vec3 {
  return [
    m[0][0] * p[0] + m[0][1] * p[1] + m[0][2] * p[2],
    m[1][0] * p[0] + m[1][1] * p[1] + m[1][2] * p[2],
    m[2][0] * p[0] + m[2][1] * p[1] + m[2][2] * p[2],
  ];
}

/** The meshes turned by `rot` about the origin, then moved by `pos` (a rigid group transform). */
function place(meshes: readonly MeshSpec[], rot: Vec3, pos: Vec3 = [0, 0, 0]): MeshSpec[] {
  const g = matOf(rot);
  return meshes.map((m) => {
    const p = apply(g, m.position ?? [0, 0, 0]);
    return {
      ...m,
      position: [r6(p[0] + pos[0]), r6(p[1] + pos[1]), r6(p[2] + pos[2])],
      rotation: eulerOf(mul(g, matOf(m.rotation ?? [0, 0, 0]))),
    };
  });
}

/** Euler degrees that turn the local +Y axis (a cylinder's axis) onto direction d. */
function alongY(d: Vec3): Vec3 {
  const n = Math.hypot(...d);
  const [x, y, z] = [d[0] / n, d[1] / n, d[2] / n];
  return [r6(Math.asin(z) / DEG), 0, r6(Math.atan2(-x, y) / DEG)];
}

/** Lays a cylinder/lathe (axis Y) along +X. */
const ALONG_X: Vec3 = [0, 0, -90];
/** Lays an outline drawn in XY flat on the table (outline y → model z, depth → model y). */
const FLAT: Vec3 = [90, 0, 0];
/** Turns a cylinder (axis Y) to point along Z. */
const ALONG_Z: Vec3 = [90, 0, 0];

interface Look {
  lookOnly?: boolean;
  finish?: MeshSpec["finish"];
  texture?: MeshSpec["texture"];
  position?: Vec3;
  rotation?: Vec3;
  scale?: Vec3;
  transmission?: number;
}

function mesh(part: string | null, geometry: Geometry, material: Material, colour: string, look: Look = {}): MeshSpec {
  return { part, geometry, material, colour, ...look };
}

const cyl = (r: number, h: number, rTop = r): Geometry => ({
  kind: "cylinder",
  radiusTop: rTop,
  radiusBottom: r,
  height: h,
});
const sphere = (radius: number, scale?: Vec3): Geometry =>
  scale ? { kind: "sphere", radius, scale } : { kind: "sphere", radius };
const box = (x: number, y: number, z: number, bevel?: number): Geometry =>
  bevel ? { kind: "box", size: [x, y, z], bevel } : { kind: "box", size: [x, y, z] };
const tube = (path: Vec3[], radius: number): Geometry => ({ kind: "tube", path, radius });
const extrude = (shape: Vec2[], depth: number, bevel?: number, holes?: Vec2[][]): Geometry => ({
  kind: "extrude",
  shape,
  depth,
  ...(bevel ? { bevel } : {}),
  ...(holes ? { holes } : {}),
});
const ellipse = (cx: number, cy: number, rx: number, ry: number, n = 24): Vec2[] =>
  circle(0, 0, 1, n).map(([x, y]) => [cx + rx * x, cy + ry * y] as const);

const t = (p: VariantParams): number => p.thickness ?? 1;

function model(object: string, p: VariantParams, meshes: MeshSpec[], extra: Partial<ModelSpec> = {}): ModelSpec {
  return { object, meshes, states: withStates(p), ...extra };
}

/** A corn broom lying on the table: 1.25 m wooden pole, a flat fan of straw 345 mm long bound with red cord. */
const broom: ObjectModelFn = (p) => {
  const r = 10 * t(p);
  const y = 25;
  const straw = "#d8b35c";
  const headOutline: Vec2[] = [
    [1190, -38],
    [1262, -46],
    [1400, -118],
    [1525, -150],
    [1535, -50],
    [1535, 50],
    [1525, 150],
    [1400, 118],
    [1262, 46],
    [1190, 38],
  ];
  const meshes: MeshSpec[] = [
    mesh("handle", cyl(r, 1250), p.material ?? "wood", p.colour ?? "#b5814a", {
      finish: p.finish ?? "satin",
      position: [625, y, 0],
      rotation: ALONG_X,
    }),
    mesh(null, cyl(r + 1.5, 14), "plastic", "#c62828", { finish: "gloss", position: [-6, y, 0], rotation: ALONG_X }),
    mesh("head", extrude(headOutline, 45, 3), "wood", straw, {
      lookOnly: true, // straw: no vocabulary material
      finish: "rough",
      texture: "grain",
      position: [0, y, 0],
      rotation: FLAT,
    }),
    ...[1208, 1244].map((x) =>
      mesh("binding", cyl(48, 36), "fabric", "#b3202a", {
        finish: "textured",
        texture: "ribs",
        position: [x, y, 0],
        rotation: ALONG_X,
        scale: [0.62, 1, 1],
      }),
    ),
    // stitched rows across the fan
    ...[
      [1330, 150],
      [1430, 214],
    ].map(([x, w]) => mesh(null, box(7, 47, w!), "fabric", "#b3202a", { finish: "textured", position: [x!, y, 0] })),
  ];
  return model("broom", p, meshes, { viewFrom: [0.2, 0.9, 0.8] });
};

/** A furled stick umbrella (810 mm) lying on the table: wooden crook, navy canopy held by a strap, plastic tip. */
const umbrella: ObjectModelFn = (p) => {
  const cr = 9 * t(p);
  const canopy = p.colour ?? "#1f2d52";
  const arc: Vec3[] = Array.from({ length: 9 }, (_, i) => {
    const f = (Math.PI * i) / 8;
    return [-50 - 30 * Math.sin(f), 0, 30 - 30 * Math.cos(f)] as const;
  });
  const canopyProfile: Vec2[] = [
    [0, 0],
    [10, 5],
    [22, 30],
    [30, 90],
    [32, 160],
    [30, 260],
    [25, 380],
    [18, 480],
    [10, 560],
    [6, 600],
    [0, 600],
  ];
  const meshes: MeshSpec[] = [
    mesh("crook", tube([[-8, 0, 0], [-30, 0, 0], ...arc, [-35, 0, 60]], cr), p.material ?? "wood", "#7a4a26", {
      finish: p.finish ?? "gloss",
    }),
    mesh(null, cyl(7, 14), "metal", "#c9a24a", { finish: "polished", position: [-4, 0, 0], rotation: ALONG_X }),
    mesh(null, cyl(5, 700), "metal", "#2b2b2b", { finish: "satin", position: [345, 0, 0], rotation: ALONG_X }),
    mesh("canopy", { kind: "lathe", points: canopyProfile }, "fabric", canopy, {
      finish: "gloss", // coated nylon: smooth to the eye and the hand
      position: [90, 0, 0],
      rotation: ALONG_X,
    }),
    mesh(null, { kind: "torus", radius: 31.5, tube: 3.5 }, "fabric", canopy, {
      finish: "satin",
      position: [330, 0, 0],
      rotation: [0, 90, 0],
    }),
    mesh(null, cyl(5, 6), "metal", "#c8ccd0", { finish: "polished", position: [330, 0, 34], rotation: ALONG_Z }),
    mesh("tip", cyl(5, 32, 0.6), "plastic", "#151515", {
      finish: "gloss",
      position: [706, 0, 0],
      rotation: ALONG_X,
    }),
  ];
  // tilt so it rests on the crook and the canopy's belly, as a furled umbrella lies on a table
  return model("umbrella", p, place(meshes, [0, 0, 4]), { partViewFrom: { tip: [0.3, 0.25, 1] } });
};

/** A child's toy fishing rod (330 mm) lying on the table: yellow bent rod, red reel, orange fish on the line. */
const fishingRod: ObjectModelFn = (p) => {
  const rr = 3.5 * t(p);
  const rod: Vec3[] = [
    [85, 12, 0],
    [150, 12, 3],
    [200, 12, 11],
    [250, 12, 25],
    [290, 12, 44],
    [325, 12, 68],
  ];
  const fishX = 395;
  const meshes: MeshSpec[] = [
    mesh(null, cyl(12, 92, 11), "plastic", "#2f6fd0", {
      finish: "textured",
      texture: "ribs",
      position: [46, 12, 0],
      rotation: ALONG_X,
    }),
    mesh(null, sphere(12, [0.4, 1, 1]), "plastic", "#2f6fd0", { finish: "gloss", position: [0, 12, 0] }),
    mesh("rod", tube(rod, rr), p.material ?? "plastic", p.colour ?? "#f2c230", { finish: p.finish ?? "gloss" }),
    mesh("reel", cyl(18, 9), "plastic", "#d63a2f", { finish: "gloss", position: [62, 21, 18], rotation: ALONG_Z }),
    mesh(null, cyl(3, 10), "plastic", "#f5f5f5", { finish: "gloss", position: [70, 26, 26], rotation: ALONG_Z }),
    mesh(null, cyl(4.5, 16), "plastic", "#2f6fd0", { finish: "gloss", position: [62, 21, 8], rotation: ALONG_Z }),
    mesh(
      null,
      tube(
        [
          [325, 12, 68],
          [345, 9, 88],
          [362, 8, 108],
          [fishX + 30, 8, 120],
        ],
        0.6,
      ),
      "plastic",
      "#fafafa",
      { finish: "gloss" },
    ),
    mesh("fish", sphere(22, [1.5, 0.45, 0.9]), "plastic", "#f08a24", { finish: "gloss", position: [fishX, 10, 120] }),
    mesh(
      "fish",
      extrude(
        [
          [0, 0],
          [-26, -17],
          [-22, 0],
          [-26, 17],
        ],
        4,
      ),
      "plastic",
      "#f08a24",
      { finish: "gloss", position: [fishX - 29, 10, 120], rotation: FLAT },
    ),
    mesh(null, sphere(3.2), "plastic", "#111111", { finish: "gloss", position: [fishX + 19, 15, 126] }),
  ];
  return model("fishing-rod", p, meshes, { viewFrom: [0.1, 1, 0.6] });
};

/** A short sawn log standing on end: Ø 160 × 243 mm, dark bark, a pale cut top with growth rings, two branch stubs. */
const log: ObjectModelFn = (p) => {
  const bark = p.colour ?? "#5b4332";
  const cut = "#d7b27a";
  const d1 = alongY([0.82, 0.57, 0.1]);
  const d2 = alongY([-0.75, 0.45, -0.48]);
  const at = (d: Vec3, s: number, y: number): Vec3 => {
    const n = Math.hypot(...d);
    return [(d[0] / n) * s, y + (d[1] / n) * s, (d[2] / n) * s];
  };
  const meshes: MeshSpec[] = [
    mesh("trunk", cyl(80, 240), "wood", bark, { finish: "rough", position: [0, 120, 0] }),
    mesh("cut-end", cyl(76, 3), "wood", cut, { finish: "rough", position: [0, 241.5, 0] }),
    ...[18, 36, 52, 66].map((r) =>
      mesh("cut-end", { kind: "torus", radius: r, tube: 0.9 }, "wood", "#a9804c", {
        finish: "rough",
        position: [0, 243, 0],
        rotation: [90, 0, 0],
      }),
    ),
    mesh("branch-stub", cyl(13 * t(p), 80, 11 * t(p)), "wood", bark, {
      finish: "rough",
      position: at([0.82, 0.57, 0.1], 100, 120),
      rotation: d1,
    }),
    mesh(null, cyl(11, 2), "wood", cut, { finish: "rough", position: at([0.82, 0.57, 0.1], 140, 120), rotation: d1 }),
    mesh(null, cyl(9, 60, 8), "wood", bark, {
      finish: "rough",
      position: at([-0.75, 0.45, -0.48], 95, 70),
      rotation: d2,
    }),
    mesh(null, cyl(8, 2), "wood", cut, { finish: "rough", position: at([-0.75, 0.45, -0.48], 125, 70), rotation: d2 }),
  ];
  return model("log", p, meshes, { viewFrom: [0.35, 0.9, 1] });
};

/** A small leafy plant (crown under 100 mm) in a Ø 94 mm terracotta pot. */
const pottedPlant: ObjectModelFn = (p) => {
  const pot = p.colour ?? "#c0643a";
  const leaf: Vec2[] = [
    [0, 0],
    [8, -7],
    [20, -10],
    [32, -8],
    [45, 0],
    [32, 8],
    [20, 10],
    [8, 7],
  ];
  const leaves: MeshSpec[] = [];
  const tiers = [
    { n: 6, tilt: 20, base: 84, phase: 0, r0: 6 },
    { n: 5, tilt: 48, base: 90, phase: 36, r0: 3 },
  ];
  for (const tier of tiers)
    for (let i = 0; i < tier.n; i++) {
      const phi = tier.phase + (360 * i) / tier.n;
      const pos: Vec3 = [tier.r0 * Math.cos(phi * DEG), tier.base, -tier.r0 * Math.sin(phi * DEG)];
      leaves.push(
        mesh("leaves", extrude(leaf, 1.5 * t(p)), "food", i % 2 ? "#3f8f3a" : "#4fa246", {
          lookOnly: true, // leaves: no vocabulary material
          finish: "satin",
          position: [r6(pos[0]), pos[1], r6(pos[2])],
          rotation: chain(FLAT, [0, 0, tier.tilt], [0, phi, 0]),
        }),
        mesh(
          "leaves",
          tube([[0, 76, 0], [pos[0] * 0.5, (76 + pos[1]) / 2, pos[2] * 0.5], pos], 1.1),
          "food",
          "#3a7a32",
          {
            lookOnly: true,
            finish: "satin",
          },
        ),
      );
    }
  const meshes: MeshSpec[] = [
    mesh(
      "pot",
      {
        kind: "lathe",
        points: [
          [0, 0],
          [36, 0],
          [38, 3],
          [45, 80],
        ],
        wall: 6 * t(p),
      },
      p.material ?? "ceramic",
      pot,
      { finish: p.finish ?? "matte", texture: "none" },
    ),
    mesh("pot", { kind: "torus", radius: 46, tube: 5 }, p.material ?? "ceramic", pot, {
      finish: p.finish ?? "matte",
      texture: "none",
      position: [0, 79, 0],
      rotation: [90, 0, 0],
    }),
    mesh(null, cyl(42, 4), "stone", "#3d2b1f", { finish: "rough", position: [0, 74, 0] }),
    ...leaves,
  ];
  return model("potted-plant", p, meshes, { viewFrom: [0.35, 0.7, 1] });
};

/** A fist-sized grey stone doorstop (128 × 112 × 62 mm): a broad flat front facet and a jagged, angular top. */
const rock: ObjectModelFn = (p) => {
  const stone = p.colour ?? "#6f6d68";
  const front: Vec2[] = [
    [-58, -46],
    [-20, -46],
    [30, -44],
    [60, -30],
    [64, 5],
    [50, 30],
    [15, 44],
    [-30, 40],
    [-57, 20],
    [-64, -12],
  ];
  const ridge: Vec2[] = [
    [-48, 30],
    [48, 30],
    [46, 38],
    [30, 46],
    [14, 42],
    [8, 60],
    [2, 43],
    [-20, 50],
    [-36, 40],
    [-46, 37],
  ];
  const meshes: MeshSpec[] = [
    mesh("flat-face", extrude(front, 21 * t(p), 2), "stone", "#7d7b75", {
      finish: "rough",
      position: [0, 46, 10],
    }),
    mesh(
      null,
      extrude(
        front.map(([x, y]) => [x * 0.9 + 2, y * 0.92 + 2] as const),
        40,
        6,
      ),
      "stone",
      stone,
      { finish: "rough", position: [0, 46, -18] },
    ),
    mesh("ridge", extrude(ridge, 46, 2), "stone", "#65635e", { finish: "rough", position: [0, 48, -10] }),
  ];
  return model("rock", p, meshes, { viewFrom: [0.45, 0.6, 1], partViewFrom: { ridge: [0.2, 0.35, 1] } });
};

/** A leather hiking boot (300 mm long, 190 mm tall) with a deep-lugged rubber sole, heel block and lace hooks. */
const hikingBoot: ObjectModelFn = (p) => {
  const leather = p.colour ?? "#7b4a2a";
  const rubber = "#2b2622";
  const sole: Vec2[] = [
    [-57, -46],
    [40, -52],
    [100, -50],
    [135, -38],
    [150, -12],
    [150, 12],
    [135, 38],
    [100, 50],
    [40, 52],
    [-57, 46],
  ];
  // x of the shaft's front surface at local height y and side offset z (profile below, scale 1.3 × 1.05)
  const shaftR = (y: number): number => (y < 60 ? 47 : 47 - ((y - 60) / 90) * 5);
  const frontX = (y: number, z: number): number => -85 + 1.3 * Math.sqrt(Math.max(0, shaftR(y) ** 2 - (z / 1.05) ** 2));
  const hooks: MeshSpec[] = [];
  const lace: Vec3[] = [];
  [95, 115, 135, 155].forEach((y, i) => {
    for (const z of [-15, 15]) {
      const x = r6(frontX(y - 20, z) + 3);
      hooks.push(
        mesh("laces", { kind: "torus", radius: 5, tube: 1.4, arc: 200 }, "metal", "#8c8f94", {
          finish: "polished",
          position: [x, y, z],
          rotation: [0, 90, 0],
        }),
      );
    }
    lace.push([r6(frontX(y - 20, 0) + 6), y, i % 2 ? 15 : -15], [r6(frontX(y - 10, 0) + 6), y + 10, i % 2 ? -15 : 15]);
  });
  const lugs: MeshSpec[] = [];
  for (let i = 0; i < 7; i++)
    for (const s of [-1, 1])
      lugs.push(
        mesh(null, box(14, 10, 6), "rubber", rubber, {
          finish: "textured",
          position: [-130 + i * 38, 5, s * (i === 6 ? 44 : 49)],
        }),
      );
  const meshes: MeshSpec[] = [
    mesh("heel", box(95, 22, 90, 3), "rubber", rubber, {
      finish: "textured",
      texture: "ribs",
      position: [-102.5, 11, 0],
    }),
    mesh("sole", extrude(sole, 22, 2), "rubber", rubber, {
      finish: "textured",
      texture: "ribs",
      position: [0, 11, 0],
      rotation: FLAT,
    }),
    ...lugs,
    mesh(
      "upper",
      {
        kind: "lathe",
        points: [
          [0, 0],
          [44, 0],
          [48, 20],
          [47, 60],
          [44, 110],
          [42, 150],
        ],
        wall: 5 * t(p),
      },
      p.material ?? "fabric",
      leather,
      { finish: p.finish ?? "matte", position: [-85, 20, 0], scale: [1.3, 1, 1.05] },
    ),
    mesh("upper", sphere(62, [1.75, 0.58, 0.8]), p.material ?? "fabric", leather, {
      finish: p.finish ?? "matte",
      position: [35, 36, 0],
    }),
    mesh("upper", sphere(46, [1.1, 0.95, 0.95]), p.material ?? "fabric", leather, {
      finish: p.finish ?? "matte",
      position: [-30, 66, 0],
    }),
    mesh("upper", { kind: "torus", radius: 43, tube: 7 }, p.material ?? "fabric", "#5e3820", {
      finish: "matte",
      position: [-85, 168, 0],
      rotation: [90, 0, 0],
      scale: [1.3, 1.05, 1],
    }),
    mesh("upper", box(12, 100, 34, 5), p.material ?? "fabric", "#6a3e22", {
      finish: "matte",
      position: [r6(frontX(70, 0) - 2), 120, 0],
      rotation: [0, 0, 6],
    }),
    ...hooks,
    mesh(null, tube(lace, 1.5), "fabric", "#b3202a", { finish: "textured" }),
  ];
  return model("hiking-boot", p, meshes, { viewFrom: [0.9, 0.55, 1], partViewFrom: { heel: [-1, 0.25, 0.5] } });
};

/** One hardback book standing in its own frame: spine towards +z, height along y, thickness T along x. */
function book(
  T: number,
  H: number,
  D: number,
  colour: string,
  parts: { cover: string | null; spine: string | null; pages: string | null },
): MeshSpec[] {
  const board = 3;
  const spineDepth = 24;
  const boardLen = D - spineDepth;
  const zBoard = -D / 2 + boardLen / 2;
  const look = { finish: "satin" as const };
  return [
    mesh(parts.cover, box(board, H, boardLen), "paper", colour, {
      ...look,
      position: [T / 2 - board / 2, H / 2, zBoard],
    }),
    mesh(parts.cover, box(board, H, boardLen), "paper", colour, {
      ...look,
      position: [-T / 2 + board / 2, H / 2, zBoard],
    }),
    mesh(parts.spine, box(T, H, spineDepth, 2), "paper", colour, {
      ...look,
      position: [0, H / 2, D / 2 - spineDepth / 2],
    }),
    mesh(parts.pages, box(T - 2 * board, H - 6, boardLen - 3), "paper", "#efe6cf", {
      finish: "textured",
      texture: "ribs",
      position: [0, H / 2, zBoard - 1.5],
    }),
  ];
}

/** Three hardbacks (225–250 mm tall) standing together, the green one leaning against the others. */
const books: ObjectModelFn = (p) => {
  const green = p.colour ?? "#2e6b3a";
  const none = { cover: null, spine: null, pages: "pages" };
  const lean = 15;
  const meshes: MeshSpec[] = [
    ...place(book(28, 225, 160, "#284a8a", none), [0, 0, 0], [-54, 0, 0]),
    ...place(book(38, 250, 175, "#8c2a2a", none), [0, 0, 0], [-20, 0, 0]),
    ...place(
      book(32 * t(p), 240, 165, green, { cover: "cover", spine: "spine", pages: "pages" }),
      [0, 0, lean],
      [r6(-1 + 16 * Math.cos(lean * DEG) + 240 * Math.sin(lean * DEG)), r6(16 * Math.sin(lean * DEG)), 0],
    ),
  ];
  return model("books", p, meshes, { viewFrom: [0.75, 0.45, 1] });
};

/** A sitting plush teddy bear, 300 mm tall, golden-brown woven fur with button eyes. */
const teddyBear: ObjectModelFn = (p) => {
  const fur = p.colour ?? "#b07a45";
  const light = "#dcb68c";
  const f = { finish: p.finish ?? ("textured" as const) };
  const mat = p.material ?? "fabric";
  const meshes: MeshSpec[] = [
    mesh("body", sphere(70, [0.95, 1.15, 0.85]), mat, fur, { ...f, position: [0, 85, 0] }),
    ...[-1, 1].flatMap((s) => [
      mesh("body", sphere(35, [0.9, 0.8, 1.4]), mat, fur, { ...f, position: [s * 42, 28, 40] }),
      mesh(null, sphere(22, [1, 1, 0.3]), mat, light, { ...f, position: [s * 42, 28, 88] }),
      mesh("head", sphere(20, [1, 1, 0.5]), mat, fur, { ...f, position: [s * 40, 245, -5] }),
      mesh(null, sphere(12, [1, 1, 0.4]), mat, light, { ...f, position: [s * 40, 245, 2] }),
      mesh(null, sphere(6), "plastic", "#111111", { finish: "gloss", position: [s * 20, 214, 54] }),
      mesh(s > 0 ? "arm" : null, sphere(40, [0.5 * t(p), 1, 0.5 * t(p)]), mat, fur, {
        ...f,
        position: [s * 68, 118, 22],
        rotation: [-25, 0, s * 35],
      }),
    ]),
    mesh("head", sphere(55), mat, fur, { ...f, position: [0, 200, 5] }),
    mesh("head", sphere(24, [1.1, 0.85, 0.8]), mat, light, { ...f, position: [0, 188, 52] }),
    mesh(null, sphere(7, [1.3, 0.9, 0.8]), "plastic", "#1a1a1a", { finish: "gloss", position: [0, 196, 72] }),
  ];
  return model("teddy-bear", p, meshes);
};

/** A 650 mm carpenter's handsaw lying flat: tapered steel blade, 80 set teeth, closed wooden grip. */
const saw: ObjectModelFn = (p) => {
  const steel = "#c8ccd0";
  const bt = 1 * t(p);
  const y = 12;
  const teeth: Vec2[] = [
    [0, 119],
    [500, 119],
    [500, 120],
  ];
  const n = 80;
  const pitch = 500 / n;
  for (let i = 0; i < n; i++) teeth.push([500 - pitch * (i + 0.5), 124.5], [500 - pitch * (i + 1), 120]);
  const handle: Vec2[] = [
    [15, 8],
    [15, 128],
    [-30, 137],
    [-75, 132],
    [-120, 112],
    [-150, 80],
    [-160, 50],
    [-150, 20],
    [-120, -4],
    [-80, -14],
    [-40, -14],
    [-10, -4],
  ];
  const meshes: MeshSpec[] = [
    mesh(
      "blade",
      extrude(
        [
          [0, 0],
          [500, 45],
          [500, 120],
          [0, 120],
        ],
        bt,
      ),
      p.material ?? "metal",
      steel,
      { finish: p.finish ?? "polished", position: [0, y, 0], rotation: FLAT },
    ),
    mesh("teeth", extrude(teeth, bt * 1.3), "metal", "#aeb3b8", {
      finish: "rough",
      position: [0, y, 0],
      rotation: FLAT,
    }),
    mesh("handle", extrude(handle, 24, 4, [ellipse(-78, 58, 44, 24).reverse()]), "wood", p.colour ?? "#a0652f", {
      finish: "satin",
      position: [0, y, 0],
      rotation: FLAT,
    }),
    ...[
      [-2, 30],
      [-2, 98],
      [-30, 116],
    ].map(([x, z]) => mesh(null, cyl(5, 25), "metal", "#c9a24a", { finish: "polished", position: [x!, y, z!] })),
  ];
  return model("saw", p, meshes, {
    viewFrom: [0.15, 1, 0.45],
    partViewFrom: { teeth: [0.15, 0.3, 1], blade: [0.1, 0.35, 1] },
  });
};

/** A hatchet (400 mm) lying on its side: red-painted steel head, honed bright edge, oval wooden handle. */
const axe: ObjectModelFn = (p) => {
  const y = 14;
  const red = p.colour ?? "#b3261e";
  const steel = "#c8ccd0";
  const edgeBand: Vec2[] = [
    [315, 103],
    [405, 103],
  ];
  for (let i = 0; i <= 12; i++) {
    const f = i / 12;
    edgeBand.push([r6(408 - 96 * f), r6(108 + 12 * Math.sin(Math.PI * f))]);
  }
  const meshes: MeshSpec[] = [
    mesh("handle", cyl(16, 380), p.material ?? "wood", "#c79a5b", {
      finish: "satin",
      position: [180, y, 0],
      rotation: [0, 0, 90],
      scale: [0.6 * t(p), 1, 1],
    }),
    mesh("handle", sphere(17, [1, 0.62 * t(p), 1]), p.material ?? "wood", "#c79a5b", {
      finish: "satin",
      position: [-8, y, 0],
    }),
    mesh("head", box(50, 28, 56, 3), "metal", red, { finish: "gloss", position: [360, y, 0] }),
    mesh(
      "head",
      extrude(
        [
          [338, 26],
          [382, 26],
          [406, 104],
          [314, 104],
        ],
        12,
      ),
      "metal",
      red,
      { finish: "gloss", position: [0, y, 0], rotation: FLAT },
    ),
    mesh("edge", extrude(edgeBand, 3), "metal", steel, { finish: "polished", position: [0, y, 0], rotation: FLAT }),
    mesh("edge", { kind: "torus", radius: 102, tube: 0.9, arc: 56 }, "metal", "#e2e5e8", {
      finish: "polished",
      position: [360, y, 18],
      rotation: chain([0, 0, 62], FLAT),
    }),
  ];
  return model("axe", p, meshes, { viewFrom: [0.2, 1, 0.7], partViewFrom: { edge: [0.1, 0.3, 1] } });
};

/** A 100 mm steel G-clamp lying on its side: C-frame, threaded screw with a T-bar, swivel pad. */
const clamp: ObjectModelFn = (p) => {
  const y = 19;
  const frameC = p.colour ?? "#3d5f8f";
  const steel = "#c8ccd0";
  const frame: Vec3[] = [
    [62, y, -66],
    [0, y, -70],
    [-30, y, -60],
    [-46, y, -30],
    [-46, y, 30],
    [-30, y, 60],
    [0, y, 70],
    [62, y, 70],
  ];
  const mat = p.material ?? "metal";
  const meshes: MeshSpec[] = [
    mesh("frame", tube(frame, 11 * t(p)), mat, frameC, { finish: p.finish ?? "satin" }),
    ...[frame[0]!, frame[frame.length - 1]!].map((e) =>
      mesh("frame", sphere(11 * t(p)), mat, frameC, { finish: p.finish ?? "satin", position: e }),
    ),
    mesh("frame", cyl(13, 30), mat, frameC, { finish: p.finish ?? "satin", position: [62, y, 70], rotation: ALONG_Z }),
    mesh("frame", cyl(14, 10), mat, frameC, { finish: p.finish ?? "satin", position: [62, y, -64], rotation: ALONG_Z }),
    mesh("screw", cyl(6, 122), "metal", steel, {
      finish: "satin",
      texture: "ribs",
      position: [62, y, 51],
      rotation: ALONG_Z,
    }),
    mesh("screw", cyl(3.5, 90), "metal", steel, { finish: "polished", position: [62, y, 112], rotation: [0, 0, 90] }),
    ...[-1, 1].map((s) =>
      mesh(null, sphere(5.5), "metal", steel, { finish: "polished", position: [62 + s * 45, y, 112] }),
    ),
    mesh(null, sphere(6.5), "metal", steel, { finish: "polished", position: [62, y, -9] }),
    mesh("pad", cyl(19, 9), "metal", "#b9bec4", { finish: "satin", position: [62, y, -14.5], rotation: ALONG_Z }),
  ];
  return model("clamp", p, meshes, { viewFrom: [0.35, 1, 0.6], partViewFrom: { pad: [1, 0.3, 0.35] } });
};

/** A 1.5 m length of blue braided rope (Ø 12 mm) lying on the table, tied in a figure-of-eight knot near one end. */
const rope: ObjectModelFn = (p) => {
  const r = 6 * t(p);
  const S = 14;
  const H = 20;
  const knotAt = (u: number): Vec3 => {
    const k = 2 + Math.cos(2 * u);
    return [r6(S * k * Math.cos(3 * u)), r6(H + S * Math.sin(4 * u)), r6(S * k * Math.sin(3 * u))];
  };
  const knot: Vec3[] = [];
  const n = 72;
  for (let i = 0; i <= n; i++) knot.push(knotAt(0.15 + ((2 * Math.PI - 0.3) * i) / n));
  const first = knot[0]!;
  const last = knot[knot.length - 1]!;
  // the knot runs out into the long standing part (from its last point) and the short free end (from its first)
  const toStanding: Vec3[] = [
    [last[0] + 18, (last[1] + r) / 2, last[2] - 14],
    [last[0] + 40, r, last[2] - 30],
  ];
  const toEnd: Vec3[] = [
    [first[0] + 18, (first[1] + r) / 2, first[2] + 14],
    [first[0] + 40, r, first[2] + 30],
  ];
  const sEnd = toStanding[1]!;
  const eEnd = toEnd[1]!;
  const colour = p.colour ?? "#2a5db0";
  const look = { finish: p.finish ?? ("textured" as const), texture: "weave" as const };
  const meshes: MeshSpec[] = [
    mesh(
      "rope",
      tube(
        [
          sEnd,
          [sEnd[0] + 60, r, sEnd[2] - 40],
          [sEnd[0] + 170, r, sEnd[2] - 60],
          [sEnd[0] + 290, r, sEnd[2] - 20],
          [sEnd[0] + 360, r, sEnd[2] + 60],
          [sEnd[0] + 430, r, sEnd[2] + 120],
          [sEnd[0] + 540, r, sEnd[2] + 130],
          [sEnd[0] + 640, r, sEnd[2] + 80],
          [sEnd[0] + 720, r, sEnd[2] + 20],
        ],
        r,
      ),
      p.material ?? "fabric",
      colour,
      look,
    ),
    mesh(
      "rope",
      tube([...[...toStanding].reverse(), ...[...knot].reverse(), ...toEnd], r),
      p.material ?? "fabric",
      colour,
      look,
    ),
    mesh(
      "end",
      tube(
        [eEnd, [eEnd[0] + 40, r, eEnd[2] + 30], [eEnd[0] + 95, r, eEnd[2] + 45], [eEnd[0] + 140, r, eEnd[2] + 40]],
        r,
      ),
      p.material ?? "fabric",
      colour,
      look,
    ),
  ];
  return model("rope", p, meshes, { viewFrom: [0.2, 1, 0.6] });
};

/** A sink plunger standing on its cup: Ø 140 mm red rubber cup, 460 mm wooden handle (550 mm tall). */
const plunger: ObjectModelFn = (p) => {
  const red = p.colour ?? "#b71c1c";
  const hr = 10 * t(p);
  const meshes: MeshSpec[] = [
    mesh(
      "cup",
      {
        kind: "lathe",
        points: [
          [70, 0],
          [69, 15],
          [62, 35],
          [48, 52],
          [28, 64],
          [12, 68],
          [0, 69],
        ],
        wall: 5,
      },
      p.material ?? "rubber",
      red,
      { finish: p.finish ?? "satin" },
    ),
    mesh("cup", cyl(18, 26, 13), p.material ?? "rubber", red, { finish: p.finish ?? "satin", position: [0, 77, 0] }),
    mesh("handle", cyl(hr, 460), "wood", "#c9a06a", { finish: "satin", position: [0, 310, 0] }),
    mesh("handle", sphere(hr), "wood", "#c9a06a", { finish: "satin", position: [0, 540, 0] }),
  ];
  return model("plunger", p, meshes, { viewFrom: [0.35, 0.55, 1], partViewFrom: { cup: [0.3, 0.2, 1] } });
};

/** A newspaper rolled tightly (Ø 50 × 300 mm) and held with two rubber bands, lying on the table. */
const newspaper: ObjectModelFn = (p) => {
  const R = 25 * t(p);
  const paper = p.colour ?? "#c9c4b6";
  const spiral: Vec3[] = [];
  for (let i = 0; i <= 90; i++) {
    const a = (i / 90) * 5 * 2 * Math.PI;
    const rr = 3 + (R - 4) * (i / 90);
    spiral.push([150.7, r6(R + rr * Math.sin(a)), r6(rr * Math.cos(a))]);
  }
  const meshes: MeshSpec[] = [
    mesh("roll", cyl(R, 300), p.material ?? "paper", paper, {
      finish: p.finish ?? "matte",
      texture: "paper",
      position: [0, R, 0],
      rotation: ALONG_X,
    }),
    ...[-70, 60].map((x) =>
      mesh(null, { kind: "torus", radius: R + 0.6, tube: 1.4 }, "rubber", "#c0392b", {
        finish: "satin",
        position: [x, R, 0],
        rotation: [0, 90, 0],
      }),
    ),
    mesh("end", cyl(R - 0.5, 1), p.material ?? "paper", "#d9d4c8", {
      finish: "matte",
      position: [150.2, R, 0],
      rotation: ALONG_X,
    }),
    mesh("end", tube(spiral, 0.55), p.material ?? "paper", "#7d786e", { finish: "matte" }),
  ];
  return model("newspaper", p, meshes, { viewFrom: [0.6, 0.7, 1], partViewFrom: { end: [1, 0.25, 0.2] } });
};

/** A Ø 80 mm ball of blue wool with a strand trailing on the table and two 300 mm wooden needles stuck in it. */
const yarn: ObjectModelFn = (p) => {
  const blue = p.colour ?? "#3a6fc4";
  const look = { finish: "textured" as const };
  const wraps: MeshSpec[] = [
    [0, 0, 0],
    [60, 0, 0],
    [120, 0, 0],
    [90, 30, 0],
    [90, -35, 20],
    [30, 70, 10],
  ].map((rot) =>
    mesh("ball", { kind: "torus", radius: 40, tube: 1.6 }, "fabric", "#335fae", {
      ...look,
      position: [0, 40, 0],
      rotation: rot as unknown as Vec3,
    }),
  );
  const needle = (d: Vec3): MeshSpec[] => {
    const n = Math.hypot(...d);
    const u: Vec3 = [d[0] / n, d[1] / n, d[2] / n];
    const at = (s: number): Vec3 => [r6(u[0] * s), r6(40 + u[1] * s), r6(u[2] * s)];
    const nr = 2.5 * t(p);
    return [
      mesh("needles", cyl(nr, 300), "wood", "#d8b27a", { finish: "polished", position: at(125), rotation: alongY(d) }),
      mesh(null, sphere(5.5, [1, 0.6, 1]), "wood", "#8a5a2b", {
        finish: "polished",
        position: at(277),
        rotation: alongY(d),
      }),
    ];
  };
  const meshes: MeshSpec[] = [
    mesh("ball", sphere(40), p.material ?? "fabric", blue, { ...look, position: [0, 40, 0] }),
    ...wraps,
    mesh(
      "strand",
      tube(
        [
          [15, 4.5, 12],
          [40, 2.5, 28],
          [75, 1.7, 40],
          [115, 1.7, 36],
          [155, 1.7, 55],
          [200, 1.7, 62],
          [240, 1.7, 48],
        ],
        1.6,
      ),
      "fabric",
      blue,
      look,
    ),
    ...needle([0.45, 0.82, 0.3]),
    ...needle([-0.4, 0.85, 0.38]),
  ];
  return model("yarn", p, meshes);
};

/** A red patent court shoe (240 mm) with a 90 mm black stiletto heel and a pointed toe. */
const highHeel: ObjectModelFn = (p) => {
  const red = p.colour ?? "#c4161c";
  const black = "#141414";
  const mat = p.material ?? "plastic";
  const gloss = { finish: p.finish ?? ("gloss" as const) };
  const ht = t(p);
  const meshes: MeshSpec[] = [
    mesh("heel", cyl(3.2 * ht, 58, 4 * ht), "plastic", black, { finish: "gloss", position: [-72, 30, 0] }),
    mesh("heel", cyl(4 * ht, 12, 10), "plastic", black, { finish: "gloss", position: [-73, 62, 0] }),
    mesh(null, cyl(3.4 * ht, 3), "rubber", "#222222", { finish: "matte", position: [-72, 1.5, 0] }),
    mesh(
      "upper",
      {
        kind: "lathe",
        points: [
          [0, 0],
          [30, 0.5],
          [38, 4],
          [40, 12],
          [40, 22],
        ],
        wall: 2.5,
      },
      mat,
      red,
      { ...gloss, position: [-17, 35.6, 0], rotation: [0, 0, -25], scale: [1.75, 1, 0.8] },
    ),
    mesh(
      "toe",
      {
        kind: "lathe",
        points: [
          [0, 0],
          [34, 0],
          [33, 25],
          [26, 50],
          [16, 66],
          [7, 76],
          [0, 90],
        ],
      },
      mat,
      red,
      { ...gloss, position: [42, 16, 0], rotation: ALONG_X, scale: [0.47, 1, 1] },
    ),
    mesh(null, box(110, 2, 54, 0.8), "fabric", "#d9b99b", {
      finish: "matte",
      position: [-17, 38, 0],
      rotation: [0, 0, -25],
    }),
  ];
  return model("high-heel", p, meshes, {
    viewFrom: [0.25, 0.45, 1],
    partViewFrom: { heel: [0, 0.15, 1], toe: [0.3, 0.5, 1] },
  });
};

/** A long, chunky knitted red scarf (1.3 m × 120 mm, 24 mm thick) lying in a loose S, fringe at one end. */
const scarf: ObjectModelFn = (p) => {
  const red = p.colour ?? "#b3202a";
  const look = { finish: p.finish ?? ("textured" as const), texture: "weave" as const };
  const half = 0.2 * t(p);
  const end: Vec3 = [560, 0, 0];
  const meshes: MeshSpec[] = [
    mesh(
      "length",
      tube([[-600, 0, 0], [-300, 0, 80], [0, 0, 0], [300, 0, -80], end], 60),
      p.material ?? "fabric",
      red,
      { ...look, scale: [1, half, 1] },
    ),
    ...Array.from({ length: 8 }, (_, i) => {
      const z = -42 + i * 12;
      return mesh(
        "fringe",
        tube(
          [
            [end[0] - 6, -8, z * 0.95],
            [end[0] + 25, -8.5, z + (i % 2 ? 3 : -3)],
            [end[0] + 55, -9, z + (i % 3) - 1],
          ],
          2.5,
        ),
        "fabric",
        red,
        look,
      );
    }),
  ];
  return model("scarf", p, meshes, { viewFrom: [0.2, 1, 0.8], partViewFrom: { fringe: [0.6, 0.6, 1] } });
};

/** One knitted glove lying palm down, fingers along +x; `m` = 1 right hand, -1 left (mirrored in z). */
function glove(m: 1 | -1, colour: string, cuffColour: string, thick: number): MeshSpec[] {
  const th = 14 * thick;
  const look = { finish: "textured" as const, texture: "weave" as const };
  const y = th / 2;
  const palm: Vec2[] = [
    [0, -40],
    [10, -45],
    [85, -45],
    [95, -38],
    [97, 0],
    [95, 38],
    [85, 45],
    [10, 45],
    [0, 40],
    [-4, 0],
  ];
  const fingers = [
    [62, 27],
    [74, 9],
    [69, -9],
    [56, -27],
  ];
  const sq = th / 18;
  const out: MeshSpec[] = [
    mesh("palm", extrude(palm, th, 3), "fabric", colour, { ...look, position: [0, y, 0], rotation: FLAT }),
  ];
  for (const [len, z] of fingers) {
    out.push(
      mesh("fingers", cyl(9, len!), "fabric", colour, {
        ...look,
        position: [92 + len! / 2, y, m * z!],
        rotation: [0, 0, 90],
        scale: [sq, 1, 1],
      }),
      mesh("fingers", sphere(9, [1, sq, 1]), "fabric", colour, { ...look, position: [92 + len!, y, m * z!] }),
    );
  }
  const thumbDir = m * 42;
  const tl = 58;
  const c = Math.cos(thumbDir * DEG);
  const s = Math.sin(thumbDir * DEG);
  out.push(
    mesh("fingers", cyl(10, tl), "fabric", colour, {
      ...look,
      position: [r6(20 + (c * tl) / 2), y, r6(m * 40 - (s * tl) / 2)],
      rotation: chain([0, 0, 90], [0, thumbDir, 0]),
      scale: [sq, 1, 1],
    }),
    mesh("fingers", sphere(10, [1, sq, 1]), "fabric", colour, {
      ...look,
      position: [r6(20 + c * tl), y, r6(m * 40 - s * tl)],
    }),
  );
  out.push(
    mesh("cuff", cyl(40, 46), "fabric", cuffColour, {
      finish: "textured",
      texture: "ribs",
      position: [-22, y + 1, 0],
      rotation: [0, 0, 90],
      scale: [0.22 * thick * 1.1, 1, 1],
    }),
    ...[-8, -20, -32, -44].map((x) =>
      mesh("cuff", { kind: "torus", radius: 36, tube: 7 }, "fabric", cuffColour, {
        finish: "textured",
        texture: "ribs",
        position: [x, y + 1, 0],
        rotation: [0, 90, 0],
        scale: [1, 0.22 * thick, 1],
      }),
    ),
  );
  return out;
}

/** A pair of purple knitted gloves (225 mm) lying side by side, palms down, with ribbed cuffs. */
const gloves: ObjectModelFn = (p) => {
  const c = p.colour ?? "#6b3fa0";
  const cuff = "#56318a";
  const meshes: MeshSpec[] = [
    ...place(glove(1, c, cuff, t(p)), [0, 6, 0], [0, 0, 60]),
    ...place(glove(-1, c, cuff, t(p)), [0, -8, 0], [20, 0, -62]),
  ];
  return model("gloves", p, meshes, { viewFrom: [0.2, 1, 0.6] });
};

/** A pink nylon backpack (300 × 447 × 150 mm) standing upright, front pocket with a zip, top carry loop. */
const backpack: ObjectModelFn = (p) => {
  const pink = p.colour ?? "#e0609a";
  const dark = "#c44a82";
  const mat = p.material ?? "fabric";
  const look = { finish: p.finish ?? ("satin" as const) };
  const zip: Vec3[] = [];
  for (let i = 0; i <= 14; i++) {
    const th = (20 + (140 * i) / 14) * DEG;
    const x = 104 * Math.cos(th);
    const y = 150 + 70 * Math.sin(th);
    const zz = 75 + 40 * Math.sqrt(Math.max(0, 1 - (x / 120) ** 2 - ((y - 150) / 100) ** 2)) + 1;
    zip.push([r6(x), r6(y), r6(zz)]);
  }
  const meshes: MeshSpec[] = [
    mesh("body", box(300, 420, 150 * t(p), 40), mat, pink, { ...look, position: [0, 210, 0] }),
    mesh("body", sphere(150, [1, 0.3, 0.48]), mat, pink, { ...look, position: [0, 400, 0] }),
    mesh("pocket", sphere(100, [1.2, 1, 0.4]), mat, dark, { ...look, position: [0, 150, 75] }),
    mesh(null, tube(zip, 2.5), "metal", "#4a4a4a", { finish: "satin" }),
    mesh(null, box(8, 20, 3, 1), "metal", "#9a9ea3", {
      finish: "polished",
      position: [zip[3]![0], zip[3]![1] - 10, zip[3]![2] + 2],
    }),
    mesh("loop", { kind: "torus", radius: 22, tube: 5, arc: 180 }, mat, dark, { ...look, position: [0, 440, 0] }),
    ...[-1, 1].map((s) =>
      mesh(
        null,
        tube(
          [
            [s * 70, 410, -70],
            [s * 80, 330, -108],
            [s * 86, 180, -104],
            [s * 82, 40, -76],
          ],
          11,
        ),
        mat,
        dark,
        look,
      ),
    ),
  ];
  return model("backpack", p, meshes, { viewFrom: [0.45, 0.5, 1] });
};

/** A skateboard (810 mm, 8" deck) standing on its wheels: maple deck under black grip tape, kicked nose and tail. */
const skateboard: ObjectModelFn = (p) => {
  const maple = p.colour ?? "#c89a5e";
  const grip = "#2a2a2a";
  const dt = 10 * t(p);
  const y = 67 + dt / 2;
  const gy = 67 + dt + 1;
  const tip: Vec2[] = [
    [0, -100],
    [60, -95],
    [85, -75],
    [97, -45],
    [100, 0],
    [97, 45],
    [85, 75],
    [60, 95],
    [0, 100],
  ];
  const mid: Vec2[] = [
    [-310, -100],
    [310, -100],
    [310, 100],
    [-310, 100],
  ];
  const kick = 14;
  const ends = (sign: 1 | -1): MeshSpec[] => {
    const rot = chain(FLAT, [0, sign > 0 ? 0 : 180, 0], [0, 0, sign * kick]);
    return [
      mesh("deck", extrude(tip, dt), p.material ?? "wood", maple, {
        finish: "rough",
        position: [sign * 310, y, 0],
        rotation: rot,
      }),
      mesh("deck", extrude(tip, 2), "paper", grip, {
        finish: "rough",
        position: [sign * (310 - 6 * Math.sin(kick * DEG)), gy, 0],
        rotation: rot,
      }),
    ];
  };
  const wheel: Geometry = {
    kind: "lathe",
    points: [
      [0, 0],
      [20, 0],
      [26, 4],
      [27, 15.5],
      [26, 27],
      [20, 31],
      [0, 31],
    ],
  };
  const steel = "#b0b4b8";
  const meshes: MeshSpec[] = [
    mesh("deck", extrude(mid, dt), p.material ?? "wood", maple, {
      finish: "rough",
      position: [0, y, 0],
      rotation: FLAT,
    }),
    mesh("deck", extrude(mid, 2), "paper", grip, { finish: "rough", position: [0, gy, 0], rotation: FLAT }),
    ...ends(1),
    ...ends(-1),
  ];
  for (const x of [230, -230]) {
    meshes.push(
      mesh(null, cyl(4, 215), "metal", steel, { finish: "polished", position: [x, 27, 0], rotation: ALONG_Z }),
      mesh(null, box(40, 24, 150, 6), "metal", steel, { finish: "satin", position: [x, 42, 0] }),
      mesh(null, box(64, 10, 56, 2), "metal", "#8e9297", { finish: "satin", position: [x, 62, 0] }),
    );
    for (const side of [1, -1]) {
      const main = x > 0 && side > 0;
      meshes.push(
        mesh(main ? "wheels" : null, wheel, "rubber", "#ef7fb0", {
          finish: "satin",
          position: [x, 27, side > 0 ? 72 : -103],
          rotation: ALONG_Z,
        }),
      );
    }
  }
  return model("skateboard", p, meshes, { viewFrom: [0.45, 0.55, 1], partViewFrom: { wheels: [0.6, 0.2, 1] } });
};

/** A 220 mm toy water pistol lying on its side: pink body and grip, translucent green tank of water, red nozzle. */
const waterPistol: ObjectModelFn = (p) => {
  const pink = p.colour ?? "#ef6fa8";
  const mat = p.material ?? "plastic";
  const g = { finish: p.finish ?? ("gloss" as const) };
  const side: MeshSpec[] = [
    mesh(null, box(150, 45, 36 * t(p), 12), mat, pink, { ...g, position: [5, 0, 0] }),
    mesh("tank", cyl(30, 95), "plastic", "#3fbf4a", {
      finish: "gloss",
      position: [-5, 48, 0],
      rotation: [0, 0, 90],
      transmission: 0.45,
    }),
    mesh(null, cyl(10, 12), "plastic", "#2e8f38", { finish: "gloss", position: [-30, 80, 0] }),
    mesh("nozzle", cyl(5, 26), "plastic", "#d32f2f", { finish: "gloss", position: [92, 5, 0], rotation: [0, 0, 90] }),
    mesh(
      "grip",
      tube(
        [
          [-40, -10, 0],
          [-48, -55, 0],
          [-62, -90, 0],
          [-85, -118, 0],
        ],
        16,
      ),
      mat,
      pink,
      { ...g, scale: [1, 1, 0.75 * t(p)] },
    ),
    mesh("grip", sphere(16, [1, 1, 0.75]), mat, pink, { ...g, position: [-85, -118, 0] }),
    mesh("grip", { kind: "torus", radius: 14, tube: 3.5, arc: 150 }, mat, "#d9508e", {
      ...g,
      position: [-8, -26, 0],
      rotation: [0, 0, 190],
    }),
  ];
  return model("water-pistol", p, place(side, [-90, 0, 0]), {
    viewFrom: [0.15, 1, 0.45],
    partViewFrom: { nozzle: [0.5, 0.4, 1] },
  });
};

export const MODELS_LARGE: Readonly<Record<string, ObjectModelFn>> = {
  broom,
  umbrella,
  "fishing-rod": fishingRod,
  log,
  "potted-plant": pottedPlant,
  rock,
  "hiking-boot": hikingBoot,
  books,
  "teddy-bear": teddyBear,
  saw,
  axe,
  clamp,
  rope,
  plunger,
  newspaper,
  yarn,
  "high-heel": highHeel,
  scarf,
  gloves,
  backpack,
  skateboard,
  "water-pistol": waterPistol,
};
