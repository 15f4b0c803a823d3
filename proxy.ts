/**
 * Next's proxy (formerly middleware): it runs before Next matches a route, which is where a malformed
 * percent-escape in a path segment (`/api/runs/%zz`) would otherwise end in a plain-text 500. Here such a
 * path is a 400 JSON error under /api and the not-found page elsewhere; an /api path with an encoded
 * slash or backslash in a segment is a 400 JSON error too, and a trailing slash under /api is served as
 * the path without it (Next would answer an empty 308). Plain and encoded `.`/`..` segments are resolved
 * (RFC 3986) before the proxy sees the path: one that stays under /api reaches a route or the JSON 404
 * of app/api/[[...rest]]; `/api/../x` is the page `/x`.
 */
import { NextResponse, type NextRequest } from "next/server";

/** A path no page or route answers, so rewriting to it renders the app's not-found page with a 404. */
const NOT_FOUND_PATH = "/_mmcb/not-found";

export type PathProblem = "bad_escape" | "dot_segment" | null;

/** What is wrong with a request path (as it arrives, still percent-encoded), if anything. */
export function pathProblem(pathname: string): PathProblem {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "bad_escape";
    }
    if (decoded === "." || decoded === ".." || decoded.includes("/") || decoded.includes("\\")) return "dot_segment";
  }
  return null;
}

const MESSAGES: Record<Exclude<PathProblem, null>, string> = {
  bad_escape: "the path has a malformed percent-escape (a '%' not followed by two hex digits of valid UTF-8)",
  dot_segment: "the path has an encoded '.', '..' or slash in a segment; name the resource directly",
};

const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const api = isApi(pathname);
  const problem = pathProblem(pathname);
  if (problem === "bad_escape" || (problem && api)) {
    if (api) {
      return NextResponse.json(
        { error: { code: "input:invalid", message: MESSAGES[problem] } },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      );
    }
    const url = request.nextUrl.clone();
    url.pathname = NOT_FOUND_PATH;
    url.search = "";
    return NextResponse.rewrite(url);
  }
  // next.config.js turns Next's own trailing-slash redirect off so that it can be done here
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const url = new URL(request.url);
    url.pathname = pathname.replace(/\/+$/, "") || "/";
    if (api) return NextResponse.rewrite(url);
    // relative, so the browser stays on the host it asked for (Next names it localhost)
    return new NextResponse(null, { status: 308, headers: { Location: `${url.pathname}${url.search}` } });
  }
  return NextResponse.next();
}

export const config = {
  // everything but Next's own static files
  matcher: "/((?!_next/static|_next/image).*)",
};
