import { z } from "zod";
import { addClaimToScenario } from "@/lib/review/claims";
import { fieldErrorResponse, notAllowed, readJsonBody } from "@/app/_lib/http";
import { mutating, requestAnnotator } from "@/app/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({
  episodeId: z.string().regex(/^[A-Za-z0-9._:-]{1,300}$/, "an episode id"),
  stepIndex: z.number().int().min(0).max(10_000),
  claimIndex: z.number().int().min(0).max(1_000),
});

/** Adds an unannotated claim's attribute to its part in a new version of the scenario. */
export const POST = mutating(async (request: Request) => {
  const parsed = bodySchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] = issue.message;
    return fieldErrorResponse("expected episodeId, stepIndex and claimIndex", fields);
  }
  const annotator = await requestAnnotator(request);
  const added = await addClaimToScenario({ ...parsed.data, annotator: { id: annotator.id, name: annotator.name } });
  return Response.json({ added }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
