// Exports end to end against a real (temporary) database: runs made by the baselines, files on disk.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMATS, type FormatName } from "@/core/export";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

let root: string;
let scenariosDir: string;
type Lib = {
  runExport: typeof import("./run").runExport;
  getDb: typeof import("@/lib/db/client").getDb;
  closeDb: typeof import("@/lib/db/client").closeDb;
  getExportRecord: typeof import("@/lib/db/exports").getExportRecord;
};
let lib: Lib;

beforeAll(async () => {
  root = tempDir("mmcb-export-");
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  process.env.DATABASE_URL = `file:${path.join(root, "data", "mmcb.db")}`;
  scenariosDir = path.join(root, "scenarios");
  for (const id of ["pry-lid", "pry-lid-b", "pry-lid-c"]) {
    const doc = fixtureScenario(id);
    doc.task = `${String(doc.task)} (${id})`; // scenarios that differ, so records never coincide across them
    await writeFixtureScenario(scenariosDir, doc);
  }
  writeFileSync(
    path.join(scenariosDir, "ATTRIBUTION.md"),
    "# Attribution\n\nTest art © nobody, MIT licence notice here.\n",
  );
  const { loadScenarioStore } = await import("@/lib/scenarios/load");
  const { runBaselineEval } = await import("@/lib/eval/baselines");
  const { scenarios } = await loadScenarioStore(scenariosDir);
  const common = { scenarios, maxTurns: 8, observation: "image" as const };
  await runBaselineEval({ ...common, solver: "oracle", seeds: [1, 2], runId: "oracle" });
  await runBaselineEval({ ...common, solver: "oracle", seeds: [1], runId: "oracle-1" });
  await runBaselineEval({ ...common, solver: "random", seeds: [1, 2, 3, 4, 5, 6], runId: "random" });
  lib = {
    runExport: (await import("./run")).runExport,
    getDb: (await import("@/lib/db/client")).getDb,
    closeDb: (await import("@/lib/db/client")).closeDb,
    getExportRecord: (await import("@/lib/db/exports")).getExportRecord,
  };
}, 60_000);
afterAll(async () => {
  await lib?.closeDb();
  rmSync(root, { recursive: true, force: true });
});

const base = {
  kind: "pairs" as const,
  source: "guided" as const,
  negatives: "hard" as const,
  format: "trl-vision" as FormatName,
  testShare: 0.34,
  seed: 3,
};
const out = (name: string) => path.join(root, "out", name);
const readLines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
const metadataOf = (line: Record<string, any>) => line.metadata as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("runExport", () => {
  it("writes trl-vision pairs: valid lines, images once by sha256, split by scenario, a card, an Export record", async () => {
    const dir = out("vision");
    const result = await lib.runExport({
      ...base,
      runIds: ["random", "oracle"],
      outDir: dir,
      scenariosDir,
      command: "mmcb export pairs …",
    });
    expect(result.outDir).toBe(dir);
    expect(readdirSync(dir).sort()).toEqual(["README.md", "images", "test.jsonl", "train.jsonl"]);
    const train = readLines(path.join(dir, "train.jsonl"));
    const test = readLines(path.join(dir, "test.jsonl"));
    expect(train.length).toBe(result.counts.train);
    expect(test.length).toBe(result.counts.test);
    expect(train.length).toBeGreaterThan(0);
    expect(test.length).toBeGreaterThan(0);

    // every line passes the validator, and its image references resolve to files
    for (const [kind, lines] of [
      ["train", train],
      ["test", test],
    ] as const)
      for (const line of lines) {
        expect(
          FORMATS["trl-vision"].validate(line, { kind: "pairs", fileExists: (p) => existsSync(path.join(dir, p)) }),
        ).toEqual([]);
        expect(metadataOf(line).split).toBe(kind);
        for (const p of line.images as string[]) expect(existsSync(path.join(dir, p))).toBe(true);
      }
    // no scenario in both splits
    const trainScenarios = new Set(train.map((l) => metadataOf(l).scenario.id));
    const testScenarios = new Set(test.map((l) => metadataOf(l).scenario.id));
    expect([...trainScenarios].filter((s) => testScenarios.has(s))).toEqual([]);
    expect(trainScenarios.size + testScenarios.size).toBe(3);

    // each image file once, named by the sha256 of its bytes, all referenced
    const files = readdirSync(path.join(dir, "images"));
    expect(files.length).toBe(result.counts.images);
    for (const f of files) {
      const hash = createHash("sha256")
        .update(readFileSync(path.join(dir, "images", f)))
        .digest("hex");
      expect(f).toBe(`${hash}.png`);
    }
    const referenced = new Set([...train, ...test].flatMap((l) => l.images as string[]));
    expect(referenced.size).toBe(files.length);

    // provenance
    expect(metadataOf(train[0]!)).toMatchObject({
      source: "guided",
      negative: "hard",
      scenario: { id: expect.any(String), version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      runIds: [expect.any(String)],
      episodes: { context: expect.any(String) },
      turn: expect.any(Number),
      claims: { chosen: expect.any(Object), rejected: expect.any(Object) },
      hardKind: expect.stringMatching(/^(contradicted|skipped_part)$/),
    });

    const card = readFileSync(path.join(dir, "README.md"), "utf8");
    expect(card).toContain("license: cc-by-4.0");
    expect(card).toContain("mmcb export pairs …");
    expect(card).toContain(`| guided/hard | ${result.counts.train} | ${result.counts.test} |`);
    expect(card).toContain("| pry-lid-b | 1 |");
    expect(card).toContain("CC-BY-4.0");
    expect(card).toContain("> Test art © nobody, MIT licence notice here.");
    expect(card).toMatch(/scenario set: 3 scenarios, hash `[0-9a-f]{64}`/);

    const record = await lib.getExportRecord(lib.getDb(), result.exportId);
    expect(record).toMatchObject({ status: "done", kind: "pairs", format: "trl-vision", outDir: dir });
    expect(record!.runIds.sort()).toEqual(["oracle", "random"]);
    expect(record!.counts).toMatchObject({ total: result.counts.total });
  });

  it("drops identical pairs: two seeds of the deterministic oracle export what one seed does", async () => {
    const two = await lib.runExport({ ...base, runIds: ["oracle"], outDir: out("dedupe-2"), scenariosDir });
    const one = await lib.runExport({ ...base, runIds: ["oracle-1"], outDir: out("dedupe-1"), scenariosDir });
    expect(two.counts.skipped.duplicate).toBe(one.counts.total);
    expect(two.counts.total).toBe(one.counts.total);
    const lines = [
      ...readLines(path.join(out("dedupe-2"), "train.jsonl")),
      ...readLines(path.join(out("dedupe-2"), "test.jsonl")),
    ];
    const bodies = lines.map(({ metadata: _m, ...body }) => JSON.stringify(body));
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  it("caps records per scenario", async () => {
    const r = await lib.runExport({
      ...base,
      runIds: ["random"],
      outDir: out("capped"),
      scenariosDir,
      maxPerScenario: 2,
    });
    const lines = [
      ...readLines(path.join(out("capped"), "train.jsonl")),
      ...readLines(path.join(out("capped"), "test.jsonl")),
    ];
    const per = new Map<string, number>();
    for (const l of lines) per.set(metadataOf(l).scenario.id, (per.get(metadataOf(l).scenario.id) ?? 0) + 1);
    expect([...per.values()]).toEqual([2, 2, 2]);
    expect(r.counts.total).toBe(6);
  });

  it("writes openai-dpo with exactly the documented keys and a line-aligned provenance side-car", async () => {
    const dir = out("openai");
    await lib.runExport({
      ...base,
      negatives: "normal",
      format: "openai-dpo",
      runIds: ["random"],
      outDir: dir,
      scenariosDir,
    });
    expect(readdirSync(dir).sort()).toEqual([
      "README.md",
      "test.jsonl",
      "test.provenance.jsonl",
      "train.jsonl",
      "train.provenance.jsonl",
    ]);
    for (const split of ["train", "test"]) {
      const lines = readLines(path.join(dir, `${split}.jsonl`));
      const side = readLines(path.join(dir, `${split}.provenance.jsonl`));
      expect(side.length).toBe(lines.length);
      lines.forEach((line, i) => {
        expect(Object.keys(line).sort()).toEqual(["input", "non_preferred_output", "preferred_output"]);
        expect(FORMATS["openai-dpo"].validate(line, { kind: "pairs" })).toEqual([]);
        expect(side[i]).toMatchObject({ line: i + 1, source: "guided", negative: "normal", split });
        expect(side[i]!.rejectedReasons.length).toBeGreaterThan(0);
      });
    }
  });

  it("writes trajectory pairs (oracle against random) with the score margin", async () => {
    const dir = out("trajectory");
    const r = await lib.runExport({
      ...base,
      source: "trajectory",
      negatives: null,
      format: "trl-text-tools",
      runIds: ["oracle", "random"],
      outDir: dir,
      scenariosDir,
    });
    expect(r.counts.total).toBeGreaterThan(0);
    for (const line of [...readLines(path.join(dir, "train.jsonl")), ...readLines(path.join(dir, "test.jsonl"))]) {
      expect(FORMATS["trl-text-tools"].validate(line, { kind: "pairs" })).toEqual([]);
      expect(metadataOf(line).scoreMargin).toBeGreaterThanOrEqual(0.3);
      expect(metadataOf(line).agents).toHaveLength(2);
      expect(metadataOf(line).rejectedReasons.length).toBeGreaterThan(0);
    }
  });

  it("writes SFT trajectories from the oracle and from the guided policy", async () => {
    const stored = await lib.runExport({
      ...base,
      kind: "sft",
      source: "trajectory",
      negatives: null,
      runIds: ["oracle", "random"],
      outDir: out("sft-stored"),
      scenariosDir,
    });
    // the oracle's episodes, one per scenario after dedupe (and any flawless random episode)
    expect(stored.counts.total).toBeGreaterThanOrEqual(3);
    const storedLines = [
      ...readLines(path.join(out("sft-stored"), "train.jsonl")),
      ...readLines(path.join(out("sft-stored"), "test.jsonl")),
    ];
    expect(storedLines.filter((l) => metadataOf(l).agents[0] === "oracle")).toHaveLength(3);
    const guided = await lib.runExport({
      ...base,
      kind: "sft",
      source: "guided",
      negatives: null,
      format: "trl-text-tools",
      runIds: ["random"],
      outDir: out("sft-guided"),
      scenariosDir,
    });
    expect(guided.counts.total).toBe(3);
    for (const [dir, format] of [
      [out("sft-stored"), "trl-vision"],
      [out("sft-guided"), "trl-text-tools"],
    ] as const)
      for (const line of [...readLines(path.join(dir, "train.jsonl")), ...readLines(path.join(dir, "test.jsonl"))])
        expect(
          FORMATS[format].validate(line, { kind: "sft", fileExists: (p) => existsSync(path.join(dir, p)) }),
        ).toEqual([]);
  });

  it("builds human pairs from stored verdicts; ties give nothing; none at all is a clear error", async () => {
    await expect(
      lib.runExport({
        ...base,
        source: "human",
        negatives: null,
        runIds: ["random"],
        outDir: out("human-0"),
        scenariosDir,
      }),
    ).rejects.toThrow(/no pair verdicts yet for run random/);
    expect(existsSync(out("human-0"))).toBe(false);
    const db = lib.getDb();
    await db.annotator.create({ data: { id: "ann", name: "Ann" } });
    await db.pairVerdict.createMany({
      data: [
        { leftEpisodeId: "random:pry-lid:1", rightEpisodeId: "oracle:pry-lid:1", verdict: "right", annotatorId: "ann" },
        { leftEpisodeId: "random:pry-lid:2", rightEpisodeId: "oracle:pry-lid:2", verdict: "tie", annotatorId: "ann" },
      ],
    });
    const r = await lib.runExport({
      ...base,
      source: "human",
      negatives: null,
      runIds: ["random", "oracle"],
      outDir: out("human"),
      scenariosDir,
    });
    expect(r.counts.total).toBe(1);
    expect(r.counts.skipped).toMatchObject({ verdict_tie: 1 });
    const [line] = [
      ...readLines(path.join(out("human"), "train.jsonl")),
      ...readLines(path.join(out("human"), "test.jsonl")),
    ];
    expect(metadataOf(line!)).toMatchObject({
      source: "human",
      episodes: { chosen: "oracle:pry-lid:1", rejected: "random:pry-lid:1" },
    });
  });

  it("counts in a dry run exactly what it would write, and writes nothing", async () => {
    const dry = await lib.runExport({
      ...base,
      runIds: ["random", "oracle"],
      outDir: out("dry"),
      scenariosDir,
      dryRun: true,
    });
    const wet = await lib.runExport({ ...base, runIds: ["random", "oracle"], outDir: out("wet"), scenariosDir });
    expect(existsSync(out("dry"))).toBe(false);
    expect(dry.outDir).toBeNull();
    expect({ ...dry.counts, images: 0 }).toEqual({ ...wet.counts, images: 0 });
  });

  it("leaves nothing behind when it fails midway, and records the failure", async () => {
    const dir = out("failed");
    let calls = 0;
    const exportId = "exp-fail-test";
    await expect(
      lib.runExport({
        ...base,
        runIds: ["random"],
        outDir: dir,
        scenariosDir,
        exportId,
        onProgress: (p) => {
          if (++calls === 3 && p.total > 0) throw new Error("disk on fire");
        },
      }),
    ).rejects.toThrow("disk on fire");
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(path.dirname(dir)).filter((f) => f.startsWith(".failed"))).toEqual([]);
    expect(await lib.getExportRecord(lib.getDb(), exportId)).toMatchObject({
      status: "failed",
      outDir: null,
      counts: { error: "disk on fire" },
    });
  });

  it("refuses an existing folder unless forced, an unknown run, and impossible combinations", async () => {
    const dir = out("exists");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "keep.txt"), "mine");
    await expect(lib.runExport({ ...base, runIds: ["oracle-1"], outDir: dir, scenariosDir })).rejects.toThrow(
      /already exists; choose a new --out folder or add --force/,
    );
    expect(readFileSync(path.join(dir, "keep.txt"), "utf8")).toBe("mine");
    await lib.runExport({ ...base, runIds: ["oracle-1"], outDir: dir, scenariosDir, force: true });
    expect(existsSync(path.join(dir, "keep.txt"))).toBe(false);
    await expect(lib.runExport({ ...base, runIds: ["nope"], outDir: out("x"), scenariosDir })).rejects.toThrow(
      'no run "nope"',
    );
    await expect(
      lib.runExport({
        ...base,
        source: "trajectory",
        negatives: null,
        format: "openai-dpo",
        runIds: ["oracle"],
        outDir: out("x"),
        scenariosDir,
      }),
    ).rejects.toThrow(/openai-dpo compares exactly one assistant turn/);
    await expect(
      lib.runExport({
        ...base,
        kind: "sft",
        negatives: null,
        format: "openai-dpo",
        runIds: ["oracle"],
        outDir: out("x"),
        scenariosDir,
      }),
    ).rejects.toThrow(/openai-dpo holds preference pairs only/);
  });

  it("says so when there is nothing to export", async () => {
    await expect(
      lib.runExport({ ...base, negatives: "normal", runIds: ["oracle-1"], outDir: out("empty"), scenariosDir }),
    ).rejects.toThrow(/nothing to export from these runs \(turn not faulty: \d+\)/);
    expect(existsSync(out("empty"))).toBe(false);
  });
});
