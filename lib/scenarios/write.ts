/**
 * Writing scenarios from the app (editor, review): every save is a NEW version (`base + 1`) written as a
 * draft under `<dataDir>/drafts/<id>/`, never into the bundled git-tracked folder; `publishScenario` runs
 * the readiness checks and moves a draft to the published user folder `<dataDir>/scenarios/<id>/`. The document is
 * checked by the same validator the CLI runs (same one-line messages). A save that started from a version
 * that is no longer the latest is refused as a conflict, and the refused document is kept in the
 * database with its annotator so nothing is lost.
 *
 * Safety: the folder is built from the validated id slug only; image names come from the validated
 * document (relative, no `..`) and are resolved inside the folder; images come from the previous version's
 * folder or from the uploads folder (generated names); every file is written to a temp name and renamed.
 * Saves of one id are serialised in this process.
 */
import "server-only";
import { createHash } from "node:crypto";
import { copyFile, link, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { formatIssue, MmcbError, type ValidationIssue } from "@/core/errors";
import {
  readinessChecks,
  referencedImages,
  slugSchema,
  type ReadinessCheck,
  validateScenarioDocument,
  type ImageProbe,
  type Scenario,
} from "@/core/scenario";
import { dataDir, defaultScenariosDir } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { indexScenarios, recordConflictDraft, recordScenarioSave } from "@/lib/db/scenarios";
import { uploadNameOf, uploadPath } from "@/lib/uploads/images";
import { displayPath, loadScenarioDir, resolveInside, type LoadedScenario } from "./load";
import { draftScenariosDir, invalidateScenarioStore, userScenariosDir } from "./store";

export interface SaveScenarioInput {
  /** The scenario document as edited (its `version` is replaced by the new version). */
  readonly document: unknown;
  /** The version the edit started from; null creates a new scenario (the id must be free). */
  readonly baseVersion: number | null;
  /** Who saves (stored with the revision). */
  readonly annotator: { readonly id: string; readonly name: string } | null;
  /** When creating: the scenario whose images a copy may reuse ("save as a copy"). */
  readonly copyOf?: string;
}

export type SaveScenarioResult =
  | {
      readonly kind: "saved";
      readonly scenario: Scenario;
      readonly version: number;
      readonly contentHash: string;
      readonly revisionId: number;
    }
  | { readonly kind: "invalid"; readonly issues: readonly ValidationIssue[]; readonly lines: readonly string[] }
  | {
      readonly kind: "conflict";
      readonly message: string;
      /** The latest stored version (what the other person saved). */
      readonly latest: { readonly scenario: Scenario; readonly version: number; readonly contentHash: string };
      /** The refused document, as sent, kept as a `conflict` revision with this id. */
      readonly yours: unknown;
      readonly draftId: number;
    };

const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier save of the same id has finished. */
async function withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(id) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  locks.set(id, tail);
  try {
    return await run;
  } finally {
    if (locks.get(id) === tail) locks.delete(id);
  }
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/**
 * The stored scenario an edit of `id` builds on: of the bundled, the published user and the draft copy,
 * the one with the highest version (an earlier folder wins a tie). A draft comes back with `draft: true`.
 */
export async function currentScenario(id: string): Promise<LoadedScenario | null> {
  const slug = slugSchema.parse(id);
  const candidates = await Promise.all(
    [defaultScenariosDir(), userScenariosDir(), draftScenariosDir()].map(async (root) => {
      const dir = path.join(root, slug);
      return (await exists(path.join(dir, "scenario.json"))) ? (await loadScenarioDir(dir)).scenario : null;
    }),
  );
  let best: LoadedScenario | null = null;
  candidates.forEach((c, i) => {
    if (c && (!best || c.scenario.version > best.scenario.version)) best = i === 2 ? { ...c, draft: true } : c;
  });
  return best;
}

async function probeFile(file: string): Promise<ImageProbe> {
  try {
    const meta = await sharp(file).metadata();
    if (!meta.width || !meta.height) return { status: "unreadable", reason: "no pixel size in the file" };
    const rotated = (meta.orientation ?? 1) >= 5;
    return {
      status: "ok",
      width: rotated ? meta.height : meta.width,
      height: rotated ? meta.width : meta.height,
    };
  } catch {
    return { status: "unreadable", reason: "not a readable image" };
  }
}

/** Where each referenced image will come from: the target folder, the base folder, or the uploads. */
async function imageSources(
  names: readonly string[],
  targetDir: string,
  baseDir: string | null,
): Promise<Map<string, string | null>> {
  const sources = new Map<string, string | null>();
  for (const name of names) {
    const inTarget = resolveInside(targetDir, name);
    if (baseDir) {
      const inBase = resolveInside(baseDir, name);
      if (await exists(inBase)) {
        sources.set(name, inBase);
        continue;
      }
    }
    const upload = uploadNameOf(name);
    const fromUploads = upload ? await uploadPath(upload) : null;
    if (fromUploads) sources.set(name, fromUploads);
    else if (await exists(inTarget)) sources.set(name, inTarget);
    else sources.set(name, null);
  }
  return sources;
}

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  await writeFile(temp, data);
  await rename(temp, file);
}

async function copyAtomic(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  const temp = path.join(path.dirname(to), `.${path.basename(to)}.${process.pid}.${Date.now()}.tmp`);
  await copyFile(from, temp);
  await rename(temp, to);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function idOf(document: unknown): string | null {
  if (typeof document !== "object" || document === null) return null;
  const id = (document as { id?: unknown }).id;
  return typeof id === "string" && slugSchema.safeParse(id).success ? id : null;
}

/**
 * Saves `document` as a new version of its scenario (or creates it when `baseVersion` is null).
 * Returns `saved`, `invalid` (the validator's issues, nothing written) or `conflict` (the stored version
 * moved on; the document is kept as a conflict revision). Throws scenario:not_found when editing an id
 * that does not exist and scenario:duplicate_id when creating one that does.
 */
export async function saveScenarioVersion(input: SaveScenarioInput): Promise<SaveScenarioResult> {
  const id = idOf(input.document);
  if (!id) {
    const issue = {
      file: "scenario.json",
      path: "id",
      message: "expected a slug of lower-case letters, digits and '-'",
    };
    return { kind: "invalid", issues: [issue], lines: [formatIssue(issue)] };
  }
  return withLock(id, () => saveLocked(id, input));
}

async function saveLocked(id: string, input: SaveScenarioInput): Promise<SaveScenarioResult> {
  const current = await currentScenario(id);
  const targetDir = path.join(draftScenariosDir(), id);
  const db = getDb();

  if (input.baseVersion === null) {
    if (
      current ||
      (await exists(path.join(targetDir, "scenario.json"))) ||
      (await exists(path.join(userScenariosDir(), id, "scenario.json")))
    ) {
      throw new MmcbError("scenario:duplicate_id", `a scenario "${id}" already exists; choose another id`);
    }
  } else {
    if (!current) throw new MmcbError("scenario:not_found", `No scenario "${id}"`);
    if (current.scenario.version !== input.baseVersion) {
      // Keep the refused edit (with its author) before answering: nothing is lost.
      await indexScenarios(db, [current]);
      const text = JSON.stringify(input.document);
      const draftId = await recordConflictDraft(db, {
        scenarioId: id,
        version: input.baseVersion + 1,
        baseVersion: input.baseVersion,
        contentHash: sha256(text),
        document: text,
        annotatorId: input.annotator?.id ?? null,
      });
      return {
        kind: "conflict",
        message: `scenario "${id}" is now at version ${current.scenario.version}; your edit started from version ${input.baseVersion}. Your edit was kept (draft ${draftId}).`,
        latest: { scenario: current.scenario, version: current.scenario.version, contentHash: current.contentHash },
        yours: input.document,
        draftId,
      };
    }
  }

  const version = (current?.scenario.version ?? 0) + 1;
  const document = { ...(input.document as Record<string, unknown>), version };
  const file = displayPath(path.join(targetDir, "scenario.json"));

  const structural = validateScenarioDocument(document, { file, folderName: id });
  if (!structural.document) return invalid(structural.issues);
  const names = referencedImages(structural.document);
  const copied = input.baseVersion === null && input.copyOf ? await currentScenario(input.copyOf) : null;
  const sources = await imageSources(names, targetDir, current?.dir ?? copied?.dir ?? null);
  const probes = new Map<string, ImageProbe>();
  for (const [name, source] of sources) probes.set(name, source ? await probeFile(source) : { status: "missing" });
  const full = validateScenarioDocument(document, {
    file,
    folderName: id,
    probeImage: (name) => probes.get(name) ?? { status: "missing" },
  });
  if (!full.scenario) return invalid(full.issues);

  for (const [name, source] of sources) {
    const target = resolveInside(targetDir, name);
    if (source && source !== target) await copyAtomic(source, target);
  }
  await writeAtomic(path.join(targetDir, "scenario.json"), `${JSON.stringify(full.scenario, null, 2)}\n`);
  invalidateScenarioStore();

  const loaded = await loadScenarioDir(targetDir);
  if (!loaded.scenario) return invalid(loaded.issues);
  const revisionId = await recordScenarioSave(db, loaded.scenario, {
    annotatorId: input.annotator?.id ?? null,
    baseVersion: input.baseVersion,
  });
  return {
    kind: "saved",
    scenario: loaded.scenario.scenario,
    version,
    contentHash: loaded.scenario.contentHash,
    revisionId,
  };
}

export type PublishResult =
  | {
      readonly kind: "published";
      readonly scenario: Scenario;
      readonly version: number;
      readonly contentHash: string;
      readonly checks: readonly ReadinessCheck[];
    }
  | { readonly kind: "not_ready"; readonly checks: readonly ReadinessCheck[] };

/**
 * Publishes the draft of `id`: runs the readiness checks (core/scenario/readiness) on the stored draft and,
 * when every one passes, moves `<dataDir>/drafts/<id>/` to `<dataDir>/scenarios/<id>/` (replacing an older
 * published copy) so the scenario joins "All". Unchanged content: the content hash stays the same.
 * Throws scenario:not_found for an unknown id and `conflict` when there is no draft to publish.
 */
export async function publishScenario(id: string): Promise<PublishResult> {
  const slug = slugSchema.parse(id);
  return withLock(slug, async () => {
    const draftDir = path.join(draftScenariosDir(), slug);
    const current = await currentScenario(slug);
    if (!current) throw new MmcbError("scenario:not_found", `No scenario "${slug}"`);
    if (!current.draft || !(await exists(path.join(draftDir, "scenario.json"))))
      throw new MmcbError(
        "conflict",
        `scenario "${slug}" has no draft to publish; version ${current.scenario.version} is already published`,
      );
    const loaded = await loadScenarioDir(draftDir);
    if (!loaded.scenario) {
      const lines = loaded.issues.map(formatIssue);
      const n = lines.length;
      return {
        kind: "not_ready",
        checks: [
          {
            id: "validator",
            ok: false,
            message: `The validator reports ${n} problem${n === 1 ? "" : "s"}: ${lines[0] ?? "the draft cannot be read"}`,
          },
        ],
      };
    }
    const checks = readinessChecks(loaded.scenario.scenario);
    if (checks.some((c) => !c.ok)) return { kind: "not_ready", checks };

    const publishedRoot = userScenariosDir();
    const target = path.join(publishedRoot, slug);
    await mkdir(publishedRoot, { recursive: true });
    const stamp = `${process.pid}-${Date.now()}`;
    const incoming = path.join(publishedRoot, `.publish-${slug}-${stamp}`);
    const aside = path.join(publishedRoot, `.replaced-${slug}-${stamp}`);
    await rename(draftDir, incoming);
    const hadPublished = await exists(target);
    if (hadPublished) await rename(target, aside);
    await rename(incoming, target);
    if (hadPublished) await rm(aside, { recursive: true, force: true });
    invalidateScenarioStore();
    return {
      kind: "published",
      scenario: loaded.scenario.scenario,
      version: loaded.scenario.scenario.version,
      contentHash: loaded.scenario.contentHash,
      checks,
    };
  });
}

function invalid(issues: readonly ValidationIssue[]): SaveScenarioResult {
  return { kind: "invalid", issues, lines: issues.map(formatIssue) };
}

/**
 * A folder holding exactly the scenario in the SPEC format (scenario.json + its referenced images), for
 * a zip download: staged once per content hash under `<dataDir>/cache/scenario-exports/` (hard links when
 * possible), written to a temp folder and renamed into place.
 */
export async function stageScenarioExport(loaded: LoadedScenario): Promise<string> {
  const root = path.join(dataDir(), "cache", "scenario-exports");
  // <root>/<id>-<hash>/<id>/: the folder keeps the id as its name, as the format requires.
  const holder = path.join(root, `${loaded.scenario.id}-${loaded.contentHash.slice(0, 16)}`);
  const target = path.join(holder, loaded.scenario.id);
  if (await exists(path.join(target, "scenario.json"))) return target;
  await mkdir(holder, { recursive: true });
  const temp = path.join(holder, `.tmp-${process.pid}-${Date.now()}`);
  await mkdir(temp, { recursive: true });
  for (const name of [...referencedImages(loaded.scenario), "scenario.json"]) {
    const from = resolveInside(loaded.dir, name);
    const to = resolveInside(temp, name);
    await mkdir(path.dirname(to), { recursive: true });
    await link(from, to).catch(() => copyFile(from, to));
  }
  await rename(temp, target).catch(async (error: unknown) => {
    // Another request staged the same export first: use theirs.
    await rm(temp, { recursive: true, force: true });
    if (!(await exists(path.join(target, "scenario.json")))) throw error;
  });
  return target;
}
