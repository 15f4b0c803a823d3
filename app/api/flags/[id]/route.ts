import { z } from "zod";
import { setFlagStatus } from "@/lib/review/flags";
import { fieldErrorResponse, notAllowed, parsePathParams, readJsonBody } from "@/app/_lib/http";
import { mutating, requestAnnotator } from "@/app/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31),
});
const bodySchema = z.object({
  status: z.enum(["open", "resolved"]),
  resolution: z.string().trim().max(2000).optional(),
});

/** Resolves a flag (with what was done) or opens it again. */
export const PATCH = mutating(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(paramsSchema, ctx.params, "episode:not_found");
  const parsed = bodySchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] = issue.message;
    return fieldErrorResponse("expected status open|resolved and an optional resolution", fields);
  }
  const annotator = await requestAnnotator(request);
  const flag = await setFlagStatus(id, {
    status: parsed.data.status,
    resolvedBy: annotator.name,
    resolution: parsed.data.resolution || null,
  });
  return Response.json({ flag });
});

export const { GET, POST, PUT, DELETE } = notAllowed("PATCH");
