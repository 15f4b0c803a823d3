import { MmcbError } from "@/core/errors";
import { zipStream } from "@/lib/export/zip";
import { getScenario } from "@/lib/scenarios/store";
import { stageScenarioExport } from "@/lib/scenarios/write";
import { handle, parsePathParams, scenarioParamsSchema } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The scenario as a zip of its folder in the SPEC §2 format: `<id>/scenario.json` and its images. */
export const GET = handle(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(scenarioParamsSchema, ctx.params);
  const loaded = await getScenario(id);
  if (!loaded) throw new MmcbError("scenario:not_found", `No scenario "${id}"`);
  const dir = await stageScenarioExport(loaded);
  return new Response(zipStream(dir, id), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${id}-v${loaded.scenario.version}.zip"`,
      "Cache-Control": "no-store",
    },
  });
});
