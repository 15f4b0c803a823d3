// The importer end to end: real files in, scenario folders out, each checked with the app's own loader.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MmcbError } from "@/core/errors";
import { loadScenarioDir } from "@/lib/scenarios/load";
import { syntheticCreativityBenchTask } from "@/test/creativitybench-fixture";
import { tempDir } from "@/test/fixture";
import { describeJsonError, importCreativityBenchFile } from "./creativitybench";

const repoRoot = path.resolve(__dirname, "../..");
const REAL_SAMPLE = path.resolve(repoRoot, "../shared/reference/creativitybench/sample_tasks.json");

let root: string;
let synthetic: string;
beforeAll(() => {
  root = tempDir("mmcb-import-");
  synthetic = path.join(root, "synthetic.json");
  writeFileSync(synthetic, JSON.stringify([syntheticCreativityBenchTask()], null, 2));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface RawTask {
  golds: { gold_entity: string; gold_part: string }[];
  entities: { name: string; judge_output?: Record<string, { similar_affordance?: unknown }> }[];
}

const spaced = (key: string) => key.replace(/_/g, " ").trim();

describe("importCreativityBenchFile", () => {
  it("imports the CreativityBench sample tasks into scenarios that validate (a synthetic task when the sample is absent)", async () => {
    let file = REAL_SAMPLE;
    if (!existsSync(REAL_SAMPLE)) {
      console.warn(
        `CreativityBench sample not found at ${REAL_SAMPLE}: the real-file import check did NOT run; checking a synthetic task instead.`,
      );
      file = synthetic;
    }
    const raw = JSON.parse(readFileSync(file, "utf8")) as RawTask | RawTask[];
    const tasks = Array.isArray(raw) ? raw : [raw];
    const out = path.join(root, "real");
    const report = await importCreativityBenchFile(file, { out });
    expect(report.skipped).toEqual([]);
    expect(report.imported).toHaveLength(tasks.length);

    for (const item of report.imported) {
      const loaded = await loadScenarioDir(path.join(out, item.id));
      expect(loaded.issues).toEqual([]);
      const s = loaded.scenario!.scenario;
      const task = tasks[item.index]!;
      expect(s.source.kind).toBe("imported");
      expect(JSON.stringify(s)).not.toMatch(/\[gold part\]/i);

      expect(s.entities.length).toBeGreaterThanOrEqual(1);
      for (const e of s.entities) expect(e.parts.length, e.id).toBeGreaterThanOrEqual(1);

      expect(s.gold.length).toBeGreaterThanOrEqual(1);
      const goldNames = s.gold.map((g) => {
        const entity = s.entities.find((e) => e.id === g.entity)!;
        return `${entity.name} / ${entity.parts.find((p) => p.id === g.part)!.name}`;
      });
      expect(goldNames).toEqual(task.golds.map((g) => `${g.gold_entity} / ${spaced(g.gold_part)}`));

      // Every part the judge marks affordance-similar (and that is not gold) is in similar[].
      const marked = task.entities.flatMap((e) =>
        Object.entries(e.judge_output ?? {})
          .filter(([, j]) => /^\s*yes/i.test(String(j.similar_affordance)))
          .map(([key]) => `${e.name} / ${spaced(key)}`),
      );
      const listed = (s.similar ?? []).map((x) => {
        const entity = s.entities.find((e) => e.id === x.entity)!;
        return `${entity.name} / ${entity.parts.find((p) => p.id === x.part)!.name}`;
      });
      expect(listed.sort()).toEqual(marked.filter((m) => !goldNames.includes(m)).sort());
      expect(marked.length).toBeGreaterThan(0);
    }
  });

  it("writes the same bytes twice and replaces its own earlier import", async () => {
    const out = path.join(root, "twice");
    const first = await importCreativityBenchFile(synthetic, { out });
    const dir = path.join(out, first.imported[0]!.id);
    const files = ["scenario.json", "scene.png", "entities/butter-knife-4.png"];
    const before = files.map((f) => readFileSync(path.join(dir, f)));
    writeFileSync(path.join(dir, "stale.txt"), "left over");
    const second = await importCreativityBenchFile(synthetic, { out });
    expect(second.imported).toHaveLength(1);
    expect(files.map((f) => readFileSync(path.join(dir, f)))).toEqual(before);
    expect(existsSync(path.join(dir, "stale.txt"))).toBe(false);
  });

  it("refuses to overwrite a folder it did not import, unless forced", async () => {
    const out = path.join(root, "guarded");
    const dir = path.join(out, "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "scenario.json"), JSON.stringify({ source: { kind: "authored" } }));
    const refused = await importCreativityBenchFile(synthetic, { out });
    expect(refused.imported).toEqual([]);
    expect(refused.skipped).toEqual([
      {
        index: 0,
        taskId: "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2",
        reason: expect.stringMatching(
          /already exists and is not an imported scenario; not overwriting it \(use --force/,
        ),
      },
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, "scenario.json"), "utf8")).source.kind).toBe("authored");
    const forced = await importCreativityBenchFile(synthetic, { out, force: true });
    expect(forced.imported).toHaveLength(1);
  });

  it("reports bad tasks and imports the good ones", async () => {
    const file = path.join(root, "mixed.json");
    writeFileSync(file, JSON.stringify([{ task_id: "t-1", task: "x" }, syntheticCreativityBenchTask()]));
    const report = await importCreativityBenchFile(file, { out: path.join(root, "mixed") });
    expect(report.imported.map((i) => i.index)).toEqual([1]);
    expect(report.skipped).toEqual([{ index: 0, taskId: "t-1", reason: "golds is missing; entities is missing" }]);
  });

  it.each<[string, string | null, RegExp]>([
    ["a missing file", null, /missing\.json does not exist/],
    ["invalid JSON", '[\n  {"task_id": "a"\n  "task": "b"}\n]', /bad\.json: invalid JSON at line 3, column 3: /],
    ["an empty array", "[]", /holds no tasks/],
    ["a JSON string", '"hello"', /expected a CreativityBench task \(an object\) or an array of tasks/],
  ])("throws one sentence for %s", async (_name, content, message) => {
    const file = path.join(root, content === null ? "missing.json" : "bad.json");
    if (content !== null) writeFileSync(file, content);
    const error = await importCreativityBenchFile(file, { out: path.join(root, "never") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MmcbError);
    expect((error as MmcbError).message).toMatch(message);
    expect(existsSync(path.join(root, "never"))).toBe(false);
  });
});

describe("describeJsonError", () => {
  it("gives line and column, also at the end of the input", () => {
    const at = (text: string) => {
      try {
        JSON.parse(text);
      } catch (e) {
        return describeJsonError(text, e);
      }
      return "";
    };
    expect(at('{\n "a": 1,\n}')).toMatch(/^invalid JSON at line 3, column 1: /);
    expect(at('[\n {"a": 1}')).toMatch(/^invalid JSON at line 2, column 10: /);
  });
});
