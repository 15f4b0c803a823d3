/**
 * Composition of scenario images with sharp: the scene (backdrop + objects), an entity's object-centric
 * view, and a part's zoom-in view. Every output is a deterministic RGB PNG.
 */
import sharp, { type OverlayOptions } from "sharp";
import { backdropMarkup, propBounds, propMarkup } from "./backdrops";
import { relBounds, type Bounds, type Placement, type RelRegion } from "./geometry";
import { opaqueBounds, renderIcon, renderIconWindow } from "./icons";
import { encodeIntermediatePng, encodeOpaquePng } from "./png";
import type { Backdrop, PropName } from "@/scenario-src/spec";

/** Scene size in pixels. */
export const SCENE_WIDTH = 1600;
export const SCENE_HEIGHT = 1000;
/** Entity view: a square image with the object drawn large and centred. */
export const VIEW_SIZE = 800;
export const VIEW_ICON_SIZE = 640;
/** Part view: a square zoom-in. */
export const PART_VIEW_SIZE = 600;

/** The icon box of an entity view. */
export const VIEW_PLACEMENT: Placement = {
  left: (VIEW_SIZE - VIEW_ICON_SIZE) / 2,
  top: (VIEW_SIZE - VIEW_ICON_SIZE) / 2,
  size: VIEW_ICON_SIZE,
};

/** One thing drawn in the scene: an icon or a prop in an icon box. */
export type SceneObject = { readonly placement: Placement; readonly shadow: boolean } & (
  { readonly icon: string } | { readonly prop: PropName }
);

/** The icon box of an object centred at (cx, cy), `size` px wide, snapped to whole pixels. */
export function placementAt(cx: number, cy: number, size: number): Placement {
  return { left: Math.round(cx - size / 2), top: Math.round(cy - size / 2), size: Math.round(size) };
}

/** The tight pixel bounds of what an object draws, in scene pixels. */
export async function drawnBounds(obj: SceneObject): Promise<Bounds> {
  const { left, top, size } = obj.placement;
  const b = "icon" in obj ? await opaqueBounds(await renderIcon(obj.icon, size)) : scaled(propBounds(obj.prop), size);
  return { x: left + b.x, y: top + b.y, w: b.w, h: b.h };
}

function scaled(b: Bounds, size: number): Bounds {
  return { x: Math.round(b.x * size), y: Math.round(b.y * size), w: Math.round(b.w * size), h: Math.round(b.h * size) };
}

/** A soft ellipse shadow under the drawn bounds of an object. */
function shadowMarkup(b: Bounds): string {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h - Math.max(4, b.h * 0.03);
  return `<ellipse cx="${cx}" cy="${cy}" rx="${(b.w * 0.46).toFixed(1)}" ry="${Math.max(8, b.h * 0.07).toFixed(1)}" fill="#000" opacity="0.22" filter="url(#soft)"/>`;
}

function svgDocument(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  );
}

/** Renders the scene: the setting's backdrop, contact shadows, props, then icons in the given order. */
export async function renderScene(setting: Backdrop, objects: readonly SceneObject[]): Promise<Buffer> {
  let markup = `<defs><filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="6"/></filter></defs>`;
  markup += backdropMarkup(setting, SCENE_WIDTH, SCENE_HEIGHT);
  for (const obj of objects) if (obj.shadow) markup += shadowMarkup(await drawnBounds(obj));
  for (const obj of objects) {
    if ("prop" in obj) markup += propMarkup(obj.prop, obj.placement.left, obj.placement.top, obj.placement.size);
  }
  const overlays: OverlayOptions[] = [];
  for (const obj of objects) {
    if ("icon" in obj) {
      overlays.push({
        input: await renderIcon(obj.icon, obj.placement.size),
        left: obj.placement.left,
        top: obj.placement.top,
      });
    }
  }
  const base = await encodeIntermediatePng(sharp(svgDocument(SCENE_WIDTH, SCENE_HEIGHT, markup)));
  return encodeOpaquePng(sharp(base).composite(overlays));
}

/** A neutral studio background: light grey with a soft vignette and a floor shadow under `shadow`. */
function studioMarkup(size: number, shadow: Bounds | null): string {
  let body = `<defs><radialGradient id="studio" cx="0.5" cy="0.45" r="0.75"><stop offset="0" stop-color="#f7f7f5"/><stop offset="1" stop-color="#dcdcd7"/></radialGradient><filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="10"/></filter></defs>`;
  body += `<rect width="${size}" height="${size}" fill="url(#studio)"/>`;
  if (shadow) body += shadowMarkup(shadow);
  return body;
}

/** Renders an entity view: the icon at `VIEW_PLACEMENT` on a neutral background, `VIEW_SIZE` square. */
export async function renderEntityView(icon: string): Promise<Buffer> {
  const png = await renderIcon(icon, VIEW_ICON_SIZE);
  const b = await opaqueBounds(png);
  const shadow = { x: b.x + VIEW_PLACEMENT.left, y: b.y + VIEW_PLACEMENT.top, w: b.w, h: b.h };
  const base = await encodeIntermediatePng(sharp(svgDocument(VIEW_SIZE, VIEW_SIZE, studioMarkup(VIEW_SIZE, shadow))));
  return encodeOpaquePng(sharp(base).composite([{ input: png, left: VIEW_PLACEMENT.left, top: VIEW_PLACEMENT.top }]));
}

/**
 * The window (fractions of the icon box) a part's zoom-in shows: the part's bounds grown by a margin,
 * made square, at least `minSide` wide.
 */
export function partWindow(region: RelRegion, minSide = 0.3): Bounds {
  const b = relBounds(region);
  const side = Math.max(minSide, Math.max(b.w, b.h) * 1.4 + 0.06);
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  return { x: cx - side / 2, y: cy - side / 2, w: side, h: side };
}

/** Renders a part's zoom-in view: the icon's artwork inside `partWindow(region)`, `PART_VIEW_SIZE` square. */
export async function renderPartView(icon: string, region: RelRegion): Promise<Buffer> {
  const zoom = await renderIconWindow(icon, partWindow(region), PART_VIEW_SIZE, PART_VIEW_SIZE);
  const base = await encodeIntermediatePng(
    sharp(svgDocument(PART_VIEW_SIZE, PART_VIEW_SIZE, studioMarkup(PART_VIEW_SIZE, null))),
  );
  return encodeOpaquePng(sharp(base).composite([{ input: zoom, left: 0, top: 0 }]));
}
