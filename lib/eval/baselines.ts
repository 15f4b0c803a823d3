/**
 * Running a baseline over scenarios × seeds: every episode goes through the engine, every turn is
 * written as it happens, each finished episode is scored and stored. Re-running with the same run id
 * resumes: finished episodes are kept, unfinished ones replay from the start.
 */
import { runEpisode } from "@/core/engine";
import { deriveSeed } from "@/core/random";
import { createBaseline, type BaselineName } from "@/core/solvers";
import { scoreDocument, scoreEpisode, type ScoreDocument } from "@/core/scoring";
import type { Scenario } from "@/core/scenario";
import { getDb } from "@/lib/db/client";
import { appendSteps, createOrResumeRun, episodeTrace, finishEpisode, runEpisodes, setRunStatus, startEpisode } from "@/lib/db/runs";
import { indexScenarios } from "@/lib/db/scenarios";
import type { LoadedScenario } from "@/lib/scenarios/load";
import { configHash } from "@/lib/run/hash";
import { buildRunConfig } from "./run-config";

export interface BaselineEvalOptions {
  readonly solver: BaselineName;
  readonly scenarios: readonly LoadedScenario[];
  readonly seeds: readonly number[];
  readonly maxTurns: number;
  readonly observation: "image" | "hybrid" | "text";
  readonly runId?: string;
  readonly onProgress?: (p: { done: number; total: number; skipped: number; failed: number }) => void;
}

export interface EvalResult {
  readonly runId: string;
  readonly resumed: boolean;
  readonly document: ScoreDocument;
  readonly reused: number;
}

/** A new run id: `<solver>-<UTC timestamp>-<4 random hex>`. */
export function newRunId(solver: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z").replace("T", "-");
  return `${solver}-${stamp}-${Math.floor(Math.random() * 0xffff).toString(16).padStart(4, "0")}`;
}

export async function runBaselineEval(options: BaselineEvalOptions): Promise<EvalResult> {
  const db = getDb();
  await indexScenarios(db, options.scenarios);
  const config = buildRunConfig({
    solver: { kind: "baseline", name: options.solver },
    maxTurns: options.maxTurns,
    observation: options.observation,
    seeds: options.seeds,
    scenarios: options.scenarios,
  });
  const runId = options.runId ?? newRunId(options.solver);
  const { resumed } = await createOrResumeRun(db, { id: runId, name: `${options.solver} baseline`, config, configHash: configHash(config) });
  const engine = { maxTurns: options.maxTurns, observation: options.observation };
  const total = options.scenarios.length * options.seeds.length;
  let done = 0;
  let reused = 0;
  let failed = 0;
  try {
    for (const loaded of options.scenarios) {
      const scenario = loaded.scenario;
      for (const seed of options.seeds) {
        const episodeId = `${runId}:${scenario.id}:${seed}`;
        const status = await startEpisode(db, {
          id: episodeId, runId, scenarioId: scenario.id, scenarioVersion: scenario.version, scenarioHash: loaded.contentHash,
          imageHashes: loaded.imageHashes, seed, agentKind: "baseline", agentName: options.solver,
        });
        if (status === "done") {
          reused++;
        } else {
          let written = 0;
          const { trace, error } = await runEpisode({
            scenario, engine, episodeId, seed,
            solver: createBaseline(options.solver, scenario, deriveSeed(seed, scenario.id)),
            config: { runId, configHash: configHash(config) },
            onTurn: async (steps) => {
              await appendSteps(db, episodeId, written, steps);
              written += steps.length;
            },
          });
          const { metrics } = scoreEpisode(scenario, trace);
          await finishEpisode(db, episodeId, { endReason: trace.endReason, scenarioVersion: scenario.version, metrics, ...(error ? { error } : {}) });
          if (error) failed++;
        }
        done++;
        options.onProgress?.({ done, total, skipped: reused, failed });
      }
    }
    await setRunStatus(db, runId, "done");
  } catch (error) {
    await setRunStatus(db, runId, "failed", error instanceof Error ? error.message : String(error)).catch(() => undefined);
    throw error;
  }
  return { runId, resumed, reused, document: await runScoreDocument(runId, new Map(options.scenarios.map((l) => [l.scenario.id, l.scenario]))) };
}

/** Re-scores a stored run's episodes from their traces. */
export async function runScoreDocument(runId: string, scenarios: ReadonlyMap<string, Scenario>): Promise<ScoreDocument> {
  const db = getDb();
  const episodes = await runEpisodes(db, runId);
  const traces = [];
  for (const e of episodes) {
    const trace = await episodeTrace(db, e.id);
    if (trace) traces.push(trace);
  }
  return scoreDocument(scenarios, traces);
}
