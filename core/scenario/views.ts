/**
 * Where an entity's or a part's view comes from (SPEC §2): its own `view` image when given, else a crop
 * (with a margin) of its region from the image the region is declared in. Pure: image sizes are passed in.
 */
import { cropRect, translateRegion, type Rect } from "./geometry";
import type { Entity, Part, Region, Scenario } from "./schema";

/** A view is either a whole image file of the scenario or a rectangle cropped from one. */
export type ViewSource =
  | { readonly kind: "file"; readonly file: string }
  | { readonly kind: "crop"; readonly file: string; readonly rect: Rect };

/** Looks up an image's pixel size by its file name inside the scenario folder. */
export type ImageSizeOf = (file: string) => { width: number; height: number };

/** The image a part's region is declared in: the entity's view file, else the scene. */
export function partSpaceImage(scenario: Scenario, entity: Entity): string {
  return entity.view ?? scenario.scene.image;
}

/** The view of an entity. */
export function entityViewSource(scenario: Scenario, entity: Entity): ViewSource {
  if (entity.view) return { kind: "file", file: entity.view };
  const { image, width, height } = scenario.scene;
  return { kind: "crop", file: image, rect: cropRect(entity.region, width, height) };
}

/** The view of a part (a zoom-in). */
export function partViewSource(scenario: Scenario, entity: Entity, part: Part, sizeOf: ImageSizeOf): ViewSource {
  if (part.view) return { kind: "file", file: part.view };
  const file = partSpaceImage(scenario, entity);
  const { width, height } = file === scenario.scene.image ? scenario.scene : sizeOf(file);
  return { kind: "crop", file, rect: cropRect(part.region, width, height, 0.2, 12) };
}

/**
 * A part's region in the pixels of its entity's view as shown to the solver: unchanged when the entity
 * has a `view` file, else translated into the entity's crop.
 */
export function partRegionInEntityView(scenario: Scenario, entity: Entity, part: Part): Region {
  const source = entityViewSource(scenario, entity);
  return source.kind === "file" ? part.region : translateRegion(part.region, source.rect.x, source.rect.y);
}

/** Finds an entity by id. */
export function findEntity(scenario: Scenario, entityId: string): Entity | undefined {
  return scenario.entities.find((e) => e.id === entityId);
}

/** Finds a part by entity and part id. */
export function findPart(scenario: Scenario, entityId: string, partId: string): Part | undefined {
  return findEntity(scenario, entityId)?.parts.find((p) => p.id === partId);
}

/** Every image file the scenario references (scene, entity and part views), without duplicates. */
export function referencedImages(scenario: Scenario): string[] {
  const files = new Set<string>([scenario.scene.image]);
  for (const entity of scenario.entities) {
    if (entity.view) files.add(entity.view);
    for (const part of entity.parts) if (part.view) files.add(part.view);
  }
  return [...files];
}
