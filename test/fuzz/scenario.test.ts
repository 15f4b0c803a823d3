// Fuzzed scenario documents (issue #8): arbitrary JSON and mutations of the real bundled scenarios go
// through the validator, which must never throw and must name the file, a JSON path inside the document
// and what is wrong; a few mutated folders go through `mmcb scenarios validate` (exit 1, one line per
// problem, no stack trace).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "@/core/errors";
import {
  validateScenarioDocument,
  validateScenarioText,
  type ImageProbe,
  type ValidationResult,
} from "@/core/scenario";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import {
  applyMutation,
  fuzzOptions,
  issueProblems,
  mutationArb,
  parseIssuePath,
  pathPointsInto,
  type Mutation,
} from "./mutate";

const ROOT = path.resolve(__dirname, "..", "..");
const SCENARIOS = path.join(ROOT, "scenarios");
const FILE = "scenarios/x/scenario.json";

const bundled = readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .map((name) => JSON.parse(readFileSync(path.join(SCENARIOS, name, "scenario.json"), "utf8")) as unknown);

/** Every image exists with the size the scene declares (so image checks run without disk access). */
function probeFor(doc: unknown): (file: string) => ImageProbe {
  const scene = (doc as { scene?: { width?: unknown; height?: unknown } } | null)?.scene;
  const width = typeof scene?.width === "number" && scene.width > 0 ? scene.width : 100;
  const height = typeof scene?.height === "number" && scene.height > 0 ? scene.height : 100;
  return (file) => (file.includes("missing") ? { status: "missing" } : { status: "ok", width, height });
}

function validate(doc: unknown): ValidationResult {
  return validateScenarioDocument(doc, { file: FILE, probeImage: probeFor(doc) });
}

function expectWellFormed(result: ValidationResult, doc: unknown): void {
  expect(Array.isArray(result.issues)).toBe(true);
  if (result.scenario === null) expect(result.issues.length).toBeGreaterThan(0);
  else expect(result.issues).toEqual([]);
  expect(issueProblems(result.issues, FILE)).toEqual([]);
  for (const issue of result.issues) {
    expect(() => formatIssue(issue)).not.toThrow();
    expect(pathPointsInto(doc, parseIssuePath(issue.path)), `${issue.path} is not in the document`).toBe(true);
  }
}

describe("scenario validator under fuzzing", () => {
  it("every bundled scenario is valid as it stands (the mutations start from good documents)", () => {
    expect(bundled.length).toBeGreaterThan(10);
    for (const doc of bundled) expect(validate(doc).issues).toEqual([]);
  });

  it("arbitrary JSON values: never throws, always precise issues", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => {
        const result = validate(doc);
        expectWellFormed(result, doc);
        expect(result.scenario).toBeNull();
      }),
      fuzzOptions(300),
    );
  });

  it("1–4 mutations of a bundled scenario (delete, retype, duplicate, unicode, huge numbers, NaN)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bundled.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        (index, mutations: Mutation[]) => {
          const doc = mutations.reduce<unknown>((d, m) => applyMutation(d, m), bundled[index]);
          expectWellFormed(validate(doc), doc);
        },
      ),
      fuzzOptions(600),
    );
  });

  it("NaN and infinite coordinates in any region are reported at that region", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bundled.length - 1 }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.nat(),
        (index, bad, pick) => {
          const doc = structuredClone(bundled[index]) as {
            entities: { region: { box?: number[]; polygon?: number[][] } }[];
          };
          const entity = pick % doc.entities.length;
          const region = doc.entities[entity]!.region;
          if (region.box) region.box[pick % 4] = bad;
          else region.polygon![pick % region.polygon!.length]![pick % 2] = bad;
          const result = validate(doc);
          expect(result.scenario).toBeNull();
          expect(result.issues.some((i) => i.path.startsWith(`entities[${entity}].region`))).toBe(true);
        },
      ),
      fuzzOptions(60),
    );
  });

  it("a JSON key __proto__ does not pollute Object.prototype", () => {
    const text = JSON.stringify(bundled[0]).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const result = validateScenarioText(text, { file: FILE });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.issues.map(formatIssue).join("\n")).toMatch(/unknown field "__proto__"|__proto__/);
  });

  it("corrupted scenario.json text: invalid JSON is reported with a line and column", () => {
    const text = JSON.stringify(bundled[0], null, 2);
    fc.assert(
      fc.property(
        fc.nat({ max: text.length - 1 }),
        fc.constantFrom("{", "}", ",", '"', "]", "\u0000", "NaN", "'", "\\"),
        (at, insert) => {
          const broken = text.slice(0, at) + insert + text.slice(at);
          const result = validateScenarioText(broken, { file: FILE });
          expect(issueProblems(result.issues, FILE)).toEqual([]);
          let parses = true;
          try {
            JSON.parse(broken);
          } catch {
            parses = false;
          }
          if (!parses) {
            expect(result.issues).toHaveLength(1);
            expect(result.issues[0]!.message).toMatch(/^invalid JSON( at line \d+, column \d+)?:/);
          }
        },
      ),
      fuzzOptions(200),
    );
  });

  it("arbitrary text never throws, and every message is one line (issue #13)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const result = validateScenarioText(text, { file: FILE });
        expect(result.issues.length).toBeGreaterThan(0);
        expect(issueProblems(result.issues, FILE)).toEqual([]);
        for (const issue of result.issues) expect(formatIssue(issue)).not.toMatch(/[\r\n\u2028\u2029]/);
      }),
      fuzzOptions(300),
    );
  });

  it("a byte-order mark, or an odd first character, before a bundled scenario: one line (issue #13)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bundled.length - 1 }),
        fc.constantFrom("\uFEFF", "\u00A0", "\u200B", "\uFFFE", "\u0000", "x", "\uD83D\uDE00"),
        fc.boolean(),
        (index, lead, pretty) => {
          const text = lead + JSON.stringify(bundled[index], null, pretty ? 2 : 0);
          const result = validateScenarioText(text, { file: FILE });
          expect(result.issues).toHaveLength(1);
          const line = formatIssue(result.issues[0]!);
          expect(line).not.toMatch(/[\r\n]/);
          if (lead !== "x") expect(line).not.toContain(lead); // invisible characters are named, not printed
          if (lead === "\uFEFF") expect(line).toContain("byte-order mark");
        },
      ),
      fuzzOptions(100),
    );
  });
});

describe("mmcb scenarios validate on fuzzed folders", () => {
  let root: string;
  beforeAll(async () => {
    root = tempDir("mmcb-fuzz-cli-");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("three seeded batches of mutated scenarios: exit 1, one `file: path: message` line per problem, no stack", async () => {
    // A few CLI runs only (each one starts Node and sharp): 3 folders × 4 mutated scenarios.
    const batches = fc.sample(
      fc.array(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
      {
        seed: fuzzOptions(1).seed,
        numRuns: 3,
      },
    );
    for (const [b, batch] of batches.entries()) {
      const dir = path.join(root, `batch-${b}`);
      let broken = 0;
      for (const [i, mutations] of batch.entries()) {
        const id = `fuzz-${b}-${i}`;
        const folder = await writeFixtureScenario(dir, fixtureScenario(id));
        const doc = mutations.reduce<unknown>((d, m) => applyMutation(d, m), fixtureScenario(id));
        writeFileSync(path.join(folder, "scenario.json"), JSON.stringify(doc, null, 2) ?? "");
        if (validateScenarioDocument(doc, { file: "x", folderName: id }).scenario === null) broken++;
      }
      const r = spawnSync(process.execPath, [path.join(ROOT, "cli", "mmcb.js"), "scenarios", "validate", dir], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, MMCB_DATA_DIR: path.join(root, ".data") },
      });
      const output = r.stdout + r.stderr;
      expect(output).not.toMatch(/\n\s+at |\.ts:\d+:\d+/);
      expect(r.stderr).toMatch(/4 scenarios checked: \d+ valid, \d+ invalid/);
      if (broken === 0) continue;
      expect(r.status, output).toBe(1);
      const lines = r.stdout.trim().split("\n");
      expect(lines.length).toBeGreaterThanOrEqual(broken);
      for (const line of lines) expect(line).toMatch(/^batch-\d\/fuzz-\d-\d\/scenario\.json: (\S+: )?\S.*$/);
    }
  }, 120_000);
});
