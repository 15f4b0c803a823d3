import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { objectById } from "@/scenario-src/objects";
import { SCENARIO_SPECS } from "@/scenario-src/scenarios";
import { buildScenario } from "./build";
import { clearIconCache } from "./icons";
import type { ScenarioSpec } from "@/scenario-src/spec";
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

const COMMITTED = path.resolve(__dirname, "../../scenarios");

/**
 * A sample of the bundled set, regenerated in full (images included) and compared byte for byte with the
 * committed folders: entity views and part views, the crop-only path, decor and the new backdrops. Only scenarios
 * still made by the emoji pipeline (garage-paint-tin-lid is rendered from 3D now, see render3d/).
 */
const SAMPLE = ["garage-tyre-valve", "kitchen-parcel-tape", "outdoors-tin-can"];

describe("scenario generation", () => {
  it.each(SAMPLE)(
    "regenerating %s from scratch gives the committed files, byte for byte",
    async (id) => {
      const fresh = await generateFresh(spec(id));
      expect(Object.keys(fresh).length).toBeGreaterThan(2);
      expect(fresh).toEqual(await hashTree(path.join(COMMITTED, id)));
    },
    120_000,
  );

  it("declares the real pixel size of every image it renders", async () => {
    const built = await buildScenario(spec("outdoors-tin-can"), objectById);
    const pngs = [...built.files.keys()].filter((f) => f.endsWith(".png"));
    expect(pngs.sort()).toEqual([...built.imageSizes.keys()].sort());
    for (const file of pngs) {
      const meta = await sharp(built.files.get(file)!).metadata();
      expect({ file, width: meta.width, height: meta.height }).toEqual({ file, ...built.imageSizes.get(file)! });
    }
    const layoutOnly = await buildScenario(spec("outdoors-tin-can"), objectById, { render: false });
    expect([...layoutOnly.files.keys()]).toEqual(["scenario.json"]);
    expect(layoutOnly.files.get("scenario.json")).toEqual(built.files.get("scenario.json"));
  }, 120_000);

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
    await expect(buildScenario(overlapping, objectById, { render: false })).rejects.toThrow(/overlap/);
    const badGold: ScenarioSpec = { ...base, gold: [{ ...base.gold[0]!, part: "handle" }] };
    await expect(buildScenario(badGold, objectById, { render: false })).rejects.toThrow(/no part "key\/handle"/);
    const badAttr: ScenarioSpec = {
      ...base,
      gold: [{ ...base.gold[0]!, requiredAttributes: [{ name: "shape", value: "round" }] }],
    };
    await expect(buildScenario(badAttr, objectById, { render: false })).rejects.toThrow(/requires shape=round/);
  }, 180_000);

  it("refuses to overwrite a scenario folder that was not generated", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "mmcb-artwork-"));
    tmpDirs.push(out);
    const base = spec("kitchen-parcel-tape");
    await mkdir(path.join(out, base.id));
    await writeFile(path.join(out, base.id, "scenario.json"), JSON.stringify({ source: { kind: "authored" } }));
    const built = await buildScenario(base, objectById, { render: false });
    await expect(writeScenarioFolder(out, built)).rejects.toThrow(/not generated/);
    expect(await readdir(path.join(out, base.id))).toEqual(["scenario.json"]);
  }, 180_000);
});
