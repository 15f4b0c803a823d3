import { mutating } from "@/app/_lib/auth";
import { startRunJob } from "@/lib/jobs/run-jobs";
import { parseRunRequest, summarizeFieldErrors } from "@/lib/jobs/run-request";
import { loadRunList } from "@/lib/runs/run-view";
import { fieldErrorResponse, handle, jsonError, notAllowed, readJsonBody } from "@/app/_lib/http";
import { runApiUrl, runUrl } from "@/app/_lib/urls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every run, newest first, with its progress and gold_correct mean. */
export const GET = handle(async () => {
  return Response.json({ runs: await loadRunList() }, { headers: { "Cache-Control": "no-store" } });
});

/**
 * Starts a run in the background of this server process (SPEC §8). 201 with the run's id and URLs once
 * it is registered; 400 with a message per field for a bad body; a `model:*` error (502, 422 or 429)
 * when the preflight finds the endpoint unable to run the model. The body never carries an API key —
 * only the name of the server's environment variable that holds it.
 */
export const POST = mutating(async (request: Request) => {
  const parsed = parseRunRequest(await readJsonBody(request));
  if (!parsed.ok) return fieldErrorResponse(summarizeFieldErrors(parsed.fields), parsed.fields);
  const started = await startRunJob(parsed.request);
  if (!started.ok) {
    return Object.keys(started.fields).length
      ? fieldErrorResponse(started.message, started.fields)
      : jsonError(started.code ?? "internal", started.message);
  }
  return Response.json(
    { runId: started.runId, url: runUrl(started.runId), statusUrl: runApiUrl(started.runId) },
    { status: 201, headers: { "Cache-Control": "no-store", Location: runApiUrl(started.runId) } },
  );
});

export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");
