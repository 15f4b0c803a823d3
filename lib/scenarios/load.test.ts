import { rmSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatIssue } from "@/core/errors";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { loadScenarioStore } from "./load";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

async function store(...docs: Record<string, unknown>[]) {
  const root = tempDir();
  roots.push(root);
  for (const doc of docs) await writeFixtureScenario(root, doc);
  return root;
}

describe("loadScenarioStore", () => {
  it("loads valid scenarios with content and image hashes", async () => {
    const root = await store(fixtureScenario("a"), fixtureScenario("b"));
    const result = await loadScenarioStore(root);
    expect(result.issues).toEqual([]);
    expect(result.scenarios.map((s) => s.scenario.id)).toEqual(["a", "b"]);
    const a = result.scenarios[0]!;
    expect(Object.keys(a.imageHashes).sort()).toEqual(["entities/spoon.png", "parts/spoon-bowl.png", "scene.png"]);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes the content hash when an image changes", async () => {
    const root = await store(fixtureScenario("a"));
    const before = (await loadScenarioStore(root)).scenarios[0]!.contentHash;
    const scene = path.join(root, "a", "scene.png");
    const bytes = readFileSync(scene);
    writeFileSync(scene, Buffer.concat([bytes, Buffer.from([0])]));
    const after = (await loadScenarioStore(root)).scenarios[0]!.contentHash;
    expect(after).not.toBe(before);
  });

  it("reports a missing image file and skips that scenario only", async () => {
    const root = await store(fixtureScenario("good"), fixtureScenario("bad"));
    rmSync(path.join(root, "bad", "entities", "spoon.png"));
    const result = await loadScenarioStore(root);
    expect(result.scenarios.map((s) => s.scenario.id)).toEqual(["good"]);
    expect(result.issues.map(formatIssue)).toEqual([
      `${path.join(root, "bad", "scenario.json")}: entities[1].view: image file "entities/spoon.png" does not exist`,
    ]);
  });

  it("reports an image that is not an image", async () => {
    const root = await store(fixtureScenario("bad"));
    writeFileSync(path.join(root, "bad", "scene.png"), "not a png");
    const [issue] = (await loadScenarioStore(root)).issues.map(formatIssue);
    expect(issue).toMatch(/scenario\.json: scene\.image: image file "scene\.png" cannot be read as an image/);
  });

  it("reports invalid JSON and an unreadable store without throwing", async () => {
    const root = await store(fixtureScenario("bad"));
    writeFileSync(path.join(root, "bad", "scenario.json"), '{ "id": "bad", }');
    const result = await loadScenarioStore(root);
    expect(result.scenarios).toEqual([]);
    expect(result.issues[0]!.message).toMatch(/^invalid JSON at line 1, column \d+/);
    const missing = await loadScenarioStore(path.join(root, "nope"));
    expect(missing.issues[0]!.message).toBe("folder does not exist");
  });

  it("loads a single scenario folder passed directly", async () => {
    const root = await store(fixtureScenario("solo"));
    const result = await loadScenarioStore(path.join(root, "solo"));
    expect(result.scenarios.map((s) => s.scenario.id)).toEqual(["solo"]);
  });
});
