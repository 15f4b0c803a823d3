import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { objectById } from "@/scenario-src/objects";
import { SCENARIO_SPECS } from "@/scenario-src/scenarios";
import { buildScenario } from "./build";
import { clearIconCache } from "./icons";
import type { ScenarioSpec } from "./types";
import { writeScenarioFolder } from "./write";

const tmpDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** sha256 of every file under `dir`, keyed by relative path. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  }
  return out;
}

async function generateFresh(spec: ScenarioSpec): Promise<Record<string, string>> {
  clearIconCache();
  const out = await mkdtemp(path.join(tmpdir(), "mmcb-artwork-"));
  tmpDirs.push(out);
  const dir = await writeScenarioFolder(out, await buildScenario(spec, objectById));
  return hashTree(dir);
}

const spec = (id: string): ScenarioSpec => {
  const found = SCENARIO_SPECS.find((s) => s.id === id);
  if (!found) throw new Error(`no spec ${id}`);
  return found;
};

describe("scenario generation", () => {
  it("gives identical bytes when a scenario is generated twice from scratch", async () => {
    const first = await generateFresh(spec("garage-paint-tin-lid"));
    const second = await generateFresh(spec("garage-paint-tin-lid"));
    expect(Object.keys(first).sort()).toEqual(
      expect.arrayContaining(["scenario.json", "scene.png", "entities/coin.png", "parts/spoon--handle-end.png"]),
    );
    expect(second).toEqual(first);
  }, 180_000);

  it("is deterministic for the crop-path scenario too (no entity views)", async () => {
    const first = await generateFresh(spec("kitchen-parcel-tape"));
    const second = await generateFresh(spec("kitchen-parcel-tape"));
    expect(Object.keys(first).sort()).toEqual(["parts/key--teeth.png", "scenario.json", "scene.png"]);
    expect(second).toEqual(first);
  }, 180_000);

  it("changes the bytes when the spec changes (the comparison above is meaningful)", async () => {
    const base = spec("kitchen-parcel-tape");
    const moved: ScenarioSpec = {
      ...base,
      entities: base.entities.map((e, i) => (i === 0 ? { ...e, at: [e.at[0] + 7, e.at[1]] } : e)),
    };
    const a = await buildScenario(base, objectById);
    const b = await buildScenario(moved, objectById);
    expect(b.files.get("scene.png")!.equals(a.files.get("scene.png")!)).toBe(false);
    expect(b.scenario.entities[0]!.region).not.toEqual(a.scenario.entities[0]!.region);
  }, 180_000);

  it("rejects specs whose objects overlap or whose gold names a missing part", async () => {
    const base = spec("kitchen-parcel-tape");
    const overlapping: ScenarioSpec = {
      ...base,
      entities: base.entities.map((e, i) => (i === 1 ? { ...e, at: base.entities[0]!.at } : e)),
    };
    await expect(buildScenario(overlapping, objectById)).rejects.toThrow(/overlap/);
    const badGold: ScenarioSpec = { ...base, gold: [{ ...base.gold[0]!, part: "handle" }] };
    await expect(buildScenario(badGold, objectById)).rejects.toThrow(/no part "key\/handle"/);
    const badAttr: ScenarioSpec = {
      ...base,
      gold: [{ ...base.gold[0]!, requiredAttributes: [{ name: "shape", value: "round" }] }],
    };
    await expect(buildScenario(badAttr, objectById)).rejects.toThrow(/requires shape=round/);
  }, 180_000);

  it("refuses to overwrite a scenario folder that was not generated", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "mmcb-artwork-"));
    tmpDirs.push(out);
    const base = spec("kitchen-parcel-tape");
    await mkdir(path.join(out, base.id));
    await writeFile(path.join(out, base.id, "scenario.json"), JSON.stringify({ source: { kind: "authored" } }));
    await expect(writeScenarioFolder(out, await buildScenario(base, objectById))).rejects.toThrow(/not generated/);
    expect(await readdir(path.join(out, base.id))).toEqual(["scenario.json"]);
  }, 180_000);
});
