import { describe, expect, it } from "vitest";
import { fixtureScenario } from "../../test/fixture";
import { SCENARIO_SCHEMA_VERSION, migrateScenario } from "./migrate";
import { scenarioFileSchema, scenarioSchema } from "./schema";

describe("scenario schema versions", () => {
  it("reads a version 1 file unchanged except for the version it is stamped with", () => {
    const v1 = fixtureScenario();
    expect(v1.schemaVersion).toBe(1);
    const parsed = scenarioSchema.parse(v1);
    expect(parsed.schemaVersion).toBe(SCENARIO_SCHEMA_VERSION);
    expect({ ...parsed, schemaVersion: 1 }).toEqual(v1);
  });

  it("migrates a parsed version 1 document without touching its values", () => {
    const file = scenarioFileSchema.parse(fixtureScenario());
    const migrated = migrateScenario(file);
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.entities).toEqual(file.entities);
    expect(migrated.gold).toEqual(file.gold);
  });

  it("keeps a version 2 document as it is, lists included", () => {
    const v2 = structuredClone(fixtureScenario()) as ReturnType<typeof fixtureScenario> & {
      entities: { parts: { attributes: { name: string; value: unknown; visual: boolean }[] }[] }[];
    };
    v2.schemaVersion = 2;
    v2.entities[1]!.parts[0]!.attributes[0]!.value = ["flat", "elongated"];
    expect(scenarioSchema.parse(v2)).toEqual(v2);
  });

  it("refuses a value list in a version 1 file", () => {
    const v1 = structuredClone(fixtureScenario()) as ReturnType<typeof fixtureScenario> & {
      entities: { parts: { attributes: { value: unknown }[] }[] }[];
    };
    v1.entities[1]!.parts[0]!.attributes[0]!.value = ["flat", "elongated"];
    const result = scenarioSchema.safeParse(v1);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["entities.1.parts.0.attributes.0.value"]);
  });
});
