/**
 * Writing a machine-made scenario folder (`scripts/render-scenarios.ts`): the folder is replaced as a whole,
 * but only when what is there was made by a machine too, so a hand-authored or imported scenario of the same id
 * is never overwritten.
 */
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Source kinds a machine writes, so a folder of that kind may be replaced. */
const REPLACEABLE_KINDS: readonly unknown[] = ["generated", "rendered"];

/**
 * Writes `files` (relative path → bytes, `scenario.json` included) to `<outDir>/<id>/`, replacing a previous
 * machine-made copy. Refuses to replace a non-empty folder whose scenario.json is missing or not marked
 * `source.kind: "generated"` or `"rendered"`. Returns the folder.
 */
export async function writeScenarioFolder(
  outDir: string,
  id: string,
  files: ReadonlyMap<string, Buffer>,
): Promise<string> {
  const dir = path.join(outDir, id);
  await assertReplaceable(dir);
  await rm(dir, { recursive: true, force: true });
  for (const [file, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
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
  if (!REPLACEABLE_KINDS.includes(kind))
    throw new Error(`${dir} holds files that were not rendered or generated; not overwriting them`);
}
