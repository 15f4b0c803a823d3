/**
 * The tool registry — the one list of tools. Everything about tools outside core/tools derives from it.
 */
import { z } from "zod";
import { assessPart } from "./assess-part";
import { inspectEntity } from "./inspect-entity";
import { inspectPart } from "./inspect-part";
import { planExploration } from "./plan-exploration";
import { submitAnswer } from "./submit-answer";
import type { ToolDefinition } from "./types";
import { viewScene } from "./view-scene";

/** Every tool, in palette order. */
export const TOOLS = [planExploration, inspectEntity, inspectPart, assessPart, viewScene, submitAnswer] as const;

export type ToolName = (typeof TOOLS)[number]["name"];

/** Parsed arguments of each tool, by name. */
export interface ToolArgs {
  plan_exploration: z.infer<typeof planExploration.input>;
  inspect_entity: z.infer<typeof inspectEntity.input>;
  inspect_part: z.infer<typeof inspectPart.input>;
  assess_part: z.infer<typeof assessPart.input>;
  view_scene: z.infer<typeof viewScene.input>;
  submit_answer: z.infer<typeof submitAnswer.input>;
}

/** A well-formed call of a known tool. */
export type ToolCall = { [K in ToolName]: { tool: K; args: ToolArgs[K] } }[ToolName];

const BY_NAME = new Map<string, ToolDefinition>(TOOLS.map((t) => [t.name, t as unknown as ToolDefinition]));

/** The definition of a tool by name, or undefined. */
export function getTool(name: string): ToolDefinition | undefined {
  return BY_NAME.get(name);
}

/** Tool names, in palette order. */
export const TOOL_NAMES: readonly ToolName[] = TOOLS.map((t) => t.name);

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
    const schema = z.toJSONSchema(t.input as z.ZodType, { target: "draft-7", io: "input" }) as Record<string, unknown>;
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
