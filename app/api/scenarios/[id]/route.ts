import { MmcbError } from "@/core/errors";
import { getScenario } from "@/lib/scenarios/store";
import { saveScenarioVersion } from "@/lib/scenarios/write";
import { fieldErrorResponse, handle, notAllowed, parsePathParams, scenarioParamsSchema } from "@/app/_lib/http";
import { mayReadAnswers, mutating, requestAnnotator } from "@/app/_lib/auth";
import { readSaveBody, saveResponse } from "../_save";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * One scenario document as stored. Its answers (`gold`, `similar[]`) are for annotators and the editor:
 * when the server has a token they are served only to requests carrying it — an agent playing through
 * the API must not read them — and the answer says `answersWithheld: true`.
 */
export const GET = handle(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(scenarioParamsSchema, ctx.params);
  const loaded = await getScenario(id);
  if (!loaded) throw new MmcbError("scenario:not_found", `No scenario "${id}"`);
  const withAnswers = mayReadAnswers(request);
  const { gold: _gold, similar: _similar, ...withoutAnswers } = loaded.scenario;
  const tag = loaded.contentHash.slice(0, 32);
  return Response.json(
    {
      scenario: withAnswers ? loaded.scenario : withoutAnswers,
      contentHash: loaded.contentHash,
      imageHashes: loaded.imageHashes,
      ...(withAnswers ? {} : { answersWithheld: true }),
    },
    {
      headers: {
        "Cache-Control": "private, no-cache",
        ETag: withAnswers ? `"${tag}"` : `"${tag}-withheld"`,
        Vary: "Authorization, X-Mmcb-Token",
      },
    },
  );
});

/**
 * Saves the edited document as a new version (baseVersion + 1). 409 conflict when the stored version is
 * no longer `baseVersion`: the body then holds the latest version and yours (kept as a draft revision).
 */
export const PUT = mutating(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(scenarioParamsSchema, ctx.params);
  const annotator = await requestAnnotator(request);
  const body = await readSaveBody(request);
  if (body instanceof Response) return body;
  if (body.baseVersion === undefined) {
    return fieldErrorResponse("say which version you started editing", { baseVersion: "required" });
  }
  if (body.scenario.id !== id) {
    return fieldErrorResponse(`the document's id must be "${id}" (ids cannot be changed; save as a copy instead)`, {
      "scenario.id": `expected "${id}"`,
    });
  }
  const result = await saveScenarioVersion({ document: body.scenario, baseVersion: body.baseVersion, annotator });
  return saveResponse(result, false);
});

export const { POST, PATCH, DELETE } = notAllowed("GET", "PUT");
