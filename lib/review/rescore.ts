/**
 * Re-scoring a run's stored traces against the CURRENT version of each scenario (SPEC §4: scoring is a
 * pure function of scenario and trace, so a fixed scenario can be applied to old runs). The comparison
 * shows old against new per episode; applying it stamps the new scenario version on each changed score
 * and keeps the replaced score in ScoreHistory, so nothing is overwritten silently.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { MmcbError } from "@/core/errors";
import { scoreEpisode, type EpisodeMetrics } from "@/core/scoring";
import { getDb } from "@/lib/db/client";
import { replaceScores, runScoreHistory, runStoredScores, type ScoreHistoryRecord } from "@/lib/db/reviews";
import { episodeTrace, getRun } from "@/lib/db/runs";
import { getScenario } from "@/lib/scenarios/store";
import {
  RESCORE_METRICS,
  type MetricSnapshot,
  type RescoreApplied,
  type RescoreMetric,
  type RescoreRow,
  type RescoreView,
} from "./types";

export function snapshot(m: EpisodeMetrics): MetricSnapshot {
  const out = {} as Record<RescoreMetric, unknown>;
  for (const k of RESCORE_METRICS) out[k] = m[k] ?? null;
  return out as MetricSnapshot;
}

const sameValue = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-12 : a === b;

interface Computed {
  readonly view: RescoreView;
  readonly updates: { episodeId: string; expectedScoredAt: string; scenarioVersion: number; metrics: EpisodeMetrics }[];
}

async function compute(runId: string): Promise<Computed> {
  const db = getDb();
  const run = await getRun(db, runId);
  if (!run) throw new MmcbError("run:not_found", `No run "${runId}"`);
  const stored = await runStoredScores(db, runId);
  const rows: RescoreRow[] = [];
  const updates: Computed["updates"] = [];
  for (const s of stored) {
    const [trace, loaded] = await Promise.all([episodeTrace(db, s.episodeId), getScenario(s.scenarioId)]);
    const old = { scenarioVersion: s.scenarioVersion, metrics: snapshot(s.metrics) };
    if (!trace || !loaded) {
      rows.push({
        episodeId: s.episodeId,
        scenarioId: s.scenarioId,
        seed: s.seed,
        old,
        next: null,
        changed: [],
        update: false,
        note: loaded ? "trace missing" : "scenario no longer in the store",
      });
      continue;
    }
    const metrics = scoreEpisode(loaded.scenario, trace).metrics;
    const next = { scenarioVersion: loaded.scenario.version, metrics: snapshot(metrics) };
    const changed = RESCORE_METRICS.filter((k) => !sameValue(old.metrics[k], next.metrics[k]));
    // any metric (not only those shown) or the version stamp differing means the stored score is stale
    const update =
      s.scenarioVersion !== loaded.scenario.version || JSON.stringify(s.metrics) !== JSON.stringify(metrics);
    if (update) {
      updates.push({
        episodeId: s.episodeId,
        expectedScoredAt: s.scoredAt,
        scenarioVersion: loaded.scenario.version,
        metrics,
      });
    }
    rows.push({
      episodeId: s.episodeId,
      scenarioId: s.scenarioId,
      seed: s.seed,
      old,
      next,
      changed,
      update,
      note: null,
    });
  }
  const mean = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : null);
  const scoredNew = rows.filter((r) => r.next);
  return {
    view: {
      runId,
      runName: run.name,
      rows,
      summary: {
        episodes: rows.length,
        toUpdate: updates.length,
        changedGold: rows.filter((r) => r.changed.includes("gold_correct")).length,
        goldMeanOld: mean(rows.map((r) => Boolean(r.old.metrics.gold_correct))),
        goldMeanNew: mean(rows.map((r) => Boolean(r.next ? r.next.metrics.gold_correct : r.old.metrics.gold_correct))),
      },
    },
    updates: scoredNew.length ? updates : [],
  };
}

/** Old against new for every scored episode of the run; writes nothing. */
export async function rescorePreview(runId: string): Promise<RescoreView> {
  return (await compute(runId)).view;
}

/** Applies the re-score: changed scores are replaced, the old ones kept in ScoreHistory. */
export async function applyRescore(runId: string, annotatorId: string | null): Promise<RescoreApplied> {
  const { view, updates } = await compute(runId);
  if (updates.length === 0) return { rescoreId: null, updated: 0, view };
  const rescoreId = randomUUID();
  const updated = await replaceScores(getDb(), { rescoreId, annotatorId, updates });
  return { rescoreId, updated, view };
}

/** Earlier re-scores of a run (the scores they replaced), newest first. */
export async function rescoreHistory(runId: string): Promise<ScoreHistoryRecord[]> {
  return runScoreHistory(getDb(), runId);
}
