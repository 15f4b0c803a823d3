import { describe, expect, it } from "vitest";
import { countIds, largestComponent, maskPolygon, simplify, traceOutline } from "./masks";

function area(p: readonly [number, number][]): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const [x0, y0] = p[i]!;
    const [x1, y1] = p[(i + 1) % p.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

function grid(rows: string[]): { w: number; h: number; m: Uint8Array } {
  const h = rows.length;
  const w = rows[0]!.length;
  const m = new Uint8Array(w * h);
  rows.forEach((r, y) => [...r].forEach((c, x) => (m[y * w + x] = c === "#" ? 1 : 0)));
  return { w, h, m };
}

describe("masks", () => {
  it("traces a rectangle to its four corners", () => {
    const { w, h, m } = grid(["......", ".####.", ".####.", "......"]);
    const poly = simplify(traceOutline(m, w, h), 0.5);
    expect(poly.length).toBe(4);
    expect(area(poly)).toBe(8);
  });
  it("traces an L shape exactly (area = pixel count, 6 corners)", () => {
    const { w, h, m } = grid([".....", ".#...", ".#...", ".###.", "....."]);
    const poly = simplify(traceOutline(m, w, h), 0.1);
    expect(poly.length).toBe(6);
    expect(area(poly)).toBe(5);
  });
  it("encloses exactly the pixels of random hole-free blobs", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 20; t++) {
      const w = 30;
      const h = 20;
      const m = new Uint8Array(w * h);
      // a blob: union of random discs around the centre (star-shaped → no holes)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const a = Math.atan2(y - 10, x - 15);
          const r = 5 + 3 * Math.sin(3 * a + t) + rnd() * 0.5;
          if (Math.hypot(x - 15, y - 10) < r) m[y * w + x] = 1;
        }
      const comp = largestComponent(w, h, (i) => m[i] === 1)!;
      const outline = traceOutline(comp, w, h);
      const px = comp.reduce((s, v) => s + v, 0);
      expect(area(outline)).toBe(px);
    }
  });
  it("keeps the largest piece and counts ids", () => {
    const ids = new Uint8Array([1, 1, 0, 2, 1, 1, 0, 0, 0, 0, 0, 1]);
    expect(countIds(ids, 3)).toEqual([6, 5, 1]);
    const r = maskPolygon(4, 3, (i) => ids[i] === 1);
    expect(r!.pixels).toBe(4);
    expect(maskPolygon(4, 3, () => false)).toBeNull();
  });
});
