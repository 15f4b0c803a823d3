// Issue #13 §4: a stored step whose arguments nest 4,100 levels deep (or hold megabytes) made its replay page
// 34 MB — the page serialises every step for the browser and pretty-prints its arguments. The replay data
// now carries bounded arguments, so the page stays small, while well-formed calls pass unchanged.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { boundedStep, boundedValue, SHOWN_DEPTH, SHOWN_TOTAL } from "@/lib/runs/bounded";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

let root: string;
const saved = { ...process.env };
const RUN = "deep-run";
const EPISODE = `${RUN}:pry-lid:1`;

function nested(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    max = Math.max(max, d);
    if (v && typeof v === "object") for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

beforeAll(async () => {
  root = tempDir("mmcb-replay-bounds-");
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(root, "scenarios");
  delete process.env.DATABASE_URL;
  await writeFixtureScenario(path.join(root, "scenarios"), fixtureScenario("pry-lid"));
  const { loadScenarioStore } = await import("@/lib/scenarios/load");
  const { runBaselineEval } = await import("@/lib/eval/baselines");
  const { scenarios } = await loadScenarioStore(path.join(root, "scenarios"));
  await runBaselineEval({ scenarios, maxTurns: 4, observation: "image", solver: "random", seeds: [1], runId: RUN });
  const { getDb } = await import("@/lib/db/client");
  const { appendSteps, episodeTrace } = await import("@/lib/db/runs");
  const db = getDb();
  const first = (await episodeTrace(db, EPISODE))!.steps.length;
  await appendSteps(db, EPISODE, first, [
    { turn: 90, call: { tool: "inspect_entity", args: nested(4100) }, valid: false, error: "malformed arguments" },
    { turn: 91, call: { tool: "x".repeat(100_000), args: { blob: "y".repeat(3_000_000) } }, valid: false },
  ]);
}, 60_000);

afterAll(async () => {
  await (await import("@/lib/db/client")).closeDb();
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

describe("the replay of a stored episode with hostile arguments", () => {
  it("stays small: no step's arguments nest deeper or run longer than shown", async () => {
    const { loadReplay } = await import("@/lib/runs/replay");
    const data = await loadReplay(RUN, EPISODE);
    expect(data).not.toBeNull();
    const deep = data!.steps.at(-2)!;
    const huge = data!.steps.at(-1)!;
    expect(depthOf(deep.call.args)).toBeLessThanOrEqual(SHOWN_DEPTH + 1);
    expect(JSON.stringify(deep.call.args, null, 2).length).toBeLessThan(SHOWN_TOTAL);
    expect(JSON.stringify(huge.call.args).length).toBeLessThan(2 * SHOWN_TOTAL);
    expect(huge.call.tool.length).toBeLessThan(300);
    // what the page serialises and pretty-prints, all steps together
    const page = JSON.stringify(data) + data!.steps.map((s) => JSON.stringify(s.call.args, null, 2)).join("");
    expect(page.length).toBeLessThan(200_000);
  });
});

describe("boundedValue", () => {
  it("passes well-formed calls unchanged", () => {
    const args = { entity_id: "coin", part_id: "edge", suitable: true, rationale: "thin and rigid", claims: [] };
    expect(boundedValue(args)).toEqual(args);
    const step = { turn: 1, call: { tool: "assess_part", args }, valid: true };
    expect(boundedStep(step)).toEqual(step);
  });

  it("marks what it leaves out", () => {
    expect(JSON.stringify(boundedValue(nested(50)))).toContain("nested deeper than shown");
    const list = boundedValue(Array.from({ length: 500 }, (_, i) => i)) as unknown[];
    expect(list.at(-1)).toMatch(/more items not shown/);
    expect(boundedValue("z".repeat(10_000))).toMatch(/more characters not shown/);
  });
});
