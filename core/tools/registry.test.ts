// Guard test of the tool registry (STYLE.md "declare each tool once"): names, hotkeys, labels, described
// fields, and the derived OpenAI definitions.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { openAiTools, parseToolCall, TOOLS, TOOL_NAMES } from "./registry";

describe("tool registry", () => {
  it("declares the six SPEC §3 tools, snake_case, with unique hotkeys and labels", () => {
    expect(TOOL_NAMES).toEqual([
      "plan_exploration",
      "inspect_entity",
      "inspect_part",
      "assess_part",
      "view_scene",
      "submit_answer",
    ]);
    for (const t of TOOLS) expect(t.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(new Set(TOOLS.map((t) => t.hotkey)).size).toBe(TOOLS.length);
    expect(new Set(TOOLS.map((t) => t.label)).size).toBe(TOOLS.length);
    expect(TOOLS.filter((t) => t.endsEpisode).map((t) => t.name)).toEqual(["submit_answer"]);
  });

  it("describes every argument field (the descriptions are the model's documentation)", () => {
    const undescribed: string[] = [];
    const visit = (schema: unknown, where: string) => {
      const node = schema as { properties?: Record<string, unknown>; items?: unknown; description?: string };
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        if (!(value as { description?: string }).description) undescribed.push(`${where}.${key}`);
        visit(value, `${where}.${key}`);
      }
      if (node.items) visit(node.items, `${where}[]`);
    };
    for (const t of TOOLS) visit(z.toJSONSchema(t.input as z.ZodType), t.name);
    expect(undescribed).toEqual([]);
  });

  it("derives strict OpenAI definitions: every property required, no extra properties", () => {
    const check = (schema: Record<string, unknown>, where: string) => {
      if (schema.type === "object") {
        const props = Object.keys((schema.properties as object) ?? {});
        expect(schema.additionalProperties, where).toBe(false);
        expect([...((schema.required as string[]) ?? [])].sort(), where).toEqual([...props].sort());
        for (const [k, v] of Object.entries((schema.properties as Record<string, Record<string, unknown>>) ?? {}))
          check(v, `${where}.${k}`);
      }
      if (schema.type === "array") check(schema.items as Record<string, unknown>, `${where}[]`);
      for (const key of ["minLength", "maxLength", "pattern", "format"])
        expect(schema[key], `${where}.${key}`).toBeUndefined();
    };
    const tools = openAiTools();
    expect(tools.map((t) => t.function.name)).toEqual([...TOOL_NAMES]);
    for (const t of tools) {
      expect(t).toMatchObject({ type: "function", function: { strict: true } });
      check(t.function.parameters, t.function.name);
    }
  });

  it("parses model arguments from JSON text or objects and names what is wrong", () => {
    expect(parseToolCall("inspect_part", '{"entity_id":"coin","part_id":"edge"}')).toEqual({
      ok: true,
      call: { tool: "inspect_part", args: { entity_id: "coin", part_id: "edge" } },
    });
    expect(parseToolCall("view_scene", "")).toEqual({ ok: true, call: { tool: "view_scene", args: {} } });
    expect(
      parseToolCall("assess_part", {
        entity_id: "coin",
        part_id: "edge",
        suitable: "yes",
        observed_attributes: [],
        rationale: "",
      }),
    ).toMatchObject({ ok: false, error: expect.stringContaining("suitable") });
    expect(parseToolCall("inspect_entity", { entity_id: "coin", extra: 1 })).toMatchObject({ ok: false });
  });
});
