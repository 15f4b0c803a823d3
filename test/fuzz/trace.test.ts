// Fuzzed trace files (issue #8): JSONL with good lines, mutated lines and garbage goes through the trace
// reader (every bad line is one issue naming `file:line` and a path; good lines are kept with their line
// number), parsed traces with arbitrary tool arguments go through the scorer (never throws, no NaN), and
// one fuzzed file goes through `mmcb score` (exit 1, line-numbered problems, the good traces scored).
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateScenarioDocument, type Scenario } from "@/core/scenario";
import { scoreDocument, scoreEpisode } from "@/core/scoring";
import { traceSchema } from "@/core/trace";
import { readTraceFile } from "@/lib/traces/read";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { applyMutation, fuzzOptions, issueProblems, mutationArb, nastyValue, type Mutation } from "./mutate";

const ROOT = path.resolve(__dirname, "..", "..");
const scenario = validateScenarioDocument(fixtureScenario("pry-lid"), { file: "x" }).scenario as Scenario;

function goodTrace(episodeId: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    episodeId,
    scenarioId: "pry-lid",
    agent: { kind: "baseline", name: "fuzz" },
    seed: 1,
    steps: [
      { turn: 1, call: { tool: "inspect_entity", args: { entity_id: "coin" } }, valid: true },
      { turn: 2, call: { tool: "inspect_part", args: { entity_id: "coin", part_id: "edge" } }, valid: true },
      {
        turn: 3,
        call: {
          tool: "assess_part",
          args: {
            entity_id: "coin",
            part_id: "edge",
            suitable: true,
            observed_attributes: [{ name: "thickness", value: "thin" }],
            rationale: "thin rim",
          },
        },
        valid: true,
      },
      {
        turn: 4,
        call: {
          tool: "submit_answer",
          args: {
            entity_id: "coin",
            part_id: "edge",
            affordance: "pry open a lid",
            attributes_used: [{ name: "thickness", value: "thin" }],
            how_to_use: "wedge it under the rim",
          },
        },
        valid: true,
      },
    ],
    endReason: "answer",
  };
}

const TOOLS = ["plan_exploration", "inspect_entity", "inspect_part", "assess_part", "view_scene", "submit_answer"];
const ids = fc.constantFrom("coin", "spoon", "edge", "face", "bowl", "handle-tip", "ghost", "", "__proto__");
/** Tool arguments that are sometimes right, sometimes subtly wrong, sometimes anything at all. */
const argsArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      entity_id: fc.oneof(ids, nastyValue),
      part_id: fc.oneof(ids, nastyValue),
      entity_ids: fc.oneof(fc.array(ids, { maxLength: 4 }), nastyValue),
      suitable: fc.oneof(fc.boolean(), nastyValue),
      observed_attributes: fc.oneof(
        fc.array(
          fc.record({
            name: fc.oneof(fc.constantFrom("thickness", "material", "shape"), nastyValue),
            value: nastyValue,
          }),
          { maxLength: 3 },
        ),
        nastyValue,
      ),
      attributes_used: fc.oneof(
        fc.array(fc.record({ name: nastyValue, value: nastyValue }), { maxLength: 3 }),
        nastyValue,
      ),
      affordance: fc.oneof(fc.constantFrom("pry open a lid", "scoop"), nastyValue),
      how_to_use: nastyValue,
      rationale: nastyValue,
    },
    { requiredKeys: [] },
  ),
  nastyValue,
);
const stepArb = fc.record(
  {
    turn: fc.integer({ min: 1, max: 40 }),
    call: fc.record({ tool: fc.oneof(fc.constantFrom(...TOOLS), fc.string({ maxLength: 12 })), args: argsArb }),
    valid: fc.boolean(),
  },
  { requiredKeys: ["turn", "call"] },
);

function finiteOrNull(value: unknown, where: string): void {
  if (typeof value === "number") expect(Number.isFinite(value), `${where} = ${value}`).toBe(true);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) finiteOrNull(v, `${where}.${k}`);
}

describe("scorer under fuzzed traces", () => {
  it("any schema-valid trace scores without throwing; every metric is finite, null or a boolean", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (drawn) => {
        // turns start at 1 and never decrease (SPEC §4): sort the drawn turns and start them at 1
        const turns = drawn.map((s) => s.turn).sort((a, b) => a - b);
        const steps = drawn.map((s, i) => ({ ...s, turn: i === 0 ? 1 : turns[i]! }));
        const trace = traceSchema.parse({ scenarioId: "pry-lid", steps });
        const { metrics } = scoreEpisode(scenario, trace);
        finiteOrNull(metrics, "metrics");
        const doc = scoreDocument(new Map([["pry-lid", scenario]]), [{ ...trace, episodeId: "e" }]);
        finiteOrNull(doc.aggregate, "aggregate");
        expect(doc.episodes).toHaveLength(1);
      }),
      fuzzOptions(400),
    );
  });
});

type Line = { kind: "good" } | { kind: "mutated"; mutations: Mutation[] } | { kind: "text"; text: string };

const lineArb: fc.Arbitrary<Line> = fc.oneof(
  fc.constant({ kind: "good" as const }),
  fc.record({
    kind: fc.constant("mutated" as const),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("text" as const),
    text: fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }).map((s) => s.replace(/[\r\n\u2028\u2029]/g, " ")),
      fc.constantFrom("{", "[1,2", '{"episodeId": "x"', "NaN", "null", "[]", "[{}]", "true", '"text"'),
    ),
  }),
);

function render(lines: Line[]): { text: string; goodLines: number[] } {
  const goodLines: number[] = [];
  const ids = new Set<string>(); // a repeated episodeId is reported on the later line (SPEC §4)
  const out = lines.map((line, i) => {
    if (line.kind === "text") return line.text;
    const doc =
      line.kind === "good"
        ? goodTrace(`e${i}`)
        : line.mutations.reduce<unknown>((d, m) => applyMutation(d, m), goodTrace(`e${i}`));
    const text = JSON.stringify(doc) ?? "null";
    const parsed = traceSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const id = parsed.data.episodeId;
      if (id === undefined || !ids.has(id)) goodLines.push(i + 1);
      if (id !== undefined) ids.add(id);
    }
    return text;
  });
  return { text: out.join("\n"), goodLines };
}

describe("trace reader under fuzzed JSONL", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("mmcb-fuzz-trace-");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the good lines with their numbers; each bad line is issues naming file:line", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 8 }), async (lines) => {
        const file = path.join(dir, `t${run++}.jsonl`);
        const { text, goodLines } = render(lines);
        writeFileSync(file, text);
        const read = await readTraceFile(file);
        const lineOf = (issueFile: string) => Number(/:(\d+)(\[\d+\])?$/.exec(issueFile)?.[1]);
        expect(issueProblems(read.issues, /^.+:\d+(\[\d+\])?$/)).toEqual([]);
        // every parsed trace came from a line we consider good, or from an array line
        const parsedLines = read.traces.map((t) => t.line);
        for (const n of goodLines) expect(parsedLines, `line ${n}`).toContain(n);
        for (const issue of read.issues) {
          const n = lineOf(issue.file);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(lines.length);
          expect(goodLines).not.toContain(n);
        }
        // a non-blank line that yields no trace yields at least one issue
        text.split("\n").forEach((content, i) => {
          if (content.trim() === "" || content.trim() === "[]") return;
          const n = i + 1;
          if (!parsedLines.includes(n))
            expect(
              read.issues.some((x) => lineOf(x.file) === n),
              `line ${n}: ${content.slice(0, 80)}`,
            ).toBe(true);
        });
      }),
      fuzzOptions(150),
    );
  });

  it("found by fuzzing: a JSONL file whose first line is a broken '{' keeps its good lines", async () => {
    const file = path.join(dir, "first-line-broken.jsonl");
    writeFileSync(file, ["{", JSON.stringify(goodTrace("a")), JSON.stringify(goodTrace("b"))].join("\n"));
    const read = await readTraceFile(file);
    expect(read.traces.map((t) => t.line)).toEqual([2, 3]);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]!.file).toMatch(/first-line-broken\.jsonl:1$/);
  });

  it("a byte-order mark is read past in a pretty-printed .json document, as in JSONL (issue #13)", async () => {
    const file = path.join(dir, "bom.json");
    writeFileSync(file, `\uFEFF${JSON.stringify(goodTrace("a"), null, 2)}`);
    const read = await readTraceFile(file);
    expect(read.issues).toEqual([]);
    expect(read.traces).toHaveLength(1);
    const jsonl = path.join(dir, "bom.jsonl");
    writeFileSync(jsonl, `\uFEFF${JSON.stringify(goodTrace("a"))}\n`);
    expect((await readTraceFile(jsonl)).traces).toHaveLength(1);
  });

  it("any odd character before a document or a line gives one-line messages, naming it (issue #13)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("\u00A0x", "\u200B", "\uFFFE", "\u0000", "'", "\uD83D\uDE00"),
        fc.boolean(),
        async (lead, pretty) => {
          const file = path.join(dir, `odd${run++}.${pretty ? "json" : "jsonl"}`);
          writeFileSync(file, lead + JSON.stringify(goodTrace("a"), null, pretty ? 2 : 0));
          const read = await readTraceFile(file);
          expect(read.issues.length).toBeGreaterThan(0);
          for (const issue of read.issues) expect(issue.message).not.toMatch(/[\r\n]/);
        },
      ),
      fuzzOptions(40),
    );
  });

  it("a broken pretty-printed .json document names the line of the error", async () => {
    const file = path.join(dir, "pretty.json");
    const lines = JSON.stringify(goodTrace("a"), null, 2).split("\n");
    lines[2] = lines[2]!.replace(/,$/, ""); // drop the comma after episodeId: the parser stops on line 4
    writeFileSync(file, lines.join("\n"));
    const read = await readTraceFile(file);
    expect(read.traces).toEqual([]);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]!.file).toMatch(/pretty\.json:4$/);
    expect(read.issues[0]!.message).toMatch(/^invalid JSON: /);
  });

  it("mmcb score on a fuzzed file: exit 1, problems as file:line, the good traces still scored", async () => {
    const root = tempDir("mmcb-fuzz-score-");
    try {
      await writeFixtureScenario(path.join(root, "scenarios"), fixtureScenario("pry-lid"));
      const [lines] = fc.sample(fc.array(lineArb, { minLength: 6, maxLength: 10 }), {
        seed: fuzzOptions(1).seed,
        numRuns: 1,
      });
      const all: Line[] = [{ kind: "good" }, { kind: "text", text: "{not json" }, ...lines!, { kind: "good" }];
      const { text, goodLines } = render(all);
      writeFileSync(path.join(root, "t.jsonl"), text);
      const r = spawnSync(
        process.execPath,
        [path.join(ROOT, "cli", "mmcb.js"), "score", "--scenarios", "scenarios", "--trace", "t.jsonl", "--json"],
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, MMCB_DATA_DIR: path.join(root, ".data") },
        },
      );
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |\.ts:\d+:\d+/);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^t\.jsonl:2: invalid JSON/m);
      for (const line of r.stderr.trim().split("\n").slice(0, -1)) expect(line).toMatch(/^t\.jsonl:\d+(\[\d+\])?: \S/);
      const doc = JSON.parse(r.stdout) as { episodes: unknown[] };
      expect(doc.episodes.length).toBeGreaterThanOrEqual(2);
      expect(doc.episodes.length).toBeLessThanOrEqual(goodLines.length);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
