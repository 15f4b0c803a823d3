/**
 * Errors that cross a boundary carry a stable code (`scenario:invalid`, `model:rate_limited`) and a
 * sentence for people. The CLI and the API print the sentence, never a stack trace.
 */
export type ErrorCode =
  | "scenario:invalid"
  | "scenario:not_found"
  | "scenario:duplicate_id"
  | "scenario:not_ready"
  | "run:not_found"
  | "episode:not_found"
  | "run:cancelled"
  | "model:unreachable"
  | "model:auth_failed"
  | "model:not_found"
  | "model:rate_limited"
  | "model:failed"
  | "auth:required"
  | "auth:forbidden"
  | "auth:cross_site"
  | "route:not_found"
  | "route:method_not_allowed"
  | "conflict"
  | "input:too_large"
  | "input:unsupported_type"
  | "input:invalid"
  | "io:failed"
  | "db:failed"
  | "internal";

export class MmcbError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MmcbError";
    this.code = code;
  }
}

/** A precise problem in a file: `file: path: message` (path may be empty for whole-file problems). */
export interface ValidationIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Formats an issue as the one-line form the CLI and the editor print. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path ? `${issue.file}: ${issue.path}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}

/** Turns a property path (`["gold", 0, "part"]`) into the JSON-path form used in messages (`gold[0].part`). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
