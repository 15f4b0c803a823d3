// Runs the real `mmcb` launcher as a user would, on a good store and on broken copies.
import { spawnSync } from "node:child_process";
import { cpSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

const BIN = path.resolve(__dirname, "mmcb.js");
let root: string;

function mmcb(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, MMCB_DATA_DIR: path.join(root, ".data") },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  root = tempDir("mmcb-cli-");
  await writeFixtureScenario(path.join(root, "good"), fixtureScenario("pry-lid"));
  await writeFixtureScenario(path.join(root, "good"), fixtureScenario("pry-lid-2"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function brokenCopy(name: string, edit: (dir: string) => void): string {
  const dir = path.join(root, name);
  cpSync(path.join(root, "good"), dir, { recursive: true });
  edit(path.join(dir, "pry-lid"));
  return name;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a scenario document being broken on purpose
function editJson(dir: string, mutate: (doc: any) => void) {
  const file = path.join(dir, "scenario.json");
  const doc = JSON.parse(readFileSync(file, "utf8"));
  mutate(doc);
  writeFileSync(file, JSON.stringify(doc, null, 2));
}

describe("mmcb scenarios validate", () => {
  it("exits 0 on a valid store", () => {
    const r = mmcb("scenarios", "validate", "good");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("2 scenarios checked: 2 valid, 0 invalid, 0 problems");
  });

  it.each<[string, (dir: string) => void, string]>([
    [
      "a broken gold reference",
      (d) => editJson(d, (doc) => (doc.gold[0].part = "rim")),
      'scenarios-x/pry-lid/scenario.json: gold[0].part: "rim" is not a part of entity "coin"',
    ],
    [
      "a missing image",
      (d) => rmSync(path.join(d, "parts", "spoon-bowl.png")),
      'scenarios-x/pry-lid/scenario.json: entities[1].parts[1].view: image file "parts/spoon-bowl.png" does not exist',
    ],
    [
      "a region outside the image",
      (d) => editJson(d, (doc) => (doc.entities[0].region = { box: [300, 250, 200, 100] })),
      "scenarios-x/pry-lid/scenario.json: entities[0].region: region [300, 250, 200, 100] extends outside the scene image (400×300)",
    ],
    [
      "invalid JSON",
      (d) => writeFileSync(path.join(d, "scenario.json"), '{\n  "id": "pry-lid"\n  "version": 1\n}'),
      "scenarios-x/pry-lid/scenario.json: invalid JSON at line 3, column 3",
    ],
  ])("exits 1 with a precise line for %s", (name, edit, expected) => {
    const dir = brokenCopy(`scenarios-x`, edit);
    try {
      const r = mmcb("scenarios", "validate", dir);
      expect(r.code).toBe(1);
      const lines = r.stdout.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(expected);
      expect(r.stderr).toContain("2 scenarios checked: 1 valid, 1 invalid, 1 problem");
      expect(r.stdout + r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    } finally {
      rmSync(path.join(root, dir), { recursive: true, force: true });
    }
  });

  it("exits 1 on a folder that does not exist, without a stack trace", () => {
    const r = mmcb("scenarios", "validate", "nowhere");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("nowhere: folder does not exist");
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it("rejects an unknown command with usage help", () => {
    const r = mmcb("scenarios", "frobnicate");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

describe("mmcb scenarios list", () => {
  it("prints a table and --json", () => {
    const table = mmcb("scenarios", "list", "good");
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^id\s+v\s+setting\s+tier\s+entities\s+title$/);
    expect(table.stdout).toContain("pry-lid-2");
    const json = JSON.parse(mmcb("scenarios", "list", "good", "--json").stdout);
    expect(json.map((s: { id: string }) => s.id)).toEqual(["pry-lid", "pry-lid-2"]);
    expect(json[0]).toMatchObject({ setting: "garage", distractorSimilarity: "mixed", entityCount: 2, partCount: 4 });
  });

  it("prints --help", () => {
    const r = mmcb("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("scenarios");
  });
});
