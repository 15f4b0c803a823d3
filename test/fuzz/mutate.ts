/**
 * Shared pieces of the fuzz suites: a fixed seed (MMCB_FUZZ_SEED to explore others; a failure prints the
 * seed and path fast-check needs to replay it), structural mutations of JSON documents (delete, retype,
 * duplicate, unicode, huge numbers, NaN), and checks on the issues validators return.
 */
import fc from "fast-check";
import type { ValidationIssue } from "@/core/errors";

export const FUZZ_SEED = Number(process.env.MMCB_FUZZ_SEED ?? 20261125);
/** Bounded runs: the suites must stay cheap on a shared 2-core machine. */
export const fuzzOptions = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns, endOnFailure: true });

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Key = string | number;

/** Every path in a JSON value (the root included as []). */
export function allPaths(value: unknown, prefix: Key[] = []): Key[][] {
  const out: Key[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

/** Values that stress parsers: NaN, infinities, huge and negative numbers, odd strings, wrong shapes. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    5e-324,
    -1,
    0,
    0.5,
    "",
    " ",
    "\u0000",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "🧰🔧👩‍🔧",
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "scene.png\u0000.txt",
    '<img src=x onerror="alert(1)">',
    "__proto__",
    "constructor",
    "a".repeat(5000),
    [],
    {},
    [
      [Number.NaN, 1],
      [2, Number.NaN],
      [3, 4],
    ],
    { box: [Number.NaN, 0, 10, 10] },
    {
      polygon: [
        [0, 0],
        [Number.POSITIVE_INFINITY, 0],
        [0, 1],
      ],
    },
    { box: [0, 0, -5, 10] },
    { box: [0, 0, 10] },
    true,
    null,
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.double(),
  fc.integer(),
);

export type Mutation =
  | { readonly op: "delete"; readonly pick: number }
  | { readonly op: "set"; readonly pick: number; readonly value: unknown }
  | { readonly op: "duplicate"; readonly pick: number }
  | { readonly op: "add-key"; readonly pick: number; readonly key: string; readonly value: unknown };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("set" as const), pick: fc.nat(), value: nastyValue }),
  fc.record({ op: fc.constant("duplicate" as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant("add-key" as const),
    pick: fc.nat(),
    key: fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "extra"), fc.string({ maxLength: 8 })),
    value: nastyValue,
  }),
);

function parentOf(doc: unknown, path: Key[]): { parent: Record<Key, unknown> | unknown[]; key: Key } | null {
  if (path.length === 0) return null;
  let node = doc as Record<Key, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<Key, unknown>;
  return { parent: node, key: path.at(-1)! };
}

/** Applies one mutation to a deep copy of `doc` (the root may be replaced). */
export function applyMutation(doc: unknown, m: Mutation): unknown {
  const copy = structuredClone(doc);
  const paths = allPaths(copy);
  const path = paths[m.pick % paths.length]!;
  const at = parentOf(copy, path);
  if (!at) return m.op === "set" ? m.value : copy;
  const { parent, key } = at;
  const current = (parent as Record<Key, unknown>)[key];
  if (m.op === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<Key, unknown>)[key];
  } else if (m.op === "set") {
    (parent as Record<Key, unknown>)[key] = m.value;
  } else if (m.op === "duplicate") {
    if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(current));
    else (parent as Record<Key, unknown>)[key] = [current, structuredClone(current)];
  } else if (current && typeof current === "object" && !Array.isArray(current)) {
    // JSON.parse creates an own "__proto__" property; do the same rather than touching the prototype
    Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else {
    (parent as Record<Key, unknown>)[key] = m.value;
  }
  return copy;
}

/** Splits an issue path such as `entities[0].parts[1].region` into keys. */
export function parseIssuePath(p: string): Key[] {
  const keys: Key[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(p))) keys.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return keys;
}

/** Whether a path names something in the document or a direct child of something in it (a missing field). */
export function pathPointsInto(doc: unknown, keys: Key[]): boolean {
  let node: unknown = doc;
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== "object") return false;
    const key = keys[i]!;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return i === keys.length - 1;
    node = (node as Record<Key, unknown>)[key];
  }
  return true;
}

const STACK = /\n\s+at |\bat .*\.(ts|js|mjs):\d+/;

/** What every issue must look like: the right file, a path string, one short human sentence. */
export function issueProblems(issues: readonly ValidationIssue[], file: string | RegExp): string[] {
  const problems: string[] = [];
  for (const issue of issues) {
    const where = JSON.stringify(issue).slice(0, 300);
    if (typeof file === "string" ? issue.file !== file : !file.test(issue.file)) problems.push(`wrong file: ${where}`);
    if (typeof issue.path !== "string") problems.push(`path is not a string: ${where}`);
    if (typeof issue.message !== "string" || issue.message.trim() === "") problems.push(`empty message: ${where}`);
    else {
      if (STACK.test(issue.message)) problems.push(`stack trace in message: ${where}`);
      if (issue.message.length > 600) problems.push(`message of ${issue.message.length} characters: ${where}`);
    }
  }
  return problems;
}
