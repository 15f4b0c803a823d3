/**
 * Reading trace files (.jsonl, one trace per line; a .json file may hold one trace or an array), from mmcb
 * or any other producer (SPEC §4: only `scenarioId` and `steps[].turn/call` are needed). Every bad line
 * becomes one precise issue (`file:line: path: message`); good lines are still returned. An `episodeId`
 * repeated in the file is one issue and only its first trace is returned; a trace without an id is named
 * after where it is (`file:line`).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { ValidationIssue } from "@/core/errors";
import { formatPath } from "@/core/errors";
import { dedupeEpisodes, traceSchema, type Trace } from "@/core/trace";
import { displayPath } from "@/lib/scenarios/load";

export interface ReadTrace {
  readonly line: number;
  /** The trace's `episodeId`, or where it is in the file (`file:line`) when it has none. */
  readonly episodeId: string;
  readonly trace: Trace;
}

export interface ReadTraces {
  readonly traces: ReadTrace[];
  readonly issues: ValidationIssue[];
}

function parseOne(value: unknown, where: string, line: number, out: ReadTraces): void {
  const parsed = traceSchema.safeParse(value, { reportInput: true });
  if (parsed.success) {
    out.traces.push({ line, episodeId: parsed.data.episodeId ?? where, trace: parsed.data });
    return;
  }
  for (const issue of parsed.error.issues.slice(0, 5)) {
    const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
    out.issues.push({
      file: where,
      path: formatPath(issue.path),
      message: missing
        ? `required field is missing (expected ${(issue as { expected?: string }).expected})`
        : issue.message.replace(/^Invalid (input|option): /, ""),
    });
  }
}

/** Reads every trace in a file; never throws for bad content (a missing file is one issue). */
export async function readTraceFile(file: string): Promise<ReadTraces> {
  const shown = displayPath(file);
  const out: ReadTraces = { traces: [], issues: [] };
  try {
    const info = await stat(file);
    if (!info.isFile()) return { traces: [], issues: [{ file: shown, path: "", message: "is not a file" }] };
  } catch {
    return { traces: [], issues: [{ file: shown, path: "", message: "file does not exist" }] };
  }
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let number = 0;
  let buffered: string[] | null = null; // a pretty-printed .json document
  const parseLine = (text: string, n: number) => {
    const trimmed = text.trim();
    if (trimmed === "") return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      out.issues.push({
        file: `${shown}:${n}`,
        path: "",
        message: `invalid JSON: ${oneLine((error as Error).message)}`,
      });
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => parseOne(v, `${shown}:${n}[${i}]`, n, out));
    else parseOne(value, `${shown}:${n}`, n, out);
  };
  for await (const text of lines) {
    number++;
    if (buffered) {
      buffered.push(text);
      continue;
    }
    const trimmed = text.trim();
    if (number === 1 && (trimmed === "[" || (trimmed.startsWith("{") && !trimmed.endsWith("}")))) {
      buffered = [text];
      continue;
    }
    parseLine(text, number);
  }
  if (buffered) readBuffered(buffered, shown, out, parseLine);
  return withoutRepeats(out, shown);
}

/** Drops every trace whose episodeId came earlier in the file; one issue per repeated id. */
function withoutRepeats(out: ReadTraces, shown: string): ReadTraces {
  const { kept, repeated } = dedupeEpisodes(out.traces);
  if (repeated.length === 0) return out;
  const issues = [...out.issues];
  for (const r of repeated) {
    const lines = r.repeatLines.join(", ");
    issues.push({
      file: `${shown}:${r.repeatLines[0]}`,
      path: "episodeId",
      message: `"${r.episodeId}" is repeated (line${r.repeatLines.length > 1 ? "s" : ""} ${lines}; first on line ${r.firstLine}); scored once, from line ${r.firstLine}`,
    });
  }
  return { traces: kept, issues };
}

function readBuffered(
  buffered: string[],
  shown: string,
  out: ReadTraces,
  parseLine: (text: string, n: number) => void,
): void {
  // a byte-order mark is read past, as the JSONL path does (String#trim drops it there)
  const whole = buffered.join("\n").replace(/^\uFEFF/, "");
  try {
    const value = JSON.parse(whole);
    if (Array.isArray(value)) value.forEach((v, i) => parseOne(v, `${shown}[${i}]`, 1, out));
    else parseOne(value, shown, 1, out);
  } catch (error) {
    if (buffered.slice(1).some(isTraceLine)) {
      // Not a pretty-printed document after all: a JSONL file whose first line is broken.
      buffered.forEach((text, i) => parseLine(text, i + 1));
    } else {
      const { line, reason } = jsonErrorLine(whole, error);
      out.issues.push({ file: `${shown}:${line}`, path: "", message: `invalid JSON: ${reason}` });
    }
  }
}

/** Whether a line holds a whole trace by itself (then the file is JSONL, not one pretty-printed document). */
function isTraceLine(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return false;
  try {
    const value = JSON.parse(trimmed) as unknown;
    return typeof value === "object" && value !== null && "scenarioId" in value && "steps" in value;
  } catch {
    return false;
  }
}

/** The 1-based line of a JSON.parse error (from its character position) and the reason without it. */
function jsonErrorLine(text: string, error: unknown): { line: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const line = position ? text.slice(0, Number(position[1])).split("\n").length : text.split("\n").length;
  return { line, reason: oneLine(message) };
}

/**
 * A JSON.parse message as one line: V8's messages without a position quote the start of the text
 * (`Unexpected token 'x', "{\n  …"... is not valid JSON`), line breaks included; the quote is dropped
 * and an invisible character named by its code point.
 */
function oneLine(message: string): string {
  const token = /^Unexpected token '([\s\S])'/u.exec(message);
  if (token) {
    const cp = token[1]!.codePointAt(0)!;
    return `unexpected character ${cp > 0x20 && cp < 0x7f ? `'${token[1]}'` : `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`}`;
  }
  return message.split(/\r?\n/)[0]!.slice(0, 200);
}
