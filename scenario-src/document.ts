/**
 * The scenario document of a spec (SPEC §2 `scenario.json`) and its canonical text. The 3D renderer
 * (`render3d/node/scenario.ts`) fills in the entities it rendered, the scene image and the source;
 * `specDocument` fills in what the spec and the knowledge base say before anything is rendered, for checks.
 */
import type { Attribute, Entity, Part, Scenario } from "@/core/scenario";
import type { EntitySpec, ObjectDef, PartDef, ScenarioSpec } from "./spec";

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

/** The placeholder scene of a spec-level document: nothing is drawn yet, and every region is all of it. */
const wholeScene = (): Part["region"] => ({ box: [0, 0, 1, 1] });
const UNRENDERED_SCENE = { image: "scene.webp", width: 1, height: 1 } as const;
const SPEC_SOURCE = {
  kind: "generated",
  license: "CC-BY-4.0",
  attribution: "mmcb scenario spec, not rendered",
} as const;

/**
 * The spec-level document of `spec`: entities with the knowledge base's names, descriptions, parts, attributes
 * (the spec's per-part `state` replaces an attribute of the same name) and affordances, plus the spec's task,
 * items, gold and similar. It references no images and every region is a placeholder, so validate it without an
 * image probe: what it checks is the spec — ids, vocabulary, gold and similar references, gold parts meeting
 * their own requirements. Throws an Error naming the spec for an unknown object, or a `state` or `partViews`
 * entry that names no part of its object.
 */
export function specDocument(spec: ScenarioSpec, lookup: (id: string) => ObjectDef | undefined): Scenario {
  const fail = (msg: string): never => {
    throw new Error(`scenario spec "${spec.id}": ${msg}`);
  };
  const entities = spec.entities.map((e) =>
    specEntity(e, lookup(e.object) ?? fail(`unknown object "${e.object}"`), fail),
  );
  return scenarioDocument(spec, entities, UNRENDERED_SCENE, SPEC_SOURCE);
}

function specEntity(spec: EntitySpec, object: ObjectDef, fail: (msg: string) => never): Entity {
  const id = spec.id ?? object.id;
  for (const partId of [...(spec.partViews ?? []), ...Object.keys(spec.state ?? {})])
    if (!object.parts.some((p) => p.id === partId)) fail(`entity "${id}" has no part "${partId}"`);
  const parts: Part[] = object.parts.map((part) => ({
    id: part.id,
    name: part.name,
    region: wholeScene(),
    description: part.description,
    attributes: mergeAttributes(part, spec.state?.[part.id] ?? []),
    affordances: [...part.affordances],
  }));
  return {
    id,
    name: spec.name ?? object.name,
    region: wholeScene(),
    description: spec.description ?? object.description,
    parts,
  };
}

/** The part's attributes with `extra` appended; an extra attribute replaces one of the same name. */
function mergeAttributes(part: PartDef, extra: readonly Attribute[]): Attribute[] {
  const names = new Set(extra.map((a) => a.name));
  return [...part.attributes.filter((a) => !names.has(a.name)), ...extra].map((a) => ({ ...a }));
}
