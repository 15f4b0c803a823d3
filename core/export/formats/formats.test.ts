import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ImageRef } from "../../engine";
import { imageKey, type PreferencePair, type SftRecord } from "../messages";
import { sftRecord } from "../sft";
import { call, oracleTurns, parcelScenario, play } from "../test-fixtures";
import { trajectoryPair } from "../trajectory-pairs";
import { turnPairs } from "../turn-pairs";
import { FORMATS, type ExportFormat, type FormatName } from "./index";

const scenario = parcelScenario();
const wandering = [
  [call.entity("spoon")],
  [call.part("spoon", "bowl"), call.assess("spoon", "bowl", true, [["shape", "flat"]])],
  [{ tool: "teleport", args: {} }],
  [call.entity("key")],
  [call.submit("spoon", "handle", [["shape", "round"]])],
];
const ep = (turns: typeof wandering, id: string) => play(scenario, turns, { episodeId: id, imageHistory: "all" });
const a = ep(oracleTurns(), "a");
const b = ep(wandering, "b");
const turnLevel: PreferencePair[] = [
  ...turnPairs({ scenario, scenarioHash: "h", runId: "r", trace: b.trace }, { negatives: "normal", seed: 1 }).pairs,
  ...turnPairs({ scenario, scenarioHash: "h", runId: "r", trace: b.trace }, { negatives: "hard", seed: 1 }).pairs,
  ...turnPairs({ scenario, scenarioHash: "h", runId: "r", trace: a.trace }, { negatives: "hard", seed: 1 }).pairs,
];
const whole = trajectoryPair(
  scenario,
  "h",
  { ...a, runId: "r" },
  { ...b, runId: "r" },
  { source: "trajectory", reasons: ["wrong_answer"] },
)!;
const sft: SftRecord = sftRecord(scenario, "h", { ...a, runId: "r" }, "trajectory");

const pathOf = (ref: ImageRef) => `images/${createHash("sha256").update(imageKey(ref)).digest("hex")}.png`;
const files = new Set<string>();
const ctx = {
  imagePath: (ref: ImageRef) => {
    files.add(pathOf(ref));
    return pathOf(ref);
  },
};
const exists = (p: string) => files.has(p);

function linesOf(format: ExportFormat, pairs: readonly PreferencePair[]): Record<string, unknown>[] {
  return pairs.map((p) => {
    const { row, sidecar } = format.withProvenance(format.pairBody(p, ctx), { id: "x", ...p.provenance });
    return sidecar ? { ...row } : row;
  });
}
/** A JSON round trip, as a line read back from a file. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("every format's validator accepts what mmcb writes", () => {
  it.each(["trl-vision", "trl-text-tools", "openai-dpo"] as FormatName[])("%s, turn-level pairs", (name) => {
    const format = FORMATS[name];
    const lines = linesOf(format, turnLevel);
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) expect(format.validate(copy(line), { kind: "pairs", fileExists: exists })).toEqual([]);
  });

  it.each(["trl-vision", "trl-text-tools"] as FormatName[])("%s, trajectory pairs and SFT", (name) => {
    const format = FORMATS[name];
    const [line] = linesOf(format, [whole]);
    expect(format.validate(copy(line), { kind: "pairs", fileExists: exists })).toEqual([]);
    const { row } = format.withProvenance(format.sftBody(sft, ctx), { id: "y", ...sft.provenance });
    expect(format.validate(copy(row), { kind: "sft", fileExists: exists })).toEqual([]);
  });

  it("openai-dpo refuses what it cannot hold", () => {
    expect(() => FORMATS["openai-dpo"].pairBody(whole, ctx)).toThrow(/exactly one assistant turn/);
    expect(() => FORMATS["openai-dpo"].sftBody(sft, ctx)).toThrow(/pairs only/);
  });
});

// ------------------------------------------------------------------------------------------ trl-vision

describe("trl-vision", () => {
  const format = FORMATS["trl-vision"];
  const good = () =>
    copy(linesOf(format, [turnLevel.find((p) => p.provenance.turn === 3)!])[0]!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const problems = (line: unknown, fileExists = exists) => format.validate(line, { kind: "pairs", fileExists });

  it("writes the prompt's images as {type: image} placeholders matching the images list, and tool turns as text", () => {
    const line = good();
    const placeholders = JSON.stringify(line.prompt).match(/\{"type":"image"\}/g) ?? [];
    expect(placeholders.length).toBe(line.images.length);
    expect(line.images.length).toBeGreaterThan(0);
    expect(JSON.stringify(line.prompt)).toContain("<tool_call>");
    expect(JSON.stringify(line.prompt)).toContain("<tool_response>");
    expect(line.prompt[0].content[0].text).toContain("<tools>");
    expect(line.chosen[0].content[0].text).toMatch(/^<tool_call>\n\{"name":/);
    expect(line.metadata.source).toBe("guided");
  });

  it("rejects an images list that does not match the placeholders", () => {
    const line = good();
    line.images.push(line.images[0]);
    expect(problems(line)).toContainEqual(expect.stringMatching(/^images: \d+ paths for \d+ image placeholders?$/));
  });
  it("rejects an image reference that does not resolve to a file", () => {
    expect(problems(good(), () => false)).toContainEqual(
      expect.stringMatching(/^images\[0\]: images\/[0-9a-f]{64}\.png does not exist$/),
    );
  });
  it("rejects an image path outside images/", () => {
    const line = good();
    line.images[0] = "../etc/passwd";
    expect(problems(line)).toContainEqual("images[0]: expected a path like images/<sha256>.png");
  });
  it("rejects roles out of order", () => {
    const line = good();
    line.prompt.splice(2, 0, { role: "user", content: [{ type: "text", text: "again" }] });
    expect(problems(line)).toContainEqual(expect.stringMatching(/^prompt\[2\]: expected an assistant message/));
  });
  it("rejects a tool role (tool turns must be flattened)", () => {
    const line = good();
    line.prompt[2].role = "tool";
    expect(problems(line)).toContainEqual(
      expect.stringMatching(/^prompt\[2\]: role must be system, user or assistant/),
    );
  });
  it("rejects a compared turn that is not the last message", () => {
    const line = good();
    line.chosen.push({ role: "user", content: [{ type: "text", text: "more" }] });
    expect(problems(line)).toContain("chosen: the compared turn must be the last message (assistant)");
  });
  it("rejects a call of an undeclared tool", () => {
    const line = good();
    line.chosen[0].content[0].text = '<tool_call>\n{"name":"teleport","arguments":{}}\n</tool_call>';
    expect(problems(line)).toContain('chosen[0].content[0]: tool "teleport" is not declared in the system prompt');
  });
  it("rejects arguments that do not parse", () => {
    const line = good();
    line.rejected[0].content[0].text =
      '<tool_call>\n{"name":"inspect_part","arguments":{"entity_id":"key"}}\n</tool_call>';
    expect(problems(line)).toContain("rejected[0].content[0]: invalid arguments for inspect_part: part_id: missing");
    line.rejected[0].content[0].text = "<tool_call>\n{not json\n</tool_call>";
    expect(problems(line)).toContain("rejected[0].content[0]: a <tool_call> block is not valid JSON");
  });
  it("rejects an image inside a compared side", () => {
    const line = good();
    line.chosen[0].content.push({ type: "image" });
    expect(problems(line)).toContain("chosen[0].content[1]: image parts belong in user messages of the prompt");
  });
  it("rejects a line without provenance or with extra columns", () => {
    const line = good();
    delete line.metadata;
    line.extra = 1;
    expect(problems(line)).toEqual(
      expect.arrayContaining(["metadata: expected the provenance object", 'line: unexpected key "extra"']),
    );
  });
  it("rejects a system prompt without tool declarations", () => {
    const line = good();
    line.prompt[0].content[0].text = "no tools";
    expect(problems(line)).toContain("prompt[0]: a system message declaring the tools in a <tools> block is required");
  });
});

// -------------------------------------------------------------------------------------- trl-text-tools

describe("trl-text-tools", () => {
  const format = FORMATS["trl-text-tools"];
  const good = () =>
    copy(linesOf(format, [turnLevel.find((p) => p.provenance.turn === 3)!])[0]!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const problems = (line: unknown) => format.validate(line, { kind: "pairs" });
  const firstTool = (line: Record<string, any>) => line.prompt.findIndex((m: { role: string }) => m.role === "tool"); // eslint-disable-line @typescript-eslint/no-explicit-any

  it("writes tool_calls with object arguments and role:tool messages, images as text", () => {
    const line = good();
    const assistant = line.prompt.find((m: { tool_calls?: unknown }) => m.tool_calls);
    expect(assistant.tool_calls[0]).toMatchObject({
      id: "call_1_0",
      type: "function",
      function: { name: "inspect_entity", arguments: { entity_id: "spoon" } },
    });
    expect(line.prompt[firstTool(line)]).toMatchObject({
      role: "tool",
      tool_call_id: "call_1_0",
      name: "inspect_entity",
    });
    expect(JSON.stringify(line)).not.toContain('"type":"image"');
    expect(line.tools.map((t: { function: { name: string } }) => t.function.name)).toContain("assess_part");
  });

  it("rejects a tool message whose id answers no call", () => {
    const line = good();
    line.prompt[firstTool(line)].tool_call_id = "call_9_9";
    expect(problems(line)).toContainEqual(expect.stringMatching(/tool_call_id "call_9_9" answers no pending call/));
  });
  it("rejects a tool message that does not follow an assistant message", () => {
    const line = good();
    const [tool] = line.prompt.splice(firstTool(line), 1);
    line.prompt.splice(2, 0, tool);
    expect(problems(line).join("\n")).toMatch(/answers no pending call|got no tool message/);
  });
  it("rejects a tool call that gets no tool message before the conversation moves on", () => {
    const line = good();
    line.prompt.splice(firstTool(line), 1);
    expect(problems(line)).toContainEqual(expect.stringMatching(/tool call call_1_0 got no tool message/));
  });
  it("rejects a call of an undeclared tool", () => {
    const line = good();
    line.tools = line.tools.filter((t: { function: { name: string } }) => t.function.name !== "assess_part");
    expect(problems(line)).toContainEqual(
      expect.stringMatching(/tool "assess_part" is not declared in the record's tools/),
    );
  });
  it("rejects arguments that do not parse", () => {
    const line = good();
    line.chosen[0].tool_calls[0].function.arguments = { bogus: 1 };
    expect(problems(line)).toContainEqual(
      expect.stringMatching(/^chosen\[0\]\.tool_calls\[0\]: invalid arguments for \w+/),
    );
    line.chosen[0].tool_calls[0].function.arguments = '{"entity_id":"spoon"}';
    expect(problems(line)).toContain("chosen[0].tool_calls[0]: arguments must be an object");
  });
  it("rejects a compared turn that is not the last message", () => {
    const line = good();
    line.rejected.push({ role: "tool", tool_call_id: line.rejected[0].tool_calls[0].id, name: "x", content: "ok" });
    expect(problems(line)).toContain("rejected: the compared turn must be the last message (assistant)");
  });
  it("rejects a prompt that ends with the assistant", () => {
    const line = good();
    line.prompt.push({ role: "assistant", content: "thinking" });
    expect(problems(line)).toContain("prompt: must end with a user or tool message");
  });
  it("rejects a system message after the conversation started", () => {
    const line = good();
    line.prompt.splice(3, 0, { role: "system", content: "late" });
    expect(problems(line)).toContainEqual(expect.stringMatching(/a system message may only open the conversation/));
  });
});

// ------------------------------------------------------------------------------------------- openai-dpo

describe("openai-dpo", () => {
  const format = FORMATS["openai-dpo"];
  const pair = turnLevel.find((p) => p.provenance.turn === 3)!;
  const good = () => copy(format.pairBody(pair, ctx)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const problems = (line: unknown) => format.validate(line, { kind: "pairs" });

  it("writes exactly the documented keys, JSON-text arguments, and provenance in a side-car", () => {
    const { row, sidecar } = format.withProvenance(format.pairBody(pair, ctx), { id: "p", ...pair.provenance });
    expect(Object.keys(row).sort()).toEqual(["input", "non_preferred_output", "preferred_output"]);
    expect(Object.keys(row.input as object).sort()).toEqual(["messages", "parallel_tool_calls", "tools"]);
    expect(sidecar).toMatchObject({ id: "p", source: "guided", turn: 3 });
    const line = good();
    expect(typeof line.preferred_output[0].tool_calls[0].function.arguments).toBe("string");
    expect(line.input.tools[0]).toMatchObject({ type: "function", function: { strict: true } });
  });

  it("rejects extra top-level keys (provenance belongs in the side-car)", () => {
    const line = good();
    line.metadata = {};
    expect(problems(line)).toContain('line: unexpected key "metadata"');
  });
  it("rejects more than one compared message", () => {
    const line = good();
    line.preferred_output.push(line.preferred_output[0]);
    expect(problems(line)).toContain("preferred_output: expected exactly one assistant message");
  });
  it("rejects a compared message that is not the assistant's", () => {
    const line = good();
    line.non_preferred_output[0].role = "user";
    expect(problems(line)).toContain("non_preferred_output[0]: must be an assistant message");
  });
  it("rejects a context that ends with an assistant message", () => {
    const line = good();
    line.input.messages.push({ role: "assistant", content: "x" });
    expect(problems(line)).toContain(
      "input.messages: must not end with an assistant message (the compared turn is the output)",
    );
  });
  it("rejects arguments that are not JSON text", () => {
    const line = good();
    line.preferred_output[0].tool_calls[0].function.arguments = "{oops";
    expect(problems(line)).toContain("preferred_output[0].tool_calls[0]: arguments are not valid JSON");
  });
  it("rejects a call of an undeclared tool", () => {
    const line = good();
    line.preferred_output[0].tool_calls[0].function.name = "teleport";
    expect(problems(line)).toContain(
      'preferred_output[0].tool_calls[0]: tool "teleport" is not declared in the record\'s tools',
    );
  });
  it("rejects a tool message with a foreign id", () => {
    const line = good();
    const i = line.input.messages.findIndex((m: { role: string }) => m.role === "tool");
    line.input.messages[i].tool_call_id = "nope";
    expect(problems(line)).toContainEqual(
      expect.stringMatching(new RegExp(`^input\\.messages\\[${i}\\]: tool_call_id "nope" answers no pending call`)),
    );
  });
  it("rejects an assistant speaking first", () => {
    const line = good();
    line.input.messages.splice(1, 1);
    expect(problems(line)).toContainEqual(expect.stringMatching(/must open with a user message/));
  });
});
