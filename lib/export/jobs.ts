/**
 * Exports started from the web app: each runs in the server process in the background, writing into
 * `<data>/exports/<id>/`; its progress is kept in memory while it runs, its outcome in the `Export` table.
 * Only exports inside that folder can be downloaded (paths never escape the data folder).
 */
import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import type { ExportRequest } from "@/core/export";
import { MmcbError } from "@/core/errors";
import { dataDir, defaultScenariosDir } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { getExportRecord, listExportRecords, type ExportRecord } from "@/lib/db/exports";
import { getScenarioStore } from "@/lib/scenarios/store";
import { checkExport, newExportId, runExport, type ExportCounts, type ExportProgress } from "./run";
import { checkSource } from "./sources";

export interface ExportStatus {
  readonly id: string;
  readonly status: "running" | "done" | "failed";
  readonly kind: string;
  readonly format: string;
  readonly params: Record<string, unknown>;
  readonly runIds: readonly string[];
  readonly createdAt: string;
  readonly progress: ExportProgress | null;
  readonly counts: ExportCounts | null;
  readonly error: string | null;
  /** Whether `/api/exports/<id>/download` serves it. */
  readonly downloadable: boolean;
}

interface Job {
  readonly id: string;
  readonly request: ExportRequest;
  readonly createdAt: Date;
  status: "running" | "done" | "failed";
  progress: ExportProgress | null;
  counts: ExportCounts | null;
  error: string | null;
}

const g = globalThis as unknown as { __mmcbExportJobs?: Map<string, Job> };
const jobs = (g.__mmcbExportJobs ??= new Map());

/** The folder the app's exports are written to. */
export function exportsRoot(): string {
  return path.join(dataDir(), "exports");
}

const sentence = (error: unknown) => (error instanceof MmcbError ? error.message : "the export failed unexpectedly");

async function requestOptions(request: ExportRequest) {
  return {
    kind: request.kind,
    runIds: request.runIds,
    source: request.source,
    negatives: request.negatives,
    format: request.format,
    testShare: request.testShare,
    seed: request.seed,
    maxPerScenario: request.maxPerScenario,
    ...(request.minMargin !== null ? { minMargin: request.minMargin } : {}),
    scenariosDir: defaultScenariosDir(),
    // bundled scenarios plus the ones made in the editor (data/scenarios)
    store: await getScenarioStore(),
  };
}

/** Counts what an export would hold (a dry run). */
export async function countExport(request: ExportRequest) {
  const result = await runExport({ ...(await requestOptions(request)), outDir: exportsRoot(), dryRun: true });
  return { counts: result.counts, warnings: result.warnings };
}

/** Checks the request, then starts the export in the background; returns its id at once. */
export async function startExportJob(request: ExportRequest): Promise<string> {
  await checkExport(await requestOptions(request));
  await checkSource(getDb(), request.kind, request.source, request.runIds);
  const id = newExportId();
  const job: Job = { id, request, createdAt: new Date(), status: "running", progress: null, counts: null, error: null };
  jobs.set(id, job);
  const flags = [
    `--source ${request.source}`,
    ...(request.negatives ? [`--negatives ${request.negatives}`] : []),
    `--format ${request.format}`,
    `--test-share ${request.testShare}`,
    `--seed ${request.seed}`,
    ...(request.maxPerScenario !== null ? [`--max-per-scenario ${request.maxPerScenario}`] : []),
    ...(request.minMargin !== null ? [`--min-margin ${request.minMargin}`] : []),
  ];
  void runExport({
    ...(await requestOptions(request)),
    outDir: path.join(exportsRoot(), id),
    exportId: id,
    command: `mmcb export ${request.kind} ${request.runIds.map((r) => `--run ${r}`).join(" ")} ${flags.join(" ")} --out ${id}  # from the web app`,
    onProgress: (p) => {
      job.progress = p;
    },
  }).then(
    (result) => {
      job.status = "done";
      job.counts = result.counts;
    },
    (error: unknown) => {
      job.status = "failed";
      job.error = sentence(error);
      if (!(error instanceof MmcbError))
        console.error("[export] failed:", error instanceof Error ? error.message : error);
    },
  );
  return id;
}

function downloadable(record: Pick<ExportRecord, "status" | "outDir">): boolean {
  if (record.status !== "done" || !record.outDir) return false;
  const root = exportsRoot();
  const resolved = path.resolve(record.outDir);
  return resolved.startsWith(root + path.sep) && existsSync(resolved);
}

function fromRecord(r: ExportRecord): ExportStatus {
  const counts = r.counts && "total" in r.counts ? (r.counts as unknown as ExportCounts) : null;
  const error = r.counts && typeof r.counts.error === "string" ? r.counts.error : null;
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    format: r.format,
    params: r.params,
    runIds: r.runIds,
    createdAt: r.createdAt.toISOString(),
    progress: null,
    counts: r.status === "done" ? counts : null,
    error: r.status === "failed" ? (error ?? "the export failed") : null,
    downloadable: downloadable(r),
  };
}

function fromJob(job: Job, record: ExportRecord | null): ExportStatus {
  if (record && job.status !== "running")
    return { ...fromRecord(record), error: job.error ?? fromRecord(record).error };
  return {
    id: job.id,
    status: job.status,
    kind: job.request.kind,
    format: job.request.format,
    params: { ...job.request },
    runIds: job.request.runIds,
    createdAt: job.createdAt.toISOString(),
    progress: job.progress,
    counts: job.counts,
    error: job.error,
    downloadable: false,
  };
}

/** One export's status: live while it runs in this process, else from the database. */
export async function exportStatus(id: string): Promise<ExportStatus | null> {
  const record = await getExportRecord(getDb(), id);
  const job = jobs.get(id);
  if (job) return fromJob(job, record);
  return record ? fromRecord(record) : null;
}

/** The newest exports (CLI ones too; those written outside the data folder cannot be downloaded). */
export async function recentExports(limit = 20): Promise<ExportStatus[]> {
  const records = await listExportRecords(getDb(), limit);
  const known = new Set(records.map((r) => r.id));
  const live = [...jobs.values()].filter((j) => !known.has(j.id)).map((j) => fromJob(j, null));
  return [...live, ...records.map((r) => (jobs.has(r.id) ? fromJob(jobs.get(r.id)!, r) : fromRecord(r)))]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

/** The folder of a downloadable export, or null. */
export async function downloadFolder(id: string): Promise<string | null> {
  const record = await getExportRecord(getDb(), id);
  return record && downloadable(record) ? path.resolve(record.outDir!) : null;
}
