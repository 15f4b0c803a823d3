import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

const { closeDb, getDb } = await import("@/lib/db/client");
const { getOrCreateAnnotator } = await import("@/lib/db/annotators");
const { listConflictDrafts } = await import("@/lib/db/scenarios");
const { displayPath, loadScenarioStore } = await import("./load");
const { saveScenarioVersion, stageScenarioExport, currentScenario } = await import("./write");
const { getScenarioStore, getScenario, mergeStores, draftScenariosDir } = await import("./store");
const { storeUploadedImage } = await import("@/lib/uploads/images");

let root: string;
let bundled: string;
const saved = { ...process.env };

beforeAll(async () => {
  root = tempDir("mmcb-write-");
  bundled = path.join(root, "bundled");
  await writeFixtureScenario(bundled, fixtureScenario("pry-lid"));
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  process.env.MMCB_SCENARIOS_DIR = bundled;
  delete process.env.DATABASE_URL;
});
afterAll(async () => {
  await closeDb();
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

function edited(version: number, title: string): Record<string, unknown> {
  return { ...fixtureScenario("pry-lid"), version, title };
}

describe("saveScenarioVersion", () => {
  it("writes an edit of a bundled scenario as version base+1 in the drafts folder, never in the bundled one", async () => {
    const before = readFileSync(path.join(bundled, "pry-lid", "scenario.json"), "utf8");
    const alice = await getOrCreateAnnotator(getDb(), "Alice");
    const result = await saveScenarioVersion({ document: edited(1, "Edited title"), baseVersion: 1, annotator: alice });
    expect(result.kind).toBe("saved");
    if (result.kind !== "saved") return;
    expect(result.version).toBe(2);
    expect(readFileSync(path.join(bundled, "pry-lid", "scenario.json"), "utf8")).toBe(before);
    const userDir = path.join(draftScenariosDir(), "pry-lid");
    const written = JSON.parse(readFileSync(path.join(userDir, "scenario.json"), "utf8")) as {
      version: number;
      schemaVersion: number;
    };
    expect(written.version).toBe(2);
    // the edit came in as a schemaVersion 1 document (the fixture) and is written in the current format
    expect(JSON.parse(before).schemaVersion).toBe(1);
    expect(written.schemaVersion).toBe(2);
    // images came along and the folder validates like the CLI would validate it
    const check = await loadScenarioStore(draftScenariosDir());
    expect(check.issues).toEqual([]);
    expect(check.scenarios.map((s) => s.scenario.id)).toEqual(["pry-lid"]);
    // no temp files left behind
    expect(readdirSync(userDir).filter((f) => f.includes(".tmp"))).toEqual([]);
    // the store now serves the user copy (higher version shadows the bundled one)
    const served = await getScenario("pry-lid");
    expect(served?.scenario.version).toBe(2);
    expect(served?.scenario.title).toBe("Edited title");
    const rows = await getDb().scenarioRevision.findMany({ where: { scenarioId: "pry-lid", version: 2 } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.annotatorId).toBe(alice.id);
    expect(rows[0]!.kind).toBe("saved");
    expect(rows[0]!.baseVersion).toBe(1);
    const indexed = await getDb().scenario.findUnique({ where: { id: "pry-lid" } });
    expect(indexed?.version).toBe(2);
  });

  it("refuses a save from an old base as a conflict and keeps the refused document with its annotator", async () => {
    const bob = await getOrCreateAnnotator(getDb(), "Bob");
    const mine = edited(1, "Bob's title");
    const result = await saveScenarioVersion({ document: mine, baseVersion: 1, annotator: bob });
    expect(result.kind).toBe("conflict");
    if (result.kind !== "conflict") return;
    expect(result.latest.version).toBe(2);
    expect(result.latest.scenario.title).toBe("Edited title");
    expect(result.yours).toEqual(mine);
    expect(result.message).toMatch(/version 2.*version 1/);
    const drafts = await listConflictDrafts(getDb(), "pry-lid");
    expect(drafts[0]).toMatchObject({ id: result.draftId, annotatorName: "Bob", baseVersion: 1 });
    expect((drafts[0]!.document as { title: string }).title).toBe("Bob's title");
    // the stored scenario did not change
    expect((await currentScenario("pry-lid"))?.scenario.title).toBe("Edited title");
    // reloading on top of the latest and saving again works
    const retry = await saveScenarioVersion({ document: edited(2, "Bob's title"), baseVersion: 2, annotator: bob });
    expect(retry.kind === "saved" && retry.version).toBe(3);
  });

  it("answers invalid documents with the validator's one-line messages and writes nothing", async () => {
    const doc = edited(3, "x");
    (doc.gold as { part: string }[])[0]!.part = "rim";
    const result = await saveScenarioVersion({ document: doc, baseVersion: 3, annotator: null });
    expect(result.kind).toBe("invalid");
    if (result.kind !== "invalid") return;
    expect(result.lines).toContain(
      `${displayPath(path.join(draftScenariosDir(), "pry-lid", "scenario.json"))}: gold[0].part: "rim" is not a part of entity "coin"`,
    );
    expect((await currentScenario("pry-lid"))?.scenario.version).toBe(3);
  });

  it("creates a new scenario from an uploaded photo, refuses a duplicate id, and rejects missing images", async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#aabbcc" } })
      .jpeg()
      .toBuffer();
    const upload = await storeUploadedImage(photo);
    expect(upload.file).toMatch(/^images\/[0-9a-f-]{36}\.jpg$/);
    const doc = {
      ...fixtureScenario("new-one"),
      scene: { image: upload.file, width: 640, height: 480 },
      entities: [(fixtureScenario().entities as unknown[])[0]],
      similar: [],
    };
    const created = await saveScenarioVersion({ document: doc, baseVersion: null, annotator: null });
    expect(created.kind).toBe("saved");
    expect(created.kind === "saved" && created.version).toBe(1);
    expect(existsSync(path.join(draftScenariosDir(), "new-one", upload.file))).toBe(true);
    await expect(saveScenarioVersion({ document: doc, baseVersion: null, annotator: null })).rejects.toMatchObject({
      code: "scenario:duplicate_id",
    });
    const missing = {
      ...doc,
      id: "other",
      scene: { image: "images/00000000-0000-0000-0000-000000000000.png", width: 640, height: 480 },
    };
    const bad = await saveScenarioVersion({ document: missing, baseVersion: null, annotator: null });
    expect(bad.kind === "invalid" && bad.lines.join("\n")).toMatch(/scene\.image: image file .* does not exist/);
    expect(existsSync(path.join(draftScenariosDir(), "other"))).toBe(false);
  });

  it("refuses a document whose id is not a slug before touching the disk", async () => {
    const result = await saveScenarioVersion({
      document: { ...fixtureScenario(), id: "../../etc" },
      baseVersion: null,
      annotator: null,
    });
    expect(result.kind).toBe("invalid");
    expect(existsSync(path.join(root, "etc"))).toBe(false);
  });

  it("serialises concurrent saves of one id: one wins, the other is a kept conflict", async () => {
    const base = (await currentScenario("pry-lid"))!.scenario.version;
    const [a, b] = await Promise.all([
      saveScenarioVersion({ document: edited(base, "A"), baseVersion: base, annotator: null }),
      saveScenarioVersion({ document: edited(base, "B"), baseVersion: base, annotator: null }),
    ]);
    expect([a.kind, b.kind].sort()).toEqual(["conflict", "saved"]);
  });

  it("stages an export folder with exactly scenario.json and the referenced images", async () => {
    const loaded = (await getScenario("pry-lid"))!;
    const dir = await stageScenarioExport(loaded);
    const list = (d: string, p = ""): string[] =>
      readdirSync(path.join(d, p), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? list(d, path.join(p, e.name)) : [path.join(p, e.name)],
      );
    expect(list(dir).sort()).toEqual(["entities/spoon.png", "parts/spoon-bowl.png", "scenario.json", "scene.png"]);
    const check = await loadScenarioStore(dir);
    expect(path.basename(dir)).toBe("pry-lid");
    expect(check.issues).toEqual([]);
    expect(await stageScenarioExport(loaded)).toBe(dir);
  });
});

describe("mergeStores", () => {
  it("lets a user copy shadow a bundled scenario only with a higher version", async () => {
    const store = await getScenarioStore();
    const ids = store.scenarios.map((s) => s.scenario.id);
    expect(ids).toEqual(["new-one", "pry-lid"]);
    const bundledOnly = await loadScenarioStore(bundled);
    const user = await loadScenarioStore(draftScenariosDir());
    const older = {
      ...user,
      scenarios: user.scenarios.map((s) => ({ ...s, scenario: { ...s.scenario, version: 1 } })),
    };
    const merged = mergeStores(bundledOnly, older);
    expect(merged.scenarios.find((s) => s.scenario.id === "pry-lid")?.dir).toBe(path.join(bundled, "pry-lid"));
    const missingUser = mergeStores(bundledOnly, {
      scenarios: [],
      issues: [{ file: "x", path: "", message: "folder does not exist" }],
      checked: 0,
    });
    expect(missingUser.issues).toEqual([]);
  });
});
