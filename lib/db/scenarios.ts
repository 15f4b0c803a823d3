/**
 * Scenario index repository: mirrors the scenario store (folders) into the database so runs and episodes
 * can reference scenario ids, versions and content hashes. Returns plain core-shaped objects.
 */
import type { Scenario } from "@/core/scenario";
import type { LoadedScenario } from "@/lib/scenarios/load";
import type { Db } from "./client";

/** A scenario as recorded in the index. */
export interface IndexedScenario {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly setting: string;
  readonly distractorSimilarity: Scenario["distractorSimilarity"];
  readonly contentHash: string;
  readonly entityCount: number;
  readonly indexedAt: Date;
}

export interface IndexReport {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Upserts every loaded scenario in one transaction; a changed content hash records a revision.
 * Scenarios that disappeared from the folder stay indexed (stored results still reference them).
 */
export async function indexScenarios(db: Db, loaded: readonly LoadedScenario[]): Promise<IndexReport> {
  const existing = new Map(
    (await db.scenario.findMany({ select: { id: true, contentHash: true } })).map((r) => [r.id, r.contentHash]),
  );
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const writes = [];
  for (const item of loaded) {
    const s = item.scenario;
    const previous = existing.get(s.id);
    if (previous === item.contentHash) {
      unchanged++;
      continue;
    }
    if (previous === undefined) added++;
    else updated++;
    const document = JSON.stringify(s);
    const data = {
      version: s.version,
      title: s.title,
      setting: s.setting,
      distractorSimilarity: s.distractorSimilarity,
      contentHash: item.contentHash,
      dir: item.dir,
      document,
      entityCount: s.entities.length,
      indexedAt: new Date(),
    };
    writes.push(db.scenario.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: data }));
    writes.push(
      db.scenarioRevision.upsert({
        where: {
          scenarioId_version_contentHash: { scenarioId: s.id, version: s.version, contentHash: item.contentHash },
        },
        create: { scenarioId: s.id, version: s.version, contentHash: item.contentHash, document },
        update: {},
      }),
    );
  }
  if (writes.length > 0) await db.$transaction(writes);
  return { added, updated, unchanged };
}

/** Every indexed scenario, by id. */
export async function listIndexedScenarios(db: Db): Promise<IndexedScenario[]> {
  const rows = await db.scenario.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    setting: r.setting,
    distractorSimilarity: r.distractorSimilarity as Scenario["distractorSimilarity"],
    contentHash: r.contentHash,
    entityCount: r.entityCount,
    indexedAt: r.indexedAt,
  }));
}

/** The revisions recorded for a scenario, newest first. */
export async function scenarioRevisions(
  db: Db,
  id: string,
): Promise<{ version: number; contentHash: string; createdAt: Date }[]> {
  const rows = await db.scenarioRevision.findMany({ where: { scenarioId: id }, orderBy: { id: "desc" } });
  return rows.map((r) => ({ version: r.version, contentHash: r.contentHash, createdAt: r.createdAt }));
}

/** Who saved a version from the editor, and from which version they started. */
export interface SaveProvenance {
  readonly annotatorId: string | null;
  /** The version the editor started from; null when the scenario was created. */
  readonly baseVersion: number | null;
}

/**
 * Indexes one scenario just written by the editor and records its revision with the annotator (in one
 * transaction). Returns the revision id.
 */
export async function recordScenarioSave(db: Db, item: LoadedScenario, provenance: SaveProvenance): Promise<number> {
  const s = item.scenario;
  const document = JSON.stringify(s);
  const data = {
    version: s.version,
    title: s.title,
    setting: s.setting,
    distractorSimilarity: s.distractorSimilarity,
    contentHash: item.contentHash,
    dir: item.dir,
    document,
    entityCount: s.entities.length,
    indexedAt: new Date(),
  };
  const [, revision] = await db.$transaction([
    db.scenario.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: data }),
    db.scenarioRevision.upsert({
      where: {
        scenarioId_version_contentHash: { scenarioId: s.id, version: s.version, contentHash: item.contentHash },
      },
      create: {
        scenarioId: s.id,
        version: s.version,
        contentHash: item.contentHash,
        document,
        kind: "saved",
        annotatorId: provenance.annotatorId,
        baseVersion: provenance.baseVersion,
      },
      update: { annotatorId: provenance.annotatorId, baseVersion: provenance.baseVersion },
    }),
  ]);
  return revision.id;
}

/** A save that was refused because the scenario had moved on, kept so the edit is not lost. */
export interface ConflictDraft {
  readonly id: number;
  readonly scenarioId: string;
  readonly baseVersion: number | null;
  readonly annotatorName: string | null;
  /** The document as the annotator sent it (not necessarily valid). */
  readonly document: unknown;
  readonly createdAt: Date;
}

/**
 * Keeps a refused save as a `conflict` revision (the scenario must be indexed). `version` is the version
 * the save would have written; `contentHash` identifies the document text.
 */
export async function recordConflictDraft(
  db: Db,
  draft: {
    scenarioId: string;
    version: number;
    baseVersion: number | null;
    contentHash: string;
    document: string;
    annotatorId: string | null;
  },
): Promise<number> {
  const row = await db.scenarioRevision.upsert({
    where: {
      scenarioId_version_contentHash: {
        scenarioId: draft.scenarioId,
        version: draft.version,
        contentHash: draft.contentHash,
      },
    },
    create: { ...draft, kind: "conflict" },
    update: { annotatorId: draft.annotatorId, baseVersion: draft.baseVersion },
  });
  return row.id;
}

/** The kept conflicting edits of a scenario, newest first. */
export async function listConflictDrafts(db: Db, scenarioId: string): Promise<ConflictDraft[]> {
  const rows = await db.scenarioRevision.findMany({
    where: { scenarioId, kind: "conflict" },
    orderBy: { id: "desc" },
    include: { annotator: true },
  });
  return rows.map((r) => ({
    id: r.id,
    scenarioId: r.scenarioId,
    baseVersion: r.baseVersion,
    annotatorName: r.annotator?.name ?? null,
    document: JSON.parse(r.document) as unknown,
    createdAt: r.createdAt,
  }));
}
