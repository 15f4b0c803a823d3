// Runs the real `mmcb` launcher as a user would, on a good store and on broken copies.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
    timeout: 30_000, // a validator that hangs (on a FIFO) fails instead of stalling the suite
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
    [
      "a scenario.json starting with a UTF-8 byte-order mark (one line, not two)",
      (d) => {
        const file = path.join(d, "scenario.json");
        writeFileSync(file, `\uFEFF${readFileSync(file, "utf8")}`);
      },
      "scenarios-x/pry-lid/scenario.json: starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without one",
    ],
    [
      "invalid JSON without a position (one line, the odd character named)",
      (d) => writeFileSync(path.join(d, "scenario.json"), '\u00a0{\n  "id": "pry-lid"\n}'),
      "scenarios-x/pry-lid/scenario.json: invalid JSON",
    ],
    [
      "a FIFO named scene.png (refused, not read)",
      (d) => {
        rmSync(path.join(d, "scene.png"));
        execFileSync("mkfifo", [path.join(d, "scene.png")]);
      },
      'scenarios-x/pry-lid/scenario.json: scene.image: image file "scene.png" cannot be read as an image: is a named pipe (FIFO), not a regular file',
    ],
    [
      "a FIFO named scenario.json",
      (d) => {
        rmSync(path.join(d, "scenario.json"));
        execFileSync("mkfifo", [path.join(d, "scenario.json")]);
      },
      "scenarios-x/pry-lid/scenario.json: is a named pipe (FIFO), not a regular file",
    ],
    [
      "a folder named scenario.json",
      (d) => {
        rmSync(path.join(d, "scenario.json"));
        mkdirSync(path.join(d, "scenario.json"));
      },
      "scenarios-x/pry-lid/scenario.json: is a folder, not a regular file",
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

  it("refuses a scenario folder that is a symbolic link out of its folder, named directly or scanned", () => {
    const outside = path.join(root, "elsewhere");
    cpSync(path.join(root, "good", "pry-lid"), path.join(outside, "pry-lid"), { recursive: true });
    mkdirSync(path.join(root, "linked"));
    symlinkSync(path.join(outside, "pry-lid"), path.join(root, "linked", "pry-lid"));
    cpSync(path.join(root, "good", "pry-lid-2"), path.join(root, "linked", "pry-lid-2"), { recursive: true });
    try {
      const line =
        "linked/pry-lid: is a symbolic link to elsewhere/pry-lid, outside linked; copy the scenario folder in";
      const direct = mmcb("scenarios", "validate", "linked/pry-lid");
      expect(direct.code).toBe(1);
      expect(direct.stdout.trim().split("\n")).toHaveLength(1);
      expect(direct.stdout).toContain(line);
      const scanned = mmcb("scenarios", "validate", "linked");
      expect(scanned.code).toBe(1);
      expect(scanned.stdout.trim().split("\n")).toHaveLength(1);
      expect(scanned.stdout).toContain(line);
      expect(scanned.stderr).toContain("2 scenarios checked: 1 valid, 1 invalid, 1 problem");
      // a link that stays inside the folder it sits in is an ordinary folder
      symlinkSync("pry-lid-2", path.join(root, "linked", "alias"));
      rmSync(path.join(root, "linked", "pry-lid"));
      const inside = mmcb("scenarios", "validate", "linked/alias");
      expect(inside.stdout).not.toContain("symbolic link");
    } finally {
      rmSync(path.join(root, "linked"), { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
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
