/**
 * Region geometry, in the pixel space the region is declared in (see `Region`). Pure functions shared by
 * the validator, the crop cache and the canvas.
 */
import type { Region } from "./schema";

/** A region read-only: `Region` and any structurally equal shape with read-only arrays. */
export type RegionShape =
  | { readonly box: readonly [number, number, number, number] }
  | { readonly polygon: readonly (readonly [number, number])[] };

/** An axis-aligned rectangle in pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The bounding rectangle of a region. */
export function regionBounds(region: RegionShape): Rect {
  if ("box" in region) {
    const [x, y, w, h] = region.box;
    return { x, y, w, h };
  }
  const xs = region.polygon.map((p) => p[0]);
  const ys = region.polygon.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** The region's outline as a flat point list `[x0, y0, x1, y1, …]` (a box gives its four corners). */
export function regionOutline(region: RegionShape): number[] {
  if ("polygon" in region) return region.polygon.flat();
  const [x, y, w, h] = region.box;
  return [x, y, x + w, y, x + w, y + h, x, y + h];
}

/** Whether `rect` lies fully inside an image of `width` × `height` pixels. */
export function rectInside(rect: Rect, width: number, height: number): boolean {
  return rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= width && rect.y + rect.h <= height;
}

/** Whether point (px, py) is inside the region (polygons by even–odd ray casting). */
export function regionContains(region: RegionShape, px: number, py: number): boolean {
  if ("box" in region) {
    const [x, y, w, h] = region.box;
    return px >= x && px <= x + w && py >= y && py <= y + h;
  }
  const pts = region.polygon;
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The crop used as a view when no `view` image is given: the region's bounds grown by `marginRatio` of
 * its larger side on every side (at least `minMargin` px), clamped to the image, rounded to whole pixels.
 */
export function cropRect(
  region: Region,
  imageWidth: number,
  imageHeight: number,
  marginRatio = 0.12,
  minMargin = 8,
): Rect {
  const b = regionBounds(region);
  const margin = Math.max(minMargin, Math.round(Math.max(b.w, b.h) * marginRatio));
  const x0 = Math.max(0, Math.floor(b.x - margin));
  const y0 = Math.max(0, Math.floor(b.y - margin));
  const x1 = Math.min(imageWidth, Math.ceil(b.x + b.w + margin));
  const y1 = Math.min(imageHeight, Math.ceil(b.y + b.h + margin));
  return { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

/** Translates a region by (-dx, -dy): maps it from an image into a crop whose origin is (dx, dy). */
export function translateRegion(region: Region, dx: number, dy: number): Region {
  if ("box" in region) {
    const [x, y, w, h] = region.box;
    return { box: [x - dx, y - dy, w, h] };
  }
  return { polygon: region.polygon.map(([x, y]) => [x - dx, y - dy] as [number, number]) };
}
