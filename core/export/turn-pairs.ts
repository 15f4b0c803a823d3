/**
 * Turn-level preference pairs — the paper's affordance-grounded alignment (SPEC §7). For every turn of a
 * stored trajectory, the context is the real prefix before that turn; `chosen` is the guided turn built
 * from the annotations; `rejected` is
 * - `normal`: the solver's own turn, when it hallucinated (a contradicted, unseen or nonexistent claim),
 *   named an object that does not exist, misjudged a part's suitability or answered wrongly;
 * - `hard`: a synthesised turn that keeps a valid action but claims a contradicted visual attribute of the
 *   same part, or judges the part without looking at it.
 * Both sides are checked with the scorer: the chosen turn must be clean, the rejected one must not be.
 * Compared turns carry tool calls only — the solver's free text is left out on both sides, so the
 * preference is about the action and its claims.
 */
import type { EpisodeTrace } from "../engine/run";
import { createRng, deriveSeed } from "../random";
import type { Scenario } from "../scenario";
import { explorationState, guidedTurn } from "./guided";
import { hardNegative } from "./hard-negative";
import { judgeTurn } from "./judge";
import type { ChatMessage, NegativeKind, PreferencePair, RejectedReason } from "./messages";
import { assistantMessage, buildTranscript, groupTurns, transcriptSettings } from "./transcript";

/** An episode to export: its trace (with observations and run configuration) and where it came from. */
export interface ExportEpisode {
  readonly scenario: Scenario;
  /** The content hash of the scenario the pairs are built against. */
  readonly scenarioHash: string;
  readonly runId: string;
  readonly trace: EpisodeTrace;
}

export interface TurnPairOptions {
  readonly negatives: NegativeKind;
  /** Seeds the choices of hard negatives (with the scenario and the context). */
  readonly seed: number;
}

/** Why a turn produced no pair, counted for the dataset card. */
export type TurnSkipReason = "chosen_not_grounded" | "turn_not_faulty" | "no_hard_negative" | "same_as_chosen";

export interface TurnPairResult {
  readonly pairs: PreferencePair[];
  readonly skipped: Partial<Record<TurnSkipReason, number>>;
}

const sameCalls = (a: ChatMessage, b: ChatMessage) => JSON.stringify(a) === JSON.stringify(b);

/** The turn-level pairs of one episode, in turn order. */
export function turnPairs(episode: ExportEpisode, options: TurnPairOptions): TurnPairResult {
  const { scenario, trace } = episode;
  const settings = transcriptSettings(trace.config);
  const turns = groupTurns(trace.steps);
  const pairs: PreferencePair[] = [];
  const skipped: Partial<Record<TurnSkipReason, number>> = {};
  const skip = (reason: TurnSkipReason) => void (skipped[reason] = (skipped[reason] ?? 0) + 1);

  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    const prefixTurns = turns.slice(0, i);
    const prefix = prefixTurns.flatMap((t) => t.steps);
    const state = { ...explorationState(scenario, prefix), turns: turn.turn - 1 };
    const chosenCalls = guidedTurn(scenario, state, settings.maxTurns);
    const chosenJudgement = judgeTurn(scenario, prefix, turn.turn, chosenCalls);
    if (chosenJudgement.reasons.length > 0 || chosenJudgement.hallucinated > 0) {
      skip("chosen_not_grounded");
      continue;
    }

    let rejected: ChatMessage;
    let reasons: RejectedReason[];
    let rejectedClaims;
    let hardKind: "contradicted" | "skipped_part" | undefined;
    if (options.negatives === "normal") {
      const own = turn.steps.map((s) => ({
        tool: s.call.tool,
        args: s.call.args,
        valid: s.valid,
        ...(s.raw !== undefined ? { raw: s.raw } : {}),
      }));
      const judgement = judgeTurn(scenario, prefix, turn.turn, own);
      if (judgement.reasons.length === 0) {
        skip("turn_not_faulty");
        continue;
      }
      rejected = assistantMessage(turn.turn, own, null);
      reasons = judgement.reasons;
      rejectedClaims = judgement.claims;
    } else {
      // seeded by the context, so the same context always gets the same hard negative (and dedupes)
      const context = JSON.stringify(prefix.map((s) => [s.turn, s.call.tool, s.call.args]));
      const rng = createRng(deriveSeed(options.seed, scenario.id, turn.turn, context));
      const hard = hardNegative(scenario, state, chosenCalls, rng);
      const judgement = hard ? judgeTurn(scenario, prefix, turn.turn, hard.calls) : null;
      if (!hard || !judgement || judgement.hallucinated === 0) {
        skip("no_hard_negative");
        continue;
      }
      rejected = assistantMessage(turn.turn, hard.calls, null);
      reasons = judgement.reasons;
      rejectedClaims = judgement.claims;
      hardKind = hard.kind;
    }
    const chosen = assistantMessage(turn.turn, chosenCalls, null);
    if (sameCalls(chosen, rejected)) {
      skip("same_as_chosen");
      continue;
    }
    pairs.push({
      prompt: buildTranscript(scenario, settings, prefixTurns),
      chosen: [chosen],
      rejected: [rejected],
      provenance: {
        source: "guided",
        negative: options.negatives,
        scenario: { id: scenario.id, version: scenario.version, contentHash: episode.scenarioHash },
        runIds: [episode.runId],
        episodes: { context: trace.episodeId },
        turn: turn.turn,
        scoreMargin: null,
        claims: { chosen: chosenJudgement.claims, rejected: rejectedClaims },
        rejectedReasons: reasons,
        ...(hardKind ? { hardKind } : {}),
        agents: [trace.agent.name],
      },
    });
  }
  return { pairs, skipped };
}
