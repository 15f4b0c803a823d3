"use client";
/**
 * The tool forms of the play page: assess_part, submit_answer and plan_exploration. Each sends exactly
 * the tool's arguments (core/tools) through the play store; Ctrl+Enter sends, Escape closes. Fields are
 * checked here first so a slip does not spend a turn (the engine checks again).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { getTool } from "@/core/tools";
import { AFFORDANCE_SUGGESTIONS } from "@/lib/play/affordances";
import type { PlayKnowledge } from "@/lib/play/derive";
import type { PlayBrief } from "@/lib/play/types";
import { useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";
import { ClaimRows, cleanClaims, type ClaimDraft } from "./claim-rows";
import { usePlay, usePlayStoreApi } from "./play-context";

function FormShell(props: {
  title: string;
  tool: string;
  note?: ReactNode;
  submitLabel: string;
  errors: readonly string[];
  onSubmit: () => void;
  children: ReactNode;
}) {
  const play = usePlayStoreApi();
  const busy = usePlay((s) => s.busy);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>("[data-autofocus], select, input, textarea");
    first?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) props.onSubmit();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      play.getState().openForm(null);
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!busy) props.onSubmit();
    }
  };
  const hotkey = getTool(props.tool)?.hotkey;
  return (
    <form
      ref={ref}
      className="card side-card play-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      data-testid={`form-${props.tool}`}
      aria-label={props.title}
    >
      <div className="play-form__head">
        <h2 className="card-title">
          {props.title} {hotkey && <kbd>{hotkey}</kbd>}
        </h2>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => play.getState().openForm(null)}
          aria-label="Close (Escape)"
          title="Close (Escape)"
        >
          ✕
        </button>
      </div>
      {props.note && <p className="muted play-form__note">{props.note}</p>}
      {props.children}
      {props.errors.length > 0 && (
        <ul className="play-form__errors" role="alert" data-testid="form-errors">
          {props.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="play-form__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="form-send">
          {props.submitLabel}
        </button>
        <span className="muted play-form__keys">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> send · <kbd>Esc</kbd> close
        </span>
      </div>
    </form>
  );
}

/** Entity and part pickers over what the person knows: every candidate entity, the parts revealed so far. */
function TargetPicker(props: {
  brief: PlayBrief;
  knowledge: PlayKnowledge;
  entityId: string;
  partId: string;
  onChange: (entityId: string, partId: string) => void;
}) {
  const id = useId();
  const seen = props.knowledge.entities.get(props.entityId);
  return (
    <div className="play-form__row">
      <div className="play-form__field">
        <label className="play-form__label" htmlFor={`${id}-e`}>
          Entity
        </label>
        <select
          id={`${id}-e`}
          value={props.entityId}
          data-testid="target-entity"
          onChange={(e) => {
            const parts = props.knowledge.entities.get(e.target.value)?.parts ?? [];
            props.onChange(e.target.value, parts[0]?.id ?? "");
          }}
        >
          <option value="">Choose…</option>
          {props.brief.entities.map((e, i) => (
            <option key={e.id} value={e.id}>
              {i + 1}. {e.name}
              {props.knowledge.entities.has(e.id) ? "" : " (not inspected)"}
            </option>
          ))}
        </select>
      </div>
      <div className="play-form__field">
        <label className="play-form__label" htmlFor={`${id}-p`}>
          Part
        </label>
        {seen ? (
          <select
            id={`${id}-p`}
            value={props.partId}
            data-testid="target-part"
            onChange={(e) => props.onChange(props.entityId, e.target.value)}
          >
            <option value="">Choose…</option>
            {seen.parts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-p`}
            value={props.partId}
            maxLength={120}
            placeholder="part id (inspect the entity to list them)"
            data-testid="target-part"
            onChange={(e) => props.onChange(props.entityId, e.target.value.trim())}
          />
        )}
      </div>
    </div>
  );
}

/** A labelled free-text field of a form (at most 2,000 characters). */
function TextAreaField(props: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
}) {
  return (
    <div className="play-form__field">
      <label className="play-form__label" htmlFor={props.id}>
        {props.label}
      </label>
      <textarea
        id={props.id}
        rows={props.rows}
        maxLength={2000}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        data-testid={props.testId}
      />
    </div>
  );
}

/** The form's target is the picked entity and part (the view follows what the form picks). */
function usePickedTarget(): [{ entityId: string; partId: string }, (entityId: string, partId: string) => void] {
  const api = useSceneStoreApi();
  const entityId = useSceneStore((s) => s.selectedEntityId) ?? "";
  const partId = useSceneStore((s) => s.selectedPartId) ?? "";
  const set = (e: string, p: string) => {
    api.getState().selectEntity(e || null);
    api.getState().selectPart(p || null);
  };
  return [{ entityId, partId }, set];
}

export function AssessForm({ brief, knowledge }: { brief: PlayBrief; knowledge: PlayKnowledge }) {
  const play = usePlayStoreApi();
  const [target, setTarget] = usePickedTarget();
  const [suitable, setSuitable] = useState<boolean | null>(null);
  // no pre-filled row: whatever is here is sent as the person's claim (and scored), so it starts empty
  const [claims, setClaims] = useState<ClaimDraft[]>([]);
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const id = useId();
  const send = () => {
    const problems = [
      !target.entityId && "Choose the entity you assess.",
      !target.partId && "Choose the part you assess.",
      suitable === null && "Say whether the part is suitable (yes or no).",
    ].filter((x): x is string => typeof x === "string");
    setErrors(problems);
    if (problems.length) return;
    void play.getState().call({
      tool: "assess_part",
      args: {
        entity_id: target.entityId,
        part_id: target.partId,
        suitable: suitable === true,
        observed_attributes: cleanClaims(claims),
        rationale: rationale.trim(),
      },
    });
  };
  return (
    <FormShell
      title="Assess a part"
      tool="assess_part"
      submitLabel="Record assessment"
      errors={errors}
      onSubmit={send}
      note="Say whether the part would do the job and what you observed. Claim only what you have seen."
    >
      <TargetPicker
        brief={brief}
        knowledge={knowledge}
        entityId={target.entityId}
        partId={target.partId}
        onChange={setTarget}
      />
      <fieldset className="play-form__choice" data-testid="assess-suitable">
        <legend className="play-form__label">Suitable for the task?</legend>
        <label>
          <input
            type="radio"
            name={`${id}-suitable`}
            checked={suitable === true}
            onChange={() => setSuitable(true)}
            data-testid="suitable-yes"
          />{" "}
          Yes
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-suitable`}
            checked={suitable === false}
            onChange={() => setSuitable(false)}
            data-testid="suitable-no"
          />{" "}
          No
        </label>
      </fieldset>
      <ClaimRows claims={claims} onChange={setClaims} label="Observed attributes" testId="assess-claims" />
      <TextAreaField
        id={`${id}-r`}
        label="Rationale"
        rows={2}
        value={rationale}
        onChange={setRationale}
        placeholder="One or two sentences grounded in what you saw"
        testId="assess-rationale"
      />
    </FormShell>
  );
}

export function SubmitForm({ brief, knowledge }: { brief: PlayBrief; knowledge: PlayKnowledge }) {
  const play = usePlayStoreApi();
  const [target, setTarget] = usePickedTarget();
  const [affordance, setAffordance] = useState("");
  const [claims, setClaims] = useState<ClaimDraft[]>([]);
  const [howTo, setHowTo] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const id = useId();
  const send = () => {
    const problems = [
      !target.entityId && "Choose the entity you answer with.",
      !target.partId && "Choose the part you answer with.",
      !affordance.trim() && "Say what the part lets you do (the affordance).",
      !howTo.trim() && "Say how you would use it.",
    ].filter((x): x is string => typeof x === "string");
    setErrors(problems);
    if (problems.length) return;
    void play.getState().call({
      tool: "submit_answer",
      args: {
        entity_id: target.entityId,
        part_id: target.partId,
        affordance: affordance.trim(),
        attributes_used: cleanClaims(claims),
        how_to_use: howTo.trim(),
      },
    });
  };
  return (
    <FormShell
      title="Submit your answer"
      tool="submit_answer"
      submitLabel="Submit answer — ends the episode"
      errors={errors}
      onSubmit={send}
      note="One entity and one of its parts, what it lets you do, the attributes it relies on and how to use it."
    >
      <TargetPicker
        brief={brief}
        knowledge={knowledge}
        entityId={target.entityId}
        partId={target.partId}
        onChange={setTarget}
      />
      <div className="play-form__field">
        <label className="play-form__label" htmlFor={`${id}-a`}>
          Affordance
        </label>
        <input
          id={`${id}-a`}
          list={`${id}-al`}
          value={affordance}
          maxLength={200}
          onChange={(e) => setAffordance(e.target.value)}
          placeholder="e.g. pry open"
          data-testid="submit-affordance"
        />
        <datalist id={`${id}-al`}>
          {AFFORDANCE_SUGGESTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <ClaimRows claims={claims} onChange={setClaims} label="Attributes it relies on" testId="submit-claims" />
      <TextAreaField
        id={`${id}-h`}
        label="How to use it"
        rows={3}
        value={howTo}
        onChange={setHowTo}
        placeholder="Concrete steps"
        testId="submit-howto"
      />
    </FormShell>
  );
}

export function PlanForm({ brief, knowledge }: { brief: PlayBrief; knowledge: PlayKnowledge }) {
  const play = usePlayStoreApi();
  const [order, setOrder] = useState<string[]>([...knowledge.plan]);
  const [errors, setErrors] = useState<string[]>([]);
  const toggle = (entityId: string) =>
    setOrder((o) => (o.includes(entityId) ? o.filter((x) => x !== entityId) : [...o, entityId]));
  const send = () => {
    if (order.length === 0) {
      setErrors(["Tick at least one entity, in the order you mean to explore them."]);
      return;
    }
    void play.getState().call({ tool: "plan_exploration", args: { entity_ids: order } });
  };
  return (
    <FormShell
      title="Plan your exploration"
      tool="plan_exploration"
      submitLabel="Record plan"
      errors={errors}
      onSubmit={send}
      note="Tick the entities in the order you mean to explore them (uses a turn)."
    >
      <ol className="play-plan" data-testid="plan-list">
        {brief.entities.map((e, i) => {
          const at = order.indexOf(e.id);
          return (
            <li key={e.id}>
              <label>
                <input
                  type="checkbox"
                  checked={at >= 0}
                  onChange={() => toggle(e.id)}
                  data-testid={`plan-${e.id}`}
                  {...(i === 0 ? { "data-autofocus": true } : {})}
                />
                <span className="entity-item__number">{i + 1}</span> {e.name}
                {at >= 0 && <span className="play-tag play-tag--seen">#{at + 1}</span>}
              </label>
            </li>
          );
        })}
      </ol>
    </FormShell>
  );
}
