import { describe, expect, it } from "vitest";
import { pageParam, paginate } from "./pagination";

describe("paginate", () => {
  const items = Array.from({ length: 250 }, (_, i) => i);

  it("slices a page and reports its range", () => {
    expect(paginate(items, 1, 100)).toMatchObject({ page: 1, pages: 3, from: 1, to: 100, total: 250 });
    const last = paginate(items, 3, 100);
    expect(last).toMatchObject({ page: 3, from: 201, to: 250 });
    expect(last.items).toHaveLength(50);
  });

  it("clamps out-of-range pages and copes with an empty list", () => {
    expect(paginate(items, 9, 100).page).toBe(3);
    expect(paginate(items, 0, 100).page).toBe(1);
    expect(paginate([], 2, 100)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });
});

describe("pageParam", () => {
  it("reads a positive page number and ignores anything else", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["2", "5"])).toBe(2);
    expect(pageParam("-1")).toBe(1);
    expect(pageParam("x")).toBe(1);
    expect(pageParam(undefined)).toBe(1);
  });
});
