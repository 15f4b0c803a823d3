/**
 * The browser's client for the export API (`/api/exports…`): dry-run counts, starting an export, polling
 * its status, listing recent ones. Errors come back as the API's sentence.
 */
import { identityHeaders } from "@/lib/client/identity";
import type { ExportRequest } from "@/core/export/options";
import type { ExportStatus } from "./jobs";
import type { ExportCounts } from "./run";

export type { ExportStatus } from "./jobs";
export type { ExportCounts } from "./run";

export interface CountResponse {
  readonly counts: ExportCounts;
  readonly warnings: readonly string[];
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "Content-Type": "application/json", ...identityHeaders(), ...init?.headers },
  });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `the request failed (HTTP ${response.status})`);
  return body as T;
}

export const exportsApi = {
  count: (request: ExportRequest, signal?: AbortSignal) =>
    call<CountResponse>("/api/exports/count", {
      method: "POST",
      body: JSON.stringify(request),
      ...(signal ? { signal } : {}),
    }),
  start: (request: ExportRequest) =>
    call<{ id: string }>("/api/exports", { method: "POST", body: JSON.stringify(request) }),
  status: (id: string) => call<ExportStatus>(`/api/exports/${encodeURIComponent(id)}`, { cache: "no-store" }),
  list: () => call<{ exports: ExportStatus[] }>("/api/exports", { cache: "no-store" }),
  downloadUrl: (id: string) => `/api/exports/${encodeURIComponent(id)}/download`,
};
