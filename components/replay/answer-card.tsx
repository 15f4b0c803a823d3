import type { ToolArgs } from "@/core/tools";
import type { Scenario } from "@/core/scenario";
import type { ClaimRecord, EpisodeMetrics } from "@/core/scoring";
import { formatMetric, formatPercent, humanize } from "@/components/ui/format";
import { ClaimList } from "./claim-chip";

export interface AnswerCardProps {
  readonly scenario: Scenario;
  readonly answer: ToolArgs["submit_answer"] | null;
  readonly answerClaims: readonly ClaimRecord[];
  readonly metrics: EpisodeMetrics;
  readonly endReason: string;
  readonly error: string | null;
}

/** The episode's final answer with its relation, and the episode's key metrics. */
export function AnswerCard({ scenario, answer, answerClaims, metrics, endReason, error }: AnswerCardProps) {
  const entity = answer ? scenario.entities.find((e) => e.id === answer.entity_id) : undefined;
  const part = answer ? entity?.parts.find((p) => p.id === answer.part_id) : undefined;
  const gold = scenario.gold.map((g) => {
    const e = scenario.entities.find((x) => x.id === g.entity);
    return `${e?.name ?? g.entity} · ${e?.parts.find((p) => p.id === g.part)?.name ?? g.part}`;
  });
  const c = metrics.claims;
  const stats: { label: string; value: string; title?: string; bad?: boolean }[] = [
    { label: "Turns", value: String(metrics.turns) },
    { label: "Entities explored", value: String(metrics.distinct_entities) },
    { label: "Parts explored", value: String(metrics.distinct_parts) },
    { label: "Invalid calls", value: String(metrics.invalid_calls), bad: metrics.invalid_calls > 0 },
    {
      label: "Hallucinated",
      value: `${metrics.hallucinated} · ${formatPercent(metrics.hallucination_rate, 0)}`,
      title: `${c.grounded} grounded, ${c.contradicted} contradicted, ${c.unseen} unseen, ${c.nonexistent} nonexistent, ${c.unannotated} unannotated`,
      bad: metrics.hallucinated > 0,
    },
    { label: "Assessment accuracy", value: formatMetric(metrics.assessment_accuracy) },
    { label: "Affordance F1", value: formatMetric(metrics.affordance_f1) },
    { label: "Exploration progress", value: formatMetric(metrics.exploration_progress) },
  ];
  return (
    <section
      className="card answer-card"
      aria-labelledby="answer-title"
      data-testid="answer-card"
      data-relation={metrics.relation}
    >
      <div className="answer-card__head">
        <h2 className="card-title" id="answer-title">
          Final answer
        </h2>
        <span
          className={`verdict-pill verdict-pill--${metrics.gold_correct ? "yes" : "no"}`}
          data-testid="answer-gold"
          data-gold={String(metrics.gold_correct)}
        >
          {metrics.gold_correct ? "✓ gold" : "✗ not gold"}
        </span>
        <span className={`relation relation--${metrics.relation}`} data-testid="answer-relation">
          {humanize(metrics.relation)}
        </span>
        <span className={`end end--${endReason}`} title="How the episode ended">
          ended: {endReason}
        </span>
      </div>
      {answer ? (
        <div className="answer-card__body">
          <p className="answer-card__target">
            {entity ? entity.name : <span className="bad">{answer.entity_id} (no such entity)</span>}
            <span aria-hidden="true"> · </span>
            {part ? part.name : <span className="bad">{answer.part_id} (no such part)</span>}
            <span className="answer-card__affordance"> — {answer.affordance}</span>
          </p>
          <p className="answer-card__howto">{answer.how_to_use}</p>
          <ClaimList claims={answerClaims} />
        </div>
      ) : (
        <p className="muted">
          No answer{endReason === "budget" ? ": the turn budget ran out." : "."}
          {error && <span className="bad"> {error}</span>}
        </p>
      )}
      <p className="answer-card__gold muted">Gold: {gold.join("; ")}</p>
      <dl className="mini-stats" data-testid="episode-metrics">
        {stats.map((s) => (
          <div key={s.label} className="mini-stats__item" title={s.title}>
            <dt>{s.label}</dt>
            <dd className={s.bad ? "bad" : undefined}>{s.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
