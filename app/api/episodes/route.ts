import { z } from "zod";
import { mutating, requestAnnotator } from "@/app/_lib/auth";
import { fieldErrorResponse, notAllowed, readJsonBody } from "@/app/_lib/http";
import { createPlayEpisode } from "@/lib/play/episodes";
import { createEpisodeBodySchema } from "@/lib/play/types";
import { addressing } from "./_lib/addressing";
import { bodyFieldErrors } from "./_lib/fields";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Starts a human-play episode (SPEC §3, §8): body `{ scenarioId, seed?, maxTurns?, observation? }`, the
 * annotator from X-Mmcb-Annotator. 201 with the episode, its brief (task, constraints, scene, candidate
 * entities), turn budget and URLs (POST tool calls to `urls.steps`).
 */
export const POST = mutating(async (request: Request) => {
  const parsed = createEpisodeBodySchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fields = bodyFieldErrors(parsed.error as z.ZodError);
    return fieldErrorResponse(Object.values(fields).join("; "), fields);
  }
  const annotator = await requestAnnotator(request);
  const document = await createPlayEpisode(parsed.data, annotator, addressing);
  return Response.json(document, {
    status: 201,
    headers: { "Cache-Control": "no-store", Location: document.urls.self },
  });
});

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
