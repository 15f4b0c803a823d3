/**
 * What the review pages and the review API exchange (JSON-safe view types, no server imports): a blind
 * pair as the reviewer sees it, agreement figures, and a run's re-score comparison.
 */
import type { EpisodeMetrics } from "@/core/scoring";

/**
 * One claim as shown in a blind pair: only what the solver claimed — never the scorer's verdict on it
 * (class, annotated value), so reviewers judge the episodes themselves instead of copying the scorer.
 */
export interface PairClaimView {
  readonly name: string;
  readonly value: string;
}

export interface PairStepView {
  readonly turn: number;
  readonly tool: string;
  /** The tool's label (Inspect part, Assess part, …). */
  readonly label: string;
  /** What the step is about in words (entity · part), or the call's summary. */
  readonly target: string;
  readonly valid: boolean;
  /** The solver's own words, masked. */
  readonly said: string | null;
  /** assess_part: the judgment and its rationale, masked. */
  readonly judgment: { readonly suitable: boolean; readonly rationale: string } | null;
  readonly error: string | null;
  readonly claims: readonly PairClaimView[];
}

export interface PairSideView {
  readonly steps: readonly PairStepView[];
  readonly turns: number;
  readonly endReason: string;
  readonly answer: {
    readonly entity: string;
    readonly part: string;
    readonly affordance: string;
    readonly howTo: string;
    readonly claims: readonly PairClaimView[];
  } | null;
  /** How many attribute claims the episode made (no breakdown by the scorer's classes). */
  readonly claimCount: number;
}

/** A pair to judge. `key` names it without naming the episodes (the ids would reveal the runs). */
export interface PairView {
  readonly key: string;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly task: string;
    readonly constraints: readonly string[];
    readonly sceneUrl: string | null;
    readonly width: number;
    readonly height: number;
  };
  readonly left: PairSideView;
  readonly right: PairSideView;
  /** Pairs still waiting for this reviewer, this one included. */
  readonly remaining: number;
  readonly judgedByOthers: number;
}

export interface AgreementView {
  readonly raters: number;
  readonly verdicts: number;
  readonly sharedPairs: number;
  readonly alpha: number | null;
  readonly alphaValues: number;
  readonly kappas: ReadonlyArray<{
    readonly raterA: string;
    readonly raterB: string;
    readonly n: number;
    readonly kappa: number | null;
    readonly observed: number | null;
  }>;
}

/** The metrics a re-score comparison shows side by side. */
export const RESCORE_METRICS = [
  "gold_correct",
  "entity_correct",
  "affordance_correct",
  "relation",
  "hallucinated",
  "hallucination_rate",
  "assessment_accuracy",
  "similarity_density_part",
] as const satisfies ReadonlyArray<keyof EpisodeMetrics>;
export type RescoreMetric = (typeof RESCORE_METRICS)[number];

export type MetricSnapshot = { readonly [K in RescoreMetric]: EpisodeMetrics[K] };

export interface RescoreRow {
  readonly episodeId: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly old: { readonly scenarioVersion: number; readonly metrics: MetricSnapshot };
  /** Null when the scenario is no longer in the store or the trace is missing (then it is left alone). */
  readonly next: { readonly scenarioVersion: number; readonly metrics: MetricSnapshot } | null;
  /** Metric names whose value differs. */
  readonly changed: readonly RescoreMetric[];
  /** Whether applying would touch this episode (version or any metric differs). */
  readonly update: boolean;
  readonly note: string | null;
}

export interface RescoreView {
  readonly runId: string;
  readonly runName: string;
  readonly rows: readonly RescoreRow[];
  readonly summary: {
    readonly episodes: number;
    readonly toUpdate: number;
    readonly changedGold: number;
    readonly goldMeanOld: number | null;
    readonly goldMeanNew: number | null;
  };
}

export interface RescoreApplied {
  readonly rescoreId: string | null;
  readonly updated: number;
  readonly view: RescoreView;
}
