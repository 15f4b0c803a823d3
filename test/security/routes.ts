/**
 * The HTTP surface as files: every route module under app/api, its path parameters (from the folder
 * names) and the handlers it exports. Shared by the token tests and the HTTP-body fuzz suite so both
 * cover routes added later without being edited.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const API_DIR = path.join(ROOT, "app", "api");
export const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
export type MutatingMethod = (typeof MUTATING_METHODS)[number];

export interface RouteFile {
  /** Absolute path of route.ts. */
  readonly file: string;
  /** e.g. `app/api/scenarios/[id]/files/[...file]/route.ts`. */
  readonly relative: string;
  /** The URL path with example values, e.g. `/api/scenarios/x/files/x`. */
  readonly url: string;
  /** Example path parameters for the handler's context. */
  readonly params: Record<string, string | string[]>;
  /** Mutating methods the file exports (found in the source). */
  readonly mutating: MutatingMethod[];
  readonly source: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every route file under app/api (sorted). */
export function routeFiles(exampleParam = "x"): RouteFile[] {
  return walk(API_DIR)
    .sort()
    .map((file) => {
      const relative = path.relative(ROOT, file).split(path.sep).join("/");
      const params: Record<string, string | string[]> = {};
      const segments = path
        .relative(API_DIR, path.dirname(file))
        .split(path.sep)
        .filter(Boolean)
        .map((segment) => {
          const catchAll = /^\[\[?\.\.\.(\w+)\]?\]$/.exec(segment);
          if (catchAll) {
            params[catchAll[1]!] = [exampleParam];
            return exampleParam;
          }
          const dynamic = /^\[(\w+)\]$/.exec(segment);
          if (dynamic) {
            params[dynamic[1]!] = exampleParam;
            return exampleParam;
          }
          return segment;
        });
      const source = readFileSync(file, "utf8");
      const mutating = MUTATING_METHODS.filter((m) =>
        new RegExp(`export\\s+(const|(async\\s+)?function|\\{[^}]*\\b)\\s*${m}\\b`).test(source),
      );
      return { file, relative, url: `/api/${segments.join("/")}`, params, mutating, source };
    });
}

/**
 * How a mutating export is declared: `export const POST = mutating(` is the only accepted form. Returns
 * a description of what was found when it is anything else.
 */
export function wrappingProblem(source: string, method: MutatingMethod): string | null {
  if (new RegExp(`export\\s+const\\s+${method}\\s*=\\s*mutating\\s*\\(`).test(source)) return null;
  if (new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\b`).test(source))
    return `${method} is a plain function, not wrapped in mutating(…)`;
  const declared = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*([\\w.]+)`).exec(source);
  if (declared) return `${method} is declared with ${declared[1]}(…), not mutating(…)`;
  return `${method} is exported in a form the check does not recognise (use export const ${method} = mutating(…))`;
}
