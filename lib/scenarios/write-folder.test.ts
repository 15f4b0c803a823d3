import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeScenarioFolder } from "./write-folder";

const tmpDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "mmcb-write-folder-"));
  tmpDirs.push(dir);
  return dir;
}

const doc = (kind: string) => Buffer.from(JSON.stringify({ source: { kind } }));

describe("writeScenarioFolder", () => {
  it("writes every file, nested folders included, into <out>/<id>/", async () => {
    const out = await tmp();
    const files = new Map([
      ["scenario.json", doc("rendered")],
      ["entities/coin.webp", Buffer.from("coin")],
    ]);
    const dir = await writeScenarioFolder(out, "demo", files);
    expect(dir).toBe(path.join(out, "demo"));
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      "entities",
      "entities/coin.webp",
      "scenario.json",
    ]);
    expect(await readFile(path.join(dir, "entities/coin.webp"), "utf8")).toBe("coin");
  });

  it.each(["generated", "rendered"])("replaces a %s folder as a whole (stale files go)", async (kind) => {
    const out = await tmp();
    await mkdir(path.join(out, "demo", "parts"), { recursive: true });
    await writeFile(path.join(out, "demo", "scenario.json"), doc(kind));
    await writeFile(path.join(out, "demo", "parts", "old.png"), "old");
    await writeScenarioFolder(out, "demo", new Map([["scenario.json", doc("rendered")]]));
    expect(await readdir(path.join(out, "demo"))).toEqual(["scenario.json"]);
  });

  it("refuses to overwrite a scenario folder that was not machine-made", async () => {
    const out = await tmp();
    await mkdir(path.join(out, "demo"));
    await writeFile(path.join(out, "demo", "scenario.json"), doc("authored"));
    await expect(writeScenarioFolder(out, "demo", new Map([["scenario.json", doc("rendered")]]))).rejects.toThrow(
      /not rendered or generated; not overwriting them/,
    );
    expect(await readdir(path.join(out, "demo"))).toEqual(["scenario.json"]);
    await mkdir(path.join(out, "other"));
    await writeFile(path.join(out, "other", "notes.txt"), "mine");
    await expect(writeScenarioFolder(out, "other", new Map())).rejects.toThrow(/not overwriting/);
  });
});
