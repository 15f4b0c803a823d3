/**
 * The `mmcb score --json` document (SPEC §8): every episode's metrics (snake_case, claims included) and
 * the run aggregate. An episode whose trace ended in an infrastructure `error` is not an answer (SPEC §5):
 * it is not listed, and the aggregate counts it as `errors`.
 */
import type { Scenario } from "../scenario";
import { aggregate, isErrored, type Aggregate, type ScoredEpisode } from "./aggregate";
import { scoreEpisode, type EpisodeMetrics, type ScorableTrace } from "./episode";

export interface ScoreDocument {
  episodes: {
    episodeId: string;
    scenarioId: string;
    seed?: number;
    /** As the trace recorded it, kept for audit (other producers may write values mmcb does not). */
    endReason?: string;
    metrics: EpisodeMetrics;
  }[];
  aggregate: Aggregate;
}

/** Scores traces whose scenarios are known (callers report and drop the others first). */
export function scoreDocument(
  scenarios: ReadonlyMap<string, Scenario>,
  traces: readonly (ScorableTrace & { episodeId: string; scenarioId: string; seed?: number; endReason?: string })[],
): ScoreDocument {
  const scored: (ScoredEpisode & { endReason?: string })[] = [];
  let errors = 0;
  for (const trace of traces) {
    const scenario = scenarios.get(trace.scenarioId);
    if (!scenario) continue;
    if (isErrored(trace)) {
      errors++;
      continue;
    }
    const { metrics } = scoreEpisode(scenario, trace);
    scored.push({
      episodeId: trace.episodeId,
      scenarioId: trace.scenarioId,
      ...(trace.seed !== undefined ? { seed: trace.seed } : {}),
      ...(trace.endReason !== undefined ? { endReason: trace.endReason } : {}),
      tier: scenario.distractorSimilarity,
      setting: scenario.setting,
      metrics,
    });
  }
  return {
    episodes: scored.map((e) => ({
      episodeId: e.episodeId,
      scenarioId: e.scenarioId,
      ...(e.seed !== undefined ? { seed: e.seed } : {}),
      ...(e.endReason !== undefined ? { endReason: e.endReason } : {}),
      metrics: e.metrics,
    })),
    aggregate: aggregate(scored, { errors }),
  };
}
