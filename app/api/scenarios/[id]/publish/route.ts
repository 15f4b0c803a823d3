import { publishScenario } from "@/lib/scenarios/write";
import { notAllowed, parsePathParams, publicMessage, scenarioParamsSchema } from "@/app/_lib/http";
import { mutating } from "@/app/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Publishes the scenario's draft (SPEC §9) after the readiness checks: 200 with the published version and
 * every check; 422 `scenario:not_ready` with each failed check as a sentence (`error.failed`) and all of
 * them (`error.checks`); 409 `conflict` when there is no draft; 404 for an unknown id.
 */
export const POST = mutating(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(scenarioParamsSchema, ctx.params);
  const result = await publishScenario(id);
  const headers = { "Cache-Control": "no-store" };
  const checks = result.checks.map((c) => ({ ...c, message: publicMessage(c.message) }));
  if (result.kind === "published")
    return Response.json(
      { scenario: result.scenario, version: result.version, contentHash: result.contentHash, checks },
      { headers },
    );
  const failed = checks.filter((c) => !c.ok).map((c) => c.message);
  return Response.json(
    {
      error: {
        code: "scenario:not_ready",
        message: `"${id}" is not ready to publish (${failed.length} check${failed.length === 1 ? "" : "s"} failed): ${failed.join(" ")}`,
        failed,
        checks,
      },
    },
    { status: 422, headers },
  );
});

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
