"use client";
/**
 * The end of an episode: its score exactly as stored (core/scoring scoreEpisode) — the answer against
 * gold, exploration, hallucination and the claims ledger — with links to the replay and to play again.
 */
import Link from "next/link";
import type { EpisodeMetrics } from "@/core/scoring";
import { parseToolCall } from "@/core/tools";
import type { PlayEpisodeDocument } from "@/lib/play/types";
import { ClaimChip, ClaimLegend } from "@/components/replay/claim-chip";
import { METRIC_INFO } from "@/components/runs/metric-info";
import { formatMetric, formatPercent, humanize } from "@/components/ui/format";

const RELATION_TEXT: Record<EpisodeMetrics["relation"], string> = {
  gold: "the gold answer",
  similar: "a similar part, not the gold one",
  not_similar: "a part that does not fit",
  nonexistent: "something that is not in the scene",
  no_answer: "no answer (the turn budget ran out)",
};

function Tile({ label, value, good, testId }: { label: string; value: string; good?: boolean | null; testId: string }) {
  return (
    <div
      className={`play-tile${good === true ? " play-tile--good" : good === false ? " play-tile--bad" : ""}`}
      data-testid={testId}
    >
      <span className="play-tile__value">{value}</span>
      <span className="play-tile__label">{label}</span>
    </div>
  );
}

const yes = (b: boolean) => (b ? "yes" : "no");
const rate = (m: EpisodeMetrics, k: keyof typeof METRIC_INFO) => {
  const v = m[k as keyof EpisodeMetrics];
  return typeof v === "number" ? formatMetric(v, METRIC_INFO[k].kind) : typeof v === "boolean" ? yes(v) : "—";
};

export function ScorePanel({ doc, onPlayAgain }: { doc: PlayEpisodeDocument; onPlayAgain: () => void }) {
  const score = doc.score;
  if (!score) return null;
  const m = score.metrics;
  const answerStep = doc.steps.find((s) => s.valid && s.tool === "submit_answer");
  const parsed = answerStep ? parseToolCall(answerStep.tool, answerStep.args) : null;
  const answer = parsed?.ok && parsed.call.tool === "submit_answer" ? parsed.call.args : null;
  const names = new Map(doc.brief.entities.map((e) => [e.id, e.name]));
  const claims = score.claims;
  return (
    <section className="card play-score" data-testid="score-panel" aria-labelledby="play-score-title">
      <div className="play-score__head">
        <div>
          <h2 className="play-score__title" id="play-score-title" data-testid="score-verdict">
            {m.gold_correct
              ? "Correct — gold answer"
              : m.relation === "no_answer"
                ? "No answer"
                : "Not the gold answer"}
          </h2>
          <p className="muted">
            You answered with {RELATION_TEXT[m.relation]}
            {answer && (
              <>
                : <strong>{names.get(answer.entity_id) ?? answer.entity_id}</strong> › <strong>{answer.part_id}</strong>{" "}
                to “{answer.affordance}”
              </>
            )}
            .
          </p>
        </div>
        <div className="play-score__links">
          <Link className="button" href={doc.urls.replay} data-testid="replay-link">
            Open replay <kbd>r</kbd>
          </Link>
          <button type="button" className="button button--primary" onClick={onPlayAgain} data-testid="play-again">
            Play again <kbd>n</kbd>
          </button>
        </div>
      </div>

      <div className="play-score__tiles">
        <Tile label="Gold correct" value={yes(m.gold_correct)} good={m.gold_correct} testId="score-gold_correct" />
        <Tile
          label="Entity correct"
          value={yes(m.entity_correct)}
          good={m.entity_correct}
          testId="score-entity_correct"
        />
        <Tile
          label="Affordance F1"
          value={formatMetric(m.affordance_f1)}
          good={m.affordance_f1 === null ? null : m.affordance_correct}
          testId="score-affordance_f1"
        />
        <Tile label="Turns used" value={`${m.turns} / ${doc.budget.maxTurns}`} testId="score-turns" />
        <Tile
          label="Hallucination rate"
          value={formatPercent(m.hallucination_rate, 0)}
          good={m.hallucination_rate === null ? null : m.hallucinated === 0}
          testId="score-hallucination_rate"
        />
      </div>

      <div className="play-score__grid">
        <dl className="play-score__list" aria-label="Answer">
          <dt>Relation</dt>
          <dd data-testid="score-relation">{humanize(m.relation)}</dd>
          <dt>Entity / part / affordance</dt>
          <dd>
            {yes(m.entity_correct)} / {yes(m.gold_correct)} / {yes(m.affordance_correct)}
          </dd>
          <dt>{METRIC_INFO.assessment_accuracy.label}</dt>
          <dd>{rate(m, "assessment_accuracy")}</dd>
          <dt>{METRIC_INFO.invalid_calls.label}</dt>
          <dd>{m.invalid_calls}</dd>
        </dl>
        <dl className="play-score__list" aria-label="Exploration">
          <dt>Distinct entities / parts</dt>
          <dd data-testid="score-explored">
            {m.distinct_entities} / {m.distinct_parts}
          </dd>
          <dt>Gold entity / part explored</dt>
          <dd>
            {yes(m.gold_entity_explored)} / {yes(m.gold_part_explored)}
          </dd>
          <dt>{METRIC_INFO.similarity_density_part.label}</dt>
          <dd>{rate(m, "similarity_density_part")}</dd>
          <dt>{METRIC_INFO.exploration_progress.label}</dt>
          <dd>{rate(m, "exploration_progress")}</dd>
          <dt>{METRIC_INFO.repetition.label}</dt>
          <dd>{yes(m.repetition)}</dd>
        </dl>
        <dl className="play-score__list" aria-label="Claims">
          <dt>Hallucinated claims</dt>
          <dd data-testid="score-hallucinated">{m.hallucinated}</dd>
          {(["grounded", "contradicted", "unseen", "nonexistent", "unannotated"] as const).map((c) => (
            <div key={c} className="play-score__pair">
              <dt>{humanize(c)}</dt>
              <dd data-testid={`score-claims-${c}`}>{m.claims[c]}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div className="play-score__ledger">
        <h3 className="section-label">Claims ledger</h3>
        {claims.length === 0 ? (
          <p className="muted">You made no attribute claims.</p>
        ) : (
          <table className="data-table play-ledger" data-testid="claims-ledger">
            <thead>
              <tr>
                <th scope="col">Turn</th>
                <th scope="col">In</th>
                <th scope="col">Part</th>
                <th scope="col">Claim</th>
              </tr>
            </thead>
            <tbody>
              {claims.map((c, i) => (
                <tr key={i} data-testid="ledger-row" data-class={c.class}>
                  <td className="num">{c.turn}</td>
                  <td>{c.tool === "assess_part" ? "assessment" : "answer"}</td>
                  <td>
                    {names.get(c.entityId) ?? c.entityId} › {c.partId}
                  </td>
                  <td>
                    <ClaimChip claim={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ClaimLegend />
      </div>
    </section>
  );
}
