/**
 * Regions relative to an icon's artwork box (fractions 0..1 of the square icon), the helpers that build
 * them, and the mapping into the pixels of an image the icon is drawn in.
 */
import { regionBounds, regionContains, type Region } from "@/core/scenario";

export type Point = readonly [number, number];

/** A region in fractions of the icon box: `{ box: [x, y, w, h] }` or `{ polygon: [[x, y], …] }`. */
export type RelRegion =
  { readonly box: readonly [number, number, number, number] } | { readonly polygon: readonly Point[] };

/** Where an icon box lies in an image: its top-left corner and side length, in pixels. */
export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly size: number;
}

/** An axis-aligned rectangle; units depend on the caller (fractions or pixels). */
export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A relative box region. */
export function box(x: number, y: number, w: number, h: number): RelRegion {
  return { box: [x, y, w, h] };
}

/** A relative polygon region. */
export function poly(...points: Point[]): RelRegion {
  return { polygon: points };
}

/** A rotated rectangle around the segment (x1,y1)→(x2,y2), `halfWidth` either side of it. */
export function capsule(x1: number, y1: number, x2: number, y2: number, halfWidth: number): RelRegion {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const nx = (-(y2 - y1) / len) * halfWidth;
  const ny = ((x2 - x1) / len) * halfWidth;
  return poly([x1 + nx, y1 + ny], [x2 + nx, y2 + ny], [x2 - nx, y2 - ny], [x1 - nx, y1 - ny]);
}

/** An ellipse approximated by `n` points (starting at angle 0, clockwise in image coordinates). */
export function ellipse(cx: number, cy: number, rx: number, ry: number, n = 16): RelRegion {
  return { polygon: ellipsePoints(cx, cy, rx, ry, n) };
}

/** A ring (annulus) as one polygon: the outer circle, a seam, then the inner circle backwards. */
export function ring(cx: number, cy: number, outer: number, inner: number, n = 24): RelRegion {
  const out = ellipsePoints(cx, cy, outer, outer, n);
  const inn = ellipsePoints(cx, cy, inner, inner, n).reverse();
  return { polygon: [...out, out[0]!, inn[inn.length - 1]!, ...inn] };
}

/**
 * Several disjoint regions as one polygon (e.g. both tips of a pair of chopsticks): each outline in turn,
 * joined by seams walked there and back, which add no area under even–odd filling.
 */
export function union(...regions: RelRegion[]): RelRegion {
  const outlines = regions.map((r): Point[] => {
    if ("polygon" in r) return [...r.polygon];
    const [x, y, w, h] = r.box;
    return [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ];
  });
  const points: Point[] = [];
  for (const outline of outlines) points.push(...outline, outline[0]!);
  for (let i = outlines.length - 2; i >= 0; i--) points.push(outlines[i]![0]!);
  return { polygon: points };
}

function ellipsePoints(cx: number, cy: number, rx: number, ry: number, n: number): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    pts.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return pts;
}

/** Bounds of a relative region, in fractions. */
export function relBounds(region: RelRegion): Bounds {
  return regionBounds(region);
}

/** Whether point (px, py) lies in a relative region (polygons by even–odd ray casting). */
export function relContains(region: RelRegion, px: number, py: number): boolean {
  return regionContains(region, px, py);
}

/**
 * Maps a relative region into image pixels for an icon drawn at `placement`, rounded to whole pixels and
 * clamped to the image (`width` × `height`), so the result always lies inside the image.
 */
export function toPixels(region: RelRegion, placement: Placement, width: number, height: number): Region {
  const px = (fx: number) => clamp(Math.round(placement.left + fx * placement.size), 0, width);
  const py = (fy: number) => clamp(Math.round(placement.top + fy * placement.size), 0, height);
  if ("box" in region) {
    const [x, y, w, h] = region.box;
    const x0 = Math.min(px(x), width - 1);
    const y0 = Math.min(py(y), height - 1);
    return { box: [x0, y0, Math.max(1, px(x + w) - x0), Math.max(1, py(y + h) - y0)] };
  }
  return { polygon: region.polygon.map(([x, y]) => [px(x), py(y)] as [number, number]) };
}

/** Whether two rectangles overlap (touching edges do not count). */
export function boundsOverlap(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
