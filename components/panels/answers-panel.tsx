"use client";
import type { Scenario } from "@/core/scenario/schema";
import { findEntity, findPart } from "@/core/scenario/views";
import { useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";
import { AttributeChip } from "@/components/ui/attribute-chip";

/** Gold solutions and affordance-similar parts, hidden until asked for (they are the answers). */
export function AnswersPanel({ scenario }: { scenario: Scenario }) {
  const api = useSceneStoreApi();
  const show = useSceneStore((s) => s.showAnswers);
  const similar = scenario.similar ?? [];
  const label = (entityId: string, partId: string) =>
    `${findEntity(scenario, entityId)?.name ?? entityId} › ${findPart(scenario, entityId, partId)?.name ?? partId}`;
  const reveal = (entityId: string, partId: string) => {
    const s = api.getState();
    s.selectEntity(entityId);
    s.selectPart(partId);
  };
  return (
    <section className="card answers" aria-labelledby="answers-title">
      <div className="answers__head">
        <h2 className="card-title" id="answers-title">
          Answers
        </h2>
        <button
          type="button"
          className={`button button--small${show ? " button--primary" : ""}`}
          aria-pressed={show}
          onClick={() => api.getState().setShowAnswers(!show)}
          data-testid="answers-toggle"
        >
          {show ? "Hide answers" : "Show answers"}
        </button>
      </div>
      {!show ? (
        <p className="muted">Gold and similar parts are hidden so you can explore the scene unbiased.</p>
      ) : (
        <div className="answers__body" data-testid="answers">
          <h3 className="section-label">Gold</h3>
          <ul className="answer-list">
            {scenario.gold.map((g, i) => (
              <li key={i} className="answer answer--gold">
                <button type="button" className="answer__target" onClick={() => reveal(g.entity, g.part)}>
                  {label(g.entity, g.part)}
                </button>
                <p className="answer__affordance">{g.affordance}</p>
                {g.requiredAttributes.length > 0 && (
                  <div className="chips">
                    {g.requiredAttributes.map((a) => (
                      <AttributeChip key={`${a.name}:${a.value}`} attribute={a} />
                    ))}
                  </div>
                )}
                <p className="answer__howto">{g.howTo}</p>
              </li>
            ))}
          </ul>
          {similar.length > 0 && (
            <>
              <h3 className="section-label">Similar (not gold)</h3>
              <ul className="answer-list answer-list--compact">
                {similar.map((s, i) => (
                  <li key={i} className="answer answer--similar">
                    <button type="button" className="answer__target" onClick={() => reveal(s.entity, s.part)}>
                      {label(s.entity, s.part)}
                    </button>
                    <span className="difficulty" title="Difficulty 1–5">
                      difficulty {s.difficulty}/5
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
