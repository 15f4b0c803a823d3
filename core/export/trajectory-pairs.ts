/**
 * Trajectory-level pairs (SPEC §7): two whole episodes on the same scenario under comparable
 * configurations. The chosen one is gold-correct with no hallucinated claim; the rejected one is wrong or
 * hallucinates; the chosen one must beat it by at least a minimum episode-score margin.
 *
 * Episode score, in [0, 1], from the SPEC §5 metrics:
 *   0.6 × answer     (1 gold, 0.5 similar, 0 otherwise)
 * + 0.3 × grounding  (1 − hallucination_rate; 1 when the episode made no verifiable claim)
 * + 0.1 × judgment   (assessment_accuracy; 0 when it assessed nothing)
 */
import type { EpisodeTrace } from "../engine/run";
import type { Scenario } from "../scenario";
import type { EpisodeMetrics } from "../scoring";
import type { PreferencePair, RejectedReason } from "./messages";
import { buildTranscript, groupTurns, transcriptSettings } from "./transcript";

/** The documented episode score (see the module comment). */
export function episodeScore(metrics: EpisodeMetrics): number {
  const answer = metrics.relation === "gold" ? 1 : metrics.relation === "similar" ? 0.5 : 0;
  const grounding = 1 - (metrics.hallucination_rate ?? 0);
  const judgment = metrics.assessment_accuracy ?? 0;
  return Math.round((0.6 * answer + 0.3 * grounding + 0.1 * judgment) * 1e6) / 1e6;
}

/** Default minimum score margin between chosen and rejected episodes. */
export const DEFAULT_MIN_MARGIN = 0.3;

/** An episode as the pairing sees it: no trace, only what decides the pairing. */
export interface EpisodeCandidate {
  readonly episodeId: string;
  readonly runId: string;
  /** Hash of the run configuration without the model (SPEC §3): pairs only form within one. */
  readonly comparableHash: string;
  readonly metrics: EpisodeMetrics;
}

export interface PlannedPair {
  readonly chosen: EpisodeCandidate;
  readonly rejected: EpisodeCandidate;
  readonly margin: number;
  readonly reasons: RejectedReason[];
}

const chosenEligible = (m: EpisodeMetrics) => m.gold_correct && m.hallucinated === 0;

/** Why an episode is a rejected candidate (empty: it is not one). */
export function rejectedReasons(m: EpisodeMetrics): RejectedReason[] {
  const reasons: RejectedReason[] = [];
  if (m.relation === "no_answer") reasons.push("no_answer");
  else if (m.relation === "nonexistent") reasons.push("nonexistent_object");
  else if (!m.gold_correct) reasons.push("wrong_answer");
  if (m.claims.contradicted) reasons.push("contradicted");
  if (m.claims.unseen) reasons.push("unseen");
  if (m.claims.nonexistent) reasons.push("nonexistent");
  return reasons;
}

/**
 * Plans the trajectory pairs of one scenario: every (chosen, rejected) combination within a comparable
 * configuration whose margin reaches `minMargin`, largest margin first (ties by episode ids), at most
 * `limit` of them. Each episode is used at most once per side, so one episode cannot dominate.
 */
export function planTrajectoryPairs(
  candidates: readonly EpisodeCandidate[],
  options: { minMargin: number; limit?: number },
): PlannedPair[] {
  const all: PlannedPair[] = [];
  const groups = new Map<string, EpisodeCandidate[]>();
  for (const c of candidates) groups.set(c.comparableHash, [...(groups.get(c.comparableHash) ?? []), c]);
  for (const group of groups.values()) {
    const good = group.filter((c) => chosenEligible(c.metrics));
    const bad = group.map((c) => ({ c, reasons: rejectedReasons(c.metrics) })).filter((x) => x.reasons.length > 0);
    for (const chosen of good)
      for (const { c: rejected, reasons } of bad) {
        const margin = Math.round((episodeScore(chosen.metrics) - episodeScore(rejected.metrics)) * 1e6) / 1e6;
        if (margin >= options.minMargin) all.push({ chosen, rejected, margin, reasons });
      }
  }
  all.sort(
    (a, b) =>
      b.margin - a.margin ||
      a.chosen.episodeId.localeCompare(b.chosen.episodeId) ||
      a.rejected.episodeId.localeCompare(b.rejected.episodeId),
  );
  const usedChosen = new Set<string>();
  const usedRejected = new Set<string>();
  const out: PlannedPair[] = [];
  for (const p of all) {
    if (options.limit !== undefined && out.length >= options.limit) break;
    if (usedChosen.has(p.chosen.episodeId) || usedRejected.has(p.rejected.episodeId)) continue;
    usedChosen.add(p.chosen.episodeId);
    usedRejected.add(p.rejected.episodeId);
    out.push(p);
  }
  return out;
}

/**
 * The pair of two whole trajectories: the prompt is the shared opening (system + first user message);
 * each side is that episode's turns up to its last assistant message. Returns null when the openings
 * differ (different system prompt or budget), since a preference pair needs one prompt.
 */
export function trajectoryPair(
  scenario: Scenario,
  scenarioHash: string,
  chosen: { trace: EpisodeTrace; runId: string; metrics: EpisodeMetrics },
  rejected: { trace: EpisodeTrace; runId: string; metrics: EpisodeMetrics },
  meta: { source: "trajectory" | "human"; reasons: RejectedReason[] },
): PreferencePair | null {
  const sc = transcriptSettings(chosen.trace.config);
  const sr = transcriptSettings(rejected.trace.config);
  // the prompt is the first request (the scene still shown); each side keeps every image where it appeared
  const prompt = buildTranscript(scenario, sc, []);
  if (JSON.stringify(prompt) !== JSON.stringify(buildTranscript(scenario, sr, []))) return null;
  const side = (trace: EpisodeTrace, settings: typeof sc) =>
    buildTranscript(scenario, settings, groupTurns(trace.steps), { imageHistory: "all", endWithAssistant: true }).slice(
      prompt.length,
    );
  const a = side(chosen.trace, sc);
  const b = side(rejected.trace, sr);
  if (a.length === 0 || b.length === 0) return null;
  return {
    prompt,
    chosen: a,
    rejected: b,
    provenance: {
      source: meta.source,
      negative: null,
      scenario: { id: scenario.id, version: scenario.version, contentHash: scenarioHash },
      runIds: [...new Set([chosen.runId, rejected.runId])],
      episodes: { chosen: chosen.trace.episodeId, rejected: rejected.trace.episodeId },
      turn: null,
      scoreMargin: Math.round((episodeScore(chosen.metrics) - episodeScore(rejected.metrics)) * 1e6) / 1e6,
      claims: { chosen: chosen.metrics.claims, rejected: rejected.metrics.claims },
      rejectedReasons: meta.reasons,
      agents: [chosen.trace.agent.name, rejected.trace.agent.name],
    },
  };
}
