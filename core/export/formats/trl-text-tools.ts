/**
 * `trl-text-tools`: TRL's conversational preference format with tool calling, for text models. Columns
 * `prompt`, `chosen`, `rejected` (pairs) or `messages` (SFT), `tools` (the function definitions, as
 * transformers chat templates take them) and `metadata` (provenance). Messages are OpenAI-style: the
 * assistant carries `tool_calls` (`{id, type: "function", function: {name, arguments}}`, arguments an
 * object as chat templates expect), results come back as `role: "tool"` messages with the call's id.
 * Images become text placeholders (`[image of part coin/edge]`).
 */
import type { ChatMessage } from "../messages";
import { userText } from "../messages";
import { checkChat, checkKeys, isObject, lastRole, templateTools, toolNames, type ExportFormat } from "./shared";

/** One neutral message as a TRL chat message. */
export function trlTextMessage(m: ChatMessage): Record<string, unknown> {
  switch (m.role) {
    case "system":
      return { role: "system", content: m.content };
    case "user":
      return { role: "user", content: userText(m.content) };
    case "assistant":
      return {
        role: "assistant",
        content: m.content ?? "",
        ...(m.toolCalls.length
          ? {
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: "function",
                function: { name: c.name, arguments: c.arguments },
              })),
            }
          : {}),
      };
    case "tool":
      return { role: "tool", tool_call_id: m.toolCallId, name: m.name, content: m.content };
  }
}

const LEAD = ["system"];

export function validateTrlTextTools(line: unknown, ctx: { kind: "pairs" | "sft" }): string[] {
  if (!isObject(line)) return ["line: expected a JSON object"];
  const problems: string[] = [];
  const declared = toolNames(line.tools);
  if (!Array.isArray(line.tools) || declared.size === 0)
    problems.push("tools: expected a non-empty list of function definitions");
  if (!isObject(line.metadata)) problems.push("metadata: expected the provenance object");
  const opts = { argumentsAs: "object" as const, declared, leadRoles: LEAD };
  if (ctx.kind === "sft") {
    problems.push(...checkKeys(line, "line", ["messages", "tools", "metadata"]));
    problems.push(...checkChat(line.messages, "messages", opts));
    if (lastRole(line.messages) !== "assistant") problems.push("messages: must end with an assistant message");
    return problems;
  }
  problems.push(...checkKeys(line, "line", ["prompt", "chosen", "rejected", "tools", "metadata"]));
  if (!Array.isArray(line.prompt)) return [...problems, "prompt: expected an array of messages"];
  const promptEnd = lastRole(line.prompt);
  if (promptEnd !== "user" && promptEnd !== "tool") problems.push("prompt: must end with a user or tool message");
  for (const side of ["chosen", "rejected"] as const) {
    const list = line[side];
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`${side}: expected a non-empty array of messages`);
      continue;
    }
    if (!isObject(list[0]) || list[0].role !== "assistant")
      problems.push(`${side}: must start with the assistant's turn`);
    if (lastRole(list) !== "assistant")
      problems.push(`${side}: the compared turn must be the last message (assistant)`);
    problems.push(
      ...checkChat([...line.prompt, ...list], `prompt+${side}`, opts).map((p) =>
        p.replace(/^prompt\+\w+\[(\d+)\]/, (_, n: string) => {
          const i = Number(n);
          const promptLength = (line.prompt as unknown[]).length;
          return i < promptLength ? `prompt[${i}]` : `${side}[${i - promptLength}]`;
        }),
      ),
    );
  }
  return [...new Set(problems)];
}

export const trlTextTools: ExportFormat = {
  name: "trl-text-tools",
  description: "TRL conversational preference/SFT rows with tools, tool_calls and role:tool messages (text only)",
  usesImages: false,
  multiMessageCompletions: true,
  supportsSft: true,
  pairBody: (pair) => ({
    prompt: pair.prompt.map(trlTextMessage),
    chosen: pair.chosen.map(trlTextMessage),
    rejected: pair.rejected.map(trlTextMessage),
    tools: templateTools(),
  }),
  sftBody: (record) => ({ messages: record.messages.map(trlTextMessage), tools: templateTools() }),
  withProvenance: (body, provenance) => ({ row: { ...body, metadata: provenance }, sidecar: null }),
  validate: (line, ctx) => validateTrlTextTools(line, ctx),
};
