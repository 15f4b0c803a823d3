/**
 * Turns a declarative `ScenarioSpec` plus the object knowledge base into a complete SPEC §2 scenario:
 * the `scenario.json` document and every image file, all in memory. Deterministic: the same inputs give
 * the same bytes.
 */
import { meetsRequirement, type Attribute, type Entity, type Part, type Scenario } from "@/core/scenario";
import { formatScenarioJson, scenarioDocument } from "@/scenario-src/document";
import type { EntitySpec, ScenarioSpec } from "@/scenario-src/spec";
import { boundsOverlap, toPixels, type Bounds, type Placement } from "./geometry";
import {
  PART_VIEW_SIZE,
  SCENE_HEIGHT,
  SCENE_WIDTH,
  VIEW_PLACEMENT,
  VIEW_SIZE,
  drawnBounds,
  placementAt,
  renderEntityView,
  renderPartView,
  renderScene,
  type SceneObject,
} from "./render";
import type { ObjectDef, PartDef } from "./types";

/** The licence and attribution stamped on every generated scenario. */
export const GENERATED_SOURCE = {
  kind: "generated",
  license: "CC-BY-4.0",
  attribution: "mmcb; art: Microsoft Fluent Emoji (MIT)",
} as const;

/** Pixel size of an image file. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * A generated scenario: the document, its files (relative path → bytes, `scenario.json` included; images
 * only when rendered) and the pixel size of every image file it references.
 */
export interface BuiltScenario {
  readonly scenario: Scenario;
  readonly files: ReadonlyMap<string, Buffer>;
  readonly imageSizes: ReadonlyMap<string, ImageSize>;
}

export interface BuildOptions {
  /** Render the images (default true). Without them the build only lays out and annotates — much faster. */
  readonly render?: boolean;
}

/** Looks objects up by id. */
export type ObjectLookup = (id: string) => ObjectDef | undefined;

/** Builds a scenario from its spec. Throws an Error naming the spec and the problem on any inconsistency. */
export async function buildScenario(
  spec: ScenarioSpec,
  lookup: ObjectLookup,
  options: BuildOptions = {},
): Promise<BuiltScenario> {
  const fail = (msg: string): never => {
    throw new Error(`scenario spec "${spec.id}": ${msg}`);
  };
  const objects = spec.entities.map((e) => lookup(e.object) ?? fail(`unknown object "${e.object}"`));
  const sceneObjects = sceneObjectsOf(spec, objects);
  const drawn = await Promise.all(sceneObjects.map(drawnBounds));
  checkNoOverlap(drawn, sceneObjectLabels(spec), fail);

  const out: Output = { render: options.render ?? true, files: new Map(), imageSizes: new Map() };
  await addImage(out, "scene.png", { width: SCENE_WIDTH, height: SCENE_HEIGHT }, () =>
    renderScene(spec.setting, sceneObjects),
  );
  const entities: Entity[] = [];
  for (const [i, entitySpec] of spec.entities.entries()) {
    entities.push(await buildEntity(entitySpec, objects[i]!, sceneObjects[i]!.placement, drawn[i]!, out, fail));
  }
  const scene = { image: "scene.png", width: SCENE_WIDTH, height: SCENE_HEIGHT };
  const scenario = scenarioDocument(spec, entities, scene, GENERATED_SOURCE);
  checkReferences(scenario, fail);
  out.files.set("scenario.json", Buffer.from(formatScenarioJson(scenario)));
  return { scenario, files: out.files, imageSizes: out.imageSizes };
}

/** Where a build puts its files. */
interface Output {
  readonly render: boolean;
  readonly files: Map<string, Buffer>;
  readonly imageSizes: Map<string, ImageSize>;
}

async function addImage(out: Output, file: string, size: ImageSize, render: () => Promise<Buffer>): Promise<void> {
  out.imageSizes.set(file, size);
  if (out.render) out.files.set(file, await render());
}

/** Entities first (in spec order), then decor; icons are drawn in this order. */
function sceneObjectsOf(spec: ScenarioSpec, objects: readonly ObjectDef[]): SceneObject[] {
  const entityObjects: SceneObject[] = spec.entities.map((e, i) => ({
    icon: objects[i]!.icon,
    placement: placementAt(e.at[0], e.at[1], e.size),
    shadow: e.shadow ?? true,
  }));
  const decor: SceneObject[] = (spec.decor ?? []).map((d) => {
    const placement = placementAt(d.at[0], d.at[1], d.size);
    const shadow = d.shadow ?? true;
    return "icon" in d ? { icon: d.icon, placement, shadow } : { prop: d.prop, placement, shadow };
  });
  return [...entityObjects, ...decor];
}

/** Names for messages, in `sceneObjectsOf` order. */
function sceneObjectLabels(spec: ScenarioSpec): string[] {
  const entities = spec.entities.map((e) => `entity "${e.id ?? e.object}"`);
  const decor = (spec.decor ?? []).map((d) => `decor "${"icon" in d ? d.icon : d.prop}"`);
  return [...entities, ...decor];
}

function checkNoOverlap(drawn: readonly Bounds[], labels: readonly string[], fail: (msg: string) => never): void {
  for (const [i, a] of drawn.entries()) {
    if (a.x < 0 || a.y < 0 || a.x + a.w > SCENE_WIDTH || a.y + a.h > SCENE_HEIGHT)
      fail(`${labels[i]} is drawn outside the scene`);
    for (let j = i + 1; j < drawn.length; j++) {
      const b = drawn[j]!;
      if (boundsOverlap(a, b)) fail(`${labels[i]} and ${labels[j]} overlap in the scene (${fmt(a)} vs ${fmt(b)})`);
    }
  }
}

const fmt = (b: Bounds): string => `[${b.x}, ${b.y}, ${b.w}, ${b.h}]`;

async function buildEntity(
  spec: EntitySpec,
  object: ObjectDef,
  placement: Placement,
  drawn: Bounds,
  out: Output,
  fail: (msg: string) => never,
): Promise<Entity> {
  const id = spec.id ?? object.id;
  const hasView = spec.view ?? true;
  const view = hasView ? `entities/${id}.png` : undefined;
  if (view) await addImage(out, view, { width: VIEW_SIZE, height: VIEW_SIZE }, () => renderEntityView(object.icon));
  const [space, width, height] = hasView
    ? [VIEW_PLACEMENT, VIEW_SIZE, VIEW_SIZE]
    : [placement, SCENE_WIDTH, SCENE_HEIGHT];
  for (const partId of [...(spec.partViews ?? []), ...Object.keys(spec.state ?? {})]) {
    if (!object.parts.some((p) => p.id === partId)) fail(`entity "${id}" has no part "${partId}"`);
  }
  const parts: Part[] = [];
  for (const part of object.parts) {
    const partView = spec.partViews?.includes(part.id) ? `parts/${id}--${part.id}.png` : undefined;
    if (partView) {
      const size = { width: PART_VIEW_SIZE, height: PART_VIEW_SIZE };
      await addImage(out, partView, size, () => renderPartView(object.icon, part.region));
    }
    parts.push({
      id: part.id,
      name: part.name,
      region: toPixels(part.region, space, width, height),
      ...(partView ? { view: partView } : {}),
      description: part.description,
      attributes: mergeAttributes(part, spec.state?.[part.id] ?? []),
      affordances: [...part.affordances],
    });
  }
  return {
    id,
    name: spec.name ?? object.name,
    region: { box: [drawn.x, drawn.y, drawn.w, drawn.h] },
    ...(view ? { view } : {}),
    description: spec.description ?? object.description,
    parts,
  };
}

/** The part's attributes with `extra` appended; an extra attribute replaces one of the same name. */
function mergeAttributes(part: PartDef, extra: readonly Attribute[]): Attribute[] {
  const names = new Set(extra.map((a) => a.name));
  return [...part.attributes.filter((a) => !names.has(a.name)), ...extra].map((a) => ({ ...a }));
}

/** Gold and similar must name real parts; gold's required attributes must be annotated on its part. */
function checkReferences(scenario: Scenario, fail: (msg: string) => never): void {
  const ids = new Set<string>();
  for (const e of scenario.entities) {
    if (ids.has(e.id)) fail(`duplicate entity id "${e.id}"`);
    ids.add(e.id);
  }
  const partOf = (entity: string, part: string): Part =>
    scenario.entities.find((e) => e.id === entity)?.parts.find((p) => p.id === part) ??
    fail(`no part "${entity}/${part}"`);
  for (const g of scenario.gold) {
    const part = partOf(g.entity, g.part);
    for (const req of g.requiredAttributes) {
      if (!meetsRequirement(part, req)) {
        fail(`gold "${g.entity}/${g.part}" requires ${req.name}=${req.value}, which the part does not have`);
      }
    }
  }
  for (const s of scenario.similar ?? []) {
    partOf(s.entity, s.part);
    if (scenario.gold.some((g) => g.entity === s.entity && g.part === s.part))
      fail(`"${s.entity}/${s.part}" is both gold and similar`);
  }
}
