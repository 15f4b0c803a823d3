/**
 * The scenario document of a spec (SPEC §2 `scenario.json`) and its canonical text. The 3D renderer
 * (`render3d/node/scenario.ts`) fills in the entities it rendered, the scene image and the source.
 */
import type { Entity, Scenario } from "@/core/scenario";
import type { ScenarioSpec } from "./spec";

/** The scenario document of `spec` with `entities`, showing `scene`, credited to `source`. */
export function scenarioDocument(
  spec: ScenarioSpec,
  entities: Entity[],
  scene: Scenario["scene"],
  source: Scenario["source"],
): Scenario {
  return {
    schemaVersion: 2,
    id: spec.id,
    version: spec.version,
    title: spec.title,
    setting: spec.setting,
    task: spec.task,
    constraints: [...spec.constraints],
    distractorSimilarity: spec.distractorSimilarity,
    scene: { ...scene },
    entities,
    items: spec.items.map((i) => ({ ...i })),
    gold: spec.gold.map((g) => ({ ...g, requiredAttributes: g.requiredAttributes.map((a) => ({ ...a })) })),
    similar: spec.similar.map((s) => ({ ...s })),
    source: { ...source },
  };
}

/** Pretty JSON (2-space indent) with arrays of numbers kept on one line: `"box": [10, 20, 30, 40]`. */
export function formatScenarioJson(scenario: Scenario): string {
  const text = JSON.stringify(scenario, null, 2);
  return `${text.replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_m, items: string) => `[${items.split(/,\s*/).join(", ")}]`)}\n`;
}
