/**
 * Who may change things (SPEC §9). When `MMCB_TOKEN` is set in the server's environment, every mutating
 * route requires it, as `Authorization: Bearer <token>` or `X-Mmcb-Token: <token>`; without it the app is
 * open (it binds to localhost by default). Annotators name themselves with `X-Mmcb-Annotator` (the name,
 * URI-encoded); the name is stored with everything they do.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { MmcbError } from "@/core/errors";
import { getOrCreateAnnotator, type Annotator } from "@/lib/db/annotators";
import { getDb } from "@/lib/db/client";
import { handle } from "./http";

export const TOKEN_HEADER = "x-mmcb-token";
export const ANNOTATOR_HEADER = "x-mmcb-annotator";

/** Whether the server was started with a token (the pages then ask for it). */
export function tokenRequired(): boolean {
  return Boolean(process.env.MMCB_TOKEN);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Throws auth:required unless the request carries the configured token (or none is configured). */
export function requireToken(request: Request): void {
  const expected = process.env.MMCB_TOKEN;
  if (!expected) return;
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const given = bearer ?? request.headers.get(TOKEN_HEADER) ?? "";
  // Compare digests so the comparison takes the same time whatever the lengths.
  if (!given || !timingSafeEqual(digest(given.trim()), digest(expected))) {
    throw new MmcbError(
      "auth:required",
      "this server requires a token for changes: send it as 'Authorization: Bearer <token>' (set it in the page header)",
    );
  }
}

/** Wraps a mutating route handler: the token is checked first, then every failure becomes a JSON error. */
export function mutating<A extends [Request, ...unknown[]]>(
  fn: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return handle(async (...args: A) => {
    requireToken(args[0]);
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
