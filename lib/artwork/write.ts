/** Writing a generated scenario to disk (the only I/O of the generator). */
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuiltScenario } from "./build";

/**
 * Writes `built` to `<outDir>/<id>/`, replacing a previous generated copy. Refuses to replace a non-empty
 * folder whose scenario.json is missing or not marked `source.kind: "generated"` (e.g. a hand-authored
 * scenario). Returns the folder.
 */
export async function writeScenarioFolder(outDir: string, built: BuiltScenario): Promise<string> {
  const dir = path.join(outDir, built.scenario.id);
  await assertReplaceable(dir);
  await rm(dir, { recursive: true, force: true });
  for (const [file, bytes] of [...built.files].sort(([a], [b]) => a.localeCompare(b))) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  return dir;
}

async function assertReplaceable(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return; // the folder does not exist yet
  }
  if (entries.length === 0) return;
  let kind: unknown;
  try {
    const text = await readFile(path.join(dir, "scenario.json"), "utf8");
    kind = (JSON.parse(text) as { source?: { kind?: unknown } }).source?.kind;
  } catch {
    kind = undefined;
  }
  if (kind !== "generated") throw new Error(`${dir} holds files that were not generated; not overwriting them`);
}
