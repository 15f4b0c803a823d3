/**
 * Reading scenario folders from disk: scenario.json + image probes (sharp) → the pure validator in
 * core/scenario. A broken scenario never throws: it comes back as issues and is skipped by callers.
 */
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { MmcbError, type ValidationIssue } from "@/core/errors";
import {
  referencedImages,
  validateScenarioText,
  type ImageProbe,
  type Scenario,
  type ValidationContext,
} from "@/core/scenario";

/** A valid scenario as loaded from its folder. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  /** Absolute path of the scenario folder. */
  readonly dir: string;
  /** sha256 over scenario.json and every referenced image (sorted by file name). */
  readonly contentHash: string;
  /** sha256 of every referenced image, by file name. */
  readonly imageHashes: Readonly<Record<string, string>>;
}

export interface LoadResult {
  readonly scenarios: LoadedScenario[];
  readonly issues: ValidationIssue[];
  /** Number of folders that held a scenario.json (valid or not). */
  readonly checked: number;
}

/** How a path is shown in messages: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

async function probeImage(file: string): Promise<ImageProbe> {
  try {
    const meta = await sharp(file).metadata();
    if (!meta.width || !meta.height) return { status: "unreadable", reason: "no pixel size in the file" };
    const orientated = (meta.orientation ?? 1) >= 5;
    return {
      status: "ok",
      width: orientated ? meta.height : meta.width,
      height: orientated ? meta.width : meta.height,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || /missing|no such file/i.test(String((error as Error).message)))
      return { status: "missing" };
    return { status: "unreadable", reason: String((error as Error).message).split("\n")[0] ?? "unknown" };
  }
}

/** Resolves a file inside a scenario folder, refusing anything that escapes it. */
export function resolveInside(dir: string, file: string): string {
  const resolved = path.resolve(dir, file);
  if (resolved !== dir && !resolved.startsWith(dir + path.sep)) {
    throw new MmcbError("input:invalid", `"${file}" is outside the scenario folder`);
  }
  // A symbolic link (the file or a folder on the way) must not lead out of the scenario folder either.
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch {
    return resolved; // missing: the caller reports it
  }
  const realDir = realpathSync(dir);
  if (real !== realDir && !real.startsWith(realDir + path.sep)) {
    throw new MmcbError("input:invalid", `"${file}" is a link to a file outside the scenario folder`);
  }
  return resolved;
}

/** Loads and validates one scenario folder. */
export async function loadScenarioDir(
  dirPath: string,
): Promise<{ scenario: LoadedScenario | null; issues: ValidationIssue[] }> {
  const dir = path.resolve(dirPath);
  const jsonPath = path.join(dir, "scenario.json");
  const file = displayPath(jsonPath);
  let text: string;
  try {
    text = await readFile(jsonPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "file does not exist" : `cannot be read (${code ?? "error"})`;
    return { scenario: null, issues: [{ file, path: "", message }] };
  }
  const folderName = path.basename(dir);
  // Structure first; images are probed only when the document is well-formed enough to name them.
  const structural = validateScenarioText(text, { file, folderName });
  if (!structural.document) return { scenario: null, issues: structural.issues };
  const names = referencedImages(structural.document);
  const probes = new Map<string, ImageProbe>();
  await Promise.all(
    names.map(async (name) => {
      let absolute: string;
      try {
        absolute = resolveInside(dir, name);
      } catch (error) {
        probes.set(name, { status: "unreadable", reason: (error as Error).message });
        return;
      }
      probes.set(name, await probeImage(absolute));
    }),
  );
  let renderJson: ValidationContext["renderJson"];
  if (structural.document.source.kind === "rendered") {
    try {
      renderJson = { status: "ok", data: JSON.parse(await readFile(path.join(dir, "render.json"), "utf8")) as unknown };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      renderJson =
        code === "ENOENT"
          ? { status: "missing", reason: "render.json does not exist" }
          : { status: "unreadable", reason: `render.json: ${(error as Error).message}` };
    }
  }
  const full = validateScenarioText(text, {
    file,
    folderName,
    probeImage: (name) => probes.get(name) ?? { status: "missing" },
    ...(renderJson ? { renderJson } : {}),
  });
  if (!full.scenario) return { scenario: null, issues: full.issues };

  const imageHashes: Record<string, string> = {};
  const content = createHash("sha256").update(text);
  for (const name of [...names].sort()) {
    const bytes = await readFile(resolveInside(dir, name));
    imageHashes[name] = sha256(bytes);
    content.update(`\0${name}\0${imageHashes[name]}`);
  }
  return { scenario: { scenario: full.scenario, dir, contentHash: content.digest("hex"), imageHashes }, issues: [] };
}

/**
 * Loads every scenario under `root` (each sub-folder with a scenario.json; `root` itself when it is a
 * scenario folder). Invalid scenarios are reported in `issues` and skipped; duplicate ids are reported.
 */
export async function loadScenarioStore(rootPath: string): Promise<LoadResult> {
  const root = path.resolve(rootPath);
  let info;
  try {
    info = await stat(root);
  } catch {
    return {
      scenarios: [],
      issues: [{ file: displayPath(root), path: "", message: "folder does not exist" }],
      checked: 0,
    };
  }
  if (!info.isDirectory()) {
    return { scenarios: [], issues: [{ file: displayPath(root), path: "", message: "is not a folder" }], checked: 0 };
  }
  const ownJson = await stat(path.join(root, "scenario.json")).then(
    () => true,
    () => false,
  );
  const dirs = ownJson
    ? [root]
    : (await readdir(root, { withFileTypes: true }))
        .filter((d) => d.isDirectory() && !d.name.startsWith("."))
        .map((d) => path.join(root, d.name))
        .sort();
  const candidates: string[] = [];
  for (const dir of dirs) {
    if (
      await stat(path.join(dir, "scenario.json")).then(
        () => true,
        () => false,
      )
    )
      candidates.push(dir);
  }

  const results = await Promise.all(candidates.map((dir) => loadScenarioDir(dir)));
  const scenarios: LoadedScenario[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, string>();
  for (const result of results) {
    issues.push(...result.issues);
    if (!result.scenario) continue;
    const { id } = result.scenario.scenario;
    const other = seen.get(id);
    if (other) {
      issues.push({
        file: displayPath(path.join(result.scenario.dir, "scenario.json")),
        path: "id",
        message: `duplicate scenario id "${id}" (also in ${other})`,
      });
      continue;
    }
    seen.set(id, displayPath(result.scenario.dir));
    scenarios.push(result.scenario);
  }
  return { scenarios, issues, checked: candidates.length };
}
