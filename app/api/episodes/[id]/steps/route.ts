import type { z } from "zod";
import { mutating, requestAnnotator } from "@/app/_lib/auth";
import { fieldErrorResponse, jsonError, notAllowed, parsePathParams, readJsonBody } from "@/app/_lib/http";
import { stepPlayEpisode } from "@/lib/play/episodes";
import { parseStepBody } from "@/lib/play/types";
import { addressing } from "../../_lib/addressing";
import { bodyFieldErrors } from "../../_lib/fields";
import { episodeIdParamsSchema } from "../../_lib/params";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Plays one turn of a human episode through the engine: body `{ tool, args }` or `{ calls: [{ tool, args },
 * …] }`. A bad call (unknown tool, malformed args, unknown id) is recorded as an invalid step with an error
 * observation and uses the turn. 409 once the episode has ended; 403 for another annotator's episode.
 */
export const POST = mutating(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(episodeIdParamsSchema, ctx.params, "episode:not_found");
  const parsed = parseStepBody(await readJsonBody(request));
  if (!parsed.success) {
    const fields = bodyFieldErrors(parsed.error as z.ZodError);
    return fieldErrorResponse(
      `send one tool call as { "tool": "<name>", "args": { … } } or a turn as { "calls": [ … ] } (${Object.values(fields).join("; ")})`,
      fields,
    );
  }
  const annotator = await requestAnnotator(request);
  const outcome = await stepPlayEpisode(id, parsed.data, annotator, addressing);
  if (!outcome.ok) return jsonError("auth:forbidden", outcome.forbidden);
  return Response.json(outcome.result, { headers: { "Cache-Control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
