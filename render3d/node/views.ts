/**
 * Single-object views (entity view + part views) with their ID-pass polygons, and an overlay drawer to look at
 * them. Used by the preview command and the scenario renderer.
 */
import sharp from "sharp";
import type { ModelSpec } from "../model/types";
import type { ResolvedCamera, ViewResponse } from "../protocol";
import { maskPolygon, type Point } from "./masks";
import type { Renderer } from "./renderer";

export const ENTITY_VIEW = { width: 1024, height: 768 } as const;
export const PART_VIEW = { width: 768, height: 576 } as const;

export interface PartPolygon {
  readonly part: string;
  readonly polygon: Point[];
  readonly pixels: number;
}

export interface EntityViewResult {
  readonly png: Buffer;
  readonly camera: ResolvedCamera;
  readonly parts: PartPolygon[];
  readonly ms: number;
}

/** Decodes the ID buffer of a response. */
export function idsOf(res: ViewResponse): Uint8Array {
  if (!res.ids) throw new Error("render3d: the view has no ID pass");
  return new Uint8Array(Buffer.from(res.ids.data, "base64"));
}

/** Renders an object alone in the studio with part polygons in view pixels. */
export async function renderEntityView(r: Renderer, model: ModelSpec, key = model.object): Promise<EntityViewResult> {
  const res = await r.render({
    ...ENTITY_VIEW,
    backdrop: "studio",
    objects: [{ key, model, x: 0, z: 0, yaw: 0 }],
    camera: { mode: "object", key },
    idPass: true,
  });
  const ids = idsOf(res);
  const parts: PartPolygon[] = [];
  res.ids!.legend.forEach((e, i) => {
    if (e.part === null) return;
    const p = maskPolygon(ENTITY_VIEW.width, ENTITY_VIEW.height, (j) => ids[j] === i + 1);
    if (p) parts.push({ part: e.part, ...p });
  });
  return { png: Buffer.from(res.png, "base64"), camera: res.camera, parts, ms: res.ms };
}

/** Renders a close-up of one part (the whole object is there; the camera frames the part). */
export async function renderPartView(
  r: Renderer,
  model: ModelSpec,
  part: string,
  key = model.object,
): Promise<{ png: Buffer; camera: ResolvedCamera; ms: number }> {
  const res = await r.render({
    ...PART_VIEW,
    backdrop: "studio",
    objects: [{ key, model, x: 0, z: 0, yaw: 0 }],
    camera: { mode: "part", key, part },
  });
  return { png: Buffer.from(res.png, "base64"), camera: res.camera, ms: res.ms };
}

const PALETTE = ["#ff3b30", "#34c759", "#007aff", "#ff9500", "#af52de", "#00c7be", "#ffcc00", "#ff2d55"];

/** The image with labelled polygons drawn over it (PNG). */
export async function drawPolygons(
  png: Buffer,
  polys: readonly { label: string; polygon: readonly Point[] }[],
): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const w = meta.width!;
  const h = meta.height!;
  const body = polys
    .map((p, i) => {
      const c = PALETTE[i % PALETTE.length];
      const pts = p.polygon.map(([x, y]) => `${x},${y}`).join(" ");
      const [lx, ly] = p.polygon[0] ?? [0, 0];
      const label = p.label.replace(/[<>&"]/g, "");
      return `<polygon points="${pts}" fill="${c}" fill-opacity="0.18" stroke="${c}" stroke-width="2"/>
<text x="${lx + 4}" y="${Math.max(14, ly - 4)}" font-family="sans-serif" font-size="16" fill="${c}" stroke="#000" stroke-width="0.6">${label}</text>`;
    })
    .join("\n");
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`);
  return sharp(png)
    .composite([{ input: svg, top: 0, left: 0 }])
    .png()
    .toBuffer();
}
