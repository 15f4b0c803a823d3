import { z } from "zod";
import { MmcbError } from "@/core/errors";
import { getDb } from "@/lib/db/client";
import { CLAIM_VERDICTS, recentClaimReviews } from "@/lib/db/reviews";
import { listClaimReviews, reviewClaim } from "@/lib/review/claims";
import { fieldErrorResponse, handle, notAllowed, readJsonBody } from "@/app/_lib/http";
import { mutating, requestAnnotator } from "@/app/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const episodeIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,300}$/, "an episode id");

const bodySchema = z.object({
  episodeId: episodeIdSchema,
  stepIndex: z.number().int().min(0).max(10_000),
  claimIndex: z.number().int().min(0).max(1_000),
  verdict: z.enum(CLAIM_VERDICTS),
  note: z.string().trim().max(2000).optional(),
});

/** Claim re-judgments: `?episodeId=` for one episode (oldest first), else the latest across episodes. */
export const GET = handle(async (request: Request) => {
  const episodeId = new URL(request.url).searchParams.get("episodeId");
  if (episodeId !== null) {
    if (!episodeIdSchema.safeParse(episodeId).success) throw new MmcbError("input:invalid", "episodeId is not valid");
    return Response.json({ reviews: await listClaimReviews(episodeId) }, { headers: { "Cache-Control": "no-store" } });
  }
  return Response.json({ reviews: await recentClaimReviews(getDb()) }, { headers: { "Cache-Control": "no-store" } });
});

/** Marks one claim grounded or hallucinated, with an optional note, as the requesting annotator. */
export const POST = mutating(async (request: Request) => {
  const parsed = bodySchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] = issue.message;
    return fieldErrorResponse(
      `the claim review is not valid: ${Object.keys(fields).join(", ")} (expected episodeId, stepIndex, claimIndex, verdict grounded|hallucinated, note?)`,
      fields,
    );
  }
  const annotator = await requestAnnotator(request);
  const review = await reviewClaim({ ...parsed.data, note: parsed.data.note || null, annotatorId: annotator.id });
  return Response.json({ review }, { status: 201 });
});

export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");
