import { MmcbError } from "@/core/errors";
import { loadRunStatus } from "@/lib/runs/run-view";
import { handle, notAllowed, parsePathParams, runParamsSchema } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A run with its live progress (what the run page polls while the run plays). */
export const GET = handle(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(runParamsSchema, ctx.params, "run:not_found");
  const status = await loadRunStatus(id);
  if (!status) throw new MmcbError("run:not_found", `No run "${id}"`);
  return Response.json({ id, ...status }, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
