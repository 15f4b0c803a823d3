/**
 * `mmcb import creativitybench`: reads a CreativityBench task file, maps each task with
 * core/import/creativitybench.ts, writes one scenario folder per task (scenario.json, a text-card scene.png and
 * an entity card per entity) and validates every written folder with the same loader the app uses.
 */
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  ENTITY_CARD,
  SCENE_CARD,
  entityViewFile,
  importCreativityBenchDocument,
  type ImportedScenario,
} from "@/core/import";
import { MmcbError, formatIssue } from "@/core/errors";
import { importedScenariosDir } from "@/lib/config";
import { displayPath, loadScenarioDir } from "@/lib/scenarios/load";
import { renderEntityCard, renderSceneCard } from "./cards";

export interface ImportOptions {
  /**
   * The folder that receives one sub-folder per scenario (created when missing); default `<dataDir>/imported`,
   * which the app's scenario store reads (never the bundled `scenarios/` folder, which is git-tracked).
   */
  readonly out?: string;
  /** Replace existing folders even when they are not imported scenarios. */
  readonly force?: boolean;
}

/** A task written and validated. */
export interface ImportedTask {
  readonly index: number;
  readonly taskId: string;
  readonly id: string;
  /** The scenario folder, as shown to people. */
  readonly dir: string;
  /** What the mapping dropped or decided (one sentence each). */
  readonly notes: string[];
}

/** A task not written, and why. */
export interface SkippedTask {
  readonly index: number;
  readonly taskId: string | null;
  readonly reason: string;
}

export interface ImportReport {
  readonly file: string;
  readonly out: string;
  readonly imported: ImportedTask[];
  readonly skipped: SkippedTask[];
}

/** `invalid JSON at line L, column C: reason` from a JSON.parse error. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of (?:JSON )?input/i.test(message) ? text.length : null;
  const reason = message.replace(/\s*in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  if (offset === null) return `invalid JSON: ${reason}`;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

async function readTasks(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new MmcbError("input:invalid", `${displayPath(file)} does not exist`);
    if (code === "EISDIR")
      throw new MmcbError("input:invalid", `${displayPath(file)} is a folder; expected a CreativityBench JSON file`);
    throw new MmcbError("io:failed", `${displayPath(file)} cannot be read (${code ?? "error"})`, { cause: error });
  }
  text = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MmcbError("input:invalid", `${displayPath(file)}: ${describeJsonError(text, error)}`);
  }
}

/** Why `dir` may not be replaced, or null when it is absent, empty, or an earlier import. */
async function replaceProblem(dir: string): Promise<string | null> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ENOTDIR") return `${displayPath(dir)} exists and is a file`;
    throw error;
  }
  if (entries.length === 0) return null;
  try {
    const doc = JSON.parse(await readFile(path.join(dir, "scenario.json"), "utf8")) as { source?: { kind?: unknown } };
    if (doc.source?.kind === "imported") return null;
  } catch {
    // Unreadable or missing scenario.json: treat as someone else's folder.
  }
  return `${displayPath(dir)} already exists and is not an imported scenario; not overwriting it (use --force to replace it)`;
}

/** Writes one scenario folder (replacing an earlier copy) and returns the files written. */
async function writeScenario(dir: string, imported: ImportedScenario): Promise<void> {
  const { scenario } = imported;
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "entities"), { recursive: true });
  await writeFile(path.join(dir, "scenario.json"), `${JSON.stringify(scenario, null, 2)}\n`);
  await writeFile(path.join(dir, scenario.scene.image), await renderSceneCard(scenario, SCENE_CARD));
  for (const [i, entity] of scenario.entities.entries()) {
    await writeFile(
      path.join(dir, entity.view ?? entityViewFile(entity.id)),
      await renderEntityCard(entity, i, ENTITY_CARD),
    );
  }
}

/**
 * Imports every usable task of `file` into `options.out`. Throws MmcbError only for problems with the file as
 * a whole (missing, not JSON, not CreativityBench-shaped); a bad task is reported in `skipped` and the others
 * are still imported.
 */
export async function importCreativityBenchFile(file: string, options: ImportOptions): Promise<ImportReport> {
  const source = path.resolve(file);
  const out = path.resolve(options.out ?? importedScenariosDir());
  const raw = await readTasks(source);
  if (Array.isArray(raw) && raw.length === 0)
    throw new MmcbError("input:invalid", `${displayPath(source)} holds no tasks (an empty array)`);
  const { scenarios, problems } = importCreativityBenchDocument(raw);
  const whole = problems.find((p) => p.index < 0);
  if (whole) throw new MmcbError("input:invalid", `${displayPath(source)}: ${whole.message}`);

  const skipped: SkippedTask[] = problems.map((p) => ({ index: p.index, taskId: p.taskId, reason: p.message }));
  const imported: ImportedTask[] = [];
  if (scenarios.length > 0) {
    try {
      await mkdir(out, { recursive: true });
    } catch (error) {
      throw new MmcbError(
        "io:failed",
        `cannot create the output folder ${displayPath(out)} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
        { cause: error },
      );
    }
  }
  for (const item of scenarios) {
    const dir = path.join(out, item.scenario.id);
    const problem = options.force ? null : await replaceProblem(dir);
    if (problem) {
      skipped.push({ index: item.index, taskId: item.taskId, reason: problem });
      continue;
    }
    await writeScenario(dir, item);
    const check = await loadScenarioDir(dir);
    if (check.issues.length > 0) {
      await rm(dir, { recursive: true, force: true });
      const more = check.issues.length > 1 ? ` (and ${check.issues.length - 1} more)` : "";
      skipped.push({
        index: item.index,
        taskId: item.taskId,
        reason: `the written scenario does not validate: ${formatIssue(check.issues[0]!)}${more}`,
      });
      continue;
    }
    imported.push({
      index: item.index,
      taskId: item.taskId,
      id: item.scenario.id,
      dir: displayPath(dir),
      notes: item.notes,
    });
  }
  skipped.sort((a, b) => a.index - b.index);
  return { file: displayPath(source), out: displayPath(out), imported, skipped };
}
