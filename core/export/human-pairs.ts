/**
 * Human pairs (SPEC §7): a reviewer's blind verdict on two episodes of the same scenario becomes a
 * trajectory-level pair — `left` prefers the left episode, `right` the right one; `tie` and `both_bad`
 * say nothing about which is better and produce no pair.
 */
import type { EpisodeTrace } from "../engine/run";
import type { Scenario } from "../scenario";
import type { EpisodeMetrics } from "../scoring";
import type { PreferencePair } from "./messages";
import { trajectoryPair } from "./trajectory-pairs";

export const VERDICTS = ["left", "right", "tie", "both_bad"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A stored pairwise verdict. */
export interface PairVerdict {
  readonly leftEpisodeId: string;
  readonly rightEpisodeId: string;
  readonly verdict: Verdict;
  readonly annotatorId?: string;
}

/** Which side a verdict prefers, or null when it prefers neither. */
export function preferredSide(verdict: Verdict): "left" | "right" | null {
  return verdict === "left" ? "left" : verdict === "right" ? "right" : null;
}

export interface JudgedEpisode {
  readonly trace: EpisodeTrace;
  readonly runId: string;
  readonly metrics: EpisodeMetrics;
}

/**
 * The pair a verdict yields, or null (tie, both bad, different scenarios, or different openings). The
 * score margin is recorded as information; a person's preference stands even when the scores disagree.
 */
export function humanPair(
  scenario: Scenario,
  scenarioHash: string,
  verdict: PairVerdict,
  left: JudgedEpisode,
  right: JudgedEpisode,
): PreferencePair | null {
  const side = preferredSide(verdict.verdict);
  if (!side) return null;
  if (left.trace.scenarioId !== scenario.id || right.trace.scenarioId !== scenario.id) return null;
  const [chosen, rejected] = side === "left" ? [left, right] : [right, left];
  return trajectoryPair(scenario, scenarioHash, chosen, rejected, { source: "human", reasons: ["human_verdict"] });
}
