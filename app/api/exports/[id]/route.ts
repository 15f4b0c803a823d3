import { MmcbError } from "@/core/errors";
import { exportStatus } from "@/lib/export/jobs";
import { handle, notAllowed, parsePathParams } from "@/app/_lib/http";
import { exportParamsSchema, publicExportStatus } from "../_lib/request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One export: status, live progress while it runs, counts when done, the error sentence when it failed. */
export const GET = handle(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(exportParamsSchema, ctx.params);
  const status = await exportStatus(id);
  if (!status) throw new MmcbError("scenario:not_found", `No export "${id}"`);
  return Response.json(publicExportStatus(status), { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
