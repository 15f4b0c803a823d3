/**
 * The HTTP edge shared by route handlers: JSON errors `{ error: { code, message } }` with a status from
 * the error code (never a stack), path-parameter parsing with zod, and image responses with strong
 * ETags, 304s and content-hash-aware caching.
 */
import { z } from "zod";
import { MmcbError, type ErrorCode } from "@/core/errors";

const STATUS: Record<ErrorCode, number> = {
  "scenario:not_found": 404,
  "scenario:invalid": 422,
  "scenario:duplicate_id": 409,
  "run:not_found": 404,
  "episode:not_found": 404,
  "auth:required": 401,
  conflict: 409,
  "input:too_large": 413,
  "input:unsupported_type": 415,
  "input:invalid": 400,
  "io:failed": 500,
  "db:failed": 500,
  internal: 500,
};

export function jsonError(code: ErrorCode, message: string, status = STATUS[code]): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Turns anything thrown by a handler into a JSON error; unexpected errors are logged, not exposed. */
export function errorResponse(error: unknown): Response {
  if (error instanceof MmcbError) return jsonError(error.code, error.message);
  console.error("[api] unexpected error:", error instanceof Error ? error.message : error);
  return jsonError("internal", "Internal error");
}

/** Wraps a handler so every failure becomes a JSON error. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const slug = z.string().regex(/^[a-z0-9-]+$/);

/** Path parameters name resources; one that cannot be valid names nothing, so it is a 404. */
export async function parsePathParams<S extends z.ZodType>(
  schema: S,
  params: Promise<unknown>,
  notFound: Extract<ErrorCode, `${string}:not_found`> = "scenario:not_found",
): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await params);
  if (!parsed.success) throw new MmcbError(notFound, "No such resource");
  return parsed.data;
}

export const scenarioParamsSchema = z.object({ id: slug });
export const viewParamsSchema = z.object({ id: slug, entityId: slug, partId: slug.optional() });
export const fileParamsSchema = z.object({
  id: slug,
  file: z.array(z.string().min(1).max(200)).min(1).max(8),
});

/** Decodes a path segment that arrives still percent-encoded; a malformed escape is left as is. */
function decodeSegment(value: unknown): unknown {
  if (typeof value !== "string" || !value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Run ids (and episode ids `<run>:<scenario>:<seed>`): letters, digits, '.', '_', ':' and '-'. */
const runIdSchema = z.preprocess(decodeSegment, z.string().regex(/^[A-Za-z0-9._:-]{1,300}$/));
export const runParamsSchema = z.object({ id: runIdSchema });
export const episodeParamsSchema = z.object({ id: runIdSchema, episodeId: runIdSchema });

/** A 400 with a message per field (`{ error: { code, message, fields } }`); never echoes submitted values. */
export function fieldErrorResponse(message: string, fields: Record<string, string>): Response {
  return Response.json(
    { error: { code: "input:invalid", message, fields } },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}

/** The most a JSON request body may hold. */
const MAX_JSON_BYTES = 256 * 1024;

const tooLarge = () =>
  new MmcbError("input:too_large", `the request body is too large (at most ${MAX_JSON_BYTES / 1024} KiB of JSON)`);

/** The body as text, refusing (without buffering it) a body over `max` bytes. */
async function readCapped(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Reads a JSON body; a missing or malformed body is `input:invalid`, an oversized one `input:too_large`. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new MmcbError("input:invalid", "send the body as application/json");
  const text = await readCapped(request, MAX_JSON_BYTES);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MmcbError("input:invalid", "the request body is not valid JSON");
  }
}

/** The `?v=` version a page puts on image URLs: a prefix of the scenario's content hash. */
const versionSchema = z.string().regex(/^[0-9a-f]{8,64}$/);

export interface ImageBody {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  /** A strong, quoted entity tag. */
  readonly etag: string;
}

/** Whether an If-None-Match header matches `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/**
 * An image response. It may be cached forever only when the URL carries `?v=` matching the scenario's
 * current content hash (the URL then changes whenever the content does); otherwise clients revalidate.
 */
export function imageResponse(request: Request, image: ImageBody, contentHash: string): Response {
  const v = new URL(request.url).searchParams.get("v");
  const versioned = v !== null && versionSchema.safeParse(v).success && contentHash.startsWith(v);
  const headers = new Headers({
    ETag: image.etag,
    "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  if (etagMatches(request.headers.get("if-none-match"), image.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", image.contentType);
  headers.set("Content-Length", String(image.bytes.byteLength));
  return new Response(new Uint8Array(image.bytes), { status: 200, headers });
}
