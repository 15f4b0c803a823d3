import { mutating } from "@/app/_lib/auth";
import { retryRunJob } from "@/lib/jobs/run-jobs";
import { jsonError, notAllowed, parsePathParams, runParamsSchema } from "@/app/_lib/http";
import { runApiUrl, runUrl } from "@/app/_lib/urls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * "Retry failed episodes": plays the run's failed and unfinished episodes again in the background from
 * its recorded launch (like `mmcb eval --resume`); 202 once it plays. 409 `conflict` with one sentence
 * when there is nothing to retry or the launch cannot be replayed from here; a failed preflight answers
 * with its `model:*` code (502, 422 or 429).
 */
export const POST = mutating(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(runParamsSchema, ctx.params, "run:not_found");
  const started = await retryRunJob(id);
  if (!started.ok) return jsonError(started.code ?? "internal", started.message);
  return Response.json(
    { runId: id, url: runUrl(id), statusUrl: runApiUrl(id) },
    { status: 202, headers: { "Cache-Control": "no-store" } },
  );
});

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
