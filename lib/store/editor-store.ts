/**
 * The scenario editor's client state: the draft document, selection, the drawing tool, and undo/redo
 * history. One store per mounted editor (the xyflow pattern, like scene-store.ts). Every change to the
 * document goes through `apply(recipe)`, which records one undo step (typing into one field coalesces
 * into one step). The document edits themselves are pure functions exported below and unit-tested;
 * coordinates are image pixels of the space being edited (scene pixels, or an entity's view pixels for
 * its parts when the entity has a `view`).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import {
  attributeValues,
  type AttributeValue,
  type Entity,
  type Part,
  type Region,
  type Scenario,
} from "@/core/scenario/schema";
import { regionBounds, translateRegion, type Rect } from "@/core/scenario/geometry";

/** The draft: a scenario document that may not be valid yet (the validator reports what is missing). */
export type Draft = Scenario;

/** What is selected: an entity (by index), optionally one of its parts. */
export interface Selection {
  readonly entity: number;
  readonly part: number | null;
}

/** Which image the canvas shows: the scene, or an entity's separate view photo (to draw its parts). */
export type CanvasSpace = { readonly kind: "scene" } | { readonly kind: "view"; readonly entity: number };

export type Tool = "select" | "entity-box" | "entity-polygon" | "part-box" | "part-polygon";

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 200;
/** Edits with the same coalesce key within this many ms form one undo step (typing in one field). */
export const COALESCE_MS = 1200;

// ---------------------------------------------------------------------------------------------------
// Pure document edits

/** A fresh id `<base>-<n>` not in `taken`. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Rounds region coordinates to 0.1 px (drag maths leaves long fractions). */
export function roundRegion(region: Region): Region {
  const r = (v: number) => Math.round(v * 10) / 10;
  if ("box" in region) return { box: [r(region.box[0]), r(region.box[1]), r(region.box[2]), r(region.box[3])] };
  return { polygon: region.polygon.map(([x, y]) => [r(x), r(y)] as [number, number]) };
}

/** Clamps a region into an image of `size` (a box keeps at least 1 px). */
export function clampRegion(region: Region, size: { width: number; height: number }): Region {
  const cx = (v: number) => Math.min(Math.max(v, 0), size.width);
  const cy = (v: number) => Math.min(Math.max(v, 0), size.height);
  if ("box" in region) {
    const [x, y, w, h] = region.box;
    const x0 = cx(x);
    const y0 = cy(y);
    const x1 = Math.max(cx(x + w), Math.min(x0 + 1, size.width));
    const y1 = Math.max(cy(y + h), Math.min(y0 + 1, size.height));
    return { box: [x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)] };
  }
  return { polygon: region.polygon.map(([x, y]) => [cx(x), cy(y)] as [number, number]) };
}

/** Adds an entity with `region` and returns the new draft and its index. */
export function addEntity(doc: Draft, region: Region): { doc: Draft; index: number } {
  const id = freshId(
    "entity",
    doc.entities.map((e) => e.id),
  );
  const entity: Entity = {
    id,
    name: id.replace("-", " "),
    region: roundRegion(region),
    description: "",
    parts: [],
  } as unknown as Entity; // parts may be empty in a draft; the validator says so
  return { doc: { ...doc, entities: [...doc.entities, entity] }, index: doc.entities.length };
}

/** Adds a part to entity `entityIndex` and returns the new draft and the part's index. */
export function addPart(doc: Draft, entityIndex: number, region: Region): { doc: Draft; index: number } {
  const entity = doc.entities[entityIndex];
  if (!entity) return { doc, index: -1 };
  const id = freshId(
    "part",
    entity.parts.map((p) => p.id),
  );
  const part: Part = {
    id,
    name: id.replace("-", " "),
    region: roundRegion(region),
    description: "",
    attributes: [],
    affordances: [],
  };
  return {
    doc: updateEntity(doc, entityIndex, (e) => ({ ...e, parts: [...e.parts, part] })),
    index: entity.parts.length,
  };
}

export function updateEntity(doc: Draft, index: number, fn: (e: Entity) => Entity): Draft {
  return { ...doc, entities: doc.entities.map((e, i) => (i === index ? fn(e) : e)) };
}

export function updatePart(doc: Draft, entity: number, part: number, fn: (p: Part) => Part): Draft {
  return updateEntity(doc, entity, (e) => ({ ...e, parts: e.parts.map((p, j) => (j === part ? fn(p) : p)) }));
}

/** Sets the region of the selected entity or part. */
export function setRegion(doc: Draft, target: Selection, region: Region): Draft {
  const rounded = roundRegion(region);
  if (target.part === null) return updateEntity(doc, target.entity, (e) => ({ ...e, region: rounded }));
  return updatePart(doc, target.entity, target.part, (p) => ({ ...p, region: rounded }));
}

/**
 * Moves a region by (dx, dy). Moving an entity without a `view` moves its parts too (their regions are
 * in scene pixels and belong inside it); parts of an entity with a view are in the view's pixels and stay.
 */
export function moveTarget(doc: Draft, target: Selection, dx: number, dy: number): Draft {
  const entity = doc.entities[target.entity];
  if (!entity) return doc;
  const move = (r: Region) => roundRegion(translateRegion(r, -dx, -dy)); // translateRegion subtracts
  if (target.part !== null) {
    return updatePart(doc, target.entity, target.part, (p) => ({ ...p, region: move(p.region) }));
  }
  return updateEntity(doc, target.entity, (e) => ({
    ...e,
    region: move(e.region),
    parts: e.view ? e.parts : e.parts.map((p) => ({ ...p, region: move(p.region) })),
  }));
}

/**
 * Renames an entity or part id and follows the rename in gold[] and similar[] (so references stay
 * valid). `part` null renames the entity.
 */
export function renameId(doc: Draft, target: Selection, newId: string): Draft {
  const entity = doc.entities[target.entity];
  if (!entity) return doc;
  if (target.part === null) {
    const old = entity.id;
    const next = updateEntity(doc, target.entity, (e) => ({ ...e, id: newId }));
    return {
      ...next,
      gold: next.gold.map((g) => (g.entity === old ? { ...g, entity: newId } : g)),
      ...(next.similar ? { similar: next.similar.map((s) => (s.entity === old ? { ...s, entity: newId } : s)) } : {}),
    };
  }
  const part = entity.parts[target.part];
  if (!part) return doc;
  const old = part.id;
  const next = updatePart(doc, target.entity, target.part, (p) => ({ ...p, id: newId }));
  const follows = (r: { entity: string; part: string }) => r.entity === entity.id && r.part === old;
  return {
    ...next,
    gold: next.gold.map((g) => (follows(g) ? { ...g, part: newId } : g)),
    ...(next.similar ? { similar: next.similar.map((s) => (follows(s) ? { ...s, part: newId } : s)) } : {}),
  };
}

/**
 * Deletes the selected entity or part, and the gold/similar entries that pointed at it (they would
 * otherwise be dangling references).
 */
export function deleteTarget(doc: Draft, target: Selection): Draft {
  const entity = doc.entities[target.entity];
  if (!entity) return doc;
  if (target.part === null) {
    return {
      ...doc,
      entities: doc.entities.filter((_, i) => i !== target.entity),
      gold: doc.gold.filter((g) => g.entity !== entity.id),
      ...(doc.similar ? { similar: doc.similar.filter((s) => s.entity !== entity.id) } : {}),
    };
  }
  const part = entity.parts[target.part];
  if (!part) return doc;
  const hit = (r: { entity: string; part: string }) => r.entity === entity.id && r.part === part.id;
  return {
    ...updateEntity(doc, target.entity, (e) => ({ ...e, parts: e.parts.filter((_, j) => j !== target.part) })),
    gold: doc.gold.filter((g) => !hit(g)),
    ...(doc.similar ? { similar: doc.similar.filter((s) => !hit(s)) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Snapping

/** Where edges may snap: x and y lines in image pixels. */
export interface SnapTargets {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

/** Image edges and the edges of every other region's bounds (the dragged one excluded). */
export function snapTargets(size: { width: number; height: number }, others: readonly Region[]): SnapTargets {
  const xs = [0, size.width];
  const ys = [0, size.height];
  for (const region of others) {
    const b = regionBounds(region);
    xs.push(b.x, b.x + b.w);
    ys.push(b.y, b.y + b.h);
  }
  return { xs, ys };
}

/** The nearest target within `threshold` of `value`, else `value`; with a grid, the nearest grid line. */
export function snapValue(value: number, targets: readonly number[], threshold: number, grid = 0): number {
  let best = value;
  let bestDistance = threshold;
  for (const t of targets) {
    const d = Math.abs(t - value);
    if (d <= bestDistance) {
      best = t;
      bestDistance = d;
    }
  }
  if (best === value && grid > 0) return Math.round(value / grid) * grid;
  return best;
}

/** Snaps a point's x and y independently. */
export function snapPoint(
  p: { x: number; y: number },
  targets: SnapTargets,
  threshold: number,
  grid = 0,
): { x: number; y: number } {
  return { x: snapValue(p.x, targets.xs, threshold, grid), y: snapValue(p.y, targets.ys, threshold, grid) };
}

/**
 * Moves a rectangle (keeping its size) so the closest of its edges snaps to a target on each axis.
 * Used while dragging a whole region.
 */
export function snapMove(rect: Rect, targets: SnapTargets, threshold: number, grid = 0): { dx: number; dy: number } {
  const axis = (start: number, size: number, lines: readonly number[]) => {
    let best = 0;
    let bestDistance = threshold + 1e-9;
    for (const edge of [start, start + size]) {
      for (const t of lines) {
        const d = Math.abs(t - edge);
        if (d < bestDistance) {
          best = t - edge;
          bestDistance = d;
        }
      }
    }
    if (bestDistance > threshold && grid > 0) return Math.round(start / grid) * grid - start;
    return bestDistance <= threshold ? best : 0;
  };
  return { dx: axis(rect.x, rect.w, targets.xs), dy: axis(rect.y, rect.h, targets.ys) };
}

/** Snaps every edge of a box (after a resize). */
export function snapBox(
  box: readonly [number, number, number, number],
  targets: SnapTargets,
  threshold: number,
  grid = 0,
) {
  const [x, y, w, h] = box;
  const x0 = snapValue(x, targets.xs, threshold, grid);
  const y0 = snapValue(y, targets.ys, threshold, grid);
  const x1 = snapValue(x + w, targets.xs, threshold, grid);
  const y1 = snapValue(y + h, targets.ys, threshold, grid);
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(1, Math.abs(x1 - x0)), Math.max(1, Math.abs(y1 - y0))] as [
    number,
    number,
    number,
    number,
  ];
}

/**
 * An attribute value with `value` ticked on or off in the multi-select. One value stays a string, several
 * become a list in the order they were ticked (SPEC §2); the last value cannot be ticked off.
 */
export function toggleAttributeValue(current: AttributeValue, value: string, on: boolean): AttributeValue {
  const values = attributeValues(current).filter((v) => v !== "");
  const next = on ? (values.includes(value) ? values : [...values, value]) : values.filter((v) => v !== value);
  if (next.length === 0) return current;
  return next.length === 1 ? next[0]! : next;
}

// ---------------------------------------------------------------------------------------------------
// Comparing two versions (conflict view)

/** Human lines naming what differs between two documents (entities by id, then top-level fields). */
export function diffScenarios(mine: Draft, theirs: Draft): string[] {
  const lines: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of ["title", "setting", "task", "constraints", "distractorSimilarity", "items", "source"] as const) {
    if (!same(mine[key], theirs[key])) lines.push(`${key} differs`);
  }
  const theirsById = new Map(theirs.entities.map((e) => [e.id, e]));
  const mineIds = new Set(mine.entities.map((e) => e.id));
  for (const e of mine.entities) {
    const other = theirsById.get(e.id);
    if (!other) lines.push(`entity "${e.id}" only in yours`);
    else if (!same(e, other)) {
      const what: string[] = [];
      if (!same(e.region, other.region)) what.push("region");
      if (e.name !== other.name || e.description !== other.description) what.push("text");
      if (!same(e.parts, other.parts)) what.push("parts");
      lines.push(`entity "${e.id}" differs (${what.join(", ") || "view"})`);
    }
  }
  for (const e of theirs.entities) if (!mineIds.has(e.id)) lines.push(`entity "${e.id}" only in the latest`);
  if (!same(mine.gold, theirs.gold)) lines.push("gold differs");
  if (!same(mine.similar ?? [], theirs.similar ?? [])) lines.push("similar differs");
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// The store

export interface EditorState {
  readonly doc: Draft;
  /** The stored version this draft builds on; null for a scenario not saved yet. */
  readonly baseVersion: number | null;
  readonly past: readonly Draft[];
  readonly future: readonly Draft[];
  readonly selection: Selection | null;
  readonly space: CanvasSpace;
  readonly tool: Tool;
  readonly snap: boolean;
  /** Grid size in image px (0 = off). */
  readonly grid: number;
  /** True when the draft differs from what was last loaded or saved. */
  readonly dirty: boolean;
  /** Coalescing of the last edit (for typing). */
  readonly lastEdit: { readonly key: string; readonly at: number } | null;

  /** Applies a document edit as one undo step (edits with the same `coalesce` key close in time merge). */
  apply(recipe: (doc: Draft) => Draft, coalesce?: string): void;
  undo(): void;
  redo(): void;
  select(selection: Selection | null): void;
  setSpace(space: CanvasSpace): void;
  setTool(tool: Tool): void;
  setSnap(snap: boolean): void;
  setGrid(grid: number): void;
  /** Draws a new entity (scene space) or part (of the selected entity) with `region`, and selects it. */
  createRegion(kind: "entity" | "part", region: Region): void;
  deleteSelected(): void;
  /** Replaces the draft (after a save or a reload); clears history only when `resetHistory`. */
  load(doc: Draft, baseVersion: number | null, options?: { resetHistory?: boolean; dirty?: boolean }): void;
}

export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(doc: Draft, baseVersion: number | null, now: () => number = Date.now): EditorStore {
  return createStore<EditorState>()((set, get) => ({
    doc,
    baseVersion,
    past: [],
    future: [],
    selection: null,
    space: { kind: "scene" },
    tool: "select",
    snap: true,
    grid: 0,
    dirty: false,
    lastEdit: null,

    apply(recipe, coalesce) {
      const s = get();
      const next = recipe(s.doc);
      if (next === s.doc) return;
      const t = now();
      const merge = coalesce !== undefined && s.lastEdit?.key === coalesce && t - s.lastEdit.at < COALESCE_MS;
      set({
        doc: next,
        past: merge ? s.past : [...s.past, s.doc].slice(-HISTORY_LIMIT),
        future: [],
        dirty: true,
        lastEdit: coalesce !== undefined ? { key: coalesce, at: t } : null,
      });
    },
    undo() {
      const s = get();
      const previous = s.past.at(-1);
      if (!previous) return;
      set({
        doc: previous,
        past: s.past.slice(0, -1),
        future: [s.doc, ...s.future],
        dirty: true,
        lastEdit: null,
        selection: validSelection(previous, s.selection),
      });
    },
    redo() {
      const s = get();
      const next = s.future[0];
      if (!next) return;
      set({
        doc: next,
        past: [...s.past, s.doc],
        future: s.future.slice(1),
        dirty: true,
        lastEdit: null,
        selection: validSelection(next, s.selection),
      });
    },
    select(selection) {
      const s = get();
      const space =
        s.space.kind === "view" && selection?.entity !== s.space.entity ? ({ kind: "scene" } as const) : s.space;
      set({ selection: validSelection(s.doc, selection), space });
    },
    setSpace(space) {
      set({ space });
    },
    setTool(tool) {
      set({ tool });
    },
    setSnap(snap) {
      set({ snap });
    },
    setGrid(grid) {
      set({ grid: Math.max(0, grid) });
    },
    createRegion(kind, region) {
      const s = get();
      if (kind === "entity") {
        const { doc: next, index } = addEntity(s.doc, region);
        get().apply(() => next);
        set({ selection: { entity: index, part: null }, tool: "select" });
        return;
      }
      const entity = s.selection?.entity ?? (s.space.kind === "view" ? s.space.entity : null);
      if (entity === null || entity === undefined) return;
      const { doc: next, index } = addPart(s.doc, entity, region);
      if (index < 0) return;
      get().apply(() => next);
      set({ selection: { entity, part: index }, tool: "select" });
    },
    deleteSelected() {
      const s = get();
      if (!s.selection) return;
      const target = s.selection;
      get().apply((d) => deleteTarget(d, target));
      set({
        selection: target.part === null ? null : { entity: target.entity, part: null },
        space: target.part === null ? { kind: "scene" } : s.space,
      });
    },
    load(next, version, options = {}) {
      const s = get();
      set({
        doc: next,
        baseVersion: version,
        past: options.resetHistory ? [] : [...s.past, s.doc].slice(-HISTORY_LIMIT),
        future: options.resetHistory ? [] : s.future,
        dirty: options.dirty ?? false,
        lastEdit: null,
        selection: validSelection(next, s.selection),
        space: s.space.kind === "view" && !next.entities[s.space.entity]?.view ? { kind: "scene" } : s.space,
      });
    },
  }));
}

function validSelection(doc: Draft, selection: Selection | null): Selection | null {
  if (!selection) return null;
  const entity = doc.entities[selection.entity];
  if (!entity) return null;
  if (selection.part !== null && !entity.parts[selection.part]) return { entity: selection.entity, part: null };
  return selection;
}

/** The region list of the canvas space with what each is (for drawing and hit-testing). */
export interface SpaceRegion {
  readonly key: string;
  readonly target: Selection;
  readonly region: Region;
  readonly label: string;
  readonly kind: "entity" | "part";
}

/**
 * The regions drawn in a space: in the scene, every entity, plus the parts (in scene pixels) of the
 * selected entity when it has no view; in a view, that entity's parts.
 */
export function regionsInSpace(doc: Draft, space: CanvasSpace, selection: Selection | null): SpaceRegion[] {
  if (space.kind === "view") {
    const entity = doc.entities[space.entity];
    if (!entity) return [];
    return entity.parts.map((p, j) => ({
      key: `p:${space.entity}:${j}`,
      target: { entity: space.entity, part: j },
      region: p.region,
      label: `${entity.id}/${p.id}`,
      kind: "part",
    }));
  }
  const out: SpaceRegion[] = doc.entities.map((e, i) => ({
    key: `e:${i}`,
    target: { entity: i, part: null },
    region: e.region,
    label: e.id,
    kind: "entity",
  }));
  const selected = selection ? doc.entities[selection.entity] : undefined;
  if (selection && selected && !selected.view) {
    selected.parts.forEach((p, j) =>
      out.push({
        key: `p:${selection.entity}:${j}`,
        target: { entity: selection.entity, part: j },
        region: p.region,
        label: `${selected.id}/${p.id}`,
        kind: "part",
      }),
    );
  }
  return out;
}
