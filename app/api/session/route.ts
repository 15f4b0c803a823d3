import { tokenRequired } from "@/app/_lib/auth";
import { notAllowed } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the pages need to know before changing anything: whether this server requires a token. */
export function GET(): Response {
  return Response.json({ tokenRequired: tokenRequired() }, { headers: { "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
