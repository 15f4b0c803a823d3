/**
 * Entity and part views (SPEC §2): the `view` file when given, else a crop of the region with a margin.
 * Crops are made with sharp and cached on disk under the data folder, keyed by the source image's
 * sha256 and the crop rectangle, so a view is rendered once per distinct image and region.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { MmcbError } from "@/core/errors";
import { entityViewSource, findEntity, partViewSource, type ViewSource } from "@/core/scenario";
import { viewCacheDir } from "@/lib/config";
import { resolveInside, type LoadedScenario } from "@/lib/scenarios/load";

export interface RenderedView {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** Strong validator: changes whenever the source image or the region changes. */
  readonly etag: string;
  readonly cached: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};

/** The content type of an image file by extension. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Which view (file or crop) an entity, or a part when `partId` is given, has. Part crops from an entity
 * `view` file need that file's size, read here. Throws scenario:not_found for unknown ids.
 */
export async function resolveViewSource(
  loaded: LoadedScenario,
  entityId: string,
  partId?: string,
): Promise<ViewSource> {
  const s = loaded.scenario;
  const entity = findEntity(s, entityId);
  if (!entity) throw new MmcbError("scenario:not_found", `scenario "${s.id}" has no entity "${entityId}"`);
  if (partId === undefined) return entityViewSource(s, entity);
  const part = entity.parts.find((p) => p.id === partId);
  if (!part) throw new MmcbError("scenario:not_found", `entity "${entityId}" has no part "${partId}"`);
  const sizes = new Map<string, { width: number; height: number }>();
  if (!part.view && entity.view) {
    const meta = await sharp(resolveInside(loaded.dir, entity.view)).metadata();
    sizes.set(entity.view, { width: meta.width ?? 0, height: meta.height ?? 0 });
  }
  return partViewSource(s, entity, part, (file) => sizes.get(file) ?? { width: 0, height: 0 });
}

/** Renders (or reads from the cache) the view of an entity, or of a part when `partId` is given. */
export async function renderView(loaded: LoadedScenario, entityId: string, partId?: string): Promise<RenderedView> {
  const source = await resolveViewSource(loaded, entityId, partId);
  const fileHash = loaded.imageHashes[source.file];
  if (!fileHash) throw new MmcbError("internal", `image "${source.file}" was not hashed at load time`);
  const absolute = resolveInside(loaded.dir, source.file);
  if (source.kind === "file") {
    return {
      bytes: await readFile(absolute),
      contentType: contentTypeOf(source.file),
      etag: `"${fileHash.slice(0, 32)}"`,
      cached: true,
    };
  }
  const { x, y, w, h } = source.rect;
  const key = `${fileHash.slice(0, 40)}-${x}-${y}-${w}-${h}`;
  const cacheFile = path.join(viewCacheDir(), key.slice(0, 2), `${key}.png`);
  const etag = `"${key}"`;
  try {
    return { bytes: await readFile(cacheFile), contentType: "image/png", etag, cached: true };
  } catch {
    // not cached yet
  }
  const bytes = await sharp(absolute)
    .extract({ left: x, top: y, width: w, height: h })
    .png({ compressionLevel: 6 })
    .toBuffer();
  await mkdir(path.dirname(cacheFile), { recursive: true });
  // write-then-rename so a concurrent reader never sees half a file
  const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, cacheFile);
  return { bytes, contentType: "image/png", etag, cached: false };
}
