import { formatIssue } from "@/core/errors";
import { getScenarioStore } from "@/lib/scenarios/store";
import { scenarioSummary } from "@/lib/scenarios/summary";
import { handle } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Valid scenarios as summaries, plus every problem of the ones that were skipped. */
export const GET = handle(async () => {
  const store = await getScenarioStore();
  return Response.json(
    {
      scenarios: store.scenarios.map(scenarioSummary),
      checked: store.checked,
      skipped: store.checked - store.scenarios.length,
      issues: store.issues.map(formatIssue),
    },
    { headers: { "Cache-Control": "no-cache" } },
  );
});
