/**
 * Paths as the HTTP API shows them: relative to the data folder (or, for the bundled scenarios and other
 * files of the checkout, to the app's folder), never the server's absolute paths.
 */
import path from "node:path";
import { appRoot, dataDir } from "@/lib/config";

const slash = (p: string) => p.split(path.sep).join("/");

/** `p` relative to the data folder or the app folder when inside one of them, else its last segment. */
export function publicPath(p: string): string {
  const absolute = path.resolve(p);
  for (const root of [dataDir(), appRoot()]) {
    const rel = path.relative(root, absolute);
    if (!rel) return ".";
    if (!rel.startsWith("..") && !path.isAbsolute(rel)) return slash(rel);
  }
  return path.basename(absolute);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `text` with every absolute path under the data folder or the app folder made relative to it. */
export function scrubPaths(text: string): string {
  let out = text;
  // the data folder first: it may lie inside the app folder
  const roots: [string, string][] = [
    [dataDir(), "the data folder"],
    [appRoot(), "the app folder"],
  ];
  for (const [root, name] of roots) {
    if (root === path.parse(root).root) continue;
    out = out.replace(new RegExp(`${escape(root + path.sep)}`, "g"), "");
    out = out.replace(new RegExp(`${escape(root)}(?![\\w.-])`, "g"), name);
  }
  return out;
}
