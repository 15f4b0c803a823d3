/**
 * What an episode replay needs: the stored trace, the scenario exactly as the episode saw it (the indexed
 * revision with the episode's content hash, else the current one), replay frames and the claims ledger
 * from re-scoring that trace (SPEC §5) — all computed here, server side.
 */
import "server-only";
import type { TraceStep } from "@/core/engine";
import type { Scenario } from "@/core/scenario";
import { scoreEpisode, type ClaimRecord, type EpisodeMetrics } from "@/core/scoring";
import type { Answer, ToolCall } from "@/core/tools";
import { replayFrames, walkTrace, type ReplayFrame } from "@/core/trace";
import { getDb } from "@/lib/db/client";
import { getEpisodeInfo, runEpisodeIds, scenarioAtRevision, type EpisodeInfo } from "@/lib/db/run-queries";
import { episodeTrace, getRun } from "@/lib/db/runs";
import { getScenario } from "@/lib/scenarios/store";
import { boundedStep, boundedValue } from "./bounded";

export interface ReplayData {
  readonly run: {
    readonly id: string;
    readonly name: string;
    readonly solverName: string;
    readonly model: string | null;
  };
  readonly episode: EpisodeInfo;
  /** The scenario the episode ran against. */
  readonly scenario: Scenario;
  /**
   * The scenario in the store now, for image URLs (the image routes serve the current files); null when
   * it is no longer in the store. `sameContent` is false when it changed since the episode ran.
   */
  readonly current: { readonly scenario: Scenario; readonly contentHash: string; readonly sameContent: boolean } | null;
  readonly steps: readonly TraceStep[];
  readonly frames: readonly ReplayFrame[];
  readonly claims: readonly ClaimRecord[];
  /** Metrics re-derived from the trace with `scenario` (equal to the stored ones unless scoring changed). */
  readonly metrics: EpisodeMetrics;
  readonly endReason: string;
  /** The episode's answer (its first well-formed submit_answer, as the scorer reads it), or null. */
  readonly answer: { readonly stepIndex: number; readonly args: Answer } | null;
  /** Neighbouring episodes of the run, in the run page's order. */
  readonly position: {
    readonly index: number;
    readonly count: number;
    readonly prev: string | null;
    readonly next: string | null;
  };
}

/** Null when the run or the episode is unknown, or the episode belongs to another run. */
export async function loadReplay(runId: string, episodeId: string): Promise<ReplayData | null> {
  const db = getDb();
  const [run, info] = await Promise.all([getRun(db, runId), getEpisodeInfo(db, episodeId)]);
  if (!run || !info || info.runId !== runId) return null;
  const [trace, loaded, revision, siblings] = await Promise.all([
    episodeTrace(db, episodeId),
    getScenario(info.scenarioId),
    scenarioAtRevision(db, info.scenarioId, info.scenarioHash),
    runEpisodeIds(db, runId),
  ]);
  if (!trace) return null;
  const scenario = revision ?? loaded?.scenario ?? null;
  if (!scenario) return null;
  const { metrics, claims } = scoreEpisode(scenario, trace);
  const index = siblings.indexOf(episodeId);
  let answer: ReplayData["answer"] = null;
  for (const step of walkTrace(scenario, trace.steps)) {
    if (step.answer) {
      answer = { stepIndex: step.index, args: step.answer };
      break;
    }
  }
  return {
    run: { id: run.id, name: run.name, solverName: run.solverName, model: run.config.solver.model ?? null },
    episode: info,
    scenario,
    current: loaded
      ? {
          scenario: loaded.scenario,
          contentHash: loaded.contentHash,
          sameContent: loaded.contentHash === info.scenarioHash,
        }
      : null,
    // what the page serialises and pretty-prints: arguments bounded (a stored step may be thousands deep)
    steps: trace.steps.map(boundedStep),
    frames: replayFrames(scenario, trace.steps).map((f) => ({
      ...f,
      tool: f.tool.slice(0, 200),
      call: f.call ? ({ tool: f.call.tool, args: boundedValue(f.call.args) } as ToolCall) : null,
      label: f.label.slice(0, 200),
      summary: f.summary.slice(0, 500),
    })),
    claims,
    metrics,
    endReason: trace.endReason,
    answer,
    position: {
      index,
      count: siblings.length,
      prev: index > 0 ? siblings[index - 1]! : null,
      next: index >= 0 && index < siblings.length - 1 ? siblings[index + 1]! : null,
    },
  };
}
