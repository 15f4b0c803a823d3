"use client";
/**
 * The task, and — always in view while playing — the turn budget and the tool palette — every tool of the
 * registry with its hotkey (on the final turn only Submit answer is accepted, as the engine enforces).
 */
import { TOOLS } from "@/core/tools";
import type { PlayBrief, PlayBudget } from "@/lib/play/types";
import { usePlay, usePlayStoreApi } from "./play-context";
import { usePlayActions } from "./use-play-actions";
import { useSceneStore } from "@/lib/store/scene-store-context";

export function BudgetMeter({ budget }: { budget: PlayBudget }) {
  const pips = Array.from({ length: budget.maxTurns }, (_, i) => i + 1);
  return (
    <div
      className={`play-budget${budget.finalTurn ? " play-budget--final" : ""}`}
      data-testid="budget"
      data-turn={budget.turn}
      data-max-turns={budget.maxTurns}
      data-final={budget.finalTurn ? "true" : "false"}
      aria-live="polite"
    >
      <span className="play-budget__text">
        {budget.ended ? (
          <>
            Finished after <strong>{budget.turn}</strong> of {budget.maxTurns} turns
          </>
        ) : (
          <>
            Turn <strong>{budget.turn + 1}</strong> of {budget.maxTurns} · {budget.turnsLeft} left
          </>
        )}
      </span>
      {budget.maxTurns <= 40 && (
        <span className="play-budget__pips" aria-hidden="true">
          {pips.map((t) => (
            <span
              key={t}
              className={`play-pip${t <= budget.turn ? " play-pip--used" : ""}${t === budget.turn + 1 && !budget.ended ? " play-pip--now" : ""}${t === budget.maxTurns ? " play-pip--last" : ""}`}
            />
          ))}
        </span>
      )}
    </div>
  );
}

export function TaskCard({ brief }: { brief: PlayBrief }) {
  return (
    <section className="card play-task" aria-label="Task">
      <p className="section-label">Task</p>
      <p className="task-text" data-testid="play-task">
        {brief.task}
      </p>
      {brief.constraints.length > 0 && (
        <ul className="play-bar__constraints" aria-label="Constraints">
          {brief.constraints.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PlayBar({ budget }: { budget: PlayBudget }) {
  const play = usePlayStoreApi();
  const busy = usePlay((s) => s.busy);
  const form = usePlay((s) => s.form);
  const actions = usePlayActions();
  const entityId = useSceneStore((s) => s.selectedEntityId);
  const partId = useSceneStore((s) => s.selectedPartId);
  const locked = budget.finalTurn;
  const run = (tool: (typeof TOOLS)[number]["name"]) => {
    const s = play.getState();
    if (tool === "plan_exploration") s.openForm(form === "plan" ? null : "plan");
    else if (tool === "assess_part") s.openForm(form === "assess" ? null : "assess");
    else if (tool === "submit_answer") s.openForm(form === "submit" ? null : "submit");
    else if (tool === "view_scene") void actions.viewScene();
    else if (tool === "inspect_entity" && entityId) void actions.inspectEntity(entityId);
    else if (tool === "inspect_part" && entityId && partId) void actions.inspectPart(entityId, partId);
  };
  const needs = (tool: string) =>
    tool === "inspect_entity" ? !entityId : tool === "inspect_part" ? !entityId || !partId : false;
  return (
    <section className="card side-card play-bar" data-testid="play-bar" aria-label="Turn budget and tools">
      <BudgetMeter budget={budget} />
      {locked && (
        <p className="play-bar__final" role="status" data-testid="final-turn">
          Last turn: only <strong>Submit answer</strong> is accepted now.
        </p>
      )}
      {!budget.ended && (
        <div className="play-tools" role="toolbar" aria-label="Tools">
          {TOOLS.map((t) => (
            <button
              key={t.name}
              type="button"
              className={`button button--small${t.name === "submit_answer" ? " button--primary" : ""}`}
              disabled={busy || (locked && t.name !== "submit_answer") || needs(t.name)}
              aria-pressed={
                (t.name === "plan_exploration" && form === "plan") ||
                (t.name === "assess_part" && form === "assess") ||
                (t.name === "submit_answer" && form === "submit")
              }
              onClick={() => run(t.name)}
              data-testid={`tool-${t.name}`}
              title={`${t.description} (${t.hotkey})`}
            >
              {t.label} <kbd>{t.hotkey}</kbd>
            </button>
          ))}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => play.getState().toggleSheet()}
            data-testid="shortcuts-button"
            title="Keyboard shortcuts (?)"
          >
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
      )}
    </section>
  );
}
