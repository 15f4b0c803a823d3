import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { traceJsonSchema } from "@/core/trace/json-schema";
import { traceSchema } from "@/core/trace/schema";

describe("trace format", () => {
  it("has its JSON Schema committed up to date (npm run schema:json)", () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, "../schema/trace.v1.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(traceJsonSchema())));
  });

  it("needs only scenarioId and steps with turn and call", () => {
    expect(
      traceSchema.safeParse({
        scenarioId: "s",
        steps: [{ turn: 1, call: { tool: "view_scene", args: {} } }],
      }).success,
    ).toBe(true);
    expect(
      traceSchema.safeParse({
        episodeId: "e",
        scenarioId: "s",
        steps: [{ turn: 0, call: { tool: "view_scene", args: {} } }],
      }).success,
    ).toBe(false);
    expect(traceSchema.safeParse({ episodeId: "e", steps: [] }).success).toBe(false);
  });
});
