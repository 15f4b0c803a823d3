import { describe, expect, it } from "vitest";
import { box, capsule, relBounds, relContains, ring, union } from "./geometry";

describe("relative regions", () => {
  it("a union covers each of its parts and not the gap between them", () => {
    const both = union(capsule(0.1, 0.1, 0.1, 0.9, 0.05), box(0.7, 0.2, 0.2, 0.2));
    expect(relContains(both, 0.1, 0.5)).toBe(true);
    expect(relContains(both, 0.8, 0.3)).toBe(true);
    expect(relContains(both, 0.4, 0.3)).toBe(false);
    expect(relContains(both, 0.8, 0.6)).toBe(false);
    const b = relBounds(both);
    for (const [k, v] of Object.entries({ x: 0.05, y: 0.1, w: 0.85, h: 0.8 }))
      expect(b[k as keyof typeof b], k).toBeCloseTo(v);
  });

  it("a ring leaves its hole out", () => {
    const r = ring(0.5, 0.5, 0.4, 0.2);
    expect(relContains(r, 0.5, 0.5)).toBe(false);
    expect(relContains(r, 0.8, 0.5)).toBe(true);
  });
});
