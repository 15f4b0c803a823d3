/**
 * Naming and hashing a run's benchmark set (core/run/benchmark-set): which scenarios a run played, as
 * `name · count · hash`. Names: `bundled` (the bundled folder, whole), the folder's name (another folder,
 * whole), `library` (the app's published scenarios, when some are not bundled), `custom` (a selection).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { benchmarkSetOf, type BenchmarkSet } from "@/core/run/benchmark-set";
import type { RunConfig } from "@/core/run";
import { defaultScenariosDir } from "@/lib/config";

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

export function benchmarkSetFor(name: string, scenarios: readonly { readonly contentHash: string }[]): BenchmarkSet {
  return benchmarkSetOf(
    name,
    scenarios.map((s) => s.contentHash),
    sha256Hex,
  );
}

const inside = (dir: string, root: string) => dir === root || dir.startsWith(root + path.sep);

/**
 * The name of a set: `custom` when scenarios were picked (`--only`, the form's Choose); else the folder's
 * — `bundled` for the bundled folder — or, for the app's store (no folder), `bundled` when every scenario
 * is a bundled one and `library` otherwise.
 */
export function benchmarkSetName(input: {
  readonly selected: boolean;
  readonly scenariosDir?: string | undefined;
  readonly scenarios: readonly { readonly dir: string }[];
}): string {
  if (input.selected) return "custom";
  const bundled = path.resolve(defaultScenariosDir());
  if (input.scenariosDir) {
    const dir = path.resolve(input.scenariosDir);
    return dir === bundled ? "bundled" : path.basename(dir) || "folder";
  }
  return input.scenarios.every((s) => inside(path.resolve(s.dir), bundled)) ? "bundled" : "library";
}

/**
 * A run's benchmark set: as recorded, else (runs older than the record) derived from its configuration's
 * scenarios under the name `unrecorded`; null for a run that lists no scenario (human play).
 */
export function runBenchmarkSet(run: {
  readonly benchmarkSet: BenchmarkSet | null;
  readonly config: RunConfig;
}): BenchmarkSet | null {
  if (run.benchmarkSet) return run.benchmarkSet;
  if (run.config.scenarios.length === 0) return null;
  return benchmarkSetFor("unrecorded", run.config.scenarios);
}
