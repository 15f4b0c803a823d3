import { z } from "zod";
import { MmcbError } from "@/core/errors";
import { FLAG_REASONS } from "@/lib/db/reviews";
import { fileFlag, listFlags } from "@/lib/review/flags";
import { fieldErrorResponse, handle, notAllowed, readJsonBody } from "@/app/_lib/http";
import { mutating, requestAnnotator } from "@/app/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({
  scenarioId: z.string().regex(/^[a-z0-9-]{1,100}$/, "a scenario id"),
  reason: z.enum(FLAG_REASONS),
  note: z.string().trim().max(2000).optional(),
  episodeId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,300}$/, "an episode id")
    .optional(),
});

/** Scenario flags, newest first; `?status=open|resolved` and `?scenarioId=` filter. */
export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const status = params.get("status");
  const scenarioId = params.get("scenarioId");
  if (status !== null && status !== "open" && status !== "resolved")
    throw new MmcbError("input:invalid", "status must be open or resolved");
  const flags = await listFlags({
    ...(status ? { status } : {}),
    ...(scenarioId ? { scenarioId } : {}),
  });
  return Response.json({ flags }, { headers: { "Cache-Control": "no-store" } });
});

/** Flags a scenario's gold as wrong, ambiguous or other, with a note, as the requesting annotator. */
export const POST = mutating(async (request: Request) => {
  const parsed = bodySchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] = issue.message;
    return fieldErrorResponse(
      `the flag is not valid: ${Object.keys(fields).join(", ")} (expected scenarioId, reason wrong_gold|ambiguous_gold|other, note?, episodeId?)`,
      fields,
    );
  }
  const annotator = await requestAnnotator(request);
  const flag = await fileFlag({
    scenarioId: parsed.data.scenarioId,
    reason: parsed.data.reason,
    note: parsed.data.note || null,
    episodeId: parsed.data.episodeId ?? null,
    annotatorId: annotator.id,
  });
  return Response.json({ flag }, { status: 201 });
});

export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");
