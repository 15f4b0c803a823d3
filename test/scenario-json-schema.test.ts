import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureScenario } from "./fixture";
import { scenarioJsonSchema } from "@/core/scenario/json-schema";

describe("scenario JSON Schema", () => {
  it("is committed up to date (run `npm run schema:json` after changing the zod schema)", () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, "../schema/scenario.v2.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it("describes the required top-level fields and the region union", () => {
    const schema = scenarioJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(
      expect.arrayContaining(["schemaVersion", "id", "version", "task", "scene", "entities", "gold", "source"]),
    );
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(fixtureScenario())));
    expect(JSON.stringify(schema)).toContain('"polygon"');
  });
});
