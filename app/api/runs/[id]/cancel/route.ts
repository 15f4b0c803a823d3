import { mutating } from "@/app/_lib/auth";
import { cancelRunJob } from "@/lib/jobs/run-jobs";
import { notAllowed, parsePathParams, runParamsSchema } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Cancels a playing run wherever it plays (this server, a CLI, workers): no new episode starts, requests
 * in flight are aborted, finished episodes are kept. 409 `conflict` when the run is not playing.
 */
export const POST = mutating(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(runParamsSchema, ctx.params, "run:not_found");
  const { status } = await cancelRunJob(id);
  return Response.json({ run: { id, status } }, { headers: { "Cache-Control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
