/**
 * Renders one scenario spec from 3D: lays the entities' models out on the setting's surface (a footprint packer
 * at true scale), renders the scene with its ID pass (entity polygons in scene pixels, visible share per part),
 * each entity view (part polygons in view pixels) and each part view, derives the visual attributes from the
 * render parameters, and returns the scenario folder's files (scenario.json, render.json, WebP images).
 * Every view goes through the content-addressed cache: an unchanged view is not rendered again.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { meetsRequirement, type Attribute, type Entity, type Part, type Scenario } from "@/core/scenario";
import { DERIVED_ATTRIBUTES, deriveAttributes, partFacts } from "@/core/scenario/render-annotations";
import { meshBounds, unionBounds } from "@/core/scenario/render-geometry";
import { formatScenarioJson, scenarioDocument } from "@/scenario-src/document";
import { objectById } from "@/scenario-src/objects";
import type { EntitySpec, ScenarioSpec } from "@/scenario-src/spec";
import { hashOf } from "../model/build";
import { buildModel } from "../model/registry";
import type { ModelSpec, VariantParams } from "../model/types";
import type { PlacedObject, ResolvedCamera, ViewRequest, ViewResponse } from "../protocol";
import { maskPolygon, type Point } from "./masks";
import type { Renderer } from "./renderer";
import { ENTITY_VIEW, PART_VIEW, idsOf } from "./views";

export const SCENE_VIEW = { width: 1280, height: 800 } as const;
export const RENDERED_SOURCE = {
  kind: "rendered",
  license: "CC-BY-4.0",
  attribution: "mmcb; rendered from parametric 3D models with three.js (procedural textures, no external art)",
} as const;

/** A content-addressed cache of view responses under `dir` (key: request + renderer version). */
export class ViewCache {
  hits = 0;
  misses = 0;
  constructor(
    readonly dir: string,
    readonly renderer: Renderer,
  ) {
    mkdirSync(dir, { recursive: true });
  }
  async render(req: ViewRequest): Promise<ViewResponse & { cached: boolean }> {
    const key = hashOf({ req, version: this.renderer.version });
    const file = path.join(this.dir, `${key}.json`);
    if (existsSync(file)) {
      this.hits++;
      return { ...(JSON.parse(readFileSync(file, "utf8")) as ViewResponse), cached: true };
    }
    this.misses++;
    const res = await this.renderer.render(req);
    writeFileSync(file, JSON.stringify(res));
    return { ...res, cached: false };
  }
}

/** Variant parameters of an entity from its spec (its state attributes: wet → wet). */
export function paramsOf(e: EntitySpec): VariantParams {
  const wet = Object.values(e.state ?? {}).some((attrs) =>
    attrs.some((a) => a.name === "moisture" && (a.value === "wet" || a.value === "damp")),
  );
  return wet ? { wet: true } : {};
}

function yawOf(id: string): number {
  const h = parseInt(hashOf(id).slice(0, 6), 16);
  return (h % 31) - 15;
}

/** Footprint (x, z extents) of a model turned by yaw degrees. */
function footprint(model: ModelSpec, yaw: number): [number, number] {
  const b = unionBounds(model.meshes.map(meshBounds));
  const w = b.max[0] - b.min[0];
  const d = b.max[2] - b.min[2];
  const a = (Math.abs(yaw) * Math.PI) / 180;
  return [w * Math.cos(a) + d * Math.sin(a), w * Math.sin(a) + d * Math.cos(a)];
}

/**
 * Lays entities out in rows at true scale without interpenetration: the spec's `at` gives the order (back row =
 * smaller y, left to right = x); each row is packed left to right with a gap and centred; the front row stands
 * close enough that, seen from the camera above the front, it partly hides the back row.
 */
/** Spec y distance (scenario pixels) within which entities share a row. */
const ROW_SPAN = 100;

/** Footprint of a model, exported for tests. */
export const footprintOf = footprint;

export function layout(entities: readonly { id: string; at: readonly [number, number]; model: ModelSpec }[]): {
  id: string;
  x: number;
  z: number;
  yaw: number;
}[] {
  // rows as the spec draws them (entities within ROW_SPAN of the row's first y, back to front), a row
  // split when it holds more than ceil(sqrt(n)) + 1 objects, so the layout is not one strip and a small
  // object the spec puts in front is not hidden behind a big one in the back row
  const byY = [...entities].sort((a, b) => a.at[1] - b.at[1] || a.at[0] - b.at[0]);
  const perRow = Math.max(2, Math.ceil(Math.sqrt(entities.length)) + 1);
  const rows: (typeof entities)[number][][] = [];
  for (const e of byY) {
    const row = rows[rows.length - 1];
    if (row && row.length < perRow && e.at[1] - row[0]!.at[1] <= ROW_SPAN) row.push(e);
    else rows.push([e]);
  }
  const gap = 35;
  // rows stand close, so that seen from the camera a taller front object partly hides the row behind it
  const rowGap = 8;
  const out: { id: string; x: number; z: number; yaw: number }[] = [];
  let zCursor = 0;
  rows.forEach((row, ri) => {
    const sorted = [...row].sort((a, b) => a.at[0] - b.at[0]);
    const fps = sorted.map((e) => {
      const yaw = yawOf(e.id);
      return { e, yaw, fp: footprint(e.model, yaw) };
    });
    const width = fps.reduce((s, f) => s + f.fp[0], 0) + gap * (fps.length - 1);
    const depth = Math.max(...fps.map((f) => f.fp[1]));
    const zRow = ri === 0 ? 0 : zCursor + rowGap + depth / 2;
    let x = -width / 2;
    for (const f of fps) {
      out.push({ id: f.e.id, x: x + f.fp[0] / 2, z: zRow, yaw: f.yaw });
      x += f.fp[0] + gap;
    }
    zCursor = zRow + depth / 2;
  });
  return out;
}

async function webp(pngB64: string, quality = 86): Promise<Buffer> {
  return sharp(Buffer.from(pngB64, "base64")).webp({ quality }).toBuffer();
}

const round = (p: Point[]): Point[] => p.map(([x, y]) => [Math.round(x), Math.round(y)]);

export interface RenderedScenario {
  readonly scenario: Scenario;
  readonly files: Map<string, Buffer>;
  readonly timings: { scene: number[]; entity: number[]; part: number[] };
}

/** Renders a scenario spec; throws a one-sentence error naming the spec on any problem. */
export async function renderScenario(spec: ScenarioSpec, cache: ViewCache): Promise<RenderedScenario> {
  const fail = (msg: string): never => {
    throw new Error(`scenario spec "${spec.id}": ${msg}`);
  };
  const timings = { scene: [] as number[], entity: [] as number[], part: [] as number[] };
  const files = new Map<string, Buffer>();
  const ents = spec.entities.map((e) => {
    const id = e.id ?? e.object;
    const kb = objectById(e.object) ?? fail(`unknown object "${e.object}"`);
    const params = paramsOf(e);
    let model: ModelSpec;
    try {
      model = buildModel(e.object, params);
    } catch (err) {
      return fail((err as Error).message);
    }
    return { spec: e, id, kb, params, model, at: e.at };
  });
  const placed = layout(ents.map((e) => ({ id: e.id, at: e.at, model: e.model })));
  const objects: PlacedObject[] = ents.map((e) => {
    const p = placed.find((q) => q.id === e.id)!;
    return { key: e.id, model: e.model, x: Math.round(p.x), z: Math.round(p.z), yaw: p.yaw, seed: 1 };
  });

  // the scene with its ID pass and per-object unoccluded counts
  const sceneRes = await cache.render({
    ...SCENE_VIEW,
    backdrop: spec.setting,
    objects,
    camera: { mode: "scene" },
    idPass: true,
    soloCounts: true,
  });
  if (!sceneRes.cached) timings.scene.push(sceneRes.ms);
  files.set("scene.webp", await webp(sceneRes.png));
  const sceneIds = idsOf(sceneRes);
  const legend = sceneRes.ids!.legend;
  const counts = new Array<number>(legend.length + 1).fill(0);
  for (let i = 0; i < sceneIds.length; i++) counts[sceneIds[i]!]!++;
  const share = (key: string, part: string): number | undefined => {
    const i = legend.findIndex((l) => l.key === key && l.part === part);
    if (i < 0) return 0;
    const solo = sceneRes.solo?.[i] ?? 0;
    return solo > 0 ? Math.min(1, counts[i + 1]! / solo) : 0;
  };

  const renderEntities: Record<string, unknown> = {};
  const entities: Entity[] = [];
  for (const e of ents) {
    const o = objects.find((x) => x.key === e.id)!;
    const mine = new Set(legend.flatMap((l, i) => (l.key === e.id ? [i + 1] : [])));
    const region =
      maskPolygon(SCENE_VIEW.width, SCENE_VIEW.height, (j) => mine.has(sceneIds[j]!)) ??
      fail(`entity "${e.id}" is not visible in the scene`);
    const hasView = e.spec.view ?? true;
    let viewFile: string | undefined;
    let viewCamera: ResolvedCamera | undefined;
    let partPolys = new Map<string, Point[]>();
    if (hasView) {
      const res = await cache.render({
        ...ENTITY_VIEW,
        backdrop: "studio",
        objects: [{ key: e.id, model: e.model, x: 0, z: 0, yaw: 0 }],
        camera: { mode: "object", key: e.id },
        idPass: true,
      });
      if (!res.cached) timings.entity.push(res.ms);
      viewFile = `entities/${e.id}.webp`;
      viewCamera = res.camera;
      files.set(viewFile, await webp(res.png));
      const ids = idsOf(res);
      res.ids!.legend.forEach((l, i) => {
        if (l.part === null) return;
        const poly = maskPolygon(ENTITY_VIEW.width, ENTITY_VIEW.height, (j) => ids[j] === i + 1);
        if (poly) partPolys.set(l.part, round(poly.polygon));
      });
    } else {
      partPolys = new Map();
      legend.forEach((l, i) => {
        if (l.key !== e.id || l.part === null) return;
        const poly = maskPolygon(SCENE_VIEW.width, SCENE_VIEW.height, (j) => sceneIds[j] === i + 1);
        if (poly) partPolys.set(l.part, round(poly.polygon));
      });
    }
    const facts = partFacts(e.model);
    const renderParts: Record<string, unknown> = {};
    const parts: Part[] = [];
    for (const kbPart of e.kb.parts) {
      const f = facts.find((x) => x.part === kbPart.id) ?? fail(`model "${e.kb.id}" has no part "${kbPart.id}"`);
      const polygon =
        partPolys.get(kbPart.id) ??
        fail(`part "${e.id}/${kbPart.id}" is not visible in its ${hasView ? "entity view" : "scene"}`);
      let partView: string | undefined;
      let partCamera: ResolvedCamera | undefined;
      if (e.spec.partViews?.includes(kbPart.id)) {
        const res = await cache.render({
          ...PART_VIEW,
          backdrop: "studio",
          objects: [{ key: e.id, model: e.model, x: 0, z: 0, yaw: 0 }],
          camera: { mode: "part", key: e.id, part: kbPart.id },
        });
        if (!res.cached) timings.part.push(res.ms);
        partView = `parts/${e.id}--${kbPart.id}.webp`;
        partCamera = res.camera;
        files.set(partView, await webp(res.png));
      }
      const visible = share(e.id, kbPart.id);
      const derived = deriveAttributes(f, e.model.states.wet, visible);
      const derivedNames = new Set<string>(DERIVED_ATTRIBUTES);
      const carried: Attribute[] = [
        ...kbPart.attributes.filter((a) => !derivedNames.has(a.name)),
        ...(e.spec.state?.[kbPart.id] ?? []).filter((a) => !derivedNames.has(a.name)),
      ].map((a) => ({ ...a, visual: a.name === "local_features" ? a.visual : false }));
      const byName = new Map<string, Attribute>();
      for (const a of [...derived.map((d) => ({ ...d }) as Attribute), ...carried]) byName.set(a.name, a);
      parts.push({
        id: kbPart.id,
        name: kbPart.name,
        region: { polygon: polygon },
        ...(partView ? { view: partView } : {}),
        description: kbPart.description,
        attributes: [...byName.values()],
        affordances: [...kbPart.affordances],
      });
      renderParts[kbPart.id] = {
        material: f.materials.length === 1 ? f.materials[0] : f.materials,
        dimsMm: f.dimsMm,
        thicknessMm: f.thicknessMm,
        shapes: f.shapes,
        looks: f.looks,
        visibleShare: visible === undefined ? null : Math.round(visible * 1000) / 1000,
        ...(partCamera ? { viewCamera: partCamera } : {}),
      };
    }
    entities.push({
      id: e.id,
      name: e.spec.name ?? e.kb.name,
      region: { polygon: round(region.polygon) },
      ...(viewFile ? { view: viewFile } : {}),
      description: e.spec.description ?? e.kb.description,
      parts,
    });
    renderEntities[e.id] = {
      object: e.kb.id,
      params: e.params,
      placement: { x: o.x, z: o.z, yaw: o.yaw },
      ...(viewCamera ? { viewCamera } : {}),
      parts: renderParts,
      model: e.model,
    };
  }
  const scene = { image: "scene.webp", width: SCENE_VIEW.width, height: SCENE_VIEW.height };
  const scenario: Scenario = scenarioDocument(spec, entities, scene, RENDERED_SOURCE);
  for (const g of scenario.gold) {
    const part = entities.find((x) => x.id === g.entity)?.parts.find((p) => p.id === g.part);
    if (!part) fail(`gold "${g.entity}/${g.part}" is not a rendered part`);
    for (const req of g.requiredAttributes)
      if (!meetsRequirement(part!, req))
        fail(`gold "${g.entity}/${g.part}" requires ${req.name}=${req.value}, which the render does not show`);
  }
  const renderJson = {
    renderVersion: 1,
    renderer: cache.renderer.version,
    units: "mm",
    scene: { ...SCENE_VIEW, setting: spec.setting, camera: sceneRes.camera },
    entities: renderEntities,
  };
  files.set("scenario.json", Buffer.from(formatScenarioJson(scenario)));
  files.set("render.json", Buffer.from(`${JSON.stringify(renderJson, null, 1)}\n`));
  return { scenario, files, timings };
}
