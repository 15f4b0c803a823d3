"use client";
/**
 * The selected entity: its view image with its part regions drawn on it, the zoomed view of the hovered
 * or selected part, and every part with its description, attributes and affordances.
 */
import { useEffect, useRef, useState } from "react";
import type { Entity, Scenario } from "@/core/scenario/schema";
import { partRegionInEntityView } from "@/core/scenario/views";
import { useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";
import { AnswerTag } from "@/components/ui/answer-tag";
import { AttributeChip } from "@/components/ui/attribute-chip";
import { plural } from "@/components/ui/format";
import type { AnswerRole } from "./answer-roles";
import { partColor } from "./part-colors";
import { RegionShape } from "./region-shape";

export interface EntityPanelProps {
  readonly scenario: Scenario;
  readonly entityViewUrls: Readonly<Record<string, string>>;
  readonly partViewUrls: Readonly<Record<string, string>>;
  readonly partRoles: ReadonlyMap<string, AnswerRole>;
}

export function EntityPanel(props: EntityPanelProps) {
  const api = useSceneStoreApi();
  const selectedId = useSceneStore((s) => s.selectedEntityId);
  const entityIndex = props.scenario.entities.findIndex((e) => e.id === selectedId);
  const entity = props.scenario.entities[entityIndex];

  if (!entity) {
    return (
      <section className="card side-card entity-panel entity-panel--empty" data-testid="entity-panel-empty">
        <h2 className="card-title">Entity</h2>
        <p className="muted">
          Select an entity on the scene or in the list (or press its number) to see its view, parts and attributes.
        </p>
      </section>
    );
  }
  return (
    <section
      className="card side-card entity-panel"
      data-testid="entity-panel"
      data-entity-id={entity.id}
      aria-labelledby="entity-panel-title"
    >
      <div className="entity-panel__head">
        <span className="entity-item__number entity-item__number--active">{entityIndex + 1}</span>
        <h2 className="card-title" id="entity-panel-title">
          {entity.name}
        </h2>
        <span className="entity-item__meta">{plural(entity.parts.length, "part")}</span>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => api.getState().selectEntity(null)}
          aria-label="Close entity (Escape)"
          title="Close (Escape)"
        >
          ✕
        </button>
      </div>
      {entity.description && <p className="entity-panel__desc">{entity.description}</p>}
      {/* keyed by entity so the image's measured size never leaks from one entity to the next */}
      <EntityViewFigure key={entity.id} {...props} entity={entity} />
      <PartView {...props} entity={entity} />
      <PartList {...props} entity={entity} />
    </section>
  );
}

function usePartHandlers() {
  const api = useSceneStoreApi();
  return {
    enter: (id: string) => api.getState().hoverPart(id),
    leave: (id: string) => api.getState().unhoverPart(id),
    toggle: (id: string) => {
      const s = api.getState();
      s.selectPart(s.selectedPartId === id ? null : id);
    },
  };
}

function EntityViewFigure({ scenario, entity, entityViewUrls }: EntityPanelProps & { entity: Entity }) {
  const imgRef = useRef<HTMLImageElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const hoveredPartId = useSceneStore((s) => s.hoveredPartId);
  const selectedPartId = useSceneStore((s) => s.selectedPartId);
  const handlers = usePartHandlers();
  const src = entityViewUrls[entity.id];

  useEffect(() => {
    const img = imgRef.current;
    if (img?.complete && img.naturalWidth > 0) setSize({ w: img.naturalWidth, h: img.naturalHeight });
  }, [src]);

  return (
    <figure className="view-figure">
      <div className="view-figure__frame">
        <img
          ref={imgRef}
          src={src}
          alt={`View of ${entity.name}`}
          className="view-figure__img"
          data-testid="entity-view-image"
          onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
        />
        {size && (
          <svg
            className="view-figure__overlay"
            viewBox={`0 0 ${size.w} ${size.h}`}
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            {entity.parts.map((part, i) => {
              const active = part.id === hoveredPartId || part.id === selectedPartId;
              const color = partColor(i);
              return (
                <RegionShape
                  key={part.id}
                  region={partRegionInEntityView(scenario, entity, part)}
                  className={`part-region${active ? " part-region--active" : ""}`}
                  style={{ stroke: color, fill: color }}
                  onMouseEnter={() => handlers.enter(part.id)}
                  onMouseLeave={() => handlers.leave(part.id)}
                  onClick={() => handlers.toggle(part.id)}
                  testId={`part-region-${part.id}`}
                >
                  <title>{part.name}</title>
                </RegionShape>
              );
            })}
          </svg>
        )}
      </div>
      <figcaption className="view-figure__caption">
        Entity view · {entity.view ? "separate photo" : "crop of the scene"}
      </figcaption>
    </figure>
  );
}

function PartView({ entity, partViewUrls }: EntityPanelProps & { entity: Entity }) {
  const hoveredPartId = useSceneStore((s) => s.hoveredPartId);
  const selectedPartId = useSceneStore((s) => s.selectedPartId);
  const activeId = hoveredPartId ?? selectedPartId;
  const index = entity.parts.findIndex((p) => p.id === activeId);
  const part = entity.parts[index];
  return (
    <div className="part-view" data-testid="part-view">
      {part ? (
        <>
          <img
            key={part.id}
            src={partViewUrls[`${entity.id}/${part.id}`]}
            alt={`Zoomed view of ${entity.name}: ${part.name}`}
            className="part-view__img"
            data-testid="part-view-image"
          />
          <p className="part-view__caption">
            <span className="swatch" style={{ background: partColor(index) }} />
            {part.name} · part view
          </p>
        </>
      ) : (
        <p className="part-view__empty muted">Hover or click a part to see its zoomed view.</p>
      )}
    </div>
  );
}

function PartList({ entity, partRoles }: EntityPanelProps & { entity: Entity }) {
  const hoveredPartId = useSceneStore((s) => s.hoveredPartId);
  const selectedPartId = useSceneStore((s) => s.selectedPartId);
  const showAnswers = useSceneStore((s) => s.showAnswers);
  const handlers = usePartHandlers();
  return (
    <ul className="part-list" data-testid="part-list">
      {entity.parts.map((part, i) => {
        const role = showAnswers ? partRoles.get(`${entity.id}/${part.id}`) : undefined;
        return (
          <li
            key={part.id}
            className="part"
            data-testid={`part-${part.id}`}
            data-active={part.id === hoveredPartId || part.id === selectedPartId ? "true" : undefined}
            onMouseEnter={() => handlers.enter(part.id)}
            onMouseLeave={() => handlers.leave(part.id)}
          >
            <button
              type="button"
              className="part__head"
              aria-pressed={part.id === selectedPartId}
              onClick={() => handlers.toggle(part.id)}
            >
              <span className="swatch" style={{ background: partColor(i) }} />
              <span className="part__name">{part.name}</span>
              {role && <AnswerTag role={role} />}
              <span className="part__id">{part.id}</span>
            </button>
            {part.description && <p className="part__desc">{part.description}</p>}
            {part.attributes.length > 0 && (
              <div className="chips" aria-label="Attributes">
                {part.attributes.map((a) => (
                  <AttributeChip key={`${a.name}:${a.value}`} attribute={a} />
                ))}
              </div>
            )}
            {part.affordances.length > 0 && (
              <div className="chips chips--affordances" aria-label="Affordances">
                {part.affordances.map((a) => (
                  <span key={a} className="chip chip--affordance">
                    {a}
                  </span>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
