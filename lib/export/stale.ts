/**
 * Stale exports (issue #13): an export whose process was killed (kill -9, a crash, a power cut) never
 * reaches its `finally` — its `Export` row stays "running" and its hidden temporary folder
 * (`.<out>.tmp-<pid>-<hex>`) stays next to `--out`. Each export records the process writing it (pid and
 * host) and that folder; here a running export whose process is gone is marked failed with a sentence
 * and its folder removed. Runs at every server start (scripts/prepare-data.ts), before each
 * `mmcb export`, and as `mmcb exports clean`. An export owned by another host is left alone (its
 * process cannot be checked from here). Temporary folders under `<data>/exports` whose process is gone
 * are removed too, recorded or not.
 */
import { readdir, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { dataDir } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { failRunningExport, runningExports } from "@/lib/db/exports";

/** The hidden temporary folder an export writes into (lib/export/run.ts). */
const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]+$/;

/** Whether a process with this pid exists on this machine. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it exists, owned by someone else
  }
}

export interface StaleExport {
  readonly id: string;
  /** The sentence stored as the export's error. */
  readonly reason: string;
  /** The temporary folder removed (absolute), if there was one. */
  readonly removed: string | null;
}

export interface CleanResult {
  readonly stale: StaleExport[];
  /** Temporary folders under `<data>/exports` removed without a running row (absolute). */
  readonly orphans: string[];
  /** Running exports of other hosts, left alone. */
  readonly otherHosts: number;
}

async function removeTemp(dir: string): Promise<string | null> {
  if (!TEMP_NAME.test(path.basename(dir))) return null; // never remove anything that is not ours
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return null;
  await rm(dir, { recursive: true, force: true });
  return dir;
}

/** Marks stale exports failed and removes their temporary folders. */
export async function cleanStaleExports(
  db: Db,
  options: { host?: string; alive?: (pid: number) => boolean } = {},
): Promise<CleanResult> {
  const host = options.host ?? hostname();
  const alive = options.alive ?? processAlive;
  const stale: StaleExport[] = [];
  let otherHosts = 0;
  for (const row of await runningExports(db)) {
    if (row.host !== null && row.host !== host) {
      otherHosts++;
      continue;
    }
    if (row.pid !== null && alive(row.pid)) continue;
    const reason =
      row.pid === null
        ? "the export was interrupted (the process writing it is gone); start it again"
        : `the export was interrupted (its process ${row.pid} is gone); start it again`;
    if (!(await failRunningExport(db, row.id, reason))) continue; // finished meanwhile
    const removed = row.tempDir ? await removeTemp(row.tempDir).catch(() => null) : null;
    stale.push({ id: row.id, reason, removed });
  }
  const orphans: string[] = [];
  const root = path.join(dataDir(), "exports");
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match || alive(Number(match[1]))) continue;
    const removed = await removeTemp(path.join(root, name)).catch(() => null);
    if (removed) orphans.push(removed);
  }
  return { stale, orphans, otherHosts };
}

/** One line per cleaned export (for the CLI and the server's start-up log); `show` formats paths. */
export function describeClean(result: CleanResult, show: (p: string) => string): string[] {
  return [
    ...result.stale.map(
      (s) => `export ${s.id}: marked failed (${s.reason})${s.removed ? `; removed ${show(s.removed)}` : ""}`,
    ),
    ...result.orphans.map((o) => `removed the leftover temporary folder ${show(o)}`),
  ];
}
