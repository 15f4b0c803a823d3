import { describe, expect, it } from "vitest";
import { formatDuration, progressStats, type RunProgress } from "./progress";

const base: RunProgress = {
  status: "running",
  live: true,
  done: 0,
  total: 10,
  failed: 0,
  reused: 0,
  startedAt: "2026-11-24T12:00:00.000Z",
  finishedAt: null,
  error: null,
};
const at = (seconds: number) => Date.parse("2026-11-24T12:00:00.000Z") + seconds * 1000;

describe("progressStats", () => {
  it("has no rate or ETA before the first played episode", () => {
    expect(progressStats(base, at(5))).toEqual({ fraction: 0, perMinute: null, etaSeconds: null, elapsedSeconds: 5 });
  });

  it("derives rate and ETA from played episodes only (reused ones are free)", () => {
    const s = progressStats({ ...base, done: 6, reused: 2 }, at(60));
    expect(s.fraction).toBeCloseTo(0.6);
    expect(s.perMinute).toBeCloseTo(4);
    expect(s.etaSeconds).toBeCloseTo(60); // 4 left at 4/min
  });

  it("stops the clock when the run is finished", () => {
    const s = progressStats({ ...base, status: "done", done: 10, finishedAt: "2026-11-24T12:00:30.000Z" }, at(600));
    expect(s).toMatchObject({ fraction: 1, etaSeconds: null, elapsedSeconds: 30 });
    expect(progressStats({ ...base, status: "done", total: 0 }, at(1)).fraction).toBe(1);
  });
});

describe("formatDuration", () => {
  it("reads like a clock", () => {
    expect(formatDuration(0.4)).toBe("0 s");
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(185)).toBe("3 min 05 s");
    expect(formatDuration(7620)).toBe("2 h 07 min");
  });
});

describe("statusDisplay", () => {
  it('says "N errors" (not done) for a finished run with errored episodes, and the status otherwise', async () => {
    const { statusDisplay } = await import("./progress");
    expect(statusDisplay({ status: "done", failed: 3 })).toEqual({ kind: "errors", label: "3 errors" });
    expect(statusDisplay({ status: "done", failed: 1 })).toEqual({ kind: "errors", label: "1 error" });
    expect(statusDisplay({ status: "done", failed: 0 })).toEqual({ kind: "done", label: "done" });
    // a run whose every episode errored ended failed; a cancelled one stays cancelled
    expect(statusDisplay({ status: "failed", failed: 4 })).toEqual({ kind: "failed", label: "failed" });
    expect(statusDisplay({ status: "cancelled", failed: 2 })).toEqual({ kind: "cancelled", label: "cancelled" });
  });
});
