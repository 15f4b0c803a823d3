import { describe, expect, it } from "vitest";
import { formatInterval, formatMetric, formatPercent, formatTimestamp, humanize, plural, shortHash } from "./format";

describe("format helpers", () => {
  it("format metrics by kind and show — for missing values", () => {
    expect(formatMetric(5 / 9)).toBe("0.556");
    expect(formatMetric(3.1667, "count")).toBe("3.17");
    expect(formatMetric(null)).toBe("—");
    expect(formatMetric(Number.NaN)).toBe("—");
    expect(formatInterval([0.25, 0.75])).toBe("[0.250, 0.750]");
    expect(formatInterval(null)).toBe("—");
    expect(formatPercent(0.5556)).toBe("55.6%");
    expect(formatPercent(undefined)).toBe("—");
  });

  it("format timestamps in UTC whatever the machine's zone", () => {
    expect(formatTimestamp("2026-11-24T23:35:44.123Z")).toBe("2026-11-24 23:35 UTC");
    expect(formatTimestamp("nonsense")).toBe("—");
    expect(formatTimestamp(null)).toBe("—");
  });

  it("keep the older helpers", () => {
    expect(humanize("home_office")).toBe("Home office");
    expect(plural(1, "run")).toBe("1 run");
    expect(plural(2, "run")).toBe("2 runs");
    expect(shortHash("abcdef0123456789")).toBe("abcdef0123");
  });
});
