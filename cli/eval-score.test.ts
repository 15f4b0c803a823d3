// `mmcb eval` and `mmcb score` as a user runs them: a stored run, resume, JSON documents, bad trace lines.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

const BIN = path.resolve(__dirname, "mmcb.js");
let root: string;
function mmcb(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MMCB_DATA_DIR: path.join(root, "data") };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  root = tempDir("mmcb-eval-");
  await writeFixtureScenario(path.join(root, "sc"), fixtureScenario("pry-lid"));
  const b = fixtureScenario("pry-lid-b");
  b.distractorSimilarity = "similar";
  await writeFixtureScenario(path.join(root, "sc"), b);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("mmcb eval", () => {
  it("runs the oracle, stores the run and prints the SPEC §8 document with runId", () => {
    const r = mmcb(
      "eval",
      "--solver",
      "oracle",
      "--scenarios",
      "sc",
      "--seeds",
      "1-2",
      "--run-id",
      "oracle-test",
      "--json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.runId).toBe("oracle-test");
    expect(doc.episodes).toHaveLength(4);
    expect(doc.episodes[0].metrics).toMatchObject({
      gold_correct: true,
      hallucination_rate: 0,
      claims: { grounded: expect.any(Number) },
    });
    expect(doc.aggregate.metrics.gold_correct).toMatchObject({ mean: 1, n: 4 });
    expect(doc.aggregate.pass_k).toEqual({ k: 2, value: 1, scenarios: 2 });
    // the benchmark set: the folder's name, its scenario count and a short hash over their content hashes
    expect(doc.benchmarkSet).toEqual({ name: "sc", count: 2, hash: expect.stringMatching(/^[0-9a-f]{6}$/) });
  });

  it("records the benchmark set: custom for --only, the same hash for the same scenario contents", () => {
    const one = JSON.parse(
      mmcb("eval", "--solver", "random", "--scenarios", "sc", "--only", "pry-lid", "--run-id", "set-a", "--json")
        .stdout,
    );
    expect(one.benchmarkSet).toMatchObject({ name: "custom", count: 1 });
    const again = JSON.parse(
      mmcb("eval", "--solver", "random", "--scenarios", "sc", "--only", "pry-lid", "--run-id", "set-b", "--json")
        .stdout,
    );
    expect(again.benchmarkSet).toEqual(one.benchmarkSet);
    const whole = mmcb("eval", "--solver", "random", "--scenarios", "sc", "--run-id", "set-c");
    expect(whole.code).toBe(0);
    expect(whole.stdout).toMatch(/benchmark set: sc · 2 · [0-9a-f]{6}/);
    expect(whole.stdout).not.toContain(one.benchmarkSet.hash);
  });

  it("resumes a run id without redoing finished episodes, and refuses a different configuration under it", () => {
    const clash = mmcb("eval", "--solver", "oracle", "--scenarios", "sc", "--seeds", "1-2", "--run-id", "oracle-test");
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('run "oracle-test" already exists; add --resume to continue it');
    const again = mmcb(
      "eval",
      "--solver",
      "oracle",
      "--scenarios",
      "sc",
      "--seeds",
      "1-2",
      "--run-id",
      "oracle-test",
      "--resume",
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("resumed; 4 finished episodes kept");
    const other = mmcb(
      "eval",
      "--solver",
      "oracle",
      "--scenarios",
      "sc",
      "--seeds",
      "1-3",
      "--run-id",
      "oracle-test",
      "--resume",
    );
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('run "oracle-test" already exists with a different configuration');
    expect(mmcb("eval", "--solver", "oracle", "--scenarios", "sc", "--run-id", "nope", "--resume").stderr).toContain(
      'there is no run "nope" to resume',
    );
  });

  it("prints a readable table", () => {
    const r = mmcb("eval", "--solver", "lexical", "--scenarios", "sc");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gold_correct\s+\d\.\d{3}\s+\[/);
    expect(r.stdout).toMatch(/tier\s+episodes/);
  });

  it.each([
    [["--solver", "genius"], "--solver must be one of random, lexical, oracle, openai"],
    [["--solver", "openai"], "--solver openai needs --model and --base-url"],
    [["--solver", "openai", "--model", "m", "--base-url", "nope"], "--base-url must be http(s)://host[:port]/path"],
    [
      ["--solver", "openai", "--model", "m", "--base-url", "http://x/v1", "--api-key-env", "sk-123"],
      "--api-key-env takes the NAME of an environment variable",
    ],
    [
      [
        "--solver",
        "openai",
        "--model",
        "m",
        "--base-url",
        "https://api.example.invalid/v1",
        "--api-key-env",
        "MMCB_TEST_UNSET_KEY",
      ],
      "environment variable MMCB_TEST_UNSET_KEY is not set",
    ],
    [["--solver", "random", "--seeds", "a,b"], "--seeds: seeds take a list like 1,2,3 or a range like 1-5"],
    [["--solver", "random", "--seeds", "5-1"], "--seeds: the seed range 5-1 counts down; write it as 1-5"],
    [["--solver", "random", "--max-turns", "0"], "--max-turns must be at least 1"],
    [["--solver", "random", "--only", "nope"], "--only names unknown scenario: nope"],
  ])("rejects bad options %j with one sentence", (args, message) => {
    const r = mmcb("eval", "--scenarios", "sc", ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("mmcb score", () => {
  it("scores a trace file and reports each bad line precisely while scoring the good ones", () => {
    const good = JSON.stringify({
      schemaVersion: 1,
      episodeId: "e1",
      scenarioId: "pry-lid",
      steps: [
        { turn: 1, call: { tool: "inspect_part", args: { entity_id: "coin", part_id: "edge" } } },
        { turn: 2, call: { tool: "teleport", args: {} }, valid: false },
        {
          turn: 3,
          call: {
            tool: "submit_answer",
            args: {
              entity_id: "coin",
              part_id: "edge",
              affordance: "pry open a lid",
              attributes_used: [{ name: "thickness", value: "thick" }],
              how_to_use: "pry",
            },
          },
        },
      ],
      endReason: "answer",
    });
    const unknownScenario = JSON.stringify({ episodeId: "e2", scenarioId: "nowhere", steps: [] });
    // an unknown tool in a step with no valid flag is an invalid call of a scorable trace (SPEC §4)
    const unknownTool = JSON.stringify({
      episodeId: "e3",
      scenarioId: "pry-lid",
      steps: [{ turn: 1, call: { tool: "fly", args: {} } }],
    });
    const missingSteps = JSON.stringify({ episodeId: "e4", scenarioId: "pry-lid" });
    writeFileSync(
      path.join(root, "traces.jsonl"),
      [good, "{not json", unknownScenario, unknownTool, missingSteps, ""].join("\n"),
    );
    const r = mmcb("score", "--scenarios", "sc", "--trace", "traces.jsonl", "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.episodes.map((e: { episodeId: string }) => e.episodeId)).toEqual(["e1", "e3"]);
    expect(doc.episodes[1].metrics).toMatchObject({ invalid_calls: 1, relation: "no_answer", turns: 1 });
    expect(doc.episodes[0].metrics).toMatchObject({
      gold_correct: true,
      invalid_calls: 1,
      turns: 3,
      claims: { contradicted: 1 },
      hallucination_rate: 1,
    });
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^traces\.jsonl:2: invalid JSON: /),
        'traces.jsonl:3: scenarioId: unknown scenario "nowhere"',
        "traces.jsonl:5: steps: required field is missing (expected array)",
        "3 problems reported; 2 episodes scored",
      ]),
    );
  });

  it("scores traces from other producers: unknown endReason kept, no ids, repeated ids and backward turns reported", () => {
    const answer = {
      tool: "submit_answer",
      args: {
        entity_id: "coin",
        part_id: "edge",
        affordance: "prying open lids",
        attributes_used: [],
        how_to_use: "x",
      },
    };
    const foreign = (extra: Record<string, unknown>) =>
      JSON.stringify({ scenarioId: "pry-lid", steps: [{ turn: 1, call: answer }], ...extra });
    const lines = [
      foreign({ episodeId: "dup", endReason: "answered" }),
      ...Array.from({ length: 5 }, () => foreign({ episodeId: "dup", endReason: "answered" })),
      foreign({}), // no episodeId, no endReason, no valid flags
      JSON.stringify({
        episodeId: "back",
        scenarioId: "pry-lid",
        steps: [
          { turn: 1, call: { tool: "view_scene", args: {} } },
          { turn: 2, call: { tool: "view_scene", args: {} } },
          { turn: 1, call: answer },
        ],
      }),
    ];
    writeFileSync(path.join(root, "foreign.jsonl"), lines.join("\n"));
    const r = mmcb("score", "--scenarios", "sc", "--trace", "foreign.jsonl", "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.episodes.map((e: { episodeId: string }) => e.episodeId)).toEqual(["dup", "foreign.jsonl:7"]);
    expect(doc.episodes[0]).toMatchObject({ endReason: "answered", metrics: { gold_correct: true, affordance_f1: 1 } });
    expect(doc.episodes[1].endReason).toBeUndefined();
    expect(doc.aggregate.episodes).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      "foreign.jsonl:8: steps[2].turn: turn 1 comes after turn 2; turns start at 1 and never decrease",
      'foreign.jsonl:2: episodeId: "dup" is repeated (lines 2, 3, 4, 5, 6; first on line 1); scored once, from line 1',
      "2 problems reported; 2 episodes scored",
    ]);
  });

  it("re-scores a stored run's traces to the same metrics (eval → runs traces → score)", () => {
    const stored = JSON.parse(
      mmcb("eval", "--solver", "random", "--scenarios", "sc", "--seeds", "1-3", "--run-id", "rnd", "--json").stdout,
    );
    const dump = mmcb("runs", "traces", "rnd");
    expect(dump.code).toBe(0);
    expect(dump.stdout.trim().split("\n")).toHaveLength(6);
    writeFileSync(path.join(root, "rnd.jsonl"), dump.stdout);
    const rescored = JSON.parse(mmcb("score", "--scenarios", "sc", "--trace", "rnd.jsonl", "--json").stdout);
    expect(rescored.episodes).toEqual(stored.episodes);
    expect(rescored.aggregate).toEqual(stored.aggregate);
    expect(mmcb("runs", "traces", "nope").stderr).toContain('no run "nope"');
  });

  it("fails clearly on a missing trace file", () => {
    const r = mmcb("score", "--scenarios", "sc", "--trace", "missing.jsonl");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing.jsonl: file does not exist");
  });
});
