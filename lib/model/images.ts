/**
 * Turning observation image refs into what a model receives: PNG data URLs of the scene or of an
 * entity/part view, downscaled so the longer side is at most `maxSide` pixels. With `marks`, the scene
 * carries numbered entity marks (lib/model/marks.ts). Each image is encoded once per process and the
 * data-URL string is shared by every request that shows it.
 */
import sharp from "sharp";
import type { ImageRef } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import { renderView } from "@/lib/images/views";
import { resolveInside, type LoadedScenario } from "@/lib/scenarios/load";
import { drawMarks } from "./marks";

export interface EncodeOptions {
  readonly maxSide: number;
  /** Draw numbered entity marks on the scene (entity and part views are unchanged). */
  readonly marks?: boolean;
}

const cache = new Map<string, Promise<string>>();

/** A stable name of the image a ref resolves to (content hash, ref, size, marks): cache keys use it. */
export function imageKey(loaded: LoadedScenario, ref: ImageRef, options: EncodeOptions): string {
  const marks = options.marks && ref.kind === "scene" ? ":marks" : "";
  const what =
    ref.kind === "scene" ? "scene" : ref.kind === "entity" ? `e/${ref.entityId}` : `p/${ref.entityId}/${ref.partId}`;
  return `${loaded.contentHash}:${what}:${options.maxSide}${marks}`;
}

/** A data URL for an image ref of a loaded scenario. */
export function encodeImage(loaded: LoadedScenario, ref: ImageRef, options: EncodeOptions | number): Promise<string> {
  const opts = typeof options === "number" ? { maxSide: options } : options;
  const key = imageKey(loaded, ref, opts);
  let pending = cache.get(key);
  if (!pending) {
    pending = encode(loaded, ref, opts);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/** The PNG bytes of the scene as the model sees it (marks drawn when asked), before downscaling. */
export async function sceneBytes(loaded: LoadedScenario, marks: boolean): Promise<Buffer> {
  const raw = await sharp(resolveInside(loaded.dir, loaded.scenario.scene.image)).toBuffer();
  return marks ? drawMarks(raw, loaded.scenario) : raw;
}

async function encode(loaded: LoadedScenario, ref: ImageRef, options: EncodeOptions): Promise<string> {
  let input: Buffer;
  if (ref.kind === "scene") {
    input = await sceneBytes(loaded, options.marks === true);
  } else {
    input = (await renderView(loaded, ref.entityId, ref.kind === "part" ? ref.partId : undefined)).bytes;
  }
  const meta = await sharp(input).metadata();
  if (!meta.width) throw new MmcbError("io:failed", `cannot read an image of scenario "${loaded.scenario.id}"`);
  const png = await sharp(input)
    .resize({ width: options.maxSide, height: options.maxSide, fit: "inside", withoutEnlargement: true })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}
