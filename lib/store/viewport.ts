/**
 * Viewport maths for a scene canvas: how the scene (in scene pixels) maps onto the stage (in CSS pixels).
 * A stage point is `scene * scale + (x, y)`. Pure functions; the Zustand store calls them.
 */

export interface Viewport {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** How far out (relative to the fit) and in (absolute, screen px per scene px) a user may zoom. */
export const MIN_ZOOM_OF_FIT = 0.5;
export const MAX_SCALE = 8;

/** The viewport that shows the whole scene centred in the stage, with `padding` CSS px around it. */
export function fitViewport(scene: Size, stage: Size, padding = 0): Viewport {
  if (scene.width <= 0 || scene.height <= 0 || stage.width <= 0 || stage.height <= 0) return { scale: 1, x: 0, y: 0 };
  const availW = Math.max(1, stage.width - 2 * padding);
  const availH = Math.max(1, stage.height - 2 * padding);
  const scale = Math.min(availW / scene.width, availH / scene.height);
  return { scale, x: (stage.width - scene.width * scale) / 2, y: (stage.height - scene.height * scale) / 2 };
}

/** Scale bounds for a scene in a stage: from half the fit up to MAX_SCALE (never below the fit's max). */
export function scaleBounds(scene: Size, stage: Size): { min: number; max: number } {
  const fit = fitViewport(scene, stage).scale;
  return { min: fit * MIN_ZOOM_OF_FIT, max: Math.max(MAX_SCALE, fit * 2) };
}

/**
 * Zooms by `factor` keeping the stage point (px, py) fixed on screen, with the resulting scale clamped to
 * [min, max].
 */
export function zoomAt(vp: Viewport, factor: number, px: number, py: number, min: number, max: number): Viewport {
  const scale = Math.min(max, Math.max(min, vp.scale * factor));
  const sceneX = (px - vp.x) / vp.scale;
  const sceneY = (py - vp.y) / vp.scale;
  return { scale, x: px - sceneX * scale, y: py - sceneY * scale };
}

/** A scene point in stage coordinates. */
export function sceneToStage(vp: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: sx * vp.scale + vp.x, y: sy * vp.scale + vp.y };
}
