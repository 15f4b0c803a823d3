// Issue 13: `mmcb import` wrote into the bundled, git-tracked `scenarios/` folder by default. It now writes to
// `<dataDir>/imported`, and the app's scenario store reads that folder, so imported scenarios still show up.
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { syntheticCreativityBenchTask } from "@/test/creativitybench-fixture";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

const { importCreativityBenchFile } = await import("./creativitybench");
const { getScenario, getScenarioStore, invalidateScenarioStore } = await import("@/lib/scenarios/store");

let root: string;
const saved = { ...process.env };
beforeAll(async () => {
  root = tempDir("mmcb-import-default-");
  await writeFixtureScenario(path.join(root, "bundled"), fixtureScenario("pry-lid"));
  process.env.MMCB_SCENARIOS_DIR = path.join(root, "bundled");
  process.env.MMCB_DATA_DIR = path.join(root, "data");
});
afterAll(() => {
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

describe("the default import folder", () => {
  it("is <dataDir>/imported, never the bundled folder, and the app's store serves what is imported there", async () => {
    const file = path.join(root, "tasks.json");
    writeFileSync(file, JSON.stringify([syntheticCreativityBenchTask()]));
    const report = await importCreativityBenchFile(file, {});
    const id = "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2";
    expect(report.imported.map((i) => i.id)).toEqual([id]);
    expect(existsSync(path.join(root, "data", "imported", id, "scenario.json"))).toBe(true);
    expect(readdirSync(path.join(root, "bundled"))).toEqual(["pry-lid"]);
    invalidateScenarioStore();
    expect((await getScenario(id))?.scenario.source.kind).toBe("imported");
    expect((await getScenarioStore()).scenarios.map((s) => s.scenario.id)).toEqual([id, "pry-lid"]);
  });
});
