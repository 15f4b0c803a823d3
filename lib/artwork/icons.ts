/**
 * Microsoft Fluent Emoji (MIT, github.com/microsoft/fluentui-emoji, via @iconify-json/fluent-emoji) as SVG
 * and as deterministic PNG rasters. Icons are square (32 × 32 user units); every size here is the side of
 * the icon box in pixels.
 */
import { icons as fluentEmoji } from "@iconify-json/fluent-emoji";
import { getIconData, iconToHTML, iconToSVG } from "@iconify/utils";
import sharp from "sharp";
import type { Bounds } from "./geometry";
import { encodeIntermediatePng } from "./png";

const ICON_UNITS = 32;

/** Whether the Fluent Emoji set has an icon of this name. */
export function hasIcon(name: string): boolean {
  return getIconData(fluentEmoji, name) !== null;
}

/**
 * The icon as a standalone SVG document `width` × `height` px. `window` (fractions of the icon box, may
 * reach outside it) selects the part of the artwork to show; by default the whole box.
 */
export function iconSvg(name: string, width: number, height = width, window?: Bounds): string {
  const data = getIconData(fluentEmoji, name);
  if (!data) throw new Error(`unknown Fluent Emoji icon "${name}"`);
  const { body, attributes } = iconToSVG(data, { height: ICON_UNITS });
  const w = window ?? { x: 0, y: 0, w: 1, h: 1 };
  const viewBox = [w.x, w.y, w.w, w.h].map((v) => +(v * ICON_UNITS).toFixed(4)).join(" ");
  return iconToHTML(body, { ...attributes, width: String(width), height: String(height), viewBox });
}

const rasterCache = new Map<string, Promise<Buffer>>();

/**
 * The icon rendered as a transparent, uncompressed PNG of `size` × `size` px, for compositing (memoised;
 * same input → same bytes).
 */
export function renderIcon(name: string, size: number): Promise<Buffer> {
  const key = `${name}@${size}`;
  let png = rasterCache.get(key);
  if (!png) {
    png = encodeIntermediatePng(sharp(Buffer.from(iconSvg(name, size))));
    rasterCache.set(key, png);
  }
  return png;
}

/**
 * The artwork inside `window` (fractions of the icon box) rendered to `width` × `height` px, transparent
 * and uncompressed. Rendering through the SVG viewBox draws only the window, so zooms stay cheap.
 */
export function renderIconWindow(name: string, window: Bounds, width: number, height: number): Promise<Buffer> {
  return encodeIntermediatePng(sharp(Buffer.from(iconSvg(name, width, height, window))));
}

/**
 * The tight bounding box of the pixels of a PNG with alpha above `threshold` (0–255), in pixels.
 * Throws when the image is fully transparent.
 */
export async function opaqueBounds(png: Buffer, threshold = 24): Promise<Bounds> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[(y * width + x) * channels + channels - 1]! > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) throw new Error("image is fully transparent");
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** The alpha channel of the icon rendered at `size` px: one byte per pixel, row-major. */
export async function iconAlpha(name: string, size: number): Promise<Uint8Array> {
  const { data, info } = await sharp(await renderIcon(name, size))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const alpha = new Uint8Array(info.width * info.height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = data[i * info.channels + info.channels - 1]!;
  return alpha;
}

/** Forgets memoised rasters (tests use it to prove a fresh render gives the same bytes). */
export function clearIconCache(): void {
  rasterCache.clear();
}
