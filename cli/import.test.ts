// Runs the real `mmcb import creativitybench` launcher as a user would.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticCreativityBenchTask } from "@/test/creativitybench-fixture";
import { tempDir } from "@/test/fixture";

const BIN = path.resolve(__dirname, "mmcb.js");
let root: string;

function mmcb(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, MMCB_DATA_DIR: path.join(root, ".data"), MMCB_SCENARIOS_DIR: path.join(root, "bundled") },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);

beforeAll(() => {
  root = tempDir("mmcb-cli-import-");
  writeFileSync(
    path.join(root, "good.json"),
    JSON.stringify([{ task_id: "broken-1", task: "x" }, syntheticCreativityBenchTask()], null, 2),
  );
  writeFileSync(path.join(root, "bad.json"), '[\n  { "task_id": "a",\n    "task": "b" ]\n');
  writeFileSync(path.join(root, "none-good.json"), JSON.stringify([{ task_id: "broken-1" }]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("mmcb import creativitybench", () => {
  it("exits 1 with one clear sentence for a file that is not JSON", () => {
    const r = mmcb("import", "creativitybench", "bad.json", "--out", "out-bad");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(/^mmcb: bad\.json: invalid JSON at line 3, column 17: .+ \[input:invalid\]$/);
    noStack(r.stderr);
    expect(existsSync(path.join(root, "out-bad"))).toBe(false);
  });

  it("exits 1 for a missing file and when no task can be imported", () => {
    const missing = mmcb("import", "creativitybench", "nope.json", "--out", "out");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("mmcb: nope.json does not exist [input:invalid]");
    const none = mmcb("import", "creativitybench", "none-good.json", "--out", "out-none");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      'skipped tasks[0] (task_id "broken-1"): task is missing; golds is missing; entities is missing',
    );
    expect(none.stderr).toContain("mmcb: nothing imported from none-good.json");
    expect(none.stdout).toContain("0 imported to out-none, 1 skipped");
    noStack(none.stderr);
  });

  it("imports the good tasks, reports the bad ones, and the result validates", () => {
    const r = mmcb("import", "creativitybench", "good.json", "--out", "out-good");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "out-good/garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2  ← task garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2",
    );
    expect(r.stdout).toContain('note: butter-knife-4/blade: the gold affordance says moisture "wet"');
    expect(r.stdout.trim().split("\n").at(-1)).toBe("1 imported to out-good, 1 skipped");
    expect(r.stderr).toContain('skipped tasks[0] (task_id "broken-1"): golds is missing; entities is missing');
    const v = mmcb("scenarios", "validate", "out-good");
    expect(v.code).toBe(0);
    expect(v.stderr).toContain("1 scenario checked: 1 valid, 0 invalid, 0 problems");
  });

  it("prints only the report on stdout with --json", () => {
    const r = mmcb("import", "creativitybench", "good.json", "--out", "out-json", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.imported).toHaveLength(1);
    expect(report.imported[0]).toMatchObject({
      index: 1,
      id: "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2",
    });
    expect(report.skipped).toEqual([{ index: 0, taskId: "broken-1", reason: "golds is missing; entities is missing" }]);
  });

  it("writes to <data folder>/imported by default, not into the bundled scenarios folder", () => {
    const r = mmcb("import", "creativitybench", "good.json");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n").at(-1)).toBe("1 imported to .data/imported, 1 skipped");
    expect(
      existsSync(
        path.join(root, ".data", "imported", "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2", "scene.png"),
      ),
    ).toBe(true);
    expect(existsSync(path.join(root, "bundled"))).toBe(false);
    expect(mmcb("import", "creativitybench", "--help").stdout.replace(/\s+/g, " ")).toContain(
      "(default: <data folder>/imported, read by the app)",
    );
  });
});
