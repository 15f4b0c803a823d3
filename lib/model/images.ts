/**
 * Turning observation image refs into what a model receives: PNG/JPEG data URLs of the scene or of an
 * entity/part view, downscaled so the longer side is at most `maxSide` pixels. Cached per process.
 */
import sharp from "sharp";
import type { ImageRef } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import { renderView } from "@/lib/images/views";
import { resolveInside, type LoadedScenario } from "@/lib/scenarios/load";

export interface EncodedImage {
  readonly dataUrl: string;
  readonly sha256Prefix: string;
}

const cache = new Map<string, Promise<string>>();

/** A data URL for an image ref of a loaded scenario. */
export function encodeImage(loaded: LoadedScenario, ref: ImageRef, maxSide: number): Promise<string> {
  const key = `${loaded.contentHash}|${JSON.stringify(ref)}|${maxSide}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = encode(loaded, ref, maxSide);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function encode(loaded: LoadedScenario, ref: ImageRef, maxSide: number): Promise<string> {
  let input: Buffer;
  if (ref.kind === "scene") {
    input = await sharp(resolveInside(loaded.dir, loaded.scenario.scene.image)).toBuffer();
  } else {
    input = (await renderView(loaded, ref.entityId, ref.kind === "part" ? ref.partId : undefined)).bytes;
  }
  const image = sharp(input).resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true });
  const meta = await sharp(input).metadata();
  if (!meta.width) throw new MmcbError("io:failed", `cannot read an image of scenario "${loaded.scenario.id}"`);
  const png = await image.png({ compressionLevel: 6 }).toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}
