/**
 * The HTTP edge shared by route handlers: JSON errors `{ error: { code, message } }` with a status from
 * the error code (never a stack, never a key, never an absolute server path), the 405 answer for methods
 * a route lacks, path-parameter parsing with zod, JSON bodies read under a size and a depth limit, the
 * cross-site and content-type checks every mutating route passes (see `mutating` in ./auth), and image
 * responses with strong ETags, 304s and content-hash-aware caching.
 */
import { z } from "zod";
import { MmcbError, type ErrorCode } from "@/core/errors";
import { scrubPaths } from "@/lib/public-path";
import { readBodyCapped } from "@/lib/request-body";
import { redactSecret } from "@/lib/secrets";

const STATUS: Record<ErrorCode, number> = {
  "scenario:not_found": 404,
  "scenario:invalid": 422,
  "scenario:duplicate_id": 409,
  "scenario:not_ready": 422,
  "run:not_found": 404,
  "episode:not_found": 404,
  "run:cancelled": 409,
  // A model endpoint that failed is an upstream failure, not the caller's: 502, except a model the
  // endpoint does not serve (422: the request named it) and a rate limit passed on as 429.
  "model:unreachable": 502,
  "model:auth_failed": 502,
  "model:not_found": 422,
  "model:rate_limited": 429,
  "model:failed": 502,
  "auth:required": 401,
  "auth:forbidden": 403,
  "auth:cross_site": 403,
  "route:not_found": 404,
  "route:method_not_allowed": 405,
  conflict: 409,
  "input:too_large": 413,
  "input:unsupported_type": 415,
  "input:invalid": 400,
  "io:failed": 500,
  "db:failed": 500,
  internal: 500,
};

/** The longest error sentence an answer carries (a message never echoes a body at length). */
const MAX_MESSAGE = 1000;

/** A message as it may leave the server: no key, no absolute server path, bounded. */
export function publicMessage(message: string): string {
  const clean = scrubPaths(redactSecret(message));
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean;
}

export function jsonError(
  code: ErrorCode,
  message: string,
  status = STATUS[code],
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message: publicMessage(message) } },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** Turns anything thrown by a handler into a JSON error; unexpected errors are logged, not exposed. */
export function errorResponse(error: unknown): Response {
  if (error instanceof MmcbError) return jsonError(error.code, error.message);
  console.error("[api] unexpected error:", redactSecret(error instanceof Error ? error.message : String(error)));
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

/** The methods a route file may export (HEAD and OPTIONS Next derives itself). */
export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];
type Answer = (request: Request) => Promise<Response>;

/**
 * The handlers of the methods a route does not support, each a 405 JSON error with an `Allow` header
 * (without them Next answers an empty 405). Every route file ends with, e.g.,
 * `export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");`.
 */
export function notAllowed<A extends RouteMethod>(...allowed: A[]): Record<Exclude<RouteMethod, A>, Answer> {
  const allow = allowed.includes("GET" as A) ? [...allowed, "HEAD"] : allowed;
  const out: Partial<Record<RouteMethod, Answer>> = {};
  for (const method of ROUTE_METHODS) {
    if (allowed.includes(method as A)) continue;
    out[method] = async (request: Request) =>
      jsonError(
        "route:method_not_allowed",
        `${method} is not supported on ${new URL(request.url).pathname}; use ${allowed.join(" or ")}`,
        405,
        { Allow: allow.join(", ") },
      );
  }
  return out as Record<Exclude<RouteMethod, A>, Answer>;
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
  const bounded = Object.fromEntries(
    Object.entries(fields)
      .slice(0, 50)
      .map(([k, v]) => [k.slice(0, 200), publicMessage(v).slice(0, 300)]),
  );
  return Response.json(
    { error: { code: "input:invalid", message: publicMessage(message), fields: bounded } },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}

/** The most a JSON request body may hold. */
export const MAX_JSON_BYTES = 256 * 1024;
/** The deepest a JSON body may nest arrays and objects (deeper ones are refused before parsing). */
export const MAX_JSON_DEPTH = 32;

/** Whether `text` nests arrays/objects deeper than `max` (a linear scan: no recursion, no parse). */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/**
 * Reads a JSON body: a missing or malformed body is `input:invalid`, one nested deeper than
 * {@link MAX_JSON_DEPTH} too (with a sentence naming the limit), an oversized one `input:too_large` —
 * checked while it streams, so a chunked body is cut off at the limit instead of read whole.
 */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  const max = options.maxBytes ?? MAX_JSON_BYTES;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new MmcbError("input:invalid", "send the body as application/json");
  const bytes = await readBodyCapped(request, max, () => {
    throw new MmcbError(
      "input:too_large",
      `the request body is too large (at most ${Math.round(max / 1024)} KiB of JSON)`,
    );
  });
  const text = new TextDecoder().decode(bytes);
  if (jsonDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new MmcbError(
      "input:invalid",
      `the request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep (the limit is ${MAX_JSON_DEPTH})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MmcbError("input:invalid", "the request body is not valid JSON");
  }
}

/** The origin a request says it comes from, when it names another site than this server. */
function foreignOrigin(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return origin; // "null" (a sandboxed page, a file) or garbage: not this server
  }
  const own = [request.headers.get("host"), ...(request.headers.get("x-forwarded-host") ?? "").split(",")]
    .map((h) => h?.trim().toLowerCase())
    .filter(Boolean);
  if (own.length === 0) own.push(new URL(request.url).host.toLowerCase());
  return own.includes(host.toLowerCase()) ? null : origin;
}

/**
 * Refuses a request another site made a browser send (`auth:cross_site`, 403): an `Origin` that is not
 * this server's own, or `Sec-Fetch-Site` saying `cross-site`/`same-site` (another port or subdomain).
 * Applies with or without a token: a token in the page's storage does not travel with a forged form.
 */
export function refuseCrossSite(request: Request): void {
  const origin = foreignOrigin(request);
  const site = request.headers.get("sec-fetch-site")?.toLowerCase();
  if (origin !== null || site === "cross-site" || site === "same-site") {
    throw new MmcbError(
      "auth:cross_site",
      "this request comes from another site; changes are accepted only from this server's own pages or from programs that send no Origin header",
    );
  }
}

/** What body a mutating route takes. */
export type BodyKind = "json" | "multipart";

/**
 * Refuses (415 `input:unsupported_type`) a mutating request whose Content-Type is not the route's:
 * `application/json` (or `multipart/form-data` for uploads). A body-less DELETE needs none. HTML forms
 * can only send form encodings and text/plain, so this also keeps forged forms out.
 */
export function requireBodyType(request: Request, kind: BodyKind): void {
  const type = (request.headers.get("content-type") ?? "").trim();
  const bodiless =
    request.method === "DELETE" &&
    !type &&
    !request.headers.get("transfer-encoding") &&
    Number(request.headers.get("content-length") ?? 0) === 0;
  if (bodiless) return;
  const ok = kind === "json" ? /^application\/json\s*(;|$)/i.test(type) : /^multipart\/form-data\s*(;|$)/i.test(type);
  if (!ok) {
    throw new MmcbError(
      "input:unsupported_type",
      kind === "json"
        ? "send the request with Content-Type: application/json"
        : "send the upload as multipart/form-data",
    );
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
