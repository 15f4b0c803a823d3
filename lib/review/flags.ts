/**
 * Scenario flags (SPEC §8): a reviewer reports that a scenario's gold looks wrong or ambiguous; a
 * maintainer resolves the flag, usually after fixing the scenario (a new version) and re-scoring the runs
 * that were scored against the old one.
 */
import "server-only";
import { MmcbError } from "@/core/errors";
import { getDb } from "@/lib/db/client";
import { getEpisodeInfo } from "@/lib/db/run-queries";
import {
  addScenarioFlag,
  listScenarioFlags,
  runsScoredOnScenario,
  setScenarioFlagStatus,
  type FlagReason,
  type FlagStatus,
  type ScenarioFlagRecord,
} from "@/lib/db/reviews";
import { getScenario } from "@/lib/scenarios/store";

/** A flag with the scenario's current version and the runs that may need a re-score. */
export interface FlagListItem extends ScenarioFlagRecord {
  readonly scenarioTitle: string | null;
  readonly currentVersion: number | null;
  readonly runs: readonly { runId: string; runName: string; episodes: number; stale: number }[];
  /** The run of the episode the flag was filed from. */
  readonly episodeRunId: string | null;
}

/**
 * Files a flag. Filed from a replay, `episodeId` names the episode and the flag records the version that
 * episode ran against; otherwise the scenario's current version.
 */
export async function fileFlag(input: {
  scenarioId: string;
  reason: FlagReason;
  note: string | null;
  episodeId: string | null;
  annotatorId: string;
}): Promise<ScenarioFlagRecord> {
  const db = getDb();
  const loaded = await getScenario(input.scenarioId);
  let version = loaded?.scenario.version ?? null;
  if (input.episodeId) {
    const info = await getEpisodeInfo(db, input.episodeId);
    if (!info) throw new MmcbError("episode:not_found", `No episode "${input.episodeId}"`);
    if (info.scenarioId !== input.scenarioId) {
      throw new MmcbError(
        "input:invalid",
        `episode "${input.episodeId}" is on scenario "${info.scenarioId}", not "${input.scenarioId}"`,
      );
    }
    version = info.scenarioVersion;
  }
  if (version === null) throw new MmcbError("scenario:not_found", `No scenario "${input.scenarioId}"`);
  const indexed = await db.scenario.findUnique({ where: { id: input.scenarioId }, select: { id: true } });
  if (!indexed) throw new MmcbError("scenario:not_found", `Scenario "${input.scenarioId}" is not indexed yet`);
  return addScenarioFlag(db, { ...input, scenarioVersion: version });
}

export async function listFlags(filter: { status?: FlagStatus; scenarioId?: string } = {}): Promise<FlagListItem[]> {
  const db = getDb();
  const flags = await listScenarioFlags(db, filter);
  const byScenario = new Map<string, { title: string | null; version: number | null; runs: FlagListItem["runs"] }>();
  for (const id of new Set(flags.map((f) => f.scenarioId))) {
    const loaded = await getScenario(id);
    const version = loaded?.scenario.version ?? null;
    byScenario.set(id, {
      title: loaded?.scenario.title ?? null,
      version,
      runs: version === null ? [] : await runsScoredOnScenario(db, id, version),
    });
  }
  const runOf = new Map<string, string | null>();
  for (const f of flags) {
    if (f.episodeId && !runOf.has(f.episodeId))
      runOf.set(f.episodeId, (await getEpisodeInfo(db, f.episodeId))?.runId ?? null);
  }
  return flags.map((f) => {
    const s = byScenario.get(f.scenarioId)!;
    return {
      ...f,
      scenarioTitle: s.title,
      currentVersion: s.version,
      runs: s.runs,
      episodeRunId: f.episodeId ? (runOf.get(f.episodeId) ?? null) : null,
    };
  });
}

export async function setFlagStatus(
  id: number,
  input: { status: FlagStatus; resolvedBy: string; resolution: string | null },
): Promise<ScenarioFlagRecord> {
  return setScenarioFlagStatus(getDb(), id, input);
}
