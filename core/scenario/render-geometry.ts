/**
 * Pure geometry of rendered objects (issue 14): bounding boxes of the declarative meshes of
 * `render3d/model/types.ts` and the shape features their parameters imply. Framework-free (no three.js); the
 * annotation rules in `render-annotations.ts` build on it, and so does the scene layout.
 */
import type { Geometry, MeshSpec, Vec2, Vec3 } from "@/render3d/model/types";

/** Axis-aligned box, mm. */
export interface Box3 {
  readonly min: Vec3;
  readonly max: Vec3;
}

const DEG = Math.PI / 180;

/** The geometry's bounding box in its own frame. */
export function localBounds(g: Geometry): Box3 {
  switch (g.kind) {
    case "box":
      return {
        min: [-g.size[0] / 2, -g.size[1] / 2, -g.size[2] / 2],
        max: [g.size[0] / 2, g.size[1] / 2, g.size[2] / 2],
      };
    case "cylinder": {
      const r = Math.max(g.radiusTop, g.radiusBottom);
      return { min: [-r, -g.height / 2, -r], max: [r, g.height / 2, r] };
    }
    case "sphere": {
      const s = g.scale ?? [1, 1, 1];
      return {
        min: [-g.radius * s[0], -g.radius * s[1], -g.radius * s[2]],
        max: [g.radius * s[0], g.radius * s[1], g.radius * s[2]],
      };
    }
    case "torus": {
      const arc = (g.arc ?? 360) * DEG;
      // sample the centre circle over the arc
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      const n = 64;
      for (let i = 0; i <= n; i++) {
        const a = (arc * i) / n;
        const x = g.radius * Math.cos(a);
        const y = g.radius * Math.sin(a);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      return { min: [minX - g.tube, minY - g.tube, -g.tube], max: [maxX + g.tube, maxY + g.tube, g.tube] };
    }
    case "lathe": {
      const r = Math.max(...g.points.map((p) => p[0]));
      const ys = g.points.map((p) => p[1]);
      return { min: [-r, Math.min(...ys), -r], max: [r, Math.max(...ys), r] };
    }
    case "extrude": {
      const xs = g.shape.map((p) => p[0]);
      const ys = g.shape.map((p) => p[1]);
      return {
        min: [Math.min(...xs), Math.min(...ys), -g.depth / 2],
        max: [Math.max(...xs), Math.max(...ys), g.depth / 2],
      };
    }
    case "tube": {
      const r = g.radius;
      const axis = (i: 0 | 1 | 2) => g.path.map((p) => p[i]);
      return {
        min: [Math.min(...axis(0)) - r, Math.min(...axis(1)) - r, Math.min(...axis(2)) - r],
        max: [Math.max(...axis(0)) + r, Math.max(...axis(1)) + r, Math.max(...axis(2)) + r],
      };
    }
  }
}

/** Rotates a point by degrees about the fixed X, then Y, then Z axes (three.js Euler order "ZYX"). */
export function rotateXYZ(p: Vec3, rotation: Vec3 | undefined): Vec3 {
  if (!rotation) return p;
  const [ax, ay, az] = rotation.map((d) => d * DEG) as [number, number, number];
  let [x, y, z] = p;
  [y, z] = [y * Math.cos(ax) - z * Math.sin(ax), y * Math.sin(ax) + z * Math.cos(ax)];
  [x, z] = [x * Math.cos(ay) + z * Math.sin(ay), -x * Math.sin(ay) + z * Math.cos(ay)];
  [x, y] = [x * Math.cos(az) - y * Math.sin(az), x * Math.sin(az) + y * Math.cos(az)];
  return [x, y, z];
}

/** The mesh's bounding box in the model frame (its local box's corners rotated and moved). */
export function meshBounds(m: MeshSpec): Box3 {
  const b = scaledBounds(m.geometry, m.scale);
  const pos = m.position ?? [0, 0, 0];
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const cx of [b.min[0], b.max[0]])
    for (const cy of [b.min[1], b.max[1]])
      for (const cz of [b.min[2], b.max[2]]) {
        const r = rotateXYZ([cx, cy, cz], m.rotation);
        for (let i = 0; i < 3; i++) {
          min[i] = Math.min(min[i]!, r[i]! + pos[i]!);
          max[i] = Math.max(max[i]!, r[i]! + pos[i]!);
        }
      }
  return { min: min as unknown as Vec3, max: max as unknown as Vec3 };
}

/** Union of boxes (throws on an empty list). */
export function unionBounds(boxes: readonly Box3[]): Box3 {
  if (boxes.length === 0) throw new Error("unionBounds needs at least one box");
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const b of boxes)
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i]!, b.min[i]!);
      max[i] = Math.max(max[i]!, b.max[i]!);
    }
  return { min: min as unknown as Vec3, max: max as unknown as Vec3 };
}

/** The geometry's own box stretched by a mesh scale. */
export function scaledBounds(g: Geometry, scale: Vec3 | undefined): Box3 {
  const b = localBounds(g);
  if (!scale) return b;
  const lo = b.min.map((v, i) => Math.min(v * scale[i]!, b.max[i]! * scale[i]!));
  const hi = b.min.map((v, i) => Math.max(v * scale[i]!, b.max[i]! * scale[i]!));
  return { min: lo as unknown as Vec3, max: hi as unknown as Vec3 };
}

/** Whether a lathe profile is an open shell (does not end on the axis). */
export function isShell(g: Geometry): boolean {
  return g.kind === "lathe" && (g.points[0]![0] > 1e-6 || g.points[g.points.length - 1]![0] > 1e-6);
}

/** Material thickness of one mesh, mm: its smallest extent, or the wall of a shell. */
export function meshThickness(m: MeshSpec): number {
  const e = [...extents(scaledBounds(m.geometry, m.scale))].sort((a, b) => a - b);
  return isShell(m.geometry) && m.geometry.kind === "lathe" ? Math.min(e[0]!, m.geometry.wall ?? 1.5) : e[0]!;
}

/** Extents [x, y, z] of a box. */
export function extents(b: Box3): Vec3 {
  return [b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]];
}

/** Extents of the geometry in its own frame, sorted ascending: [thinnest, middle, longest]. */
export function sortedExtents(g: Geometry, scale?: Vec3): Vec3 {
  const e = [...extents(scaledBounds(g, scale))].sort((a, b) => a - b);
  return [e[0]!, e[1]!, e[2]!];
}

/** Approximate volume (mm³), to order a part's meshes by how much of the part they are. */
export function approxVolume(g: Geometry, scale?: Vec3): number {
  const k = scale ? Math.abs(scale[0] * scale[1] * scale[2]) : 1;
  return k * rawVolume(g);
}

function rawVolume(g: Geometry): number {
  switch (g.kind) {
    case "box":
      return g.size[0] * g.size[1] * g.size[2];
    case "cylinder":
      return (Math.PI * g.height * (g.radiusTop ** 2 + g.radiusTop * g.radiusBottom + g.radiusBottom ** 2)) / 3;
    case "sphere": {
      const s = g.scale ?? [1, 1, 1];
      return (4 / 3) * Math.PI * g.radius ** 3 * s[0] * s[1] * s[2];
    }
    case "torus":
      return 2 * Math.PI * g.radius * Math.PI * g.tube ** 2 * ((g.arc ?? 360) / 360);
    case "lathe": {
      let v = 0;
      for (let i = 1; i < g.points.length; i++) {
        const [r0, y0] = g.points[i - 1]!;
        const [r1, y1] = g.points[i]!;
        v += (Math.PI * Math.abs(y1 - y0) * (r0 * r0 + r0 * r1 + r1 * r1)) / 3;
      }
      return v;
    }
    case "extrude":
      return Math.abs(polygonArea(g.shape)) * g.depth;
    case "tube":
      return pathLength(g.path, g.closed) * Math.PI * g.radius ** 2;
  }
}

/** Signed area of a polygon (positive when counter-clockwise). */
export function polygonArea(pts: readonly Vec2[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

/** Length of a polyline. */
export function pathLength(path: readonly Vec3[], closed = false): number {
  let l = 0;
  const n = closed ? path.length : path.length - 1;
  for (let i = 0; i < n; i++) {
    const a = path[i]!;
    const b = path[(i + 1) % path.length]!;
    l += Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  }
  return l;
}

/**
 * Interior angles (degrees) of a simple polygon's vertices, with whether each vertex is convex. Works for either
 * winding.
 */
export function vertexAngles(pts: readonly Vec2[]): { angle: number; convex: boolean }[] {
  const ccw = polygonArea(pts) >= 0;
  return pts.map((p, i) => {
    const prev = pts[(i - 1 + pts.length) % pts.length]!;
    const next = pts[(i + 1) % pts.length]!;
    const ax = prev[0] - p[0];
    const ay = prev[1] - p[1];
    const bx = next[0] - p[0];
    const by = next[1] - p[1];
    const cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by) || 1);
    const a = Math.acos(Math.max(-1, Math.min(1, cos))) / DEG;
    // cross of (p - prev) × (next - p): positive = left turn = convex for a ccw polygon
    const cross = (p[0] - prev[0]) * (next[1] - p[1]) - (p[1] - prev[1]) * (next[0] - p[0]);
    const convex = ccw ? cross > 0 : cross < 0;
    return { angle: convex ? a : 360 - a, convex };
  });
}

/** The largest turning angle (degrees) met walking along a polyline, accumulated over the whole path. */
export function totalTurning(path: readonly Vec3[]): number {
  let t = 0;
  for (let i = 1; i < path.length - 1; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const c = path[i + 1]!;
    const u: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const v: Vec3 = [c[0] - b[0], c[1] - b[1], c[2] - b[2]];
    const cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (Math.hypot(...u) * Math.hypot(...v) || 1);
    t += Math.acos(Math.max(-1, Math.min(1, cos))) / DEG;
  }
  return t;
}
