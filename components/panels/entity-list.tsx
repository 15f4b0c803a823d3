"use client";
import type { Entity } from "@/core/scenario/schema";
import { useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";
import { AnswerDot } from "@/components/ui/answer-tag";
import { plural } from "@/components/ui/format";
import type { AnswerRole } from "./answer-roles";

/** The candidate entities, numbered as on the canvas; hovering and clicking mirror the canvas. */
export function EntityList({
  entities,
  roles,
}: {
  entities: readonly Entity[];
  roles: ReadonlyMap<string, AnswerRole>;
}) {
  const api = useSceneStoreApi();
  const hoveredId = useSceneStore((s) => s.hoveredEntityId);
  const selectedId = useSceneStore((s) => s.selectedEntityId);
  const showAnswers = useSceneStore((s) => s.showAnswers);
  return (
    <section className="card side-card" aria-labelledby="entity-list-title">
      <h2 className="card-title" id="entity-list-title">
        Entities <span className="card-title__count">{entities.length}</span>
      </h2>
      <ol className="entity-list" data-testid="entity-list">
        {entities.map((entity, i) => {
          const role = showAnswers ? roles.get(entity.id) : undefined;
          return (
            <li key={entity.id}>
              <button
                type="button"
                className="entity-item"
                aria-pressed={entity.id === selectedId}
                data-hovered={entity.id === hoveredId ? "true" : undefined}
                data-testid={`entity-item-${entity.id}`}
                title={`${entity.name} · ${plural(entity.parts.length, "part")}${i < 9 ? ` · key ${i + 1}` : ""}`}
                onClick={() => api.getState().selectEntity(entity.id)}
                onMouseEnter={() => api.getState().hoverEntity(entity.id)}
                onMouseLeave={() => api.getState().unhoverEntity(entity.id)}
                onFocus={() => api.getState().hoverEntity(entity.id)}
                onBlur={() => api.getState().unhoverEntity(entity.id)}
              >
                <span className="entity-item__number">{i + 1}</span>
                <span className="entity-item__name">{entity.name}</span>
                {role && <AnswerDot role={role} />}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
