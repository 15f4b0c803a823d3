import type { MeanMetric } from "@/core/scoring";

export interface MetricInfo {
  readonly label: string;
  /** `rate`: a share or score in [0, 1]; `count`: a number per episode. */
  readonly kind: "rate" | "count";
  /** Which direction is better, when there is one. */
  readonly better: "higher" | "lower" | null;
  readonly help: string;
}

/** How the run page names and explains each averaged metric (SPEC §5). */
export const METRIC_INFO: Record<MeanMetric, MetricInfo> = {
  gold_correct: {
    label: "Gold correct",
    kind: "rate",
    better: "higher",
    help: "Answered entity and part equal a gold pair",
  },
  entity_correct: { label: "Entity correct", kind: "rate", better: "higher", help: "Answered entity is a gold entity" },
  affordance_f1: {
    label: "Affordance F1",
    kind: "rate",
    better: "higher",
    help: "Best stemmed token F1 of the answered affordance against the gold affordance (gold answers only)",
  },
  affordance_correct: {
    label: "Affordance correct",
    kind: "rate",
    better: "higher",
    help: "Gold correct and affordance F1 ≥ 0.5",
  },
  affordance_plausible: {
    label: "Affordance plausible",
    kind: "rate",
    better: "higher",
    help: "The same F1 against the gold affordances and every affordance listed for the answered part",
  },
  turns: { label: "Turns", kind: "count", better: null, help: "Highest turn number in the trace" },
  distinct_entities: {
    label: "Distinct entities",
    kind: "count",
    better: null,
    help: "Entities explored (valid inspections)",
  },
  distinct_parts: { label: "Distinct parts", kind: "count", better: null, help: "Parts explored with inspect_part" },
  gold_entity_explored: {
    label: "Gold entity explored",
    kind: "rate",
    better: "higher",
    help: "A gold entity was explored before the answer",
  },
  gold_part_explored: {
    label: "Gold part explored",
    kind: "rate",
    better: "higher",
    help: "A gold part was inspected before the answer",
  },
  repetition: { label: "Repetition", kind: "rate", better: "lower", help: "Some entity or part was inspected twice" },
  similarity_density_part: {
    label: "Similarity density (part)",
    kind: "rate",
    better: "higher",
    help: "Explored parts that are gold or similar ÷ explored parts",
  },
  similarity_density_entity: {
    label: "Similarity density (entity)",
    kind: "rate",
    better: "higher",
    help: "Explored entities that are gold or hold a similar part ÷ explored entities",
  },
  exploration_progress: {
    label: "Exploration progress",
    kind: "rate",
    better: "lower",
    help: "Turn of the first gold/similar part inspection ÷ turns",
  },
  invalid_calls: { label: "Invalid calls", kind: "count", better: "lower", help: "Malformed or impossible tool calls" },
  hallucinated: {
    label: "Hallucinated claims",
    kind: "count",
    better: "lower",
    help: "Contradicted + unseen + nonexistent claims",
  },
  hallucination_rate: {
    label: "Hallucination rate",
    kind: "rate",
    better: "lower",
    help: "Hallucinated ÷ (claims − unannotated)",
  },
  assessment_accuracy: {
    label: "Assessment accuracy",
    kind: "rate",
    better: "higher",
    help: "assess_part verdicts that match the truth: suitable iff the part meets every required attribute of some gold entry",
  },
};
