import { MmcbError } from "@/core/errors";
import { zipStream } from "@/lib/export/zip";
import { getScenario } from "@/lib/scenarios/store";
import { stageScenarioExport } from "@/lib/scenarios/write";
import { handle, notAllowed, parsePathParams, scenarioParamsSchema } from "@/app/_lib/http";
import { mayReadAnswers } from "@/app/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The scenario as a zip of its folder in the SPEC §2 format: `<id>/scenario.json` and its images. It holds
 * the answers, so when the server has a token only requests carrying it get it.
 */
export const GET = handle(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(scenarioParamsSchema, ctx.params);
  if (!mayReadAnswers(request))
    throw new MmcbError(
      "auth:required",
      "this server requires its token to download a scenario with its answers: send it as 'Authorization: Bearer <token>'",
    );
  const loaded = await getScenario(id);
  if (!loaded) throw new MmcbError("scenario:not_found", `No scenario "${id}"`);
  const dir = await stageScenarioExport(loaded);
  return new Response(zipStream(dir, id), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${id}-v${loaded.scenario.version}.zip"`,
      "Cache-Control": "no-store",
      Vary: "Authorization, X-Mmcb-Token",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
