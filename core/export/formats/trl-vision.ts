/**
 * `trl-vision`: TRL's vision-language preference format. Columns `images` (paths relative to the export
 * folder, `images/<sha256>.<ext>`, in order of the image placeholders), `prompt`, `chosen`, `rejected`
 * (pairs) or `messages` (SFT), and `metadata` (provenance). Every message's content is a list of parts,
 * `{type: "image"}` or `{type: "text", text}`. Vision chat processors take no tool messages, so tool
 * turns are flattened to text the way Hermes/Qwen templates render them: the system prompt declares the
 * tools in a `<tools>` block, the assistant writes `<tool_call>{"name", "arguments"}</tool_call>`, and the
 * results come back in the next user message as `<tool_response>…</tool_response>` followed by the
 * images. In pairs, images appear in the prompt only; images inside a compared side become text.
 */
import { parseToolCall, TOOL_NAMES } from "../../tools";
import type { ChatMessage, ContentPart } from "../messages";
import { describeImage, textParts } from "../messages";
import { checkKeys, isObject, lastRole, templateTools, type ExportFormat, type FormatContext } from "./shared";

type Part = { type: "image" } | { type: "text"; text: string };
type VisionMessage = { role: "system" | "user" | "assistant"; content: Part[] };

let lastSystem: { prompt: string; text: string } | null = null;

/** The system prompt with the tool declarations appended. */
export function systemWithTools(systemPrompt: string): string {
  if (lastSystem?.prompt === systemPrompt) return lastSystem.text;
  const text = [
    systemPrompt,
    "",
    "# Tools",
    "",
    "You may call one or more functions. The functions, as JSON schemas:",
    "<tools>",
    ...templateTools().map((t) => JSON.stringify(t)),
    "</tools>",
    "",
    "For each call, write a JSON object with the function name and its arguments inside <tool_call></tool_call> tags:",
    "<tool_call>",
    '{"name": <function-name>, "arguments": <arguments-object>}',
    "</tool_call>",
  ].join("\n");
  lastSystem = { prompt: systemPrompt, text };
  return text;
}

const TAG = /<\/?tool_(call|response)>/g;
/** Free text never contains the markup (so a parser cannot mistake it for a call). */
const clean = (text: string) => text.replace(TAG, (m) => m.replace("<", "[").replace(">", "]"));

/** A tool call as text. */
export function toolCallText(name: string, args: unknown): string {
  return `<tool_call>\n${JSON.stringify({ name, arguments: args })}\n</tool_call>`;
}

/**
 * Flattens neutral messages to vision messages. `withImages`: image parts stay images (collected into
 * `images` through `ctx`); otherwise they become text placeholders.
 */
function flatten(
  messages: readonly ChatMessage[],
  ctx: FormatContext,
  withImages: boolean,
  images: string[],
): VisionMessage[] {
  const out: VisionMessage[] = [];
  let pending: Part[] = []; // tool responses waiting for the next user message
  const flush = () => {
    if (pending.length) out.push({ role: "user", content: pending });
    pending = [];
  };
  const part = (p: ContentPart): Part => {
    if (p.type === "text") return { type: "text", text: clean(p.text) };
    if (!withImages) return { type: "text", text: `[image of ${describeImage(p.ref)}]` };
    images.push(ctx.imagePath(p.ref));
    return { type: "image" };
  };
  for (const m of messages) {
    switch (m.role) {
      case "system":
        out.push({ role: "system", content: [{ type: "text", text: systemWithTools(m.content) }] });
        break;
      case "user":
        out.push({ role: "user", content: [...pending, ...(withImages ? m.content : textParts(m.content)).map(part)] });
        pending = [];
        break;
      case "assistant": {
        flush();
        const lines = [
          ...(m.content ? [clean(m.content)] : []),
          ...m.toolCalls.map((c) => toolCallText(c.name, c.arguments)),
        ];
        out.push({ role: "assistant", content: [{ type: "text", text: lines.join("\n") }] });
        break;
      }
      case "tool":
        pending.push({ type: "text", text: `<tool_response>\n${clean(m.content)}\n</tool_response>` });
        break;
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------- checks

const IMAGE_PATH = /^images\/[0-9a-f]{64}\.(png|jpg|webp)$/;

function declaredIn(system: unknown): Set<string> | null {
  if (!isObject(system) || system.role !== "system" || !Array.isArray(system.content)) return null;
  const text = system.content.map((p) => (isObject(p) && typeof p.text === "string" ? p.text : "")).join("\n");
  const block = /<tools>\n([\s\S]*?)\n<\/tools>/.exec(text);
  if (!block) return null;
  const names = new Set<string>();
  for (const line of block[1]!.split("\n")) {
    try {
      const t = JSON.parse(line) as { function?: { name?: unknown } };
      if (typeof t.function?.name === "string") names.add(t.function.name);
    } catch {
      // not a declaration line
    }
  }
  return names;
}

function checkMessages(
  list: unknown,
  where: string,
  declared: ReadonlySet<string>,
  allowImages: boolean,
): { problems: string[]; images: number } {
  if (!Array.isArray(list)) return { problems: [`${where}: expected an array of messages`], images: 0 };
  const problems: string[] = [];
  let images = 0;
  list.forEach((m, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(m)) return void problems.push(`${at}: expected a message object`);
    problems.push(...checkKeys(m, at, ["role", "content"]));
    if (m.role !== "system" && m.role !== "user" && m.role !== "assistant")
      problems.push(
        `${at}: role must be system, user or assistant (tool turns are flattened to text), got ${JSON.stringify(m.role)}`,
      );
    if (!Array.isArray(m.content) || m.content.length === 0)
      return void problems.push(`${at}: content must be a non-empty list of parts`);
    m.content.forEach((p, j) => {
      const pat = `${at}.content[${j}]`;
      if (!isObject(p)) return void problems.push(`${pat}: expected a part object`);
      if (p.type === "image") {
        problems.push(...checkKeys(p, pat, ["type"]));
        if (!allowImages || m.role !== "user")
          problems.push(`${pat}: image parts belong in user messages of the prompt`);
        images++;
      } else if (p.type === "text") {
        problems.push(...checkKeys(p, pat, ["type", "text"]));
        if (typeof p.text !== "string") problems.push(`${pat}: text must be a string`);
        else if (m.role === "assistant") problems.push(...checkToolCallText(p.text, declared, pat));
      } else problems.push(`${pat}: part type must be "image" or "text"`);
    });
  });
  return { problems, images };
}

/** Every `<tool_call>` block of an assistant text must name a declared tool with arguments that parse. */
function checkToolCallText(text: string, declared: ReadonlySet<string>, where: string): string[] {
  const problems: string[] = [];
  const opens = (text.match(/<tool_call>/g) ?? []).length;
  const closes = (text.match(/<\/tool_call>/g) ?? []).length;
  if (opens !== closes) problems.push(`${where}: unbalanced <tool_call> tags`);
  for (const match of text.matchAll(/<tool_call>\n?([\s\S]*?)\n?<\/tool_call>/g)) {
    let call: unknown;
    try {
      call = JSON.parse(match[1]!);
    } catch {
      problems.push(`${where}: a <tool_call> block is not valid JSON`);
      continue;
    }
    if (!isObject(call) || typeof call.name !== "string") {
      problems.push(`${where}: a <tool_call> block has no function name`);
      continue;
    }
    if (!declared.has(call.name)) {
      problems.push(`${where}: tool "${call.name}" is not declared in the system prompt`);
      continue;
    }
    const parsed = parseToolCall(call.name, call.arguments);
    if (!parsed.ok) problems.push(`${where}: ${parsed.error}`);
  }
  return problems;
}

/** Roles in order: optional system first, then user and assistant alternating. */
function checkAlternation(list: unknown[], where: string, first: "user" | "assistant"): string[] {
  const problems: string[] = [];
  let expected: string = first;
  list.forEach((m, i) => {
    const role = isObject(m) ? m.role : undefined;
    if (role === "system") {
      if (i !== 0 || (where !== "prompt" && where !== "messages"))
        problems.push(`${where}[${i}]: a system message may only open the conversation`);
      return;
    }
    if (role !== expected)
      problems.push(
        `${where}[${i}]: expected ${expected === "user" ? "a user" : "an assistant"} message (user and assistant alternate), got ${String(role)}`,
      );
    expected = role === "user" ? "assistant" : "user";
  });
  return problems;
}

export function validateTrlVision(
  line: unknown,
  ctx: { kind: "pairs" | "sft"; fileExists?: (p: string) => boolean },
): string[] {
  if (!isObject(line)) return ["line: expected a JSON object"];
  const problems: string[] = [];
  const images = line.images;
  if (!Array.isArray(images)) problems.push("images: expected a list of image paths");
  else
    images.forEach((p, i) => {
      if (typeof p !== "string" || !IMAGE_PATH.test(p))
        problems.push(`images[${i}]: expected a path like images/<sha256>.png`);
      else if (ctx.fileExists && !ctx.fileExists(p)) problems.push(`images[${i}]: ${p} does not exist`);
    });
  if (!isObject(line.metadata)) problems.push("metadata: expected the provenance object");
  const firstList = ctx.kind === "sft" ? line.messages : line.prompt;
  const declared = Array.isArray(firstList) ? declaredIn(firstList[0]) : null;
  if (!declared || declared.size === 0)
    problems.push(
      `${ctx.kind === "sft" ? "messages" : "prompt"}[0]: a system message declaring the tools in a <tools> block is required`,
    );
  const names = declared ?? new Set<string>(TOOL_NAMES);
  let count: number;
  if (ctx.kind === "sft") {
    problems.push(...checkKeys(line, "line", ["images", "messages", "metadata"]));
    const r = checkMessages(line.messages, "messages", names, true);
    problems.push(...r.problems);
    count = r.images;
    if (Array.isArray(line.messages)) {
      problems.push(...checkAlternation(line.messages, "messages", "user"));
      if (lastRole(line.messages) !== "assistant") problems.push("messages: must end with an assistant message");
    }
  } else {
    problems.push(...checkKeys(line, "line", ["images", "prompt", "chosen", "rejected", "metadata"]));
    const r = checkMessages(line.prompt, "prompt", names, true);
    problems.push(...r.problems);
    count = r.images;
    if (Array.isArray(line.prompt)) {
      problems.push(...checkAlternation(line.prompt, "prompt", "user"));
      if (lastRole(line.prompt) !== "user") problems.push("prompt: must end with a user message");
    }
    for (const side of ["chosen", "rejected"] as const) {
      const list = line[side];
      const s = checkMessages(list, side, names, false);
      problems.push(...s.problems);
      if (!Array.isArray(list) || list.length === 0) {
        problems.push(`${side}: expected a non-empty array of messages`);
        continue;
      }
      problems.push(...checkAlternation(list, side, "assistant"));
      if (lastRole(list) !== "assistant")
        problems.push(`${side}: the compared turn must be the last message (assistant)`);
    }
  }
  if (Array.isArray(images) && count !== images.length)
    problems.push(
      `images: ${images.length} path${images.length === 1 ? "" : "s"} for ${count} image placeholder${count === 1 ? "" : "s"}`,
    );
  return [...new Set(problems)];
}

export const trlVision: ExportFormat = {
  name: "trl-vision",
  description: "TRL vision preference/SFT rows (images + prompt/chosen/rejected content parts; tool turns as text)",
  usesImages: true,
  multiMessageCompletions: true,
  supportsSft: true,
  pairBody: (pair, ctx) => {
    const images: string[] = [];
    const prompt = flatten(pair.prompt, ctx, true, images);
    return {
      images,
      prompt,
      chosen: flatten(pair.chosen, ctx, false, images),
      rejected: flatten(pair.rejected, ctx, false, images),
    };
  },
  sftBody: (record, ctx) => {
    const images: string[] = [];
    const messages = flatten(record.messages, ctx, true, images);
    return { images, messages };
  },
  withProvenance: (body, provenance) => ({ row: { ...body, metadata: provenance }, sidecar: null }),
  validate: (line, ctx) => validateTrlVision(line, ctx),
};
