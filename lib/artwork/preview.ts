/**
 * Authoring previews (not part of any scenario): an icon on a 10 % grid, for reading off part coordinates,
 * and an object with every part region outlined and labelled, for checking that regions sit on their part.
 * Labels are SVG text in a generic sans-serif family, so exact glyphs depend on the machine's fonts.
 */
import sharp from "sharp";
import { escapeXml } from "@/lib/images/contact-sheet";
import { relBounds, type RelRegion } from "./geometry";
import { iconSvg } from "./icons";
import type { ObjectDef } from "./types";

const COLOURS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#008080", "#9a6324", "#808000"];

function regionPath(region: RelRegion, size: number): string {
  if ("box" in region) {
    const [x, y, w, h] = region.box.map((v) => v * size) as [number, number, number, number];
    return `M${x} ${y}h${w}v${h}h${-w}z`;
  }
  return `M${region.polygon.map(([x, y]) => `${(x * size).toFixed(1)} ${(y * size).toFixed(1)}`).join("L")}z`;
}

function gridMarkup(size: number): string {
  let out = "";
  for (let i = 1; i < 10; i++) {
    const p = (i * size) / 10;
    const stroke = i === 5 ? "#0006" : "#0003";
    out += `<line x1="${p}" y1="0" x2="${p}" y2="${size}" stroke="${stroke}"/><line x1="0" y1="${p}" x2="${size}" y2="${p}" stroke="${stroke}"/>`;
    out += `<text x="${p + 2}" y="11" font-size="10" font-family="sans-serif" fill="#000a">.${i}</text>`;
    out += `<text x="2" y="${p - 2}" font-size="10" font-family="sans-serif" fill="#000a">.${i}</text>`;
  }
  return out;
}

async function compose(icon: string, size: number, overlay: string, caption: string): Promise<Buffer> {
  const h = size + 28;
  const base = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${h}"><rect width="${size}" height="${h}" fill="#f4f4f0"/><text x="6" y="${size + 20}" font-size="16" font-family="sans-serif" fill="#222">${escapeXml(caption)}</text></svg>`,
  );
  const art = Buffer.from(iconSvg(icon, size));
  const top = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${overlay}</svg>`);
  return sharp(base)
    .composite([
      { input: art, left: 0, top: 0 },
      { input: top, left: 0, top: 0 },
    ])
    .png()
    .toBuffer();
}

/** The icon `size` px square on a 10 % grid, captioned with its name. */
export function iconGridPreview(icon: string, size = 480): Promise<Buffer> {
  return compose(icon, size, gridMarkup(size), icon);
}

/** The object's icon with every part region outlined in its own colour and labelled with the part id. */
export function objectPreview(object: ObjectDef, size = 480): Promise<Buffer> {
  let overlay = gridMarkup(size);
  object.parts.forEach((part, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    overlay += `<path d="${regionPath(part.region, size)}" fill="${colour}" fill-opacity="0.25" stroke="${colour}" stroke-width="2.5" fill-rule="evenodd"/>`;
    const b = relBounds(part.region);
    const x = Math.min(size - 90, Math.max(2, b.x * size));
    const y = Math.min(size - 4, Math.max(14, b.y * size + 14));
    overlay += `<text x="${x}" y="${y}" font-size="14" font-weight="bold" font-family="sans-serif" fill="${colour}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(part.id)}</text>`;
  });
  return compose(object.icon, size, overlay, `${object.id} (${object.icon})`);
}

/** Lays PNG tiles of equal size out in a grid with `columns` columns on a white sheet. */
export async function tileSheet(tiles: readonly Buffer[], columns: number): Promise<Buffer> {
  if (tiles.length === 0) throw new Error("no tiles");
  const meta = await sharp(tiles[0]).metadata();
  const w = meta.width;
  const h = meta.height;
  const rows = Math.ceil(tiles.length / columns);
  const gap = 8;
  return sharp({
    create: {
      width: columns * (w + gap) + gap,
      height: rows * (h + gap) + gap,
      channels: 3,
      background: "#ffffff",
    },
  })
    .composite(
      tiles.map((input, i) => ({
        input,
        left: gap + (i % columns) * (w + gap),
        top: gap + Math.floor(i / columns) * (h + gap),
      })),
    )
    .png()
    .toBuffer();
}
