"use client";
/**
 * What a click or a key does on the play page, as tool calls through the play store. Picking an entity
 * or part (1–9, arrows, a click on something already seen) spends nothing; inspecting does.
 */
import { useMemo } from "react";
import { knowledgeOf, partKey } from "@/lib/play/derive";
import { useSceneStoreApi } from "@/lib/store/scene-store-context";
import { usePlayStoreApi } from "./play-context";

export function usePlayActions() {
  const play = usePlayStoreApi();
  const scene = useSceneStoreApi();
  return useMemo(() => {
    const knowledge = () => knowledgeOf(play.getState().doc?.steps ?? []);
    const inspectEntity = async (entityId: string) => {
      scene.getState().selectEntity(entityId);
      const obs = await play.getState().call({ tool: "inspect_entity", args: { entity_id: entityId } });
      if (obs?.entity) scene.getState().selectEntity(obs.entity.id);
    };
    const inspectPart = async (entityId: string, partId: string) => {
      scene.getState().selectEntity(entityId);
      scene.getState().selectPart(partId);
      await play.getState().call({ tool: "inspect_part", args: { entity_id: entityId, part_id: partId } });
    };
    return {
      inspectEntity,
      inspectPart,
      /** A click on the canvas: pick the entity, and open its view unless it is already open. */
      clickEntity: async (entityId: string) => {
        if (knowledge().entities.has(entityId)) scene.getState().selectEntity(entityId);
        else await inspectEntity(entityId);
      },
      /** A click on a part: pick it, and zoom into it unless that view is already open. */
      clickPart: async (entityId: string, partId: string) => {
        if (knowledge().parts.has(partKey(entityId, partId))) {
          scene.getState().selectEntity(entityId);
          scene.getState().selectPart(partId);
        } else await inspectPart(entityId, partId);
      },
      viewScene: async () => {
        await play.getState().call({ tool: "view_scene", args: {} });
      },
    };
  }, [play, scene]);
}
