import { exportRequestSchema } from "@/core/export/options";
import { countExport } from "@/lib/export/jobs";
import { mutating } from "@/app/_lib/auth";
import { notAllowed } from "@/app/_lib/http";
import { parseJsonBody } from "../_lib/request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * What an export would hold, counted by a dry run (nothing is written). Guarded like every POST: it
 * reads every run and scenario the export would cover.
 */
export const POST = mutating(async (request: Request) => {
  const body = await parseJsonBody(request, exportRequestSchema);
  return Response.json(await countExport(body), { headers: { "Cache-Control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
