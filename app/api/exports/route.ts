import { mutating } from "@/app/_lib/auth";
import { MmcbError } from "@/core/errors";
import { exportRequestSchema } from "@/core/export/options";
import { recentExports, startExportJob } from "@/lib/export/jobs";
import { handle, notAllowed } from "@/app/_lib/http";
import { parseJsonBody, publicExportStatus } from "./_lib/request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The newest exports with their status and counts (folders relative to the data folder). */
export const GET = handle(async () =>
  Response.json(
    { exports: (await recentExports()).map(publicExportStatus) },
    { headers: { "Cache-Control": "no-store" } },
  ),
);

/** Starts an export in the background; 202 with its id (poll `/api/exports/<id>`). */
export const POST = mutating(async (request: Request) => {
  const body = await parseJsonBody(request, exportRequestSchema);
  const id = await startExportJob(body);
  if (!id) throw new MmcbError("internal", "the export did not start");
  return Response.json(
    { id },
    { status: 202, headers: { Location: `/api/exports/${id}`, "Cache-Control": "no-store" } },
  );
});

export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");
