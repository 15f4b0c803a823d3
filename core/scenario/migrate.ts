/**
 * Scenario format versions and their migrations (SPEC §2), side by side with the schema.
 *
 * - **1** — every attribute has one `value` (a string).
 * - **2** — an attribute's `value` may also be a non-empty list of distinct canonical values, all true of
 *   the part (`"shape": ["cylindrical", "elongated"]`).
 *
 * Version 1 is a subset of version 2, so migrating a v1 document only stamps `schemaVersion: 2`; every
 * other byte of meaning is kept. Pure; no I/O.
 */
import type { ScenarioFile } from "./schema";

/** The schema versions mmcb reads. */
export const SCENARIO_SCHEMA_VERSIONS = [1, 2] as const;
/** The version mmcb writes. */
export const SCENARIO_SCHEMA_VERSION = 2;

/** A scenario document after migration: always the current schema version. */
export type MigratedScenario = Omit<ScenarioFile, "schemaVersion"> & { schemaVersion: typeof SCENARIO_SCHEMA_VERSION };

/** Brings a structurally valid document of any readable version to the current one. */
export function migrateScenario(doc: ScenarioFile): MigratedScenario {
  // 1 → 2: nothing else to rewrite; a single value is still a valid version 2 value.
  return { ...doc, schemaVersion: SCENARIO_SCHEMA_VERSION };
}

/** Attribute value lists in a schemaVersion 1 document (lists need version 2), each with its JSON path. */
export function v1ListIssues(doc: ScenarioFile): { path: (string | number)[]; message: string }[] {
  if (doc.schemaVersion !== 1) return [];
  const issues: { path: (string | number)[]; message: string }[] = [];
  doc.entities.forEach((entity, i) =>
    entity.parts.forEach((part, j) =>
      part.attributes.forEach((attr, k) => {
        if (typeof attr.value !== "string")
          issues.push({
            path: ["entities", i, "parts", j, "attributes", k, "value"],
            message: 'a list of values needs "schemaVersion": 2 (version 1 allows one value per attribute)',
          });
      }),
    ),
  );
  return issues;
}
