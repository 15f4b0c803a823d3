import { MmcbError } from "@/core/errors";
import { getScenario } from "@/lib/scenarios/store";
import { handle, parsePathParams, scenarioParamsSchema } from "@/app/_lib/http";

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
