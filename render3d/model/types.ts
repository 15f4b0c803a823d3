/**
 * The declarative parametric object model for rendered scenarios (issue 14).
 *
 * An object model is a pure function `(p: VariantParams) => ModelSpec` that returns plain data — no three.js
 * here — so it can be tested in Node (dimensions → thickness/size classes, geometry kind → shape values, see
 * `core/scenario/render-annotations.ts`) and hashed for the render cache. The browser renderer
 * (`render3d/browser/`) turns a ModelSpec into three.js meshes.
 *
 * Conventions (all lengths in millimetres, real-world size):
 * - Right-handed, Y up. The model is authored in its natural resting pose on a table; the renderer drops the
 *   model's lowest point onto the surface and centres it, so the origin of the model is up to the modeller.
 * - Each mesh names the knowledge-base part it belongs to (`part`); several meshes may share one part; a mesh
 *   that is no part of the KB (a screw head detail, the hidden inside of a lid) has `part: null`.
 * - Rotations are Euler angles in degrees about the model's fixed axes, applied X first, then Y, then Z (three.js
 *   Euler order "ZYX"): lay a part down with X, turn it about the vertical with Y, then tilt it with Z.
 * - `scale` (per mesh, default [1, 1, 1]) stretches the geometry in its own frame before the rotation.
 */

/** Material names of the attribute vocabulary (SPEC §2); every mesh is made of exactly one. */
export const MATERIALS = [
  "metal",
  "wood",
  "plastic",
  "glass",
  "fabric",
  "paper",
  "rubber",
  "ceramic",
  "foam",
  "stone",
  "food",
] as const;
export type Material = (typeof MATERIALS)[number];

/**
 * Surface finish. Decides roughness/clear-coat in the renderer and the `surface` annotation together with the
 * material (see render-annotations.ts): `polished`/`gloss`/`satin` read as smooth, `brushed` as smooth metal with
 * visible streaks, `matte` as smooth-but-dull, `rough` as rough, `textured` (knurled, ribbed, woven, embossed) as
 * textured, `tacky` (an exposed adhesive coat: a wet-looking sheen) as sticky.
 */
export const FINISHES = ["polished", "gloss", "satin", "brushed", "matte", "rough", "textured", "tacky"] as const;
export type Finish = (typeof FINISHES)[number];

/**
 * Procedural texture painted on a mesh. Default: chosen from the material (metal → brushed streaks when the
 * finish is `brushed`, wood → grain, fabric → weave, paper → fibres, ceramic → glaze, rubber/plastic/stone/foam/
 * food → their own noise). `knurl` and `ribs` are for grips, `emboss` for a coin's relief; `none` for a plain colour.
 */
export const TEXTURES = [
  "auto",
  "none",
  "grain",
  "brushed",
  "weave",
  "paper",
  "glaze",
  "rubber",
  "plastic",
  "stone",
  "foam",
  "food",
  "knurl",
  "ribs",
  "emboss",
] as const;
export type TextureKind = (typeof TEXTURES)[number];

export type Vec2 = readonly [number, number];
export type Vec3 = readonly [number, number, number];

/**
 * Geometry of one mesh, dimensions in mm, in the mesh's own frame (before `position`/`rotation`).
 * - `box`: `size` [x, y, z]; optional `bevel` radius rounds the edges.
 * - `cylinder`: axis along Y, centred; `radiusTop`/`radiusBottom` (a cone when one is 0); `height`.
 * - `sphere`: `radius`, optionally squashed by `scale` [x, y, z] (an ellipsoid).
 * - `torus`: ring in the XY plane around the Z axis; `radius` to the tube centre, `tube` radius; `arc` degrees (360).
 * - `lathe`: profile `points` [r, y] revolved around the Y axis (r ≥ 0), from bottom to top. A profile that starts
 *   and ends on the axis (r = 0) is a solid; one that ends off the axis is an open shell (a bowl, a cup) whose wall
 *   is `wall` mm thick (default 1.5).
 * - `extrude`: outline `shape` [x, y] in the XY plane (counter-clockwise), extruded along +Z by `depth` (centred on
 *   z = 0); `holes` are outlines cut out; `bevel` rounds the outline edges (≤ depth/2).
 * - `tube`: a round tube of `radius` swept along the polyline `path` [x, y, z] (smoothed), optionally `closed`.
 */
export type Geometry =
  | { readonly kind: "box"; readonly size: Vec3; readonly bevel?: number }
  | {
      readonly kind: "cylinder";
      readonly radiusTop: number;
      readonly radiusBottom: number;
      readonly height: number;
      readonly segments?: number;
    }
  | { readonly kind: "sphere"; readonly radius: number; readonly scale?: Vec3 }
  | { readonly kind: "torus"; readonly radius: number; readonly tube: number; readonly arc?: number }
  | { readonly kind: "lathe"; readonly points: readonly Vec2[]; readonly wall?: number }
  | {
      readonly kind: "extrude";
      readonly shape: readonly Vec2[];
      readonly depth: number;
      readonly holes?: readonly (readonly Vec2[])[];
      readonly bevel?: number;
    }
  | { readonly kind: "tube"; readonly path: readonly Vec3[]; readonly radius: number; readonly closed?: boolean };

export type GeometryKind = Geometry["kind"];

/** One mesh of a model. */
export interface MeshSpec {
  /** Knowledge-base part id this mesh belongs to (the three.js object is named after it), or null. */
  readonly part: string | null;
  readonly geometry: Geometry;
  readonly material: Material;
  /** Default: `satin`. */
  readonly finish?: Finish;
  /** Base colour as `#rrggbb` (for metals: the metal's tint — steel `#c8ccd0`, brass `#c9a24a`…). */
  readonly colour: string;
  /** Default `auto` (from the material and finish). */
  readonly texture?: TextureKind;
  /** Position of the mesh frame's origin in the model frame, mm. Default [0, 0, 0]. */
  readonly position?: Vec3;
  /** Degrees about the fixed X, then Y, then Z axes. Default [0, 0, 0]. */
  readonly rotation?: Vec3;
  /** Stretch in the mesh's own frame before rotating. Default [1, 1, 1]. */
  readonly scale?: Vec3;
  /** 0..1; glass and thin plastics may be see-through. Default 0. */
  readonly transmission?: number;
  /**
   * The mesh is drawn with `material`'s look but is not made of it — soap, wax, a flame, straw, leaves: things the
   * vocabulary has no material for. No `material` annotation comes from such a mesh (so none is claimed falsely).
   */
  readonly lookOnly?: boolean;
}

/** Visible states of a whole object; the renderer draws them and the annotations follow them. */
export interface ObjectStates {
  /** Gloss and droplets on every surface; `moisture: wet`. */
  readonly wet: boolean;
  /** Grime on every surface (0 = clean … 1 = filthy). */
  readonly dirty: number;
  /** Bend of the object along its longest axis, degrees (0 = straight); bent parts also read `curved`. */
  readonly bent: number;
  /** Cracks drawn over the surface (broken/cracked). */
  readonly cracked: boolean;
}

/** What an object model returns: plain data, enough to render and to derive every visual annotation. */
export interface ModelSpec {
  /** Knowledge-base object id. */
  readonly object: string;
  readonly meshes: readonly MeshSpec[];
  readonly states: ObjectStates;
  /**
   * Optional: a preferred direction to look at the object from in its entity view, as a unit-ish vector from the
   * object's centre towards the camera (default: from the front, above: [0.35, 0.8, 1]).
   */
  readonly viewFrom?: Vec3;
  /**
   * Optional per part: the direction to look at the part from in its part view (what decides its use: an edge at a
   * grazing angle, a tip in profile). Default: derived from the part's thinnest axis.
   */
  readonly partViewFrom?: Readonly<Record<string, Vec3>>;
}

/**
 * Variant parameters of an object. Every field is optional; a model reads what it supports (material and colour
 * of its main parts, `thickness` multiplies its thin dimensions) and passes the states through `withStates`.
 * `size` is applied generically (every length is multiplied) by `buildModel`, so models ignore it.
 */
export interface VariantParams {
  readonly material?: Material;
  readonly colour?: string;
  /** Overall scale factor (1 = the model's real size). */
  readonly size?: number;
  /** Factor on the thin dimensions (1 = as modelled). */
  readonly thickness?: number;
  readonly finish?: Finish;
  readonly wet?: boolean;
  /** Degrees (true = 25°). */
  readonly bent?: boolean | number;
  readonly broken?: boolean;
  readonly dirty?: boolean | number;
}

/** A parametric object model: the same parameters always give the same ModelSpec. */
export type ObjectModelFn = (p: VariantParams) => ModelSpec;
