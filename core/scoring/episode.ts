/**
 * Scoring one episode (SPEC §5): a pure, deterministic function of (scenario, trace). Only
 * `steps[].turn`, `steps[].call.tool` and `steps[].call.args` are needed; a step's validity is re-derived
 * from the scenario (a recorded `valid: false` is respected too; a missing flag means nothing).
 * Ratios with an empty denominator are null.
 */
import {
  annotationMatches,
  attributeDefinition,
  findPart,
  formatAttributeValue,
  normalizeAttributeName,
  partSuitable,
  type Scenario,
} from "../scenario";
import type { Answer } from "../tools";
import { partKey, walkTrace, type PartKey, type WalkedStep, type WalkProgress } from "../trace/walk";
import { bestAffordanceF1 } from "./affordance";

export type Relation = "gold" | "similar" | "not_similar" | "nonexistent" | "no_answer";
export const CLAIM_CLASSES = ["grounded", "contradicted", "unseen", "nonexistent", "unannotated"] as const;
export type ClaimClass = (typeof CLAIM_CLASSES)[number];
export type ClaimCounts = Record<ClaimClass, number>;

/** One attribute claim and how it was classified. */
export interface ClaimRecord {
  readonly stepIndex: number;
  readonly turn: number;
  /** The tool of the call that made the claim. */
  readonly tool: string;
  readonly entityId: string;
  readonly partId: string;
  readonly name: string;
  readonly value: string;
  readonly class: ClaimClass;
  /** From the annotation when the attribute is annotated, else the vocabulary's default. */
  readonly visual: boolean;
  /** The annotated value(s) for people, when annotated: a list reads `cylindrical, elongated`. */
  readonly annotated?: string;
}

/** The per-episode metrics, snake_case as in SPEC §5 and the `score --json` document. */
export interface EpisodeMetrics {
  gold_correct: boolean;
  entity_correct: boolean;
  /** Best stemmed token F1 against the affordances of the gold entries the answer matches; null unless gold. */
  affordance_f1: number | null;
  /** gold_correct ∧ affordance_f1 ≥ 0.5. */
  affordance_correct: boolean;
  /** The same F1 against those gold affordances and every affordance listed for the answered part; null without an answer. */
  affordance_plausible: number | null;
  relation: Relation;
  turns: number;
  distinct_entities: number;
  distinct_parts: number;
  gold_entity_explored: boolean;
  gold_part_explored: boolean;
  repetition: boolean;
  similarity_density_part: number | null;
  similarity_density_entity: number | null;
  exploration_progress: number | null;
  invalid_calls: number;
  claims: ClaimCounts;
  claims_visual: ClaimCounts;
  claims_nonvisual: ClaimCounts;
  hallucinated: number;
  hallucination_rate: number | null;
  assessment_accuracy: number | null;
}

/** The minimum a trace needs to be scored. */
export interface ScorableTrace {
  readonly steps: readonly {
    readonly turn: number;
    readonly call: { readonly tool: string; readonly args: unknown };
    readonly valid?: boolean;
  }[];
}

export interface EpisodeScore {
  readonly metrics: EpisodeMetrics;
  readonly claims: ClaimRecord[];
}

const emptyCounts = (): ClaimCounts => ({ grounded: 0, contradicted: 0, unseen: 0, nonexistent: 0, unannotated: 0 });
const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Scores one episode. */
export function scoreEpisode(scenario: Scenario, trace: ScorableTrace): EpisodeScore {
  const goldPairs = new Set(scenario.gold.map((g) => partKey(g.entity, g.part)));
  const goldEntities = new Set(scenario.gold.map((g) => g.entity));
  const similarPairs = new Set((scenario.similar ?? []).map((s) => partKey(s.entity, s.part)));
  const relevantPairs = new Set([...goldPairs, ...similarPairs]);
  const relevantEntities = new Set([...goldEntities, ...(scenario.similar ?? []).map((s) => s.entity)]);
  const partOf = (entityId: string, partId: string) => findPart(scenario, entityId, partId);

  let progress: WalkProgress | null = null;
  let firstRelevantTurn: number | null = null;
  let invalid = 0;
  let assessments = 0;
  let assessmentsRight = 0;
  let answer: Answer | null = null;
  const claims: ClaimRecord[] = [];
  const turns = trace.steps.reduce((max, s) => Math.max(max, s.turn), 0);

  const classifyClaims = (step: WalkedStep) => {
    const { entityId, partId } = step.target;
    if (entityId === null || partId === null) return;
    const part = partOf(entityId, partId);
    for (const claim of step.claims) {
      const name = normalizeAttributeName(claim.name);
      const annotation = part && name ? part.attributes.find((a) => a.name === name) : undefined;
      const visual = annotation?.visual ?? (name ? (attributeDefinition(name)?.usuallyVisual ?? false) : false);
      let cls: ClaimClass;
      if (!part) cls = "nonexistent";
      else if (!step.seen) cls = "unseen";
      else if (!annotation) cls = "unannotated";
      else cls = annotationMatches(annotation, claim.value) ? "grounded" : "contradicted";
      claims.push({
        stepIndex: step.index,
        turn: step.turn,
        tool: step.tool,
        entityId,
        partId,
        name: claim.name,
        value: claim.value,
        class: cls,
        visual,
        ...(annotation ? { annotated: formatAttributeValue(annotation.value) } : {}),
      });
    }
  };

  for (const step of walkTrace(scenario, trace.steps)) {
    progress = step.progress;
    if (!step.call) {
      invalid++;
      continue;
    }
    // claims are classified even when the part does not exist (they are hallucinations of an object)
    classifyClaims(step);
    if (step.answer) {
      answer = step.answer;
      break; // a well-formed answer ends the episode; later steps are ignored
    }
    if (!step.valid) {
      invalid++;
      continue;
    }
    const zoomed = step.explored?.partId != null ? partKey(step.explored.entityId, step.explored.partId) : null;
    if (zoomed !== null && firstRelevantTurn === null && relevantPairs.has(zoomed)) firstRelevantTurn = step.turn;
    if (step.judgment) {
      // the truth: the part meets every requirement of some gold entry (it exists: the call is valid)
      const part = partOf(step.target.entityId!, step.target.partId!)!;
      assessments++;
      if (step.judgment.suitable === partSuitable(scenario, part)) assessmentsRight++;
    }
  }
  const exploredEntities = progress?.exploredEntities ?? new Set<string>();
  const exploredParts = progress?.exploredParts ?? new Set<PartKey>();
  const inspections = [...(progress?.entityViews.values() ?? []), ...(progress?.partViews.values() ?? [])];

  const counts = emptyCounts();
  const visualCounts = emptyCounts();
  const nonVisualCounts = emptyCounts();
  for (const c of claims) {
    counts[c.class]++;
    (c.visual ? visualCounts : nonVisualCounts)[c.class]++;
  }
  const hallucinated = counts.contradicted + counts.unseen + counts.nonexistent;

  let relation: Relation = "no_answer";
  let goldCorrect = false;
  let entityCorrect = false;
  let affordanceF1: number | null = null;
  let affordancePlausible: number | null = null;
  if (answer) {
    const answered = partKey(answer.entity_id, answer.part_id);
    const part = partOf(answer.entity_id, answer.part_id);
    goldCorrect = goldPairs.has(answered);
    entityCorrect = goldEntities.has(answer.entity_id);
    relation = !part ? "nonexistent" : goldCorrect ? "gold" : similarPairs.has(answered) ? "similar" : "not_similar";
    const goldAffordances = scenario.gold
      .filter((g) => g.entity === answer!.entity_id && g.part === answer!.part_id)
      .map((g) => g.affordance);
    affordanceF1 = bestAffordanceF1(answer.affordance, goldAffordances);
    // an answer with nothing to compare against (a part that does not exist) is plausible to no degree
    affordancePlausible = bestAffordanceF1(answer.affordance, [...goldAffordances, ...(part?.affordances ?? [])]) ?? 0;
  }

  const relevantExploredParts = [...exploredParts].filter((k) => relevantPairs.has(k)).length;
  const relevantExploredEntities = [...exploredEntities].filter((e) => relevantEntities.has(e)).length;

  return {
    metrics: {
      gold_correct: goldCorrect,
      entity_correct: entityCorrect,
      affordance_f1: affordanceF1,
      affordance_correct: goldCorrect && (affordanceF1 ?? 0) >= 0.5,
      affordance_plausible: affordancePlausible,
      relation,
      turns,
      distinct_entities: exploredEntities.size,
      distinct_parts: exploredParts.size,
      gold_entity_explored: [...goldEntities].some((e) => exploredEntities.has(e)),
      gold_part_explored: [...goldPairs].some((k) => exploredParts.has(k)),
      repetition: inspections.some((n) => n > 1),
      similarity_density_part: ratio(relevantExploredParts, exploredParts.size),
      similarity_density_entity: ratio(relevantExploredEntities, exploredEntities.size),
      exploration_progress: firstRelevantTurn === null || turns === 0 ? null : firstRelevantTurn / turns,
      invalid_calls: invalid,
      claims: counts,
      claims_visual: visualCounts,
      claims_nonvisual: nonVisualCounts,
      hallucinated,
      hallucination_rate: ratio(hallucinated, claims.length - counts.unannotated),
      assessment_accuracy: ratio(assessmentsRight, assessments),
    },
    claims,
  };
}
