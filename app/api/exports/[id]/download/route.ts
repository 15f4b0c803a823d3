import { MmcbError } from "@/core/errors";
import { downloadFolder } from "@/lib/export/jobs";
import { zipStream } from "@/lib/export/zip";
import { handle, notAllowed, parsePathParams } from "@/app/_lib/http";
import { exportParamsSchema } from "../../_lib/request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The export folder as a zip, streamed (STORE method; nothing is buffered). */
export const GET = handle(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(exportParamsSchema, ctx.params);
  const dir = await downloadFolder(id);
  if (!dir) throw new MmcbError("scenario:not_found", `Export "${id}" is not ready or cannot be downloaded`);
  return new Response(zipStream(dir, id), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="mmcb-${id}.zip"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
