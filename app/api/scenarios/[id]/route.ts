import { MmcbError } from "@/core/errors";
import { getScenario } from "@/lib/scenarios/store";
import { saveScenarioVersion } from "@/lib/scenarios/write";
import { fieldErrorResponse, handle, parsePathParams, scenarioParamsSchema } from "@/app/_lib/http";
import { mutating, requestAnnotator } from "@/app/_lib/auth";
import { readSaveBody, saveResponse } from "../_save";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One scenario document as stored (answers included: annotators and the editor need them). */
export const GET = handle(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(scenarioParamsSchema, ctx.params);
  const loaded = await getScenario(id);
  if (!loaded) throw new MmcbError("scenario:not_found", `No scenario "${id}"`);
  return Response.json(
    { scenario: loaded.scenario, contentHash: loaded.contentHash, imageHashes: loaded.imageHashes },
    { headers: { "Cache-Control": "no-cache", ETag: `"${loaded.contentHash.slice(0, 32)}"` } },
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
