/**
 * SFT trajectories (SPEC §7; the paper's stage 1): whole positive episodes in chat form — either stored
 * episodes that are flawless (gold-correct, no hallucinated claim, no invalid call, every assessment
 * right; the oracle's are), or guided episodes played fresh by the guided policy under a run's
 * configuration. Every image stays where it appeared; the record ends with the final answer turn.
 */
import { runEpisode, type EpisodeTrace } from "../engine/run";
import type { TurnInput } from "../engine/types";
import type { Scenario } from "../scenario";
import type { EpisodeMetrics } from "../scoring";
import type { Solver, SolverView } from "../solvers/types";
import { explorationState, guidedTurn } from "./guided";
import type { ExportSource, SftRecord } from "./messages";
import { buildTranscript, groupTurns, transcriptSettings } from "./transcript";

/** Whether a stored episode is good enough to imitate. */
export function sftEligible(m: EpisodeMetrics): boolean {
  return m.gold_correct && m.hallucinated === 0 && m.invalid_calls === 0 && (m.assessment_accuracy ?? 1) === 1;
}

/** The guided policy as a solver: plays the shortest grounded path to a gold answer within the budget. */
export function guidedSolver(scenario: Scenario): Solver {
  const played: { turn: number; call: { tool: string; args: unknown } }[] = [];
  return {
    agent: { kind: "baseline", name: "guided" },
    nextTurn(view: SolverView): TurnInput {
      const state = { ...explorationState(scenario, played), turns: view.turn - 1 };
      const calls = guidedTurn(scenario, state, view.maxTurns);
      for (const c of calls) played.push({ turn: view.turn, call: { tool: c.tool, args: c.args } });
      return { calls: calls.map((c) => ({ tool: c.tool, args: c.args })) };
    },
  };
}

/** Plays a guided episode on `scenario` under a stored run configuration. */
export async function guidedTrace(
  scenario: Scenario,
  config: Readonly<Record<string, unknown>>,
  episodeId: string,
): Promise<EpisodeTrace> {
  const settings = transcriptSettings(config);
  const { trace } = await runEpisode({
    scenario,
    solver: guidedSolver(scenario),
    engine: { maxTurns: settings.maxTurns, observation: settings.observation },
    episodeId,
    seed: 0,
    config,
  });
  return trace;
}

/** The SFT record of one trajectory. */
export function sftRecord(
  scenario: Scenario,
  scenarioHash: string,
  episode: { trace: EpisodeTrace; runId: string; metrics: EpisodeMetrics },
  source: Extract<ExportSource, "guided" | "trajectory">,
): SftRecord {
  const settings = transcriptSettings(episode.trace.config);
  return {
    messages: buildTranscript(scenario, settings, groupTurns(episode.trace.steps), {
      imageHistory: "all",
      endWithAssistant: true,
    }),
    provenance: {
      source,
      negative: null,
      scenario: { id: scenario.id, version: scenario.version, contentHash: scenarioHash },
      runIds: [episode.runId],
      episodes: { trajectory: episode.trace.episodeId },
      turn: null,
      scoreMargin: null,
      claims: { trajectory: episode.metrics.claims },
      agents: [episode.trace.agent.name],
    },
  };
}
