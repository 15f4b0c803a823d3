/**
 * The browser's adapter for the runs API: start a run, poll a run's progress. Components call these
 * instead of fetching themselves; every failure comes back as a value with a sentence, never a throw.
 */
import { identityHeaders } from "@/lib/client/identity";
import type { RunProgress } from "@/lib/jobs/progress";
import type { FieldErrors } from "@/lib/jobs/run-request";

export type StartRunResponse =
  | { readonly ok: true; readonly runId: string; readonly url: string }
  | {
      readonly ok: false;
      readonly message: string;
      readonly fields: FieldErrors;
      /** The error's code, e.g. `model:unreachable` when the preflight found the endpoint down. */
      readonly code: string | null;
    };

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldErrors };
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
    return { ok: false, message: "The server could not be reached.", fields: {}, code: null };
  }
  const data = (await res.json().catch(() => ({}))) as ErrorBody & { runId?: string; url?: string };
  if (res.ok && data.runId && data.url) return { ok: true, runId: data.runId, url: data.url };
  return {
    ok: false,
    message: data.error?.message ?? `The server answered ${res.status}.`,
    fields: data.error?.fields ?? {},
    code: data.error?.code ?? null,
  };
}

/** Whether an error code is the preflight's (or a model request's): the endpoint, key or model failed. */
export const isModelErrorCode = (code: string | null): boolean => Boolean(code?.startsWith("model:"));

export type RunActionResponse = { readonly ok: true } | { readonly ok: false; readonly message: string };

async function runAction(url: string, method: "POST" | "DELETE"): Promise<RunActionResponse> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...(method === "POST" ? { "Content-Type": "application/json" } : {}), ...identityHeaders() },
      ...(method === "POST" ? { body: "{}" } : {}),
    });
  } catch {
    return { ok: false, message: "The server could not be reached." };
  }
  if (res.ok) return { ok: true };
  const data = (await res.json().catch(() => ({}))) as ErrorBody;
  return { ok: false, message: data.error?.message ?? `The server answered ${res.status}.` };
}

const runPath = (runId: string) => `/api/runs/${encodeURIComponent(runId)}`;

/** POST /api/runs/[id]/cancel: stop a playing run. */
export const cancelRunRequest = (runId: string) => runAction(`${runPath(runId)}/cancel`, "POST");
/** DELETE /api/runs/[id]: remove a run and everything under it. */
export const deleteRunRequest = (runId: string) => runAction(runPath(runId), "DELETE");
/** POST /api/runs/[id]/retry: play the run's failed episodes again. */
export const retryRunRequest = (runId: string) => runAction(`${runPath(runId)}/retry`, "POST");

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
