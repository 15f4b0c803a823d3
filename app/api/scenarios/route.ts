import { formatIssue } from "@/core/errors";
import { getScenarioStore } from "@/lib/scenarios/store";
import { scenarioSummary } from "@/lib/scenarios/summary";
import { saveScenarioVersion } from "@/lib/scenarios/write";
import { handle, notAllowed } from "@/app/_lib/http";
import { mutating, requestAnnotator } from "@/app/_lib/auth";
import { readSaveBody, saveResponse } from "./_save";

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

/** Creates a scenario (version 1) in the user folder; 409 scenario:duplicate_id when the id is taken. */
export const POST = mutating(async (request: Request) => {
  const annotator = await requestAnnotator(request);
  const body = await readSaveBody(request);
  if (body instanceof Response) return body;
  const result = await saveScenarioVersion({
    document: body.scenario,
    baseVersion: null,
    annotator,
    ...(body.copyOf ? { copyOf: body.copyOf } : {}),
  });
  return saveResponse(result, true);
});

export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");
