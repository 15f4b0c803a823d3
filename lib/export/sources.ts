/**
 * Where export records come from, one async generator per (kind, source). Each walks the database a page
 * at a time and yields records as they are built, so nothing accumulates: memory holds one episode's
 * trace (two for trajectory pairs) at a time, plus per-scenario pairing plans of small objects.
 */
import type { EpisodeTrace } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import {
  guidedTrace,
  humanPair,
  planTrajectoryPairs,
  sftEligible,
  sftRecord,
  trajectoryPair,
  turnPairs,
  type ExportKind,
  type ExportSource,
  type NegativeKind,
  type PreferencePair,
  type SftRecord,
} from "@/core/export";
import { scoreEpisode, type EpisodeMetrics } from "@/core/scoring";
import type { Db } from "@/lib/db/client";
import {
  countExportEpisodes,
  exportEpisode,
  exportEpisodes,
  exportScenarioIds,
  exportTrace,
  pairVerdictsFor,
  type ExportEpisodeRow,
} from "@/lib/db/exports";
import { getRun } from "@/lib/db/runs";
import { createHash } from "node:crypto";
import { canonicalJson, type RunConfig } from "@/core/run";
import type { LoadedScenario } from "@/lib/scenarios/load";

export type ExportRecordItem =
  | { readonly kind: "pair"; readonly record: PreferencePair; readonly loaded: LoadedScenario }
  | { readonly kind: "sft"; readonly record: SftRecord; readonly loaded: LoadedScenario };

export interface SourceContext {
  readonly db: Db;
  readonly runIds: readonly string[];
  readonly scenarios: ReadonlyMap<string, LoadedScenario>;
  readonly negatives: NegativeKind | null;
  readonly seed: number;
  readonly minMargin: number;
  /** Whether a scenario has reached its cap (its remaining episodes are skipped unread). */
  readonly full: (scenarioId: string) => boolean;
  /** How many more records a scenario may take (null: no cap). */
  readonly room: (scenarioId: string) => number | null;
  readonly skip: (reason: string, n?: number) => void;
  /** Units of work done so far / expected (episodes, scenarios or verdicts), for progress. */
  readonly progress: (done: number, total: number) => void;
}

/** The scenario an episode is exported against: the current one from the store (re-scored if it changed). */
function scenarioFor(ctx: SourceContext, row: ExportEpisodeRow): LoadedScenario | null {
  const loaded = ctx.scenarios.get(row.scenarioId);
  if (!loaded) {
    ctx.skip("scenario_missing_from_store");
    return null;
  }
  return loaded;
}

const runConfigs = new WeakMap<SourceContext, Map<string, Readonly<Record<string, unknown>>>>();

async function traceOf(ctx: SourceContext, id: string): Promise<EpisodeTrace> {
  let configs = runConfigs.get(ctx);
  if (!configs) runConfigs.set(ctx, (configs = new Map()));
  const trace = await exportTrace(ctx.db, id, configs);
  if (!trace) throw new MmcbError("db:failed", `episode "${id}" disappeared during the export`);
  return trace;
}

/** Metrics against the scenario as it is now (stored metrics when the scenario is unchanged). */
async function currentMetrics(
  ctx: SourceContext,
  row: ExportEpisodeRow,
  loaded: LoadedScenario,
  trace?: EpisodeTrace,
): Promise<EpisodeMetrics> {
  if (row.scenarioHash === loaded.contentHash) return row.metrics;
  return scoreEpisode(loaded.scenario, trace ?? (await traceOf(ctx, row.id))).metrics;
}

async function* guidedPairs(ctx: SourceContext): AsyncGenerator<ExportRecordItem> {
  const total = await countExportEpisodes(ctx.db, ctx.runIds);
  let done = 0;
  for await (const row of exportEpisodes(ctx.db, ctx.runIds)) {
    ctx.progress(done++, total);
    const loaded = scenarioFor(ctx, row);
    if (!loaded) continue;
    if (ctx.full(row.scenarioId)) {
      ctx.skip("episode_over_scenario_cap");
      continue;
    }
    const trace = await traceOf(ctx, row.id);
    const { pairs, skipped } = turnPairs(
      { scenario: loaded.scenario, scenarioHash: loaded.contentHash, runId: row.runId, trace },
      { negatives: ctx.negatives ?? "hard", seed: ctx.seed },
    );
    for (const [reason, n] of Object.entries(skipped)) ctx.skip(reason, n);
    for (const record of pairs) yield { kind: "pair", record, loaded };
  }
  ctx.progress(total, total);
}

/**
 * What must match for two episodes to pair: everything that shapes what the solver saw — engine settings
 * (budget, observation mode, image and reasoning history, entity labels), system prompt, prompt template
 * and tool schema — and the scenario content it ran against. The solver, sampling, seeds and the run's
 * scenario selection may differ (a pair often sets a model against the oracle or against itself).
 */
export function pairingKey(config: RunConfig, scenarioHash: string): string {
  const { engine, systemPrompt, promptTemplateVersion, toolSchemaHash } = config;
  return createHash("sha256")
    .update(canonicalJson({ engine, systemPrompt, promptTemplateVersion, toolSchemaHash, scenarioHash }))
    .digest("hex");
}

async function* trajectoryPairs(ctx: SourceContext): AsyncGenerator<ExportRecordItem> {
  const scenarioIds = await exportScenarioIds(ctx.db, ctx.runIds);
  const configs = new Map<string, RunConfig>();
  for (const id of ctx.runIds) {
    const run = await getRun(ctx.db, id);
    if (run) configs.set(id, run.config);
  }
  let done = 0;
  for (const scenarioId of scenarioIds) {
    ctx.progress(done++, scenarioIds.length);
    const loaded = ctx.scenarios.get(scenarioId);
    if (!loaded) {
      ctx.skip("scenario_missing_from_store");
      continue;
    }
    const candidates = [];
    const rows = new Map<string, ExportEpisodeRow>();
    for await (const row of exportEpisodes(ctx.db, ctx.runIds, { scenarioId })) {
      rows.set(row.id, row);
      candidates.push({
        episodeId: row.id,
        runId: row.runId,
        comparableHash: configs.has(row.runId) ? pairingKey(configs.get(row.runId)!, row.scenarioHash) : row.runId,
        metrics: await currentMetrics(ctx, row, loaded),
      });
    }
    const room = ctx.room(scenarioId);
    const planned = planTrajectoryPairs(candidates, {
      minMargin: ctx.minMargin,
      ...(room !== null ? { limit: room } : {}),
    });
    if (planned.length === 0) ctx.skip("scenario_without_a_qualifying_pair");
    for (const p of planned) {
      const [chosenTrace, rejectedTrace] = [
        await traceOf(ctx, p.chosen.episodeId),
        await traceOf(ctx, p.rejected.episodeId),
      ];
      const pair = trajectoryPair(
        loaded.scenario,
        loaded.contentHash,
        { trace: chosenTrace, runId: p.chosen.runId, metrics: p.chosen.metrics },
        { trace: rejectedTrace, runId: p.rejected.runId, metrics: p.rejected.metrics },
        { source: "trajectory", reasons: p.reasons },
      );
      if (!pair) ctx.skip("openings_differ");
      else yield { kind: "pair", record: pair, loaded };
    }
  }
  ctx.progress(scenarioIds.length, scenarioIds.length);
}

/** The sentence for runs without any pairwise verdict. */
export function noVerdicts(runIds: readonly string[]): MmcbError {
  return new MmcbError(
    "input:invalid",
    `no pair verdicts yet for run${runIds.length > 1 ? "s" : ""} ${runIds.join(", ")} — human pairs come from blind pairwise reviews; review some pairs first`,
  );
}

/** Checks, before anything is written, that the source has something to read. */
export async function checkSource(
  db: Db,
  kind: ExportKind,
  source: ExportSource,
  runIds: readonly string[],
): Promise<void> {
  if (kind === "pairs" && source === "human" && (await pairVerdictsFor(db, runIds)).length === 0)
    throw noVerdicts(runIds);
}

async function* humanPairs(ctx: SourceContext): AsyncGenerator<ExportRecordItem> {
  const verdicts = await pairVerdictsFor(ctx.db, ctx.runIds);
  if (verdicts.length === 0) throw noVerdicts(ctx.runIds);
  let done = 0;
  for (const v of verdicts) {
    ctx.progress(done++, verdicts.length);
    if (v.verdict !== "left" && v.verdict !== "right") {
      ctx.skip(`verdict_${v.verdict}`);
      continue;
    }
    const [left, right] = [await exportEpisode(ctx.db, v.leftEpisodeId), await exportEpisode(ctx.db, v.rightEpisodeId)];
    if (!left || !right) {
      ctx.skip("verdict_episode_unfinished");
      continue;
    }
    if (left.scenarioId !== right.scenarioId) {
      ctx.skip("verdict_across_scenarios");
      continue;
    }
    const loaded = scenarioFor(ctx, left);
    if (!loaded) continue;
    if (ctx.full(loaded.scenario.id)) {
      ctx.skip("verdict_over_scenario_cap");
      continue;
    }
    const [lt, rt] = [await traceOf(ctx, left.id), await traceOf(ctx, right.id)];
    const pair = humanPair(
      loaded.scenario,
      loaded.contentHash,
      v,
      { trace: lt, runId: left.runId, metrics: await currentMetrics(ctx, left, loaded, lt) },
      { trace: rt, runId: right.runId, metrics: await currentMetrics(ctx, right, loaded, rt) },
    );
    if (!pair) ctx.skip("openings_differ");
    else yield { kind: "pair", record: pair, loaded };
  }
  ctx.progress(verdicts.length, verdicts.length);
}

async function* sftFromEpisodes(ctx: SourceContext): AsyncGenerator<ExportRecordItem> {
  const total = await countExportEpisodes(ctx.db, ctx.runIds);
  let done = 0;
  for await (const row of exportEpisodes(ctx.db, ctx.runIds)) {
    ctx.progress(done++, total);
    const loaded = scenarioFor(ctx, row);
    if (!loaded) continue;
    if (ctx.full(row.scenarioId)) {
      ctx.skip("episode_over_scenario_cap");
      continue;
    }
    const trace = await traceOf(ctx, row.id);
    const metrics = await currentMetrics(ctx, row, loaded, trace);
    if (!sftEligible(metrics)) {
      ctx.skip("episode_not_flawless");
      continue;
    }
    yield {
      kind: "sft",
      record: sftRecord(loaded.scenario, loaded.contentHash, { trace, runId: row.runId, metrics }, "trajectory"),
      loaded,
    };
  }
  ctx.progress(total, total);
}

async function* sftGuided(ctx: SourceContext): AsyncGenerator<ExportRecordItem> {
  const work: { runId: string; config: Record<string, unknown>; scenarioId: string }[] = [];
  for (const runId of ctx.runIds) {
    const run = await getRun(ctx.db, runId);
    if (!run) continue;
    for (const scenarioId of await exportScenarioIds(ctx.db, [runId]))
      work.push({ runId, config: run.config as unknown as Record<string, unknown>, scenarioId });
  }
  let done = 0;
  for (const w of work) {
    ctx.progress(done++, work.length);
    const loaded = ctx.scenarios.get(w.scenarioId);
    if (!loaded) {
      ctx.skip("scenario_missing_from_store");
      continue;
    }
    if (ctx.full(w.scenarioId)) {
      ctx.skip("guided_over_scenario_cap");
      continue;
    }
    const trace = await guidedTrace(loaded.scenario, w.config, `guided:${w.runId}:${w.scenarioId}`);
    const { metrics } = scoreEpisode(loaded.scenario, trace);
    if (!sftEligible(metrics)) {
      ctx.skip("guided_episode_not_flawless");
      continue;
    }
    yield {
      kind: "sft",
      record: sftRecord(loaded.scenario, loaded.contentHash, { trace, runId: w.runId, metrics }, "guided"),
      loaded,
    };
  }
  ctx.progress(work.length, work.length);
}

/** The record stream for a kind and source (combinations were checked before). */
export function recordSource(
  kind: ExportKind,
  source: ExportSource,
  ctx: SourceContext,
): AsyncGenerator<ExportRecordItem> {
  if (kind === "sft") return source === "guided" ? sftGuided(ctx) : sftFromEpisodes(ctx);
  if (source === "guided") return guidedPairs(ctx);
  if (source === "trajectory") return trajectoryPairs(ctx);
  return humanPairs(ctx);
}
