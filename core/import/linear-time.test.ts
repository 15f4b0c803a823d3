// Issue 13: `import creativitybench` was quadratic in the length of a description (100 k characters took 55 s,
// 2 MB did not finish in 120 s). The parser now scans in linear time; these tests pin both its speed and that
// it reads exactly what the old regular expressions read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticCreativityBenchTask } from "@/test/creativitybench-fixture";
import { FUZZ_SEED } from "@/test/fuzz/mutate";
import { attributesInEntry, attributesInProse, attributesInText, canonicalValueIn } from "./attribute-text";
import { importCreativityBenchDocument, nameKey, parseEntityParts, type CbPart } from "./creativitybench";
import { trimTrailing } from "./text-scan";

/** The parser as it was before issue 13 (regular expressions; quadratic on long runs), as the reference. */
function referenceParse(description: string, known: readonly string[] = []): CbPart[] {
  const HEADER = /([A-Za-z0-9][A-Za-z0-9_ /-]*?)(\s*\[gold part\])?\s*:\s*(?=(?:physical|state)\s*[—–-])/gi;
  const tidy = (text: string) => {
    const t = text
      .replace(/\s*\[gold part\]/gi, "")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[\s.;,]+$/, "");
    return t ? `${t}.` : "";
  };
  const headerName = (raw: string) => {
    const name = raw.trim();
    const key = nameKey(name);
    const suffix = known.find((k) => nameKey(k) && (key === nameKey(k) || key.endsWith(`_${nameKey(k)}`)));
    if (suffix) return suffix;
    if (/\s/.test(name) && name.includes("_")) return name.split(/\s+/).at(-1)!;
    return name;
  };
  const headers = [...description.matchAll(HEADER)];
  return headers.map((m, i) => {
    const body = description.slice(m.index + m[0].length, headers[i + 1]?.index ?? description.length);
    const split = /^\s*(?:physical\s*[—–-]+\s*([\s\S]*?))?(?:;?\s*state\s*[—–-]+\s*([\s\S]*))?$/i.exec(body);
    const key = headerName(m[1]!);
    return {
      key,
      name: key.replace(/_/g, " ").replace(/\s+/g, " ").trim(),
      physical: tidy(split ? (split[1] ?? "") : body),
      state: tidy(split?.[2] ?? ""),
      goldMarked: Boolean(m[2]),
    };
  });
}

const TOKENS = [
  "physical",
  "Physical",
  "state",
  "STATE",
  "restate",
  "—",
  "–",
  "-",
  ":",
  ";",
  ".",
  ",",
  " ",
  "   ",
  "\t",
  "\n",
  "\u00a0",
  "[gold part]",
  "[Gold Part]",
  "[gold",
  "]",
  "blade",
  "led_bulbs",
  "handle grip",
  "_",
  "/",
  "a",
  "9",
  "(",
  "é",
];
const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(""));
const knownNames = fc.array(fc.constantFrom("blade", "bulbs", "led_bulbs", "grip", "handle_grip", "", "a"), {
  maxLength: 4,
});

/** Milliseconds `run` takes. */
function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("reading CreativityBench text in linear time", () => {
  it("reads exactly the parts the old regular expressions read", () => {
    fc.assert(
      fc.property(soup, knownNames, (description, known) => {
        expect(parseEntityParts(description, known)).toEqual(referenceParse(description, known));
      }),
      { seed: FUZZ_SEED, numRuns: 3000 },
    );
  });

  it("trims trailing characters as /[…\\s]+$/ does", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(".", ";", ",", " ", "\n", "x", "\u3000"), { maxLength: 12 }), (chars) => {
        const text = chars.join("");
        expect(trimTrailing(text, ".;,", true)).toBe(text.replace(/[\s.;,]+$/, ""));
        expect(trimTrailing(text, ".;,")).toBe(text.replace(/[.;,]+$/, ""));
      }),
      { seed: FUZZ_SEED, numRuns: 500 },
    );
  });

  // 300 k characters of each shape that made the old parser slow: a long run of name characters or spaces
  // without a colon, and punctuation runs. The old code needed minutes for each; the new one milliseconds.
  const N = 300_000;
  const slowShapes: Record<string, string> = {
    words: `blade: physical — ${"a thin rigid blade ".repeat(N / 19)}; state — visible.`,
    letters: `blade: physical — ${"a".repeat(N)}; state — visible.`,
    spaces: `blade: physical — thin${" ".repeat(N)}; state — visible.`,
    dots: `blade: physical — thin${". ".repeat(N / 2)}x; state — visible.`,
    markers: `blade: physical — thin${" ".repeat(N)}x [gold part]; state — visible.`,
  };
  for (const [shape, description] of Object.entries(slowShapes)) {
    it(`parses a ${description.length}-character description of ${shape} in well under a second`, () => {
      let parts: CbPart[] = [];
      expect(timed(() => (parts = parseEntityParts(description)))).toBeLessThan(1000);
      expect(parts.map((p) => p.key)).toEqual(["blade"]);
      expect(parts[0]!.state).toBe("visible.");
      expect(timed(() => attributesInProse(parts[0]!.physical, parts[0]!.state))).toBeLessThan(1000);
    });
  }

  it("reads long annotation and solution text in linear time", () => {
    const spaces = " ".repeat(N);
    expect(timed(() => attributesInText(`thickness${spaces}thin`))).toBeLessThan(1000);
    expect(timed(() => attributesInText(`a${spaces}x`))).toBeLessThan(1000);
    expect(timed(() => canonicalValueIn("rigidity", `${";".repeat(N)}x`))).toBeLessThan(1000);
    expect(timed(() => attributesInEntry([`thickness: thin${",".repeat(N)}x`, "physical"]))).toBeLessThan(1000);
    const task = syntheticCreativityBenchTask({
      solution: { apply_affordance: `Lever it up.${" (Note: check)".repeat(N / 14)} and more` },
    });
    (task.golds as { gold_affordance: { affordance: string } }[])[0]!.gold_affordance.affordance =
      `pry a lid${spaces}x`;
    let result: ReturnType<typeof importCreativityBenchDocument> | undefined;
    expect(timed(() => (result = importCreativityBenchDocument([task])))).toBeLessThan(2000);
    expect(result!.scenarios).toHaveLength(1);
    expect(result!.scenarios[0]!.scenario.gold[0]!.howTo).toMatch(/^Lever it up\. \(Note: check\)/);
  });

  it("imports a task with a 2 MB description in under 2 s", () => {
    const task = syntheticCreativityBenchTask();
    const entities = task.entities as { description: string }[];
    const filler = "A thin, rigid stainless steel blade with a rounded tip, smooth and polished. ".repeat(27_000);
    entities[0]!.description = `handle: physical — A light wooden handle.; state — Visible. blade [gold part]: physical — ${filler}; state — Visible; dry.`;
    expect(entities[0]!.description.length).toBeGreaterThan(2_000_000);
    let result: ReturnType<typeof importCreativityBenchDocument> | undefined;
    expect(timed(() => (result = importCreativityBenchDocument([task])))).toBeLessThan(2000);
    expect(result!.problems).toEqual([]);
    const blade = result!.scenarios[0]!.scenario.entities.find((e) => e.id === "butter-knife-4")!.parts[1]!;
    expect(blade.id).toBe("blade");
    expect(blade.description.length).toBeGreaterThan(2_000_000);
  });

  it("gives many parts of one name distinct ids in linear time, and refuses more parts than a card can show", () => {
    const task = syntheticCreativityBenchTask();
    const entities = task.entities as { description: string }[];
    entities[1]!.description = "grip: physical — Soft.; state — Visible. ".repeat(400);
    let result: ReturnType<typeof importCreativityBenchDocument> | undefined;
    expect(timed(() => (result = importCreativityBenchDocument([task])))).toBeLessThan(2000);
    const trowel = result!.scenarios[0]!.scenario.entities.find((e) => e.id === "garden-trowel-2")!;
    expect(trowel.parts.map((p) => p.id).slice(0, 3)).toEqual(["grip", "grip-2", "grip-3"]);
    const ids = trowel.parts.map((p) => p.id);
    expect(ids.filter((id) => /^grip(?:-\d+)?$/.test(id))).toHaveLength(400);
    expect(new Set(ids).size).toBe(ids.length);

    entities[1]!.description = "grip: physical — Soft.; state — Visible. ".repeat(30_000);
    expect(timed(() => (result = importCreativityBenchDocument([task])))).toBeLessThan(2000);
    expect(result!.problems).toEqual([
      expect.objectContaining({
        message: 'entity "garden trowel 2" has 30001 parts, more than an entity card can show',
      }),
    ]);
  });
});
