/**
 * What the play page knows from an episode's steps so far: the views the person opened (entities with
 * their revealed parts, parts with their zoomed views) and the text the tools returned. Pure.
 */
import type { PlayImage, PlayPart, PlayStep } from "./types";

export interface SeenEntity {
  readonly id: string;
  readonly name: string;
  readonly parts: readonly PlayPart[];
  readonly image: PlayImage | null;
  readonly text: string;
  /** The step that opened it last. */
  readonly stepIndex: number;
}

export interface SeenPart {
  readonly entityId: string;
  readonly partId: string;
  readonly image: PlayImage | null;
  readonly text: string;
  readonly stepIndex: number;
}

export interface PlayKnowledge {
  readonly entities: ReadonlyMap<string, SeenEntity>;
  /** Keyed `entity/part`. */
  readonly parts: ReadonlyMap<string, SeenPart>;
  /** The last valid plan. */
  readonly plan: readonly string[];
  /** Entities and parts assessed so far (`entity/part` → suitable). */
  readonly assessed: ReadonlyMap<string, boolean>;
}

export const partKey = (entityId: string, partId: string) => `${entityId}/${partId}`;

function stringArg(args: unknown, name: string): string | null {
  if (!args || typeof args !== "object") return null;
  const value = (args as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
}

export function knowledgeOf(steps: readonly PlayStep[]): PlayKnowledge {
  const entities = new Map<string, SeenEntity>();
  const parts = new Map<string, SeenPart>();
  const assessed = new Map<string, boolean>();
  let plan: readonly string[] = [];
  for (const step of steps) {
    if (!step.valid) continue;
    const obs = step.observation;
    if (step.tool === "inspect_entity" && obs?.entity) {
      entities.set(obs.entity.id, {
        id: obs.entity.id,
        name: obs.entity.name,
        parts: obs.entity.parts,
        image: obs.images.find((i) => i.kind === "entity") ?? null,
        text: obs.text,
        stepIndex: step.index,
      });
    } else if (step.tool === "inspect_part") {
      const entityId = stringArg(step.args, "entity_id");
      const partId = stringArg(step.args, "part_id");
      if (entityId && partId) {
        parts.set(partKey(entityId, partId), {
          entityId,
          partId,
          image: obs?.images.find((i) => i.kind === "part") ?? null,
          text: obs?.text ?? "",
          stepIndex: step.index,
        });
      }
    } else if (step.tool === "assess_part") {
      const entityId = stringArg(step.args, "entity_id");
      const partId = stringArg(step.args, "part_id");
      const suitable = (step.args as { suitable?: unknown }).suitable;
      if (entityId && partId && typeof suitable === "boolean") assessed.set(partKey(entityId, partId), suitable);
    } else if (step.tool === "plan_exploration") {
      const ids = (step.args as { entity_ids?: unknown }).entity_ids;
      if (Array.isArray(ids)) plan = ids.filter((x): x is string => typeof x === "string");
    }
  }
  return { entities, parts, plan, assessed };
}
