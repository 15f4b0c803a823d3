// `mmcb export` as a user runs it: runs made by `mmcb eval`, then exports in every format, in a temp data dir.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMATS } from "@/core/export";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

const BIN = path.resolve(__dirname, "mmcb.js");
let root: string;
function mmcb(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MMCB_DATA_DIR: path.join(root, "data") };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  root = tempDir("mmcb-cli-export-");
  for (const id of ["pry-lid", "pry-lid-b", "pry-lid-c", "pry-lid-d"]) {
    const doc = fixtureScenario(id);
    doc.task = `${String(doc.task)} (${id})`;
    await writeFixtureScenario(path.join(root, "sc"), doc);
  }
  expect(mmcb("eval", "--solver", "oracle", "--scenarios", "sc", "--seeds", "1", "--run-id", "o").code).toBe(0);
  expect(mmcb("eval", "--solver", "random", "--scenarios", "sc", "--seeds", "1-4", "--run-id", "r").code).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("mmcb export", () => {
  it.each(["trl-vision", "trl-text-tools", "openai-dpo"] as const)(
    "pairs --format %s writes valid JSONL split by scenario, and a card",
    (format) => {
      const out = `out-${format}`;
      const r = mmcb(
        "export",
        "pairs",
        "--run",
        "r",
        "--run",
        "o",
        "--negatives",
        "normal",
        "--format",
        format,
        "--out",
        out,
        "--scenarios",
        "sc",
        "--test-share",
        "0.25",
        "--json",
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const result = JSON.parse(r.stdout);
      expect(result.outDir).toBe(path.join(root, out));
      const dir = path.join(root, out);
      const files = readdirSync(dir).sort();
      expect(files).toEqual(
        expect.arrayContaining([
          "README.md",
          "test.jsonl",
          "train.jsonl",
          ...(format === "openai-dpo" ? ["train.provenance.jsonl", "test.provenance.jsonl"] : []),
        ]),
      );
      expect(files.includes("images")).toBe(format === "trl-vision");
      const scenarioOf = (split: string, i: number, line: Record<string, unknown>) =>
        format === "openai-dpo"
          ? (lines(path.join(dir, `${split}.provenance.jsonl`))[i]!.scenario as { id: string }).id
          : ((line.metadata as Record<string, unknown>).scenario as { id: string }).id;
      const seen: Record<string, Set<string>> = { train: new Set(), test: new Set() };
      for (const split of ["train", "test"]) {
        lines(path.join(dir, `${split}.jsonl`)).forEach((line, i) => {
          expect(
            FORMATS[format].validate(line, { kind: "pairs", fileExists: (p) => existsSync(path.join(dir, p)) }),
          ).toEqual([]);
          seen[split]!.add(scenarioOf(split, i, line));
        });
      }
      expect([...seen.train!].filter((s) => seen.test!.has(s))).toEqual([]);
      expect(seen.test!.size).toBe(1);
      const card = readFileSync(path.join(dir, "README.md"), "utf8");
      expect(card).toContain(`# MM-CreativityBench preference pairs (${format})`);
      expect(card).toContain(`mmcb export pairs --run r --run o --negatives normal --format ${format} --out ${out}`);
      expect(card).toContain(
        `${result.counts.total} records: ${result.counts.train} train, ${result.counts.test} test`,
      );
    },
  );

  it("prints a summary, and exports SFT trajectories", () => {
    const r = mmcb("export", "sft", "--run", "o", "--format", "trl-vision", "--out", "sft", "--scenarios", "sc");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^exported 4 trajectories \(\d train, \d test; \d+ images\) to sft \[export exp-/);
    expect(r.stdout).toContain("sft/guided");
  });

  it("counts without writing in a dry run", () => {
    const r = mmcb("export", "pairs", "--run", "r", "--format", "trl-text-tools", "--dry-run", "--scenarios", "sc");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^would export \d+ pairs/);
  });

  it.each([
    [["--run", "ghost", "--format", "trl-vision", "--out", "x"], 'no run "ghost" (see `mmcb runs list`)'],
    [
      ["--run", "r", "--format", "parquet", "--out", "x"],
      "--format must be one of trl-vision, trl-text-tools, openai-dpo",
    ],
    [["--format", "trl-vision", "--out", "x"], "name at least one run with --run ID"],
    [["--run", "r", "--out", "x"], "--format is required"],
    [["--run", "r", "--format", "trl-vision"], "--out DIR is required"],
    [["--run", "r", "--source", "human", "--format", "trl-vision", "--out", "x"], "no pair verdicts yet for run r"],
    [
      ["--run", "r", "--source", "trajectory", "--format", "openai-dpo", "--out", "x"],
      "openai-dpo compares exactly one assistant turn",
    ],
    [
      ["--run", "r", "--source", "trajectory", "--negatives", "hard", "--format", "trl-vision", "--out", "x"],
      "--negatives applies to turn-level pairs",
    ],
    [
      ["--run", "r", "--format", "trl-vision", "--out", "taken"],
      "taken already exists; choose a new --out folder or add --force",
    ],
    [["--run", "r", "--format", "trl-vision", "--out", "x", "--test-share", "1.5"], "--test-share must be below 1"],
  ])("refuses bad input with one sentence and exit 1: %j", (args, message) => {
    mkdirSync(path.join(root, "taken"), { recursive: true });
    writeFileSync(path.join(root, "taken", "mine.txt"), "keep");
    const r = mmcb("export", "pairs", "--scenarios", "sc", ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(root, "x"))).toBe(false);
    expect(readdirSync(path.join(root, "taken"))).toEqual(["mine.txt"]);
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("refuses an unknown kind", () => {
    const r = mmcb("export", "rows", "--run", "r", "--format", "trl-vision", "--out", "x");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the first argument must be pairs or sft");
  });
});
