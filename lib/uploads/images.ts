/**
 * Photo uploads for the scenario editor (SPEC §9): the type is decided by the bytes (magic numbers, then
 * sharp must decode the file), never by the client's file name or Content-Type; the size is limited;
 * the image is re-encoded (EXIF orientation applied, metadata such as GPS dropped) and stored under a
 * generated name in `<dataDir>/uploads/`. The client's file name is never used for anything on disk.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { MmcbError } from "@/core/errors";
import { dataDir } from "@/lib/config";

/** The largest photo accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The most pixels a photo may have (decompression bombs are refused before decoding). */
export const MAX_UPLOAD_PIXELS = 50_000_000;

export type ImageFormat = "png" | "jpeg" | "webp";

const EXTENSION: Record<ImageFormat, string> = { png: "png", jpeg: "jpg", webp: "webp" };

/** An upload's stored name: a UUID and the extension of its format. Anything else is not an upload. */
export const UPLOAD_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(png|jpg|webp)$/;

/** The folder holding uploaded photos before (and after) a scenario uses them. */
export function uploadsDir(): string {
  return path.join(dataDir(), "uploads");
}

/** The image format the bytes start with (PNG, JPEG or WebP signature), else null. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (
    b.length >= 12 &&
    b[0] === 0x52 && // R
    b[1] === 0x49 && // I
    b[2] === 0x46 && // F
    b[3] === 0x46 && // F
    b[8] === 0x57 && // W
    b[9] === 0x45 && // E
    b[10] === 0x42 && // B
    b[11] === 0x50 // P
  )
    return "webp";
  return null;
}

/** A stored upload: `name` is the file in uploadsDir(); `file` the name a scenario document uses for it. */
export interface StoredUpload {
  readonly name: string;
  readonly file: string;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

/** Checks size and content; throws input:too_large (413) or input:unsupported_type (415) with a sentence. */
export async function checkImageBytes(
  bytes: Uint8Array,
): Promise<{ format: ImageFormat; width: number; height: number }> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) throw new MmcbError("input:unsupported_type", "the uploaded file is empty");
  const format = sniffImageFormat(bytes);
  if (!format) {
    throw new MmcbError(
      "input:unsupported_type",
      "the uploaded file is not a PNG, JPEG or WebP image (its content was checked, not its name)",
    );
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS }).metadata();
  } catch {
    throw new MmcbError("input:unsupported_type", `the uploaded file starts like a ${format} image but cannot be read`);
  }
  if (!meta.width || !meta.height) {
    throw new MmcbError("input:unsupported_type", "the uploaded image has no pixel size");
  }
  if (meta.width * meta.height > MAX_UPLOAD_PIXELS) {
    throw new MmcbError(
      "input:too_large",
      `the image is ${meta.width}×${meta.height} pixels; at most ${MAX_UPLOAD_PIXELS / 1e6} megapixels are accepted`,
    );
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  return { format, width: rotated ? meta.height : meta.width, height: rotated ? meta.width : meta.height };
}

function tooLarge(size: number): MmcbError {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return new MmcbError("input:too_large", `the file is ${mb(size)}; photos up to ${mb(MAX_UPLOAD_BYTES)} are accepted`);
}

/**
 * Checks, re-encodes and stores an uploaded photo under a generated name (atomic: temp file + rename).
 * The re-encode applies the EXIF orientation and drops all metadata; the format is kept.
 */
export async function storeUploadedImage(bytes: Uint8Array): Promise<StoredUpload> {
  const checked = await checkImageBytes(bytes);
  let pipeline = sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS }).rotate();
  if (checked.format === "png") pipeline = pipeline.png({ compressionLevel: 6 });
  else if (checked.format === "jpeg") pipeline = pipeline.jpeg({ quality: 92, mozjpeg: false });
  else pipeline = pipeline.webp({ quality: 92 });
  let out: Buffer;
  try {
    out = await pipeline.toBuffer();
  } catch {
    throw new MmcbError("input:unsupported_type", `the uploaded ${checked.format} image cannot be decoded`);
  }
  const name = `${randomUUID()}.${EXTENSION[checked.format]}`;
  const dir = uploadsDir();
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temp, out);
  await rename(temp, target);
  return {
    name,
    file: `images/${name}`,
    format: checked.format,
    width: checked.width,
    height: checked.height,
    bytes: out.byteLength,
  };
}

/** The absolute path of a stored upload, or null when `name` is not an upload name or does not exist. */
export async function uploadPath(name: string): Promise<string | null> {
  if (!UPLOAD_NAME.test(name)) return null;
  const file = path.join(uploadsDir(), name);
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/** The upload a scenario image name refers to (`images/<uuid>.<ext>`), or null. */
export function uploadNameOf(scenarioFile: string): string | null {
  const match = /^images\/([^/]+)$/.exec(scenarioFile);
  return match && UPLOAD_NAME.test(match[1]!) ? match[1]! : null;
}
