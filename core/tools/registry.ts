/**
 * The tool registry — the one list of tools. Everything about tools outside core/tools derives from it:
 * adding a tool is one file in core/tools and one line in `BUILTIN_TOOLS`.
 */
import { z } from "zod";
import { assessPart } from "./assess-part";
import { inspectEntity } from "./inspect-entity";
import { inspectPart } from "./inspect-part";
import { planExploration } from "./plan-exploration";
import { submitAnswer } from "./submit-answer";
import type { ToolDefinition } from "./types";
import { viewScene } from "./view-scene";

/** The built-in tools of SPEC §3, in palette order. */
const BUILTIN_TOOLS = [planExploration, inspectEntity, inspectPart, assessPart, viewScene, submitAnswer] as const;

type BuiltinTool = (typeof BUILTIN_TOOLS)[number];

export type ToolName = BuiltinTool["name"];

/** Parsed arguments of each tool, by name (derived from the registry). */
export type ToolArgs = { [T in BuiltinTool as T["name"]]: z.infer<T["input"]> };

/** A well-formed call of a known tool. */
export type ToolCall = { [K in ToolName]: { tool: K; args: ToolArgs[K] } }[ToolName];

const registered: ToolDefinition[] = [...BUILTIN_TOOLS];
const names: ToolName[] = registered.map((t) => t.name as ToolName);
const BY_NAME = new Map<string, ToolDefinition>(registered.map((t) => [t.name, t]));

/** Every tool, in palette order: the built-in ones, then any registered with `registerTool`. A live list. */
export const TOOLS: readonly ToolDefinition[] = registered;

/** Tool names, in palette order (a live list, like `TOOLS`). */
export const TOOL_NAMES: readonly ToolName[] = names;

/**
 * Adds a tool to the registry (after the built-in ones); everything derived from the registry — engine,
 * scorer, replay, exports, play palette, OpenAI definitions — picks it up. Returns a function that removes
 * it again. Throws on a taken name or hotkey: tools are declared once.
 */
export function registerTool<S extends z.ZodType, N extends string>(tool: ToolDefinition<S, N>): () => void {
  const definition = tool as unknown as ToolDefinition;
  if (BY_NAME.has(tool.name)) throw new Error(`tool "${tool.name}" is already registered`);
  if (registered.some((t) => t.hotkey === tool.hotkey)) throw new Error(`hotkey "${tool.hotkey}" is taken`);
  registered.push(definition);
  names.push(tool.name as ToolName);
  BY_NAME.set(tool.name, definition);
  return () => {
    const index = registered.indexOf(definition);
    if (index === -1) return;
    registered.splice(index, 1);
    names.splice(index, 1);
    BY_NAME.delete(tool.name);
  };
}

/** The definition of a tool by name, or undefined. */
export function getTool(name: string): ToolDefinition | undefined {
  return BY_NAME.get(name);
}

export type ParseResult = { ok: true; call: ToolCall } | { ok: false; error: string };

/**
 * Parses a tool call from a model or a form: `args` may be a JSON string (as models send it) or an
 * object. Errors are sentences a model can act on.
 */
export function parseToolCall(tool: string, args: unknown): ParseResult {
  const definition = BY_NAME.get(tool);
  if (!definition) return { ok: false, error: `unknown tool "${tool}"; available tools: ${TOOL_NAMES.join(", ")}` };
  let value = args;
  if (typeof args === "string") {
    const text = args.trim() === "" ? "{}" : args;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: `arguments of ${tool} are not valid JSON (${(error as Error).message})` };
    }
  }
  if (value === undefined || value === null) value = {};
  const parsed = definition.input.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const where = i.path.length ? i.path.join(".") : "arguments";
      if (i.code === "invalid_type" && (i as { input?: unknown }).input === undefined) return `${where}: missing`;
      return `${where}: ${i.message.replace(/^Invalid input: /, "")}`;
    });
    return { ok: false, error: `invalid arguments for ${tool}: ${problems.join("; ")}` };
  }
  return { ok: true, call: { tool, args: parsed.data } as ToolCall };
}

/** An OpenAI chat-completions tool definition. */
export interface OpenAiToolDefinition {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown>; strict: true };
}

/** The OpenAI tool definitions, strict JSON Schema (every property required, no extra properties). */
export function openAiTools(): OpenAiToolDefinition[] {
  return TOOLS.map((t) => {
    const schema = z.toJSONSchema(t.input, { target: "draft-7", io: "input" }) as Record<string, unknown>;
    delete schema.$schema;
    stripUnsupported(schema);
    return {
      type: "function",
      function: { name: t.name, description: t.description, parameters: schema, strict: true },
    };
  });
}

/** Strict mode rejects some string keywords on several providers; lengths are checked by zod anyway. */
function stripUnsupported(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(stripUnsupported);
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  for (const key of ["minLength", "maxLength", "pattern", "format", "minItems", "maxItems"]) delete record[key];
  Object.values(record).forEach(stripUnsupported);
}
