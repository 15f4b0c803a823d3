/**
 * Text cards: the images of imported scenarios that come without photographs. The scene card shows the title
 * and one labelled box per entity; an entity card shows the entity's name and one labelled box per part. The
 * boxes are drawn exactly at the regions in scenario.json (laid out by core/import/layout.ts).
 *
 * SVG rendered by sharp: no timestamps or metadata, so the same scenario gives the same bytes on the same
 * machine. Text uses the generic `sans-serif` family; lines are wrapped here with a conservative estimate of
 * glyph width, so labels stay inside their boxes whatever font the machine resolves.
 */
import sharp from "sharp";
import { ENTITY_CARD, type CardFrame } from "@/core/import/layout";
import { regionBounds, type Entity, type Region, type Scenario } from "@/core/scenario";

const FILLS = ["#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe", "#cffafe", "#fee2e2", "#e0e7ff", "#f1f5f9"];
const LINE_HEIGHT = 1.22;
/** Average advance of a glyph as a share of the font size (DejaVu Sans is among the widest sans-serif fonts). */
const CHAR_WIDTH = { normal: 0.6, bold: 0.7 } as const;

/** Escapes text for SVG (user text is never markup). */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Greedy word wrap to `maxChars` per line; a word longer than a line is split. */
export function wrapText(text: string, maxChars: number): string[] {
  const limit = Math.max(1, maxChars);
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > limit) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(word.slice(0, limit));
      word = word.slice(limit);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Length of the longest word (at least 1), without spreading a possibly huge word list into arguments. */
function longestWord(text: string): number {
  let longest = 1;
  for (const word of text.split(/\s+/)) longest = Math.max(longest, word.length);
  return longest;
}

/** Wraps into the narrowest width that still needs no more lines than `maxChars` does (no lone last word). */
function balancedWrap(text: string, maxChars: number): string[] {
  const lines = wrapText(text, maxChars);
  const floor = Math.min(maxChars, longestWord(text));
  let chars = maxChars;
  while (chars > floor && wrapText(text, chars - 1).length === lines.length) chars--;
  return wrapText(text, chars);
}

/**
 * The largest font size in [min, max] at which `text` wraps into `width` × `height` without splitting a word
 * (else with split words); at the minimum size, lines past the height are cut and the last one ends with "…".
 */
export function fitText(
  text: string,
  width: number,
  height: number,
  max: number,
  min: number,
  weight: keyof typeof CHAR_WIDTH = "normal",
): { size: number; lines: string[] } {
  const chars = Math.floor(width / (min * CHAR_WIDTH[weight]));
  const room = Math.max(1, Math.floor(height / (min * LINE_HEIGHT)));
  // Wrapping splits at whitespace runs, so the collapsed text wraps the same. A text longer than `room` lines
  // of `chars` (the most any size can show) is cut at once: a label can be megabytes of imported text, and
  // trying every size on it would take minutes. The first `room` lines depend only on this prefix.
  const normal = text.replace(/\s+/g, " ").trim();
  const perLine = Math.max(1, chars) + 1;
  if (normal.length <= room * perLine) {
    const longest = longestWord(normal);
    for (const wholeWords of [true, false]) {
      for (let size = max; size >= min; size--) {
        const sizeChars = Math.floor(width / (size * CHAR_WIDTH[weight]));
        if (wholeWords && sizeChars < longest) continue;
        const lines = balancedWrap(normal, sizeChars);
        if (lines.length * size * LINE_HEIGHT <= height) return { size, lines };
      }
    }
  }
  const lines = wrapText(normal.slice(0, (room + 1) * perLine), chars);
  if (lines.length <= room) return { size: min, lines };
  const kept = lines.slice(0, room);
  kept[room - 1] = `${kept[room - 1]!.slice(0, Math.max(0, chars - 1)).trimEnd()}…`;
  return { size: min, lines: kept };
}

/** SVG <text> lines centred on (cx, cy). */
function textBlock(lines: string[], size: number, cx: number, cy: number, attrs: string): string {
  const step = size * LINE_HEIGHT;
  const top = cy - (lines.length * step) / 2 + size * 0.92;
  return lines
    .map(
      (line, i) =>
        `<text x="${cx}" y="${(top + i * step).toFixed(1)}" font-size="${size}" text-anchor="middle" font-family="sans-serif" ${attrs}>${escapeXml(line)}</text>`,
    )
    .join("");
}

/** A labelled box at `region` (its bounding box), with an optional small caption at the bottom. */
function labelledBox(
  region: Region,
  label: string,
  fill: string,
  sizes: { max: number; min: number },
  caption?: string,
): string {
  const b = regionBounds(region);
  const pad = Math.max(10, Math.round(Math.min(b.w, b.h) * 0.08));
  const captionSize = Math.max(14, Math.min(20, Math.round(b.h * 0.09)));
  const captionSpace = caption ? captionSize * 1.6 : 0;
  const fit = fitText(label, b.w - 2 * pad, b.h - 2 * pad - captionSpace, sizes.max, sizes.min, "bold");
  let svg = `<rect x="${b.x + 1.5}" y="${b.y + 1.5}" width="${b.w - 3}" height="${b.h - 3}" rx="14" fill="${fill}" stroke="#475569" stroke-width="3"/>`;
  svg += textBlock(
    fit.lines,
    fit.size,
    b.x + b.w / 2,
    b.y + (b.h - captionSpace) / 2,
    `font-weight="bold" fill="#0f172a"`,
  );
  if (caption) {
    svg += `<text x="${b.x + b.w / 2}" y="${(b.y + b.h - pad).toFixed(1)}" font-size="${captionSize}" text-anchor="middle" font-family="sans-serif" fill="#475569">${escapeXml(caption)}</text>`;
  }
  return svg;
}

/** Title (bold, wrapped to fit) and a one-line subtitle in the card's header band. */
function header(frame: CardFrame, title: string, subtitle: string, sizes: { title: number; subtitle: number }): string {
  const width = frame.width - 2 * frame.margin;
  const subSpace = sizes.subtitle * 2;
  const titleArea = frame.header - subSpace - 16;
  const fit = fitText(title, width, titleArea, sizes.title, Math.round(sizes.title * 0.55), "bold");
  const sub = fitText(subtitle, width, sizes.subtitle * LINE_HEIGHT, sizes.subtitle, Math.max(11, sizes.subtitle - 6));
  return (
    textBlock(fit.lines, fit.size, frame.width / 2, 8 + titleArea / 2, `font-weight="bold" fill="#0f172a"`) +
    textBlock(sub.lines, sub.size, frame.width / 2, frame.header - 8 - subSpace / 2, `fill="#475569"`)
  );
}

async function toPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: false }).toBuffer();
}

function svgDocument(frame: CardFrame, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}"><rect width="100%" height="100%" fill="#f8f7f2"/>${body}</svg>`;
}

/** The scene card of `scenario`: title, a note that this is a text card, and each entity's box and name. */
export async function renderSceneCard(scenario: Scenario, frame: CardFrame): Promise<Buffer> {
  const setting = scenario.setting.replace(/_/g, " ");
  let body = header(
    frame,
    scenario.title,
    `Setting: ${setting} · a text card, not a photograph: each box is a candidate object`,
    { title: 48, subtitle: 24 },
  );
  scenario.entities.forEach((entity, i) => {
    const parts = `${entity.parts.length} part${entity.parts.length === 1 ? "" : "s"}`;
    body += labelledBox(entity.region, entity.name, FILLS[i % FILLS.length]!, { max: 40, min: 16 }, parts);
  });
  return toPng(svgDocument(frame, body));
}

/** The view card of one entity: its name and each part's box and name (part regions are in this card's pixels). */
export async function renderEntityCard(entity: Entity, index: number, frame: CardFrame = ENTITY_CARD): Promise<Buffer> {
  let body = header(frame, entity.name, "Parts of this object (text card)", { title: 38, subtitle: 18 });
  const fill = FILLS[index % FILLS.length]!;
  for (const part of entity.parts) body += labelledBox(part.region, part.name, fill, { max: 30, min: 12 });
  return toPng(svgDocument(frame, body));
}
