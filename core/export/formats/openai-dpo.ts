/**
 * `openai-dpo`: OpenAI's preference fine-tuning (DPO) JSONL. Each line is exactly
 * `{ input: { messages, tools, parallel_tool_calls }, preferred_output: [assistant], non_preferred_output:
 * [assistant] }` — the documented top-level keys and nothing else, so provenance goes to a parallel
 * side-car (`<split>.provenance.jsonl`, line n ↔ line n). OpenAI trains on one compared assistant turn,
 * which must be the last assistant message: each output holds exactly one assistant message, and the
 * context never ends with an assistant message. Chat format as in chat completions: tool-call `arguments`
 * are JSON text, results are `role: "tool"` messages with the call's id. OpenAI documents DPO for text
 * inputs, so images are text placeholders. Whole-trajectory pairs and SFT do not fit this format.
 */
import type { ChatMessage } from "../messages";
import { userText } from "../messages";
import { checkChat, checkKeys, declaredTools, isObject, lastRole, toolNames, type ExportFormat } from "./shared";

/** One neutral message as an OpenAI chat message. */
export function openAiMessage(m: ChatMessage): Record<string, unknown> {
  switch (m.role) {
    case "system":
      return { role: "system", content: m.content };
    case "user":
      return { role: "user", content: userText(m.content) };
    case "assistant":
      return {
        role: "assistant",
        ...(m.content !== null || m.toolCalls.length === 0 ? { content: m.content ?? "" } : {}),
        ...(m.toolCalls.length
          ? {
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: "function",
                function: { name: c.name, arguments: JSON.stringify(c.arguments) },
              })),
            }
          : {}),
      };
    case "tool":
      return { role: "tool", tool_call_id: m.toolCallId, content: m.content };
  }
}

const LEAD = ["system", "developer"];

export function validateOpenAiDpo(line: unknown, ctx: { kind: "pairs" | "sft" }): string[] {
  if (ctx.kind === "sft") return ["openai-dpo holds preference pairs only"];
  if (!isObject(line)) return ["line: expected a JSON object"];
  const problems = checkKeys(line, "line", ["input", "preferred_output", "non_preferred_output"]);
  const input = line.input;
  if (!isObject(input)) return [...problems, "input: expected an object"];
  problems.push(...checkKeys(input, "input", ["messages"], ["messages", "tools", "parallel_tool_calls"]));
  if (input.parallel_tool_calls !== undefined && typeof input.parallel_tool_calls !== "boolean")
    problems.push("input.parallel_tool_calls: expected true or false");
  const declared = toolNames(input.tools);
  if (input.tools !== undefined && !Array.isArray(input.tools)) problems.push("input.tools: expected a list of tools");
  const messages = input.messages;
  if (!Array.isArray(messages) || messages.length === 0)
    return [...problems, "input.messages: expected a non-empty array"];
  if (lastRole(messages) === "assistant")
    problems.push("input.messages: must not end with an assistant message (the compared turn is the output)");
  const opts = { argumentsAs: "string" as const, declared, leadRoles: LEAD };
  for (const side of ["preferred_output", "non_preferred_output"] as const) {
    const out = line[side];
    if (!Array.isArray(out) || out.length !== 1) {
      problems.push(`${side}: expected exactly one assistant message`);
      continue;
    }
    if (!isObject(out[0]) || out[0].role !== "assistant") problems.push(`${side}[0]: must be an assistant message`);
    problems.push(
      ...checkChat([...messages, ...out], `messages+${side}`, opts).map((p) =>
        p.replace(/^messages\+\w+\[(\d+)\]/, (_, n: string) =>
          Number(n) < messages.length ? `input.messages[${n}]` : `${side}[${Number(n) - messages.length}]`,
        ),
      ),
    );
  }
  return [...new Set(problems)];
}

export const openAiDpo: ExportFormat = {
  name: "openai-dpo",
  description: "OpenAI preference fine-tuning JSONL (input / preferred_output / non_preferred_output), text only",
  usesImages: false,
  multiMessageCompletions: false,
  supportsSft: false,
  pairBody: (pair) => {
    if (pair.chosen.length !== 1 || pair.rejected.length !== 1)
      throw new Error("openai-dpo compares exactly one assistant turn");
    return {
      input: { messages: pair.prompt.map(openAiMessage), tools: declaredTools(), parallel_tool_calls: true },
      preferred_output: pair.chosen.map(openAiMessage),
      non_preferred_output: pair.rejected.map(openAiMessage),
    };
  },
  sftBody: () => {
    throw new Error("openai-dpo holds preference pairs only");
  },
  withProvenance: (body, provenance) => ({ row: body, sidecar: provenance }),
  validate: (line, ctx) => validateOpenAiDpo(line, ctx),
};
