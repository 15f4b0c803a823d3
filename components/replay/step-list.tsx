"use client";
/**
 * The steps of an episode, grouped by turn. Clicking a step makes it current; the current step opens to
 * show the tool call, what the solver said, what it saw (the observation images) and its attribute
 * claims coloured by class.
 */
import { useEffect, useRef } from "react";
import type { ImageRef, TraceStep } from "@/core/engine";
import type { Scenario } from "@/core/scenario";
import type { ClaimRecord } from "@/core/scoring";
import type { ReplayFrame } from "@/core/trace";
import { ClaimList } from "./claim-chip";

export interface ReplayImageUrls {
  readonly scene: string;
  readonly entityViews: Readonly<Record<string, string>>;
  readonly partViews: Readonly<Record<string, string>>;
}

export interface StepListProps {
  readonly scenario: Scenario;
  readonly steps: readonly TraceStep[];
  readonly frames: readonly ReplayFrame[];
  /** Claims by step index. */
  readonly claims: ReadonlyMap<number, readonly ClaimRecord[]>;
  readonly urls: ReplayImageUrls | null;
  readonly current: number;
  readonly onSelect: (index: number) => void;
}

export function imageUrl(urls: ReplayImageUrls | null, ref: ImageRef): string | null {
  if (!urls) return null;
  if (ref.kind === "scene") return urls.scene;
  if (ref.kind === "entity") return urls.entityViews[ref.entityId] ?? null;
  return urls.partViews[`${ref.entityId}/${ref.partId}`] ?? null;
}

export function StepList(props: StepListProps) {
  const listRef = useRef<HTMLOListElement>(null);

  // keep the current step in view inside the scrolling list (never scroll the page)
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>(`[data-step-index="${props.current}"]`);
    const scroller = list?.parentElement;
    if (!item || !scroller) return;
    const top = item.offsetTop - scroller.offsetTop;
    if (
      top < scroller.scrollTop ||
      top + Math.min(item.offsetHeight, scroller.clientHeight) > scroller.scrollTop + scroller.clientHeight
    ) {
      scroller.scrollTo({ top: Math.max(0, top - 8) });
    }
  }, [props.current]);

  let lastTurn = 0;
  return (
    <ol className="step-list" ref={listRef} data-testid="step-list">
      {props.steps.map((step, i) => {
        const frame = props.frames[i]!;
        const claims = props.claims.get(i) ?? [];
        const newTurn = step.turn !== lastTurn;
        lastTurn = step.turn;
        const current = i === props.current;
        return (
          <li
            key={i}
            className={`step${current ? " step--current" : ""}${step.valid ? "" : " step--invalid"}${newTurn ? " step--turn-start" : ""}`}
            data-step-index={i}
            data-testid="step"
            data-tool={frame.tool}
            data-entity-id={frame.focusEntityId ?? ""}
            data-part-id={frame.focusPartId ?? ""}
            data-valid={String(step.valid)}
            aria-current={current ? "step" : undefined}
          >
            {newTurn && <div className="step__turn">Turn {step.turn}</div>}
            <button type="button" className="step__head" onClick={() => props.onSelect(i)} aria-expanded={current}>
              <span className="step__index">{i + 1}</span>
              <span className={`step__tool tool--${frame.tool || "none"}`}>{frame.label}</span>
              <span className="step__summary">{targetText(props.scenario, frame)}</span>
              {!step.valid && (
                <span className="step__invalid" title={step.error}>
                  invalid
                </span>
              )}
              {claims.length > 0 && (
                <span className="step__dots" aria-label={`${claims.length} claims`}>
                  {claims.map((c, k) => (
                    <span key={k} className={`claim-dot claim-dot--${c.class}`} />
                  ))}
                </span>
              )}
            </button>
            {current && (
              <StepDetail scenario={props.scenario} urls={props.urls} step={step} frame={frame} stepClaims={claims} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function entityName(scenario: Scenario, entityId: string): string {
  return scenario.entities.find((e) => e.id === entityId)?.name ?? entityId;
}

function partName(scenario: Scenario, entityId: string, partId: string): string {
  return scenario.entities.find((e) => e.id === entityId)?.parts.find((p) => p.id === partId)?.name ?? partId;
}

/** The step's target in words: `safety pin · pin`, or the planned entities. */
function targetText(scenario: Scenario, frame: ReplayFrame): string {
  if (frame.tool === "plan_exploration" && frame.parsed) {
    return frame.plannedEntityIds.map((id) => entityName(scenario, id)).join(" → ") || "(empty plan)";
  }
  if (frame.focusEntityId) {
    const entity = entityName(scenario, frame.focusEntityId);
    return frame.focusPartId ? `${entity} · ${partName(scenario, frame.focusEntityId, frame.focusPartId)}` : entity;
  }
  return frame.parsed ? "" : frame.summary;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" ? (v as Record<string, unknown>) : {};

function StepDetail(props: {
  scenario: Scenario;
  urls: ReplayImageUrls | null;
  step: TraceStep;
  frame: ReplayFrame;
  stepClaims: readonly ClaimRecord[];
}) {
  const { step, frame, scenario } = props;
  const args = asRecord(step.call.args);
  const argsJson = JSON.stringify(step.call.args ?? {});
  const inline = argsJson.length <= 72;
  const images = step.observation?.images ?? [];
  // assess/submit return no image: show the part they are about, marked as not seen at this step
  const about: ImageRef | null =
    images.length === 0 && frame.focusEntityId
      ? frame.focusPartId
        ? { kind: "part", entityId: frame.focusEntityId, partId: frame.focusPartId }
        : { kind: "entity", entityId: frame.focusEntityId }
      : null;
  return (
    <div className="step__body" data-testid="step-detail">
      {step.assistantText && (
        <blockquote className="step__said" data-testid="assistant-text">
          {step.assistantText}
        </blockquote>
      )}
      <div className="step__call">
        <span className="section-label">Tool call</span>
        <code className="step__call-line" data-testid="tool-call">
          {step.call.tool ? `${step.call.tool}(${inline ? argsJson : "…"})` : "(no tool call)"}
        </code>
        {frame.tool === "assess_part" && frame.parsed && (
          <p className="step__verdict">
            Judged{" "}
            <strong className={args.suitable ? "good" : "bad"}>{args.suitable ? "suitable" : "not suitable"}</strong>
            {typeof args.rationale === "string" && args.rationale && <> — {args.rationale}</>}
          </p>
        )}
        {frame.tool === "submit_answer" && frame.parsed && (
          <p className="step__verdict">
            <strong>{String(args.affordance ?? "")}</strong>
            {typeof args.how_to_use === "string" && <> — {args.how_to_use}</>}
          </p>
        )}
        {!inline && (
          <details className="step__args">
            <summary>Arguments</summary>
            <pre className="json-block json-block--small">{JSON.stringify(step.call.args, null, 2)}</pre>
          </details>
        )}
        {!step.valid && (
          <p className="step__error" role="note" data-testid="step-error">
            {step.error ?? "invalid call"}
            {step.raw && (
              <>
                <br />
                <span className="muted">raw:</span> <code>{step.raw}</code>
              </>
            )}
          </p>
        )}
      </div>
      {props.stepClaims.length > 0 && (
        <div className="step__claims">
          <span className="section-label">Attribute claims</span>
          <ClaimList claims={props.stepClaims} />
        </div>
      )}
      {(images.length > 0 || about) && (
        <div className="step__images">
          <span className="section-label">{images.length > 0 ? "The solver saw" : "About (no image returned)"}</span>
          <div className="thumbs">
            {(images.length > 0 ? images : [about!]).map((ref, k) => (
              <ObservationImage
                key={k}
                refImage={ref}
                scenario={scenario}
                urls={props.urls}
                dim={images.length === 0}
              />
            ))}
          </div>
        </div>
      )}
      {step.observation?.text && (
        <div className="step__observation">
          <span className="section-label">Observation</span>
          <p className="step__observation-text">{step.observation.text}</p>
        </div>
      )}
    </div>
  );
}

function ObservationImage(props: {
  refImage: ImageRef;
  scenario: Scenario;
  urls: ReplayImageUrls | null;
  dim: boolean;
}) {
  const { refImage: ref, scenario } = props;
  const url = imageUrl(props.urls, ref);
  const caption =
    ref.kind === "scene"
      ? "Scene"
      : ref.kind === "entity"
        ? `${entityName(scenario, ref.entityId)} · entity view`
        : `${entityName(scenario, ref.entityId)} · ${partName(scenario, ref.entityId, ref.partId)} · part view`;
  return (
    <figure className={`thumb${props.dim ? " thumb--dim" : ""}`} data-testid="observation-image" data-kind={ref.kind}>
      {url ? (
        <img src={url} alt={caption} className="thumb__img" loading="lazy" />
      ) : (
        <div className="thumb__missing">image unavailable</div>
      )}
      <figcaption className="thumb__caption">{caption}</figcaption>
    </figure>
  );
}
