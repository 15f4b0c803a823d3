import { applyRescore, rescorePreview } from "@/lib/review/rescore";
import { handle, notAllowed, parsePathParams, runParamsSchema } from "@/app/_lib/http";
import { mutating, optionalAnnotator } from "@/app/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Old against new: the run's stored scores beside its traces re-scored with the current scenarios. */
export const GET = handle(async (_request: Request, ctx: Ctx) => {
  const { id } = await parsePathParams(runParamsSchema, ctx.params, "run:not_found");
  return Response.json(await rescorePreview(id), { headers: { "Cache-Control": "no-store" } });
});

/** Applies the re-score; replaced scores are kept (ScoreHistory) and listed on the re-score page. */
export const POST = mutating(async (request: Request, ctx: Ctx) => {
  const { id } = await parsePathParams(runParamsSchema, ctx.params, "run:not_found");
  const annotator = await optionalAnnotator(request);
  return Response.json(await applyRescore(id, annotator?.id ?? null));
});

export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");
