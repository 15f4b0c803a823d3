/**
 * Storage failures as one sentence (issue #8: "a full disk or read-only data folder reported clearly"):
 * the operating system's and SQLite's error codes for a read-only, full or unwritable place become an
 * `io:failed` MmcbError that names the folder and what to do, instead of a raw `EROFS: …` line.
 */
import { MmcbError } from "@/core/errors";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "it is on a read-only file system",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "a folder is in the way of a file",
  SQLITE_READONLY: "the database is read-only",
  SQLITE_READONLY_DIRECTORY: "the database's folder is read-only",
  SQLITE_CANTOPEN: "the database file cannot be created or opened there",
  SQLITE_FULL: "the disk is full",
  SQLITE_IOERR_WRITE: "the disk refused a write",
};

/** The code of an fs or SQLite error when it is one of the storage failures above, else null. */
export function storageErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (REASONS[code]) return code;
  if (code.startsWith("SQLITE_READONLY")) return "SQLITE_READONLY";
  if (code.startsWith("SQLITE_CANTOPEN")) return "SQLITE_CANTOPEN";
  if (code.startsWith("SQLITE_IOERR")) return "SQLITE_IOERR_WRITE";
  return null;
}

/**
 * An io:failed error naming `place` (the data folder or file being written) when `error` is a storage
 * failure, else null. `setting` names the variable that moves the place (e.g. MMCB_DATA_DIR).
 */
export function storageError(error: unknown, place: string, setting = "MMCB_DATA_DIR"): MmcbError | null {
  const code = storageErrorCode(error);
  if (!code) return null;
  const full = code === "ENOSPC" || code === "EDQUOT" || code === "SQLITE_FULL";
  const advice = full ? "free some space and try again" : `make it writable or point ${setting} at a writable folder`;
  return new MmcbError("io:failed", `cannot write to ${place}: ${REASONS[code]} (${code}); ${advice}`, {
    cause: error,
  });
}

/** For a last-resort handler: the sentence for a storage failure, using the path the error names. */
export function describeStorageFailure(error: unknown, fallbackPlace: string): string | null {
  const path = (error as { path?: unknown } | null)?.path;
  return storageError(error, typeof path === "string" ? path : fallbackPlace)?.message ?? null;
}
