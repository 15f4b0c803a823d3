/**
 * Contact sheets: many scene images tiled in a grid, each captioned, for a quick look at a whole scenario
 * set (`scripts/contact-sheet.ts`). Captions are SVG text in a generic sans-serif family, so exact glyphs
 * depend on the machine's fonts.
 */
import sharp from "sharp";

/** Escapes text for SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One tile of a contact sheet: an image and up to two caption lines. */
export interface ContactTile {
  readonly image: Buffer;
  readonly title: string;
  readonly subtitle: string;
}

/**
 * A contact sheet: every tile's image scaled to `width` px wide (aspect kept from the first tile) with its
 * captions drawn underneath, `columns` per row, on a light background. Deterministic palette PNG.
 */
export async function contactSheet(tiles: readonly ContactTile[], columns: number, width = 400): Promise<Buffer> {
  if (tiles.length === 0) throw new Error("no tiles");
  const first = await sharp(tiles[0]!.image).metadata();
  const height = Math.round((width * first.height) / first.width);
  const caption = 44;
  const gap = 12;
  const rows = Math.ceil(tiles.length / columns);
  const overlays = await Promise.all(
    tiles.map(async (tile, i) => {
      const left = gap + (i % columns) * (width + gap);
      const top = gap + Math.floor(i / columns) * (height + caption + gap);
      const thumb = await sharp(tile.image).resize(width, height, { fit: "fill" }).png().toBuffer();
      const text = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${caption}">` +
          `<text x="4" y="17" font-size="15" font-weight="bold" font-family="sans-serif" fill="#222">${escapeXml(tile.title)}</text>` +
          `<text x="4" y="37" font-size="14" font-family="sans-serif" fill="#555">${escapeXml(tile.subtitle)}</text></svg>`,
      );
      return [
        { input: thumb, left, top },
        { input: text, left, top: top + height },
      ];
    }),
  );
  return sharp({
    create: {
      width: gap + columns * (width + gap),
      height: gap + rows * (height + caption + gap),
      channels: 3,
      background: "#f4f4f0",
    },
  })
    .composite(overlays.flat())
    .png({ compressionLevel: 9, palette: true, quality: 90, dither: 0.5 })
    .toBuffer();
}
