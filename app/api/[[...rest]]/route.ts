import { mutating } from "@/app/_lib/auth";
import { handle, jsonError } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Every path under /api that names no route: a JSON 404 (Next would answer its HTML page) for any
 * method. The mutating methods pass the same checks as every other mutating route first.
 */
const nowhere = async (request: Request) =>
  jsonError("route:not_found", `there is no API at ${new URL(request.url).pathname.slice(0, 200)}`);

export const GET = handle(nowhere);
export const POST = mutating(nowhere);
export const PUT = mutating(nowhere);
export const PATCH = mutating(nowhere);
export const DELETE = mutating(nowhere);
