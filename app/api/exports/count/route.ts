import { exportRequestSchema } from "@/core/export/options";
import { countExport } from "@/lib/export/jobs";
import { handle } from "@/app/_lib/http";
import { parseJsonBody } from "../_lib/request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What an export would hold, counted by a dry run (nothing is written). */
export const POST = handle(async (request: Request) => {
  const body = await parseJsonBody(request, exportRequestSchema);
  return Response.json(await countExport(body), { headers: { "Cache-Control": "no-store" } });
});
