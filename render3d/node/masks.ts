/**
 * ID-pass masks → polygons: exact per-id pixel masks, the outline of each id's largest connected region traced
 * along pixel edges, simplified with Douglas–Peucker. Pure (typed arrays in, numbers out).
 */

export type Point = [number, number];

/** Pixel count per id (index = id). */
export function countIds(ids: Uint8Array, n = 256): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < ids.length; i++) out[ids[i]!]!++;
  return out;
}

/** Largest 4-connected component of the pixels where `inMask(i)`; returns a mask (1 = in) or null if empty. */
export function largestComponent(w: number, h: number, inMask: (i: number) => boolean): Uint8Array | null {
  const label = new Int32Array(w * h);
  let best = -1;
  let bestSize = 0;
  let next = 1;
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (label[start] || !inMask(start)) continue;
    const id = next++;
    let size = 0;
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      size++;
      const x = p % w;
      const y = (p - x) / w;
      const nb = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1];
      for (const q of nb)
        if (q >= 0 && !label[q] && inMask(q)) {
          label[q] = id;
          stack.push(q);
        }
    }
    if (size > bestSize) {
      bestSize = size;
      best = id;
    }
  }
  if (best < 0) return null;
  const m = new Uint8Array(w * h);
  for (let i = 0; i < m.length; i++) m[i] = label[i] === best ? 1 : 0;
  return m;
}

/**
 * Outer boundary of a 4-connected mask as a closed polygon of pixel-corner points, traced clockwise along
 * pixel edges (square tracing on the corner lattice).
 */
export function traceOutline(mask: Uint8Array, w: number, h: number): Point[] {
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? mask[y * w + x] === 1 : false);
  let sx = -1;
  let sy = -1;
  for (let i = 0; i < mask.length && sx < 0; i++)
    if (mask[i]) {
      sx = i % w;
      sy = (i - sx) / w;
    }
  if (sx < 0) return [];
  // walk corners; direction 0=right,1=down,2=left,3=up; start at the top-left corner of the first pixel going right
  const pts: Point[] = [];
  let x = sx;
  let y = sy;
  let dir = 0;
  const dx = [1, 0, -1, 0];
  const dy = [0, 1, 0, -1];
  // for a corner (x, y) and heading, the pixels on the left/right ahead
  const ahead = (cx: number, cy: number, d: number): [boolean, boolean] => {
    // pixel to the right of the edge ahead and to the left of it
    switch (d) {
      case 0:
        return [at(cx, cy - 1), at(cx, cy)]; // [left, right]
      case 1:
        return [at(cx, cy), at(cx - 1, cy)];
      case 2:
        return [at(cx - 1, cy), at(cx - 1, cy - 1)];
      default:
        return [at(cx - 1, cy - 1), at(cx, cy - 1)];
    }
  };
  const limit = 4 * (w + 1) * (h + 1);
  for (let steps = 0; steps < limit; steps++) {
    pts.push([x, y]);
    x += dx[dir]!;
    y += dy[dir]!;
    if (x === sx && y === sy) break;
    // choose next direction: keep the mask on the right
    const [l, r] = ahead(x, y, dir);
    if (l)
      dir = (dir + 3) % 4; // turn left
    else if (!r)
      dir = (dir + 1) % 4; // turn right
    else {
      // straight
    }
    // after a turn the new heading must also have mask on its right; resolve at most two turns
    for (let k = 0; k < 3; k++) {
      const [l2, r2] = ahead(x, y, dir);
      if (l2) dir = (dir + 3) % 4;
      else if (!r2) dir = (dir + 1) % 4;
      else break;
    }
  }
  return pts;
}

/** Douglas–Peucker simplification of a closed polygon. */
export function simplify(pts: readonly Point[], eps: number): Point[] {
  if (pts.length <= 4) return [...pts];
  // split the ring at its two farthest-apart points (first point and the farthest from it)
  let far = 0;
  let farD = -1;
  for (let i = 0; i < pts.length; i++) {
    const d = (pts[i]![0] - pts[0]![0]) ** 2 + (pts[i]![1] - pts[0]![1]) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = dp(pts.slice(0, far + 1), eps);
  const b = dp([...pts.slice(far), pts[0]!], eps);
  return [...a.slice(0, -1), ...b.slice(0, -1)];
}

function dp(pts: readonly Point[], eps: number): Point[] {
  if (pts.length < 3) return [...pts];
  const [x0, y0] = pts[0]!;
  const [x1, y1] = pts[pts.length - 1]!;
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  let idx = 0;
  let dmax = 0;
  for (let i = 1; i < pts.length - 1; i++) {
    const [x, y] = pts[i]!;
    const d = Math.abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / len;
    if (d > dmax) {
      dmax = d;
      idx = i;
    }
  }
  if (dmax <= eps) return [pts[0]!, pts[pts.length - 1]!];
  const left = dp(pts.slice(0, idx + 1), eps);
  const right = dp(pts.slice(idx), eps);
  return [...left.slice(0, -1), ...right];
}

/** The polygon of the pixels where `inMask(i)` (largest connected piece), simplified; null when empty. */
export function maskPolygon(
  w: number,
  h: number,
  inMask: (i: number) => boolean,
  eps = 1.2,
): { polygon: Point[]; pixels: number } | null {
  const m = largestComponent(w, h, inMask);
  if (!m) return null;
  let pixels = 0;
  for (let i = 0; i < m.length; i++) pixels += m[i]!;
  const outline = traceOutline(m, w, h);
  return { polygon: simplify(outline, eps), pixels };
}
