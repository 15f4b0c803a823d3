/**
 * Who may change things (SPEC §9). Every mutating route refuses requests another site made a browser send
 * (403 `auth:cross_site`) and bodies of the wrong type (415), token or not. When `MMCB_TOKEN` is set in the
 * server's environment, every mutating route also requires it, as `Authorization: Bearer <token>` or
 * `X-Mmcb-Token: <token>`; without it the app is open (it binds to localhost by default). Annotators name
 * themselves with `X-Mmcb-Annotator` (the name, URI-encoded); the name is stored with everything they do.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { MmcbError } from "@/core/errors";
import { getOrCreateAnnotator, type Annotator } from "@/lib/db/annotators";
import { getDb } from "@/lib/db/client";
import { handle, refuseCrossSite, requireBodyType, type BodyKind } from "./http";

export const TOKEN_HEADER = "x-mmcb-token";
export const ANNOTATOR_HEADER = "x-mmcb-annotator";

/** Whether the server was started with a token (the pages then ask for it). */
export function tokenRequired(): boolean {
  return Boolean(process.env.MMCB_TOKEN);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Whether the request carries the configured token (true when none is configured). */
export function hasToken(request: Request): boolean {
  const expected = process.env.MMCB_TOKEN;
  if (!expected) return true;
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const given = bearer ?? request.headers.get(TOKEN_HEADER) ?? "";
  // Compare digests so the comparison takes the same time whatever the lengths.
  return Boolean(given) && timingSafeEqual(digest(given.trim()), digest(expected));
}

/** Who may read a scenario's answers (gold, similar): anyone without a token configured, else its bearers. */
export function mayReadAnswers(request: Request): boolean {
  return !tokenRequired() || hasToken(request);
}

/** Throws auth:required unless the request carries the configured token (or none is configured). */
export function requireToken(request: Request): void {
  if (!hasToken(request)) {
    throw new MmcbError(
      "auth:required",
      "this server requires a token for changes: send it as 'Authorization: Bearer <token>' (set it in the page header)",
    );
  }
}

/**
 * Wraps a mutating route handler: a cross-site request is refused (403), then a missing token (401), then
 * a body that is not `options.body` (default JSON; `multipart` for uploads) (415); every failure becomes
 * a JSON error.
 */
export function mutating<A extends [Request, ...unknown[]]>(
  fn: (...args: A) => Promise<Response>,
  options: { readonly body?: BodyKind } = {},
): (...args: A) => Promise<Response> {
  return handle(async (...args: A) => {
    refuseCrossSite(args[0]);
    requireToken(args[0]);
    requireBodyType(args[0], options.body ?? "json");
    return fn(...args);
  });
}

/** The annotator named by the request's header, created on first use; input:invalid when none is named. */
export async function requestAnnotator(request: Request): Promise<Annotator> {
  const raw = request.headers.get(ANNOTATOR_HEADER);
  if (!raw) throw new MmcbError("input:invalid", "choose an annotator name first (header X-Mmcb-Annotator)");
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new MmcbError("input:invalid", "the annotator name header is not valid URI encoding");
  }
  return getOrCreateAnnotator(getDb(), name);
}

/** The annotator if one is named, else null (for routes where naming yourself is optional). */
export async function optionalAnnotator(request: Request): Promise<Annotator | null> {
  return request.headers.get(ANNOTATOR_HEADER) ? requestAnnotator(request) : null;
}
