/**
 * Helpers for object models: normalising variant parameters into object states, applying the generic `size`
 * scale, and a stable hash of a ModelSpec for the render cache. Pure (Node and browser).
 */
import { createHash } from "node:crypto";
import type { Geometry, MeshSpec, ModelSpec, ObjectStates, VariantParams, Vec3 } from "./types";

/** Default bend when `bent: true`. */
export const DEFAULT_BEND_DEG = 25;

/** The object states a model passes through from its variant parameters. */
export function withStates(p: VariantParams): ObjectStates {
  return {
    wet: p.wet === true,
    dirty: p.dirty === true ? 0.6 : typeof p.dirty === "number" ? clamp01(p.dirty) : 0,
    bent: p.bent === true ? DEFAULT_BEND_DEG : typeof p.bent === "number" ? p.bent : 0,
    cracked: p.broken === true,
  };
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

const s3 = (v: Vec3, k: number): Vec3 => [v[0] * k, v[1] * k, v[2] * k];

/** The geometry with every length multiplied by `k`. */
export function scaleGeometry(g: Geometry, k: number): Geometry {
  switch (g.kind) {
    case "box":
      return { ...g, size: s3(g.size, k), ...(g.bevel !== undefined ? { bevel: g.bevel * k } : {}) };
    case "cylinder":
      return { ...g, radiusTop: g.radiusTop * k, radiusBottom: g.radiusBottom * k, height: g.height * k };
    case "sphere":
      return { ...g, radius: g.radius * k };
    case "torus":
      return { ...g, radius: g.radius * k, tube: g.tube * k };
    case "lathe":
      return { ...g, points: g.points.map(([r, y]) => [r * k, y * k] as const) };
    case "extrude":
      return {
        ...g,
        shape: g.shape.map(([x, y]) => [x * k, y * k] as const),
        depth: g.depth * k,
        ...(g.holes ? { holes: g.holes.map((h) => h.map(([x, y]) => [x * k, y * k] as const)) } : {}),
        ...(g.bevel !== undefined ? { bevel: g.bevel * k } : {}),
      };
    case "tube":
      return { ...g, path: g.path.map((p) => s3(p, k)), radius: g.radius * k };
  }
}

/** The model scaled by `k` (positions and geometry). */
export function scaleModel(m: ModelSpec, k: number): ModelSpec {
  if (k === 1) return m;
  const meshes: MeshSpec[] = m.meshes.map((mesh) => ({
    ...mesh,
    geometry: scaleGeometry(mesh.geometry, k),
    ...(mesh.position ? { position: s3(mesh.position, k) } : {}),
  }));
  return { ...m, meshes };
}

/** JSON with sorted keys, so equal specs give equal strings. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) of anything JSON-like, key order ignored. */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex");
}
