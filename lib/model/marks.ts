/**
 * The scene with numbered marks (`entityLabels: "marks"`, SPEC §3): every candidate entity gets an outline
 * of its region and a numbered badge at the top-left corner of its bounding box, so a model can refer to
 * "[3]" without being told what the object is. Numbers follow `scenario.entities` order (the same numbers
 * the opening message lists, see `entityMark` in core/engine/prompt.ts).
 *
 * The digits are drawn as stroked seven-segment paths, not with a font: the rendered PNG then depends on
 * nothing installed on the machine, and the same scenario always gives the same bytes.
 */
import sharp from "sharp";
import { regionBounds, regionOutline, type Scenario } from "@/core/scenario";

const SEGMENTS: Readonly<Record<string, string>> = {
  "0": "abcdef",
  "1": "bc",
  "2": "abged",
  "3": "abgcd",
  "4": "fgbc",
  "5": "afgcd",
  "6": "afgedc",
  "7": "abc",
  "8": "abcdefg",
  "9": "abcdfg",
};

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** One digit as a path, its top-left corner at (x, y), `w` × `h` pixels. */
function digitPath(digit: string, x: number, y: number, w: number, h: number): string {
  const m = y + h / 2;
  const lines: Record<string, [number, number, number, number]> = {
    a: [x, y, x + w, y],
    b: [x + w, y, x + w, m],
    c: [x + w, m, x + w, y + h],
    d: [x, y + h, x + w, y + h],
    e: [x, m, x, y + h],
    f: [x, y, x, m],
    g: [x, m, x + w, m],
  };
  return [...(SEGMENTS[digit] ?? "")]
    .map((s) => {
      const [x1, y1, x2, y2] = lines[s]!;
      return `M${fmt(x1)} ${fmt(y1)}L${fmt(x2)} ${fmt(y2)}`;
    })
    .join("");
}

/**
 * The SVG overlay (same size as the scene) with an outline and a numbered badge per entity. Pure: equal
 * scenarios give equal text.
 */
export function marksOverlaySvg(scenario: Scenario): string {
  const { width, height } = scenario.scene;
  // badge size follows the image so marks stay legible after the model-side downscale
  const digitH = Math.max(12, Math.round(Math.min(width, height) * 0.034));
  const digitW = Math.round(digitH * 0.55);
  const stroke = Math.max(2, Math.round(digitH / 6));
  const pad = Math.round(digitH * 0.35);
  const gap = Math.round(digitH * 0.3);
  const outline = Math.max(2, Math.round(Math.min(width, height) / 400));
  const shapes = scenario.entities.map((entity, i) => {
    const label = String(i + 1);
    const bounds = regionBounds(entity.region);
    const points = regionOutline(entity.region);
    const poly = [];
    for (let k = 0; k < points.length; k += 2) poly.push(`${fmt(points[k]!)},${fmt(points[k + 1]!)}`);
    const badgeW = pad * 2 + label.length * digitW + (label.length - 1) * gap;
    const badgeH = pad * 2 + digitH;
    // inside the image even when the box touches an edge
    const bx = Math.min(Math.max(0, bounds.x), width - badgeW);
    const by = Math.min(Math.max(0, bounds.y), height - badgeH);
    const digits = [...label]
      .map((d, j) => digitPath(d, bx + pad + j * (digitW + gap), by + pad, digitW, digitH))
      .join("");
    return [
      `<polygon points="${poly.join(" ")}" fill="none" stroke="#000000" stroke-opacity="0.55" stroke-width="${outline + 2}"/>`,
      `<polygon points="${poly.join(" ")}" fill="none" stroke="#ffd400" stroke-width="${outline}"/>`,
      `<rect x="${fmt(bx)}" y="${fmt(by)}" width="${badgeW}" height="${badgeH}" rx="${Math.round(pad / 1.5)}" fill="#111111" fill-opacity="0.85" stroke="#ffd400" stroke-width="${outline}"/>`,
      `<path d="${digits}" fill="none" stroke="#ffffff" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>`,
    ].join("");
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${shapes.join("")}</svg>`;
}

/** The scene image bytes (any format sharp reads) with the marks composited on top, as PNG. */
export async function drawMarks(scene: Buffer, scenario: Scenario): Promise<Buffer> {
  const image = sharp(scene);
  const meta = await image.metadata();
  let overlay: Buffer = Buffer.from(marksOverlaySvg(scenario));
  // the scenario declares the scene size; if the file differs, stretch the overlay to it
  if (meta.width && meta.height && (meta.width !== scenario.scene.width || meta.height !== scenario.scene.height)) {
    overlay = await sharp(overlay).resize(meta.width, meta.height, { fit: "fill" }).png().toBuffer();
  }
  return image
    .composite([{ input: overlay, top: 0, left: 0 }])
    .png({ compressionLevel: 6 })
    .toBuffer();
}
