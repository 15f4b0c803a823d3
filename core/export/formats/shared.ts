/**
 * What the export formats share: the format interface, the tool declarations, and the checker of an
 * OpenAI-style chat (roles, order, tool-call ids, declared tools, arguments that parse).
 */
import type { ImageRef } from "../../engine/types";
import { openAiTools, parseToolCall } from "../../tools";
import type { PreferencePair, SftRecord } from "../messages";

/** What a format needs from the export layer while writing a record. */
export interface FormatContext {
  /** The path, relative to the export folder, of an image's file (formats with images only). */
  readonly imagePath: (ref: ImageRef) => string;
}

/** What a validator may check beyond the line itself. */
export interface ValidateContext {
  readonly kind: "pairs" | "sft";
  /** Whether a path relative to the export folder exists (trl-vision image references). */
  readonly fileExists?: (relativePath: string) => boolean;
}

/** One export format: how records are written and how a written line is checked. */
export interface ExportFormat {
  readonly name: string;
  readonly description: string;
  /** Whether records reference image files (written to `images/`). */
  readonly usesImages: boolean;
  /** Whether the compared side may span several messages (trajectory and human pairs). */
  readonly multiMessageCompletions: boolean;
  readonly supportsSft: boolean;
  /** The JSONL row of a pair, without provenance. */
  pairBody(pair: PreferencePair, ctx: FormatContext): Record<string, unknown>;
  /** The JSONL row of an SFT record, without provenance. */
  sftBody(record: SftRecord, ctx: FormatContext): Record<string, unknown>;
  /** Attaches provenance: in the row (`metadata`), or in a side-car line when the format allows no extra keys. */
  withProvenance(
    body: Record<string, unknown>,
    provenance: Record<string, unknown>,
  ): { row: Record<string, unknown>; sidecar: Record<string, unknown> | null };
  /** Every problem of a written line (empty: the line is valid). */
  validate(line: unknown, ctx: ValidateContext): string[];
}

let declaredCache: ReturnType<typeof openAiTools> | null = null;
let templateCache:
  { type: "function"; function: { name: string; description: string; parameters: Record<string, unknown> } }[] | null =
  null;

/** The tool definitions as the model saw them (OpenAI strict function tools); computed once. */
export function declaredTools(): ReturnType<typeof openAiTools> {
  return (declaredCache ??= openAiTools());
}

/** The tool definitions as transformers chat templates take them (`{type, function: {name, description, parameters}}`). */
export function templateTools(): {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
}[] {
  return (templateCache ??= declaredTools().map((t) => ({
    type: "function",
    function: { name: t.function.name, description: t.function.description, parameters: t.function.parameters },
  })));
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Problems for keys of `value` outside `allowed`, and for missing `required` keys. */
export function checkKeys(
  value: Record<string, unknown>,
  where: string,
  required: readonly string[],
  allowed: readonly string[] = required,
): string[] {
  const problems: string[] = [];
  for (const k of required) if (!(k in value)) problems.push(`${where}: missing "${k}"`);
  for (const k of Object.keys(value)) if (!allowed.includes(k)) problems.push(`${where}: unexpected key "${k}"`);
  return problems;
}

/** Checks a tool call's name against the declared tools and its arguments against the tool's schema. */
export function checkToolArguments(
  name: unknown,
  args: unknown,
  declared: ReadonlySet<string>,
  where: string,
): string[] {
  if (typeof name !== "string") return [`${where}: the tool name is not a string`];
  if (!declared.has(name)) return [`${where}: tool "${name}" is not declared in the record's tools`];
  const parsed = parseToolCall(name, args);
  return parsed.ok ? [] : [`${where}: ${parsed.error}`];
}

export interface ChatCheckOptions {
  /** How tool-call arguments are written: an object (transformers templates) or JSON text (OpenAI). */
  readonly argumentsAs: "object" | "string";
  readonly declared: ReadonlySet<string>;
  /** Roles allowed besides user/assistant/tool (system, developer). */
  readonly leadRoles: readonly string[];
}

/**
 * Checks an OpenAI-style message list (context followed by a completion): roles known, system/developer
 * only at the start, content strings, tool calls well formed with declared tools and arguments that
 * parse, every tool message answering a call of the assistant message before it (each id once), and
 * every call answered before the conversation moves on — except the calls of the final message.
 */
export function checkChat(messages: unknown, where: string, options: ChatCheckOptions): string[] {
  if (!Array.isArray(messages)) return [`${where}: expected an array of messages`];
  const problems: string[] = [];
  let open: Set<string> | null = null; // ids of the last assistant's calls not yet answered
  let seenNonLead = false;
  messages.forEach((m, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(m)) return void problems.push(`${at}: expected a message object`);
    const role = m.role;
    if (typeof role !== "string") return void problems.push(`${at}: missing role`);
    if (role !== "tool" && open && open.size > 0)
      problems.push(`${at}: tool call${open.size > 1 ? "s" : ""} ${[...open].join(", ")} got no tool message`);
    if (role !== "tool") open = null;
    if (options.leadRoles.includes(role)) {
      if (seenNonLead) problems.push(`${at}: a ${role} message may only open the conversation`);
      if (typeof m.content !== "string") problems.push(`${at}: ${role} content must be a string`);
      return;
    }
    seenNonLead = true;
    if (role === "user") {
      if (typeof m.content !== "string") problems.push(`${at}: user content must be a string`);
      return;
    }
    if (role === "assistant") {
      if (i === 0 || (isObject(messages[0]) && options.leadRoles.includes(String(messages[0].role)) && i === 1))
        problems.push(`${at}: the conversation must open with a user message before the assistant speaks`);
      const calls = m.tool_calls;
      if (m.content !== undefined && m.content !== null && typeof m.content !== "string")
        problems.push(`${at}: assistant content must be a string`);
      if (calls === undefined) {
        if (typeof m.content !== "string" || m.content === "")
          problems.push(`${at}: an assistant message needs content or tool calls`);
        return;
      }
      if (!Array.isArray(calls)) return void problems.push(`${at}: tool_calls must be an array`);
      const ids = new Set<string>();
      calls.forEach((c, j) => {
        const cat = `${at}.tool_calls[${j}]`;
        if (!isObject(c)) return void problems.push(`${cat}: expected an object`);
        if (typeof c.id !== "string" || c.id === "") problems.push(`${cat}: missing id`);
        else if (ids.has(c.id)) problems.push(`${cat}: duplicate id "${c.id}"`);
        else ids.add(c.id);
        if (c.type !== "function") problems.push(`${cat}: type must be "function"`);
        if (!isObject(c.function)) return void problems.push(`${cat}: missing function`);
        let args: unknown = c.function.arguments;
        if (options.argumentsAs === "string") {
          if (typeof args !== "string") return void problems.push(`${cat}: arguments must be a JSON string`);
          try {
            args = JSON.parse(args);
          } catch {
            return void problems.push(`${cat}: arguments are not valid JSON`);
          }
        } else if (!isObject(args)) return void problems.push(`${cat}: arguments must be an object`);
        problems.push(...checkToolArguments(c.function.name, args, options.declared, cat));
      });
      if (calls.length === 0 && (typeof m.content !== "string" || m.content === ""))
        problems.push(`${at}: an assistant message needs content or tool calls`);
      open = ids;
      return;
    }
    if (role === "tool") {
      if (typeof m.content !== "string") problems.push(`${at}: tool content must be a string`);
      const id = m.tool_call_id;
      if (typeof id !== "string") return void problems.push(`${at}: missing tool_call_id`);
      if (!open || !open.has(id))
        return void problems.push(
          `${at}: tool_call_id "${id}" answers no pending call of the assistant message before it`,
        );
      open.delete(id);
      return;
    }
    problems.push(`${at}: unknown role "${role}"`);
  });
  return problems;
}

/** The role of the last message of a list, if any. */
export function lastRole(messages: unknown): string | undefined {
  if (!Array.isArray(messages) || messages.length === 0) return undefined;
  const last = messages[messages.length - 1];
  return isObject(last) && typeof last.role === "string" ? last.role : undefined;
}

/** Names of the functions in a `tools` list. */
export function toolNames(tools: unknown): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(tools)) return names;
  for (const t of tools)
    if (isObject(t) && isObject(t.function) && typeof t.function.name === "string") names.add(t.function.name);
  return names;
}
