/**
 * Running an export (SPEC §7): records stream from the database through the pair/SFT builders and the
 * format into `train.jsonl` / `test.jsonl` (split by scenario), images are written once under their
 * sha256, identical records are dropped, scenarios are capped, every line is checked by the format's
 * validator before it is written, and a dataset card closes the folder. Everything is written into a
 * temporary folder next to `--out` and renamed into place at the end, so a failed export leaves nothing
 * half-written. The export is recorded in the `Export` table. A dry run builds and counts every record
 * without rendering images or writing files.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { MmcbError } from "@/core/errors";
import {
  checkExportPlan,
  datasetCard,
  DEFAULT_MIN_MARGIN,
  FORMATS,
  imageRefsOf,
  splitScenarios,
  type CardScenario,
  type ExportKind,
  type ExportSource,
  type FormatName,
  type NegativeKind,
  type Split,
} from "@/core/export";
import type { ImageRef } from "@/core/engine";
import { imageKey } from "@/core/export";
import { getDb } from "@/lib/db/client";
import { createExportRecord, exportScenarioIds, finishExportRecord } from "@/lib/db/exports";
import { getRun, type RunRecord } from "@/lib/db/runs";
import { displayPath, loadScenarioStore, type LoadedScenario, type LoadResult } from "@/lib/scenarios/load";
import { APP_VERSION } from "@/lib/version";
import { ImageFiles } from "./images";
import { JsonlWriter } from "./jsonl";
import { checkSource, recordSource } from "./sources";

export interface ExportOptions {
  readonly kind: ExportKind;
  readonly runIds: readonly string[];
  readonly source: ExportSource;
  /** Turn-level pairs only; null otherwise. */
  readonly negatives: NegativeKind | null;
  readonly format: FormatName;
  /** The folder to create (absolute or relative to the working directory); unused by dry runs. */
  readonly outDir: string;
  readonly scenariosDir: string;
  /** The scenarios already loaded (the app passes its store: bundled plus scenarios made in the editor). */
  readonly store?: LoadResult;
  readonly testShare: number;
  readonly seed: number;
  readonly minMargin?: number;
  readonly maxPerScenario?: number | null;
  /** Stop after this many records (benchmarks, samples). */
  readonly limit?: number | null;
  /** Replace `outDir` when it exists. */
  readonly force?: boolean;
  readonly dryRun?: boolean;
  /** The command line recorded in the dataset card. */
  readonly command?: string;
  readonly exportId?: string;
  /** Called as work progresses; throwing from it aborts the export (nothing is left behind). */
  readonly onProgress?: (p: ExportProgress) => void;
}

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
  readonly records: number;
}

export interface ExportCounts {
  readonly total: number;
  readonly train: number;
  readonly test: number;
  /** Records per split and group (`guided/hard`, `trajectory`, `sft/guided`…). */
  readonly bySplit: Record<Split, Record<string, number>>;
  readonly skipped: Record<string, number>;
  readonly images: number;
  readonly scenarios: { readonly train: number; readonly test: number };
}

export interface ExportResult {
  readonly exportId: string;
  /** Absolute path of the written folder; null for a dry run. */
  readonly outDir: string | null;
  readonly counts: ExportCounts;
  readonly warnings: string[];
}

/** A new export id: `exp-<UTC timestamp>-<6 random hex>`. */
export function newExportId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")
    .replace("T", "-");
  return `exp-${stamp}-${randomBytes(3).toString("hex")}`;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function isNonEmptyDir(dir: string): Promise<boolean> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return true;
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

/** Checks an export request and its runs (throws input:invalid with a sentence); returns the runs. */
export async function checkExport(
  options: Pick<ExportOptions, "kind" | "source" | "negatives" | "format" | "runIds" | "testShare">,
): Promise<RunRecord[]> {
  const problem = checkExportPlan({
    kind: options.kind,
    source: options.source,
    negatives: options.negatives,
    format: options.format,
  });
  if (problem) throw new MmcbError("input:invalid", problem);
  if (options.runIds.length === 0) throw new MmcbError("input:invalid", "name at least one run to export (--run ID)");
  if (!(options.testShare >= 0 && options.testShare < 1))
    throw new MmcbError("input:invalid", "--test-share must be at least 0 and below 1");
  const db = getDb();
  const runs: RunRecord[] = [];
  for (const id of new Set(options.runIds)) {
    const run = await getRun(db, id);
    if (!run) throw new MmcbError("input:invalid", `no run "${id}" (see \`mmcb runs list\`)`);
    runs.push(run);
  }
  return runs;
}

/** Runs an export (or a dry run) to the end. */
export async function runExport(options: ExportOptions): Promise<ExportResult> {
  const runs = await checkExport(options);
  const db = getDb();
  const format = FORMATS[options.format];
  const dryRun = options.dryRun === true;
  const outDir = path.resolve(options.outDir);
  if (!dryRun && !options.force && (await isNonEmptyDir(outDir)))
    throw new MmcbError(
      "input:invalid",
      `${displayPath(outDir)} already exists; choose a new --out folder or add --force to replace it`,
    );

  await checkSource(
    db,
    options.kind,
    options.source,
    runs.map((r) => r.id),
  );
  const store = options.store ?? (await loadScenarioStore(options.scenariosDir));
  const scenarios = new Map(store.scenarios.map((l) => [l.scenario.id, l]));
  const runIds = runs.map((r) => r.id);
  const scenarioIds = await exportScenarioIds(db, runIds);
  const split = splitScenarios(scenarioIds, options.testShare, options.seed);
  const exportId = options.exportId ?? newExportId();
  const minMargin = options.minMargin ?? DEFAULT_MIN_MARGIN;
  const params = {
    kind: options.kind,
    source: options.source,
    negatives: options.negatives,
    format: options.format,
    testShare: options.testShare,
    seed: options.seed,
    minMargin: options.kind === "pairs" && options.source === "trajectory" ? minMargin : null,
    maxPerScenario: options.maxPerScenario ?? null,
    limit: options.limit ?? null,
    scenariosDir: path.resolve(options.scenariosDir),
  };

  const temp = dryRun
    ? null
    : path.join(path.dirname(outDir), `.${path.basename(outDir)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const writers: Partial<Record<Split, { main: JsonlWriter; sidecar: JsonlWriter | null }>> = {};
  if (!dryRun)
    await createExportRecord(db, {
      id: exportId,
      kind: options.kind,
      format: options.format,
      params,
      runIds,
      owner: { pid: process.pid, host: hostname(), tempDir: temp! },
    });
  const counts: { -readonly [K in keyof ExportCounts]: ExportCounts[K] } = {
    total: 0,
    train: 0,
    test: 0,
    bySplit: { train: {}, test: {} },
    skipped: {},
    images: 0,
    scenarios: { train: 0, test: 0 },
  };
  const perScenario = new Map<string, number>();
  const seen = new Set<string>();
  const warnings: string[] = [];
  const skip = (reason: string, n = 1) => void (counts.skipped[reason] = (counts.skipped[reason] ?? 0) + n);
  let progress = { done: 0, total: 0 };

  try {
    let images: ImageFiles;
    if (temp) {
      await mkdir(path.join(temp, "images"), { recursive: true });
      images = new ImageFiles(path.join(temp, "images"));
      for (const s of ["train", "test"] as const) {
        writers[s] = {
          main: new JsonlWriter(path.join(temp, `${s}.jsonl`)),
          sidecar: options.format === "openai-dpo" ? new JsonlWriter(path.join(temp, `${s}.provenance.jsonl`)) : null,
        };
      }
    } else images = new ImageFiles(null);

    const cap = options.maxPerScenario ?? null;
    const source = recordSource(options.kind, options.source, {
      db,
      runIds,
      scenarios,
      negatives: options.negatives,
      seed: options.seed,
      minMargin,
      full: (id) => cap !== null && (perScenario.get(id) ?? 0) >= cap,
      room: (id) => (cap === null ? null : Math.max(0, cap - (perScenario.get(id) ?? 0))),
      skip,
      progress: (done, total) => {
        progress = { done, total };
        options.onProgress?.({ done, total, records: counts.total });
      },
    });

    for await (const item of source) {
      if (options.limit != null && counts.total >= options.limit) break;
      const scenarioId = item.loaded.scenario.id;
      if (cap !== null && (perScenario.get(scenarioId) ?? 0) >= cap) {
        skip("over_scenario_cap");
        continue;
      }
      const refs: ImageRef[] = format.usesImages
        ? imageRefsOf(item.kind === "pair" ? item.record.prompt : item.record.messages)
        : [];
      const paths = new Map<string, string>();
      for (const ref of refs) paths.set(imageKey(ref), await images.pathOf(item.loaded, ref));
      const ctx = { imagePath: (ref: ImageRef) => paths.get(imageKey(ref))! };
      const body = item.kind === "pair" ? format.pairBody(item.record, ctx) : format.sftBody(item.record, ctx);
      const id = sha256(JSON.stringify(body)).slice(0, 32);
      if (seen.has(id)) {
        skip("duplicate");
        continue;
      }
      seen.add(id);
      const which: Split = split.get(scenarioId) ?? "train";
      const provenance = { id, split: which, ...item.record.provenance };
      const { row, sidecar } = format.withProvenance(body, provenance);
      const problems = format.validate(row, {
        kind: options.kind,
        ...(temp ? { fileExists: (rel: string) => existsSync(path.join(temp, rel)) } : {}),
      });
      if (problems.length)
        throw new MmcbError(
          "internal",
          `the ${options.format} writer produced an invalid line (${problems.slice(0, 3).join("; ")})`,
        );
      const w = writers[which];
      if (w) {
        await w.main.write(row);
        if (w.sidecar && sidecar) await w.sidecar.write({ line: w.main.lines, ...sidecar });
      }
      perScenario.set(scenarioId, (perScenario.get(scenarioId) ?? 0) + 1);
      counts.total++;
      counts[which]++;
      const p = item.record.provenance;
      const group = options.kind === "sft" ? `sft/${p.source}` : p.negative ? `${p.source}/${p.negative}` : p.source;
      counts.bySplit[which][group] = (counts.bySplit[which][group] ?? 0) + 1;
      if (counts.total % 50 === 0) options.onProgress?.({ ...progress, records: counts.total });
    }
    const exported = [...perScenario.keys()];
    const result: ExportCounts = {
      ...counts,
      images: images.count,
      scenarios: {
        train: exported.filter((id) => split.get(id) !== "test").length,
        test: exported.filter((id) => split.get(id) === "test").length,
      },
    };
    for (const id of scenarioIds)
      if (!scenarios.has(id))
        warnings.push(
          `scenario "${id}" is no longer in ${displayPath(options.scenariosDir)}; its episodes were skipped`,
        );
    if (result.total === 0 && !dryRun) {
      const why = Object.entries(result.skipped)
        .map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`)
        .join("; ");
      throw new MmcbError("input:invalid", `nothing to export from these runs${why ? ` (${why})` : ""}`);
    }
    if (!temp) return { exportId, outDir: null, counts: result, warnings };

    for (const w of Object.values(writers)) {
      await w.main.close();
      await w.sidecar?.close();
    }
    const cardScenarios: CardScenario[] = scenarioIds.flatMap((id) => {
      const l: LoadedScenario | undefined = scenarios.get(id);
      if (!l) return [];
      return [
        {
          id,
          title: l.scenario.title,
          version: l.scenario.version,
          contentHash: l.contentHash,
          split: split.get(id) ?? "train",
          records: perScenario.get(id) ?? 0,
          license: l.scenario.source.license,
          attribution: l.scenario.source.attribution,
        },
      ];
    });
    const attributionFile = path.join(path.resolve(options.scenariosDir), "ATTRIBUTION.md");
    const attribution = existsSync(attributionFile)
      ? { file: displayPath(attributionFile), text: await readFile(attributionFile, "utf8") }
      : null;
    const files = (["train", "test"] as const).flatMap((s) => [
      { name: `${s}.jsonl`, lines: writers[s]!.main.lines },
      ...(writers[s]!.sidecar ? [{ name: `${s}.provenance.jsonl`, lines: writers[s]!.sidecar!.lines }] : []),
    ]);
    const card = datasetCard({
      exportId,
      createdAt: new Date().toISOString(),
      command:
        options.command ??
        `mmcb export ${options.kind} ${runIds.map((r) => `--run ${r}`).join(" ")} --source ${options.source}${options.negatives ? ` --negatives ${options.negatives}` : ""} --format ${options.format}`,
      appVersion: APP_VERSION,
      kind: options.kind,
      source: options.source,
      negatives: options.negatives,
      format: options.format,
      formatDescription: format.description,
      seed: options.seed,
      testShare: options.testShare,
      minMargin: params.minMargin,
      maxPerScenario: options.maxPerScenario ?? null,
      counts: result.bySplit,
      skipped: result.skipped,
      scenarios: cardScenarios,
      scenarioSetHash: sha256(cardScenarios.map((s) => `${s.id}@${s.version}:${s.contentHash}`).join("\n")),
      runs: runs.map((r) => ({ id: r.id, solver: r.solverName, configHash: r.configHash })),
      images: result.images,
      files,
      attribution,
    });
    await writeFile(path.join(temp, "README.md"), card);
    if (result.images === 0) await rm(path.join(temp, "images"), { recursive: true, force: true });
    if (existsSync(outDir)) await rm(outDir, { recursive: true, force: true });
    await mkdir(path.dirname(outDir), { recursive: true });
    await rename(temp, outDir);
    await finishExportRecord(db, exportId, { status: "done", outDir, counts: result });
    return { exportId, outDir, counts: result, warnings };
  } catch (error) {
    for (const w of Object.values(writers)) {
      w.main.destroy();
      w.sidecar?.destroy();
    }
    if (temp) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    if (!dryRun) {
      const message = error instanceof Error ? error.message : String(error);
      await finishExportRecord(db, exportId, {
        status: "failed",
        outDir: null,
        counts: { ...counts, error: message },
      }).catch(() => undefined);
    }
    throw error;
  }
}
