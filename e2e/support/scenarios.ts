/**
 * Test data comes from the running app itself (the bundled scenarios), so the specs hold for whatever
 * scenarios the library ships. Geometry helpers pick click points from the scenario's regions.
 */
import { expect, type APIRequestContext } from "@playwright/test";
import { regionBounds, regionContains } from "../../core/scenario/geometry";
import type { Entity, Scenario } from "../../core/scenario/schema";

export interface Summary {
  id: string;
  title: string;
  task: string;
  setting: string;
  distractorSimilarity: "dissimilar" | "mixed" | "similar";
  entityCount: number;
  contentHash: string;
}

export async function listScenarios(request: APIRequestContext): Promise<{ scenarios: Summary[]; issues: string[] }> {
  const res = await request.get("/api/scenarios");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { scenarios: Summary[]; issues: string[] };
  expect(body.scenarios.length, "the app should ship at least one valid scenario").toBeGreaterThan(0);
  return body;
}

export async function getScenario(
  request: APIRequestContext,
  id: string,
): Promise<{ scenario: Scenario; contentHash: string }> {
  const res = await request.get(`/api/scenarios/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { scenario: Scenario; contentHash: string };
}

/**
 * A scene point inside `entity` and inside no other entity (so the hit is unambiguous), as close to the
 * middle of the entity as possible; null when the entity is entirely covered by others.
 */
export function interiorPoint(scenario: Scenario, entity: Entity): { x: number; y: number } | null {
  const b = regionBounds(entity.region);
  const others = scenario.entities.filter((e) => e.id !== entity.id);
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const steps = 24;
  let best: { x: number; y: number; d: number } | null = null;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const x = b.x + (b.w * i) / steps;
      const y = b.y + (b.h * j) / steps;
      if (!regionContains(entity.region, x, y)) continue;
      // keep clear of other outlines too: their strokes are hit targets a few pixels wide
      const pad = Math.max(6, Math.min(b.w, b.h) * 0.04);
      const nearOther = others.some((o) =>
        [
          [0, 0],
          [pad, 0],
          [-pad, 0],
          [0, pad],
          [0, -pad],
        ].some(([dx, dy]) => regionContains(o.region, x + dx!, y + dy!)),
      );
      if (nearOther) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (!best || d < best.d) best = { x, y, d };
    }
  }
  return best && { x: best.x, y: best.y };
}

/** The first entity that has an unambiguous interior point, with that point. */
export function hoverableEntity(scenario: Scenario): { entity: Entity; point: { x: number; y: number } } {
  for (const entity of scenario.entities) {
    const point = interiorPoint(scenario, entity);
    if (point) return { entity, point };
  }
  throw new Error(`scenario ${scenario.id}: every entity is covered by another`);
}
