import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { loadScenarioStore, type LoadedScenario } from "@/lib/scenarios/load";
import { renderView } from "./views";

let root: string;
let loaded: LoadedScenario;

beforeAll(async () => {
  root = tempDir("mmcb-views-");
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  await writeFixtureScenario(path.join(root, "store"), fixtureScenario("a"));
  loaded = (await loadScenarioStore(path.join(root, "store"))).scenarios[0]!;
});
afterAll(() => {
  delete process.env.MMCB_DATA_DIR;
  rmSync(root, { recursive: true, force: true });
});

const size = async (bytes: Buffer) => {
  const m = await sharp(bytes).metadata();
  return [m.width, m.height];
};

describe("renderView", () => {
  it("crops an entity without a view from the scene with a margin, and caches it on disk", async () => {
    const first = await renderView(loaded, "coin");
    expect(first.cached).toBe(false);
    expect(first.contentType).toBe("image/png");
    // coin box [20,20,100,100], margin max(8, 12) = 12 → [8,8,124,124]
    expect(await size(first.bytes)).toEqual([124, 124]);
    const second = await renderView(loaded, "coin");
    expect(second.cached).toBe(true);
    expect(second.etag).toBe(first.etag);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const cacheRoot = path.join(root, "data", "cache", "views");
    expect(readdirSync(cacheRoot).length).toBeGreaterThan(0);
  });

  it("serves an entity's view file as is", async () => {
    const view = await renderView(loaded, "spoon");
    expect(await size(view.bytes)).toEqual([200, 200]);
  });

  it("crops a part without a view from its entity's view image", async () => {
    // handle-tip box [10,10,80,40] in the 200×200 view; margin max(12, 16) = 16 → [0,0,106,66]
    const view = await renderView(loaded, "spoon", "handle-tip");
    expect(await size(view.bytes)).toEqual([106, 66]);
  });

  it("serves a part's view file, and crops scene-space parts from the scene", async () => {
    expect(await size((await renderView(loaded, "spoon", "bowl")).bytes)).toEqual([120, 120]);
    // coin edge [20,20,100,20]; margin max(12, 20) = 20 → [0,0,140,60]
    expect(await size((await renderView(loaded, "coin", "edge")).bytes)).toEqual([140, 60]);
  });

  it("names unknown ids", async () => {
    await expect(renderView(loaded, "fork")).rejects.toThrow('scenario "a" has no entity "fork"');
    await expect(renderView(loaded, "coin", "rim")).rejects.toThrow('entity "coin" has no part "rim"');
  });
});
