/**
 * The browser's adapter for the runs API: start a run, poll a run's progress. Components call these
 * instead of fetching themselves; every failure comes back as a value with a sentence, never a throw.
 */
import { identityHeaders } from "@/lib/client/identity";
import type { RunProgress } from "@/lib/jobs/progress";
import type { FieldErrors } from "@/lib/jobs/run-request";

export type StartRunResponse =
  | { readonly ok: true; readonly runId: string; readonly url: string }
  | { readonly ok: false; readonly message: string; readonly fields: FieldErrors };

interface ErrorBody {
  error?: { message?: string; fields?: FieldErrors };
}

/** POST /api/runs with the form's body. */
export async function startRun(body: unknown): Promise<StartRunResponse> {
  let res: Response;
  try {
    res = await fetch("/api/runs", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...identityHeaders() },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: "The server could not be reached.", fields: {} };
  }
  const data = (await res.json().catch(() => ({}))) as ErrorBody & { runId?: string; url?: string };
  if (res.ok && data.runId && data.url) return { ok: true, runId: data.runId, url: data.url };
  return {
    ok: false,
    message: data.error?.message ?? `The server answered ${res.status}.`,
    fields: data.error?.fields ?? {},
  };
}

export type RunStatusResponse =
  | { readonly ok: true; readonly progress: RunProgress }
  | { readonly ok: false; readonly status: number; readonly message: string };

/** GET a run's status URL (as the page was given it). */
export async function fetchRunStatus(statusUrl: string, signal?: AbortSignal): Promise<RunStatusResponse> {
  try {
    const res = await fetch(statusUrl, { cache: "no-store", ...(signal ? { signal } : {}) });
    const data = (await res.json().catch(() => ({}))) as ErrorBody & { progress?: RunProgress };
    if (res.ok && data.progress) return { ok: true, progress: data.progress };
    return { ok: false, status: res.status, message: data.error?.message ?? `The server answered ${res.status}.` };
  } catch (error) {
    if ((error as Error).name === "AbortError") return { ok: false, status: 0, message: "aborted" };
    return { ok: false, status: 0, message: "The server could not be reached." };
  }
}
