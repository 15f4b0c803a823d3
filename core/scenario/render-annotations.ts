/**
 * Visual annotations of rendered scenarios, derived from the render parameters (issue 14) — the one place the
 * rules and thresholds live. Pure and framework-free: used when a scenario is rendered
 * (`scripts/render-scenarios.ts`) and again by the scenario validator, which re-derives every derivable visual
 * attribute from the scenario's `render.json` and rejects a scenario that contradicts it.
 *
 * Rules (what decides each attribute):
 * - material: the material of the part's meshes (every mesh of a part has one material; several → listed, largest
 *   mesh first); meshes marked `lookOnly` (soap, wax, flame, straw, leaves: no vocabulary material) give none.
 * - shape: from each mesh's geometry kind and proportions (SHAPE rules below); several values when several are
 *   true; a part's value is the union over its meshes, largest mesh first. A bent object adds `curved` to its
 *   elongated parts.
 * - thickness: the material thickness of the part's largest mesh (its smallest extent, or the wall of an open
 *   lathe shell) in mm against THICKNESS_MM.
 * - size: the part's largest extent in mm against SIZE_MM.
 * - surface: finish first (tacky → sticky, textured → textured, rough → rough; polished stone and gloss-coated
 *   fabric → smooth), else by material (SURFACE_BY_MATERIAL); a wet smooth hard surface is also slippery.
 * - moisture: wet → wet, else dry.
 * - visibility / availability: the share of the part's pixels visible in the scene (measured in the ID pass)
 *   against VISIBLE_SHARE.
 */
import type { Finish, Geometry, Material, MeshSpec, ModelSpec, Vec3 } from "@/render3d/model/types";
import {
  approxVolume,
  extents,
  isShell,
  meshThickness,
  meshBounds,
  pathLength,
  polygonArea,
  sortedExtents,
  totalTurning,
  unionBounds,
  vertexAngles,
} from "./render-geometry";

/** Thickness classes by the part's smallest extent: thin ≤ 8 mm < medium ≤ 20 mm < thick. */
export const THICKNESS_MM = { thinMax: 8, mediumMax: 20 } as const;
/** Size classes by the part's largest extent: small ≤ 100 mm < medium ≤ 350 mm < large. */
export const SIZE_MM = { smallMax: 100, mediumMax: 350 } as const;
/** Visibility from the visible share of the part's pixels: ≥ 0.9 visible, ≥ 0.1 partially visible, else hidden. */
export const VISIBLE_SHARE = { visibleMin: 0.9, partialMin: 0.1 } as const;
/** Proportion rules for shapes (ratios of extents). */
export const SHAPE = {
  /** thinnest ≤ flatRatio × middle → flat */
  flatRatio: 0.35,
  /** longest ≥ elongatedRatio × middle → elongated */
  elongatedRatio: 3,
  /** a cone/lathe end narrower than this share of the widest radius is a point */
  pointRadiusShare: 0.15,
  /** a lathe end tapering to the axis at less than this full angle (degrees) is a point */
  pointConeAngle: 60,
  /** an outline vertex sharper than this (degrees) is a point */
  pointAngle: 50,
  /** serrated: at least this many sharp (< serrationAngle) convex vertices between reflex ones */
  serrationCount: 4,
  serrationAngle: 100,
  /** tube paths turning more than this in total are curved; open paths turning ≥ hookTurn are hooked */
  curvedTurn: 25,
  hookTurn: 150,
  /** a torus arc of at least this many degrees is round, else curved (and hooked from hookTurn) */
  fullArc: 359,
} as const;

export type ShapeValue =
  "flat" | "round" | "elongated" | "curved" | "cylindrical" | "pointed" | "hooked" | "serrated" | "rectangular";

/** Shape values implied by one geometry (its own proportions). */
export function geometryShapes(g: Geometry, scale?: Vec3): ShapeValue[] {
  const [thin, mid, long] = sortedExtents(g, scale);
  const out: ShapeValue[] = [];
  const flat = thin <= SHAPE.flatRatio * mid;
  const elongated = long >= SHAPE.elongatedRatio * mid;
  switch (g.kind) {
    case "box":
      out.push("rectangular");
      if (flat) out.push("flat");
      if (elongated) out.push("elongated");
      break;
    case "cylinder": {
      const r = Math.max(g.radiusTop, g.radiusBottom);
      const pointed = Math.min(g.radiusTop, g.radiusBottom) <= SHAPE.pointRadiusShare * r;
      if (pointed) out.push("pointed");
      if (g.height <= SHAPE.flatRatio * 2 * r) out.push("round", "flat");
      else if (g.height >= SHAPE.elongatedRatio * 2 * r) out.push("cylindrical", "elongated");
      else if (!pointed) out.push("cylindrical");
      break;
    }
    case "sphere":
      out.push("round");
      if (flat) out.push("flat");
      if (elongated) out.push("elongated");
      break;
    case "torus": {
      const arc = g.arc ?? 360;
      if (arc >= SHAPE.fullArc) out.push("round");
      else {
        out.push("curved");
        if (arc >= SHAPE.hookTurn) out.push("hooked");
      }
      break;
    }
    case "lathe": {
      const rMax = Math.max(...g.points.map((p) => p[0]));
      const ys = g.points.map((p) => p[1]);
      const h = (Math.max(...ys) - Math.min(...ys)) * (scale?.[1] ?? 1);
      const d = 2 * rMax * Math.max(scale?.[0] ?? 1, scale?.[2] ?? 1);
      if (isShell(g)) {
        // an open shell: a bowl or cup is curved; shallow ones are also round, tall ones cylindrical
        out.push("curved", h < 0.6 * d ? "round" : "cylindrical");
        break;
      }
      const pts = g.points;
      const ends = [
        [pts[0]!, pts[1]],
        [pts[pts.length - 1]!, pts[pts.length - 2]],
      ] as const;
      const pointed = ends.some(([e, n]) => {
        if (!n || e[0] > SHAPE.pointRadiusShare * rMax) return false;
        // full angle of the taper at the end
        const full = (2 * Math.atan2(Math.abs(n[0] - e[0]), Math.abs(n[1] - e[1]))) / (Math.PI / 180);
        return full < SHAPE.pointConeAngle;
      });
      if (pointed) out.push("pointed");
      if (h >= SHAPE.elongatedRatio * d) out.push("cylindrical", "elongated");
      else if (h <= SHAPE.flatRatio * d) out.push("round", "flat");
      else if (h < 0.6 * d) out.push("round", "curved");
      else out.push("cylindrical");
      break;
    }
    case "extrude": {
      const angles = vertexAngles(g.shape);
      const sharp = angles.filter((a) => a.convex && a.angle < SHAPE.pointAngle).length;
      const teeth = countTeeth(angles);
      if (teeth >= SHAPE.serrationCount) out.push("serrated");
      else if (sharp > 0) out.push("pointed");
      if (flat) out.push("flat");
      if (elongated) out.push("elongated");
      if (isRoundOutline(g.shape)) out.push("round");
      else if (g.shape.length === 4 && angles.every((a) => Math.abs(a.angle - 90) < 8)) out.push("rectangular");
      break;
    }
    case "tube": {
      const len = pathLength(g.path, g.closed);
      const turn = totalTurning(g.closed ? [...g.path, g.path[0]!, g.path[1]!] : g.path);
      if (g.closed) out.push("round");
      else {
        if (turn >= SHAPE.hookTurn) out.push("hooked");
        if (turn >= SHAPE.curvedTurn) out.push("curved");
      }
      if (len >= 6 * g.radius && !g.closed) out.push("elongated");
      if (turn < SHAPE.curvedTurn && !g.closed) out.push("cylindrical");
      break;
    }
  }
  return out;
}

function countTeeth(angles: readonly { angle: number; convex: boolean }[]): number {
  // a tooth is a sharp convex vertex with a reflex neighbour
  let n = 0;
  for (let i = 0; i < angles.length; i++) {
    const a = angles[i]!;
    if (!a.convex || a.angle >= SHAPE.serrationAngle) continue;
    const prev = angles[(i - 1 + angles.length) % angles.length]!;
    const next = angles[(i + 1) % angles.length]!;
    if (!prev.convex || !next.convex) n++;
  }
  return n;
}

function isRoundOutline(pts: readonly (readonly [number, number])[]): boolean {
  if (pts.length < 12) return false;
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const rs = pts.map((p) => Math.hypot(p[0] - cx, p[1] - cy));
  const mean = rs.reduce((s, r) => s + r, 0) / rs.length;
  return rs.every((r) => Math.abs(r - mean) <= 0.12 * mean) && Math.abs(polygonArea(pts)) > 0;
}

/** Thickness class of a smallest extent in mm. */
export function thicknessClass(mm: number): "thin" | "medium" | "thick" {
  return mm <= THICKNESS_MM.thinMax ? "thin" : mm <= THICKNESS_MM.mediumMax ? "medium" : "thick";
}

/** Size class of a largest extent in mm. */
export function sizeClass(mm: number): "small" | "medium" | "large" {
  return mm <= SIZE_MM.smallMax ? "small" : mm <= SIZE_MM.mediumMax ? "medium" : "large";
}

/** Surface of a material with no telling finish. */
export const SURFACE_BY_MATERIAL: Readonly<Record<Material, "smooth" | "rough" | "textured">> = {
  metal: "smooth",
  wood: "smooth",
  plastic: "smooth",
  glass: "smooth",
  fabric: "textured",
  paper: "smooth",
  rubber: "smooth",
  ceramic: "smooth",
  foam: "textured",
  stone: "rough",
  food: "smooth",
};

const HARD_SMOOTH: readonly Material[] = ["metal", "glass", "ceramic", "plastic", "stone"];

/** Surface values from material, finish and wetness. */
export function surfaceOf(material: Material, finish: Finish, wet: boolean): string[] {
  if (finish === "tacky") return ["sticky"];
  const base =
    finish === "textured"
      ? "textured"
      : finish === "rough"
        ? "rough"
        : (finish === "polished" && material === "stone") || (finish === "gloss" && material === "fabric")
          ? "smooth" // polished stone; a coated (gloss) fabric such as an umbrella's nylon
          : SURFACE_BY_MATERIAL[material];
  return base === "smooth" && wet && HARD_SMOOTH.includes(material) ? ["smooth", "slippery"] : [base];
}

/** The measurable facts of one part of a model (also what `render.json` records per part). */
export interface PartFacts {
  readonly part: string;
  readonly materials: readonly Material[];
  /** Distinct material + finish pairs of the part's meshes, largest mesh first (they decide the surface). */
  readonly looks: readonly { readonly material: Material; readonly finish: Finish }[];
  /** Extents of the part's bounding box in the model frame, mm [x, y, z]. */
  readonly dimsMm: Vec3;
  /** Material thickness of the part's largest mesh, mm (its smallest extent, or a shell's wall). */
  readonly thicknessMm: number;
  readonly shapes: readonly ShapeValue[];
}

/** Facts of every KB part of a model, in mesh order of first appearance. */
export function partFacts(model: ModelSpec): PartFacts[] {
  const byPart = new Map<string, MeshSpec[]>();
  for (const m of model.meshes) {
    if (m.part === null) continue;
    const list = byPart.get(m.part) ?? [];
    list.push(m);
    byPart.set(m.part, list);
  }
  return [...byPart].map(([part, meshes]) => {
    const ordered = [...meshes].sort((a, b) => approxVolume(b.geometry, b.scale) - approxVolume(a.geometry, a.scale));
    const shapes: ShapeValue[] = [];
    for (const m of ordered)
      for (const s of geometryShapes(m.geometry, m.scale)) if (!shapes.includes(s)) shapes.push(s);
    if (model.states.bent > 0 && shapes.includes("elongated") && !shapes.includes("curved")) shapes.push("curved");
    const dims = extents(unionBounds(meshes.map(meshBounds)));
    return {
      part,
      materials: unique(ordered.filter((m) => !m.lookOnly).map((m) => m.material)),
      looks: ordered
        .map((m) => ({ material: m.material, finish: m.finish ?? ("satin" as Finish) }))
        .filter((l, i, all) => all.findIndex((o) => o.material === l.material && o.finish === l.finish) === i),
      dimsMm: dims.map(round2) as unknown as Vec3,
      thicknessMm: round2(meshThickness(ordered[0]!)),
      shapes,
    };
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** One derived attribute (SPEC §2 shape: value is a string or a list of strings all true). */
export interface DerivedAttribute {
  readonly name: string;
  readonly value: string | string[];
  readonly visual: true;
}

const one = (xs: readonly string[]): string | string[] => (xs.length === 1 ? xs[0]! : [...xs]);

/** Names of the attributes this module derives; every other attribute is carried over from the knowledge base. */
export const DERIVED_ATTRIBUTES = [
  "material",
  "shape",
  "thickness",
  "size",
  "surface",
  "moisture",
  "visibility",
  "availability",
] as const;

/**
 * The derived visual attributes of one part. `visibleShare` (0..1, measured in the scene) gives visibility and
 * availability; leave it undefined when nothing was measured.
 */
export function deriveAttributes(facts: PartFacts, wet: boolean, visibleShare?: number): DerivedAttribute[] {
  const longest = Math.max(...facts.dimsMm);
  const surfaces: string[] = [];
  for (const l of facts.looks)
    for (const s of surfaceOf(l.material, l.finish, wet)) if (!surfaces.includes(s)) surfaces.push(s);
  const out: DerivedAttribute[] = [
    ...(facts.materials.length > 0 ? [{ name: "material", value: one(facts.materials), visual: true as const }] : []),
    ...(facts.shapes.length > 0 ? [{ name: "shape", value: one(facts.shapes), visual: true as const }] : []),
    { name: "thickness", value: thicknessClass(facts.thicknessMm), visual: true },
    { name: "size", value: sizeClass(longest), visual: true },
    { name: "surface", value: one(surfaces), visual: true },
    { name: "moisture", value: wet ? "wet" : "dry", visual: true },
  ];
  if (visibleShare !== undefined) {
    const v =
      visibleShare >= VISIBLE_SHARE.visibleMin
        ? ["visible", "free"]
        : visibleShare >= VISIBLE_SHARE.partialMin
          ? ["partially visible", "partially blocked"]
          : ["hidden", "blocked"];
    out.push({ name: "visibility", value: v[0]!, visual: true }, { name: "availability", value: v[1]!, visual: true });
  }
  return out;
}

/** One inconsistency between a scenario and its render.json: a JSON path in scenario.json and what is wrong. */
export interface RenderIssue {
  readonly path: string;
  readonly message: string;
}

/** The minimal scenario shape the consistency check reads. */
interface ScenarioLike {
  readonly entities: readonly {
    readonly id: string;
    readonly parts: readonly {
      readonly id: string;
      readonly attributes: readonly {
        readonly name: string;
        readonly value: string | readonly string[];
        readonly visual: boolean;
      }[];
    }[];
  }[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const valueSet = (v: string | readonly string[]): string =>
  JSON.stringify([...(typeof v === "string" ? [v] : v)].map((x) => x.trim().toLowerCase()).sort());

/**
 * Re-derives every derivable visual attribute of a rendered scenario from its render.json (the stored model of each
 * entity, its wet state and the measured visible share of each part) and reports every attribute of scenario.json
 * that contradicts it, is missing, or is not marked visual. Pure; `render` is the parsed render.json.
 */
export function renderConsistencyIssues(scenario: ScenarioLike, render: unknown): RenderIssue[] {
  const issues: RenderIssue[] = [];
  if (!isObj(render) || !isObj(render.entities))
    return [{ path: "source", message: 'render.json has no "entities" object' }];
  const entities = render.entities;
  scenario.entities.forEach((e, ei) => {
    const r = entities[e.id];
    if (!isObj(r) || !isObj(r.model) || !Array.isArray((r.model as { meshes?: unknown }).meshes) || !isObj(r.parts)) {
      issues.push({ path: `entities[${ei}]`, message: `entity "${e.id}" has no model in render.json` });
      return;
    }
    const model = r.model as unknown as ModelSpec;
    let facts: PartFacts[];
    try {
      facts = partFacts(model);
    } catch (err) {
      issues.push({
        path: `entities[${ei}]`,
        message: `the model of "${e.id}" in render.json is malformed (${(err as Error).message})`,
      });
      return;
    }
    const wet = model.states?.wet === true;
    const rParts = r.parts as Record<string, unknown>;
    e.parts.forEach((p, pi) => {
      const where = `entities[${ei}].parts[${pi}]`;
      const f = facts.find((x) => x.part === p.id);
      if (!f) {
        issues.push({ path: where, message: `part "${e.id}/${p.id}" has no mesh in its render.json model` });
        return;
      }
      const rp = rParts[p.id];
      const share = isObj(rp) && typeof rp.visibleShare === "number" ? rp.visibleShare : undefined;
      for (const d of deriveAttributes(f, wet, share)) {
        const ai = p.attributes.findIndex((a) => a.name === d.name);
        const a = p.attributes[ai];
        if (!a) {
          issues.push({
            path: `${where}.attributes`,
            message: `${d.name} is missing; render.json gives ${JSON.stringify(d.value)}`,
          });
          continue;
        }
        if (valueSet(a.value) !== valueSet(d.value))
          issues.push({
            path: `${where}.attributes[${ai}].value`,
            message: `${d.name} ${JSON.stringify(a.value)} contradicts render.json, which gives ${JSON.stringify(d.value)}`,
          });
        else if (!a.visual)
          issues.push({
            path: `${where}.attributes[${ai}].visual`,
            message: `${d.name} is derived from the render, so it must be visual`,
          });
      }
    });
  });
  return issues;
}
