import { describe, expect, it } from "vitest";
import { MmcbError } from "../errors";
import { MAX_SEEDS, parseSeedList } from "./seeds";

describe("parseSeedList", () => {
  it("expands lists and ranges into sorted distinct seeds", () => {
    expect(parseSeedList("1")).toEqual([1]);
    expect(parseSeedList("1-3")).toEqual([1, 2, 3]);
    expect(parseSeedList("3-5, 1,3")).toEqual([1, 3, 4, 5]);
    expect(parseSeedList(" 0 , 2 - 2 ")).toEqual([0, 2]);
  });

  it("refuses malformed text and oversized lists with input:invalid", () => {
    for (const bad of ["", "a", "1,", "-1", "1-", "1--3", "1.5"]) {
      expect(() => parseSeedList(bad), bad).toThrow(MmcbError);
    }
    expect(() => parseSeedList(`1-${MAX_SEEDS}`)).not.toThrow();
    expect(() => parseSeedList(`1-${MAX_SEEDS + 1}`)).toThrow(/more than/);
    expect(() => parseSeedList("0-999999999")).toThrow(/more than/);
  });

  it("refuses a range that counts down with one sentence instead of running it backwards", () => {
    expect(() => parseSeedList("5-1")).toThrow("the seed range 5-1 counts down; write it as 1-5");
    expect(() => parseSeedList("1,9-7")).toThrow(/9-7 counts down/);
  });
});
