/**
 * Geometry of the text cards that stand in for photographs in imported scenarios: a scene card with one
 * labelled box per entity, and an entity card with one labelled box per part. The boxes are the regions
 * written into scenario.json, so the renderer (lib/import/cards.ts) and the scenario always agree.
 * All values are integer pixels of the card image.
 */

/** A card's pixel size and the band at its top kept for the title. */
export interface CardFrame {
  readonly width: number;
  readonly height: number;
  /** Height of the title band, in pixels from the top. */
  readonly header: number;
  /** Space around the grid and between boxes. */
  readonly margin: number;
  readonly gap: number;
}

/** The scene card (`scene.png`). */
export const SCENE_CARD: CardFrame = { width: 1600, height: 1000, header: 170, margin: 40, gap: 28 };

/** An entity's view card (`entities/<id>.png`). */
export const ENTITY_CARD: CardFrame = { width: 800, height: 800, header: 150, margin: 28, gap: 18 };

/** A box `[x, y, w, h]` in card pixels. */
export type CardBox = [x: number, y: number, w: number, h: number];

/**
 * Lays `count` equal boxes in a grid below the card's title band, choosing the column count that gives the
 * largest boxes of about `aspect` (width ÷ height) or wider. Boxes run left to right, top to bottom.
 */
export function gridBoxes(count: number, frame: CardFrame, aspect = 1.6): CardBox[] {
  if (count <= 0) return [];
  const areaX = frame.margin;
  const areaY = frame.header;
  const areaW = frame.width - 2 * frame.margin;
  const areaH = frame.height - frame.header - frame.margin;
  let best = { cols: 1, rows: count, w: 0, h: 0, score: -1 };
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const w = Math.floor((areaW - (cols - 1) * frame.gap) / cols);
    const h = Math.floor((areaH - (rows - 1) * frame.gap) / rows);
    if (w <= 0 || h <= 0) continue;
    const score = Math.min(w, h * aspect);
    if (score > best.score) best = { cols, rows, w, h, score };
  }
  const boxes: CardBox[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / best.cols);
    const inRow = Math.min(best.cols, count - row * best.cols);
    // Centre a short last row.
    const offset = Math.floor(((best.cols - inRow) * (best.w + frame.gap)) / 2);
    const col = i % best.cols;
    boxes.push([areaX + offset + col * (best.w + frame.gap), areaY + row * (best.h + frame.gap), best.w, best.h]);
  }
  return boxes;
}
