"use client";
/**
 * What the person has opened for the picked entity: its view with its revealed parts drawn on it (a
 * click on a part zooms into it), the part list, and the zoomed view of the picked part. Only what the
 * tools returned is shown — names and views, never descriptions, attributes or answers (in `hybrid`
 * and `text` modes the tools' own text is shown too).
 */
import { useEffect, useRef, useState } from "react";
import { getTool } from "@/core/tools";
import { partKey, type PlayKnowledge, type SeenEntity } from "@/lib/play/derive";
import type { PlayBrief } from "@/lib/play/types";
import { useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";
import { partColor } from "@/components/panels/part-colors";
import { RegionShape } from "@/components/panels/region-shape";
import { plural } from "@/components/ui/format";
import { usePlay, usePlayStoreApi } from "./play-context";
import { usePlayActions } from "./use-play-actions";

const key = (tool: string) => getTool(tool)?.hotkey ?? "";

export function PlayView({
  brief,
  knowledge,
  locked,
  ended,
}: {
  brief: PlayBrief;
  knowledge: PlayKnowledge;
  /** The final turn: only submit_answer is accepted. */
  locked: boolean;
  ended: boolean;
}) {
  const selectedId = useSceneStore((s) => s.selectedEntityId);
  const busy = usePlay((s) => s.busy);
  const actions = usePlayActions();
  const index = brief.entities.findIndex((e) => e.id === selectedId);
  const entity = brief.entities[index];
  if (!entity) {
    return (
      <section className="card side-card play-view" data-testid="play-view-empty">
        <h2 className="card-title">View</h2>
        <p className="muted">
          Pick an entity on the scene — click it, or press its number (<kbd>1</kbd>–<kbd>9</kbd>, <kbd>←</kbd>{" "}
          <kbd>→</kbd>) and <kbd>Enter</kbd> — to open its view and see its parts.
        </p>
      </section>
    );
  }
  const seen = knowledge.entities.get(entity.id);
  return (
    <section className="card side-card play-view" data-testid="play-view" data-entity-id={entity.id}>
      <div className="entity-panel__head">
        <span className="entity-item__number entity-item__number--active">{index + 1}</span>
        <h2 className="card-title">{entity.name}</h2>
        {seen && <span className="entity-item__meta">{plural(seen.parts.length, "part")}</span>}
        <button
          type="button"
          className="button button--small"
          disabled={busy || locked}
          onClick={() => void actions.inspectEntity(entity.id)}
          data-testid="inspect-entity"
          title={`Inspect entity (${key("inspect_entity")} or Enter) — uses a turn`}
        >
          {seen ? "Inspect again" : "Inspect"} <kbd>{key("inspect_entity")}</kbd>
        </button>
      </div>
      {seen ? (
        <SeenEntityView
          key={`${seen.id}:${seen.stepIndex}`}
          entity={seen}
          knowledge={knowledge}
          locked={locked}
          ended={ended}
          showText={brief.observationMode !== "image"}
        />
      ) : (
        <p className="muted play-view__unseen" data-testid="entity-unseen">
          Not inspected yet. Inspecting opens its view and lists its parts (one turn).
        </p>
      )}
    </section>
  );
}

function SeenEntityView({
  entity,
  knowledge,
  locked,
  ended,
  showText,
}: {
  entity: SeenEntity;
  knowledge: PlayKnowledge;
  locked: boolean;
  ended: boolean;
  /** hybrid/text modes: the tools' descriptions are part of the observation. */
  showText: boolean;
}) {
  const api = useSceneStoreApi();
  const selectedPartId = useSceneStore((s) => s.selectedPartId);
  const hoveredPartId = useSceneStore((s) => s.hoveredPartId);
  const actions = usePlayActions();
  const imgRef = useRef<HTMLImageElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useEffect(() => {
    const img = imgRef.current;
    if (img?.complete && img.naturalWidth > 0) setSize({ w: img.naturalWidth, h: img.naturalHeight });
  }, []);
  const partIndex = entity.parts.findIndex((p) => p.id === selectedPartId);
  const part = entity.parts[partIndex];

  return (
    <>
      {entity.image ? (
        <figure className="view-figure">
          <div className="view-figure__frame">
            <img
              ref={imgRef}
              src={entity.image.url}
              alt={`View of ${entity.name}`}
              className="view-figure__img"
              data-testid="entity-view-image"
              onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
            />
            {size && !locked && (
              <svg
                className="view-figure__overlay"
                viewBox={`0 0 ${size.w} ${size.h}`}
                preserveAspectRatio="none"
                aria-hidden="true"
              >
                {entity.parts.map((p, i) => (
                  <RegionShape
                    key={p.id}
                    region={p.region}
                    className={`part-region${p.id === selectedPartId || p.id === hoveredPartId ? " part-region--active" : ""}`}
                    style={{ stroke: partColor(i), fill: partColor(i) }}
                    onMouseEnter={() => api.getState().hoverPart(p.id)}
                    onMouseLeave={() => api.getState().unhoverPart(p.id)}
                    onClick={() => void actions.clickPart(entity.id, p.id)}
                    testId={`part-region-${p.id}`}
                  >
                    <title>{p.name}</title>
                  </RegionShape>
                ))}
              </svg>
            )}
          </div>
          <figcaption className="view-figure__caption">Entity view · click a part to zoom in</figcaption>
        </figure>
      ) : null}
      {showText && entity.text && <ObservationText text={entity.text} />}
      <ul className="play-parts" data-testid="part-list" aria-label="Parts">
        {entity.parts.map((p, i) => {
          const zoomed = knowledge.parts.has(partKey(entity.id, p.id));
          const assessed = knowledge.assessed.get(partKey(entity.id, p.id));
          return (
            <li key={p.id}>
              <button
                type="button"
                className="play-part"
                aria-pressed={p.id === selectedPartId}
                data-testid={`part-${p.id}`}
                onMouseEnter={() => api.getState().hoverPart(p.id)}
                onMouseLeave={() => api.getState().unhoverPart(p.id)}
                onClick={() => void actions.clickPart(entity.id, p.id)}
                disabled={locked && !zoomed}
                title={zoomed ? "Show its zoomed view" : "Zoom into this part (inspect_part, one turn)"}
              >
                <span className="swatch" style={{ background: partColor(i) }} />
                <span className="play-part__name">{p.name}</span>
                <span className="play-part__id">{p.id}</span>
                {assessed !== undefined && (
                  <span className={`play-tag ${assessed ? "play-tag--yes" : "play-tag--no"}`}>
                    {assessed ? "suitable" : "not suitable"}
                  </span>
                )}
                <span className={`play-tag${zoomed ? " play-tag--seen" : ""}`}>{zoomed ? "zoomed" : "zoom"}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {part ? (
        <PartPanel
          entityId={entity.id}
          entityName={entity.name}
          part={part}
          color={partColor(partIndex)}
          knowledge={knowledge}
          locked={locked}
          ended={ended}
          showText={showText}
        />
      ) : (
        <p className="muted play-view__hint">
          Pick a part (click it, or <kbd>↑</kbd> <kbd>↓</kbd>) to zoom in, assess it or answer with it.
        </p>
      )}
    </>
  );
}

function PartPanel(props: {
  entityId: string;
  entityName: string;
  part: { id: string; name: string };
  color: string;
  knowledge: PlayKnowledge;
  locked: boolean;
  ended: boolean;
  showText: boolean;
}) {
  const { entityId, part, knowledge } = props;
  const play = usePlayStoreApi();
  const busy = usePlay((s) => s.busy);
  const actions = usePlayActions();
  const seen = knowledge.parts.get(partKey(entityId, part.id));
  return (
    <div className="play-part-panel" data-testid="part-panel" data-part-id={part.id}>
      <div className="part-view" data-testid="part-view">
        {seen?.image ? (
          <>
            <img
              key={seen.image.url}
              src={seen.image.url}
              alt={`Zoomed view of ${props.entityName}: ${part.name}`}
              className="part-view__img"
              data-testid="part-view-image"
            />
            <p className="part-view__caption">
              <span className="swatch" style={{ background: props.color }} />
              {part.name} · part view
            </p>
          </>
        ) : seen ? (
          <p className="part-view__empty muted">Zoomed in ({part.name}); this mode shows text only.</p>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy || props.locked}
            onClick={() => void actions.inspectPart(entityId, part.id)}
            data-testid="inspect-part"
            title="Inspect part — uses a turn"
          >
            Zoom into {part.name} <kbd>{key("inspect_part")}</kbd>
          </button>
        )}
      </div>
      {props.showText && seen?.text && <ObservationText text={seen.text} />}
      {!props.ended && (
        <div className="play-part-panel__actions">
          <button
            type="button"
            className="button"
            disabled={busy || props.locked}
            onClick={() => play.getState().openForm("assess")}
            data-testid="open-assess"
          >
            Assess this part <kbd>{key("assess_part")}</kbd>
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => play.getState().openForm("submit")}
            data-testid="open-submit-here"
          >
            Answer with it <kbd>{key("submit_answer")}</kbd>
          </button>
        </div>
      )}
    </div>
  );
}

/** Text a tool returned (user-visible, never HTML). */
export function ObservationText({ text }: { text: string }) {
  return (
    <p className="play-observation" data-testid="observation-text">
      {text}
    </p>
  );
}
