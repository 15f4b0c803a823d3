/**
 * The editor's calls to the server (browser side): upload a photo, create a scenario, save a new
 * version, download the scenario's zip. Failures arrive as ApiError with the server's sentence; a 409
 * conflict carries both versions.
 */
import type { Scenario } from "@/core/scenario/schema";
import { ApiError, apiSend, apiUpload, identityHeaders } from "@/lib/client/identity";

export interface UploadedPhoto {
  readonly name: string;
  /** The name the scenario document uses (`images/<uuid>.<ext>`). */
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly url: string;
}

export interface SavedScenario {
  readonly scenario: Scenario;
  readonly version: number;
  readonly contentHash: string;
}

export interface ConflictBody {
  readonly latest: { readonly scenario: Scenario; readonly version: number; readonly contentHash: string };
  readonly yours: unknown;
  readonly draftId: number;
}

export async function uploadPhoto(file: File): Promise<UploadedPhoto> {
  const form = new FormData();
  form.set("file", file);
  const body = await apiUpload<{ upload: UploadedPhoto }>("/api/scenarios/uploads", form);
  return body.upload;
}

/** Creates a scenario (version 1). */
export function createScenario(scenario: Scenario, copyOf?: string): Promise<SavedScenario> {
  return apiSend<SavedScenario>("/api/scenarios", "POST", { scenario, ...(copyOf ? { copyOf } : {}) });
}

/** Saves a new version on top of `baseVersion`. */
export function saveScenario(scenario: Scenario, baseVersion: number): Promise<SavedScenario> {
  return apiSend<SavedScenario>(`/api/scenarios/${encodeURIComponent(scenario.id)}`, "PUT", { scenario, baseVersion });
}

/** One readiness check of a publish, as the server answers it. */
export interface PublishCheck {
  readonly id: string;
  readonly ok: boolean;
  readonly message: string;
}

/** Publishes the scenario's draft (POST /api/scenarios/[id]/publish): it joins "All". */
export function publishScenario(id: string): Promise<SavedScenario & { checks: PublishCheck[] }> {
  return apiSend(`/api/scenarios/${encodeURIComponent(id)}/publish`, "POST", {});
}

/** The failed readiness checks of a refused publish (422 scenario:not_ready), else null. */
export function failedChecksOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== "scenario:not_ready") return null;
  const body = error.body as { error?: { failed?: string[] } } | null;
  return body?.error?.failed ?? [error.message];
}

/** The conflict details of a 409 answer, else null. */
export function conflictOf(error: unknown): ConflictBody | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== "conflict") return null;
  const body = error.body as { conflict?: ConflictBody } | null;
  return body?.conflict ?? null;
}

/** The validator's lines of a 422 answer, else null. */
export function issuesOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== "scenario:invalid") return null;
  const body = error.body as { error?: { issues?: string[] } } | null;
  return body?.error?.issues ?? [error.message];
}

/**
 * Downloads the scenario's zip. It holds the answers, so a server with a token serves it only with the
 * token: the request carries the identity headers (a plain link could not), then the browser saves it.
 */
export async function downloadScenarioZip(id: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/scenarios/${encodeURIComponent(id)}/export`, { headers: identityHeaders() });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? "http",
      body?.error?.message ?? `The server answered ${response.status}.`,
    );
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${id}.zip`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
