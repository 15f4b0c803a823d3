"use client";
/**
 * The scene canvas of the play page: the candidate entities outlined and numbered (names only — no
 * answers). A click on an entity opens its view (inspect_entity) unless it is open already; a drag pans.
 */
import { useMemo, useRef } from "react";
import type { CanvasEntity } from "@/components/canvas/canvas-entity";
import { CanvasToolbar } from "@/components/canvas/canvas-toolbar";
import { SceneCanvas } from "@/components/canvas/scene-canvas";
import type { PlayBrief } from "@/lib/play/types";
import { useSceneStoreApi } from "@/lib/store/scene-store-context";
import { usePlayActions } from "./use-play-actions";

export function PlayCanvas({ brief, seenEntityIds }: { brief: PlayBrief; seenEntityIds: readonly string[] }) {
  const scene = useSceneStoreApi();
  const actions = usePlayActions();
  const down = useRef<{ x: number; y: number } | null>(null);
  const entities = useMemo<CanvasEntity[]>(
    () => brief.entities.map((e, i) => ({ id: e.id, name: e.name, number: i + 1, region: e.region, answer: null })),
    [brief],
  );
  return (
    <section className="card canvas-card" aria-label="Scene">
      <CanvasToolbar
        hint={
          <>
            Click an entity to inspect it · <kbd>1</kbd>–<kbd>9</kbd> or <kbd>←</kbd> <kbd>→</kbd> pick,{" "}
            <kbd>Enter</kbd> inspect · scroll to zoom, drag to pan
          </>
        }
      />
      <div
        className="play-canvas"
        onPointerDown={(e) => {
          down.current = { x: e.clientX, y: e.clientY };
        }}
        onClick={(e) => {
          const start = down.current;
          down.current = null;
          // a drag (pan) ends in a click too: only a click that stayed put picks
          if (e.button !== 0 || (start && Math.hypot(e.clientX - start.x, e.clientY - start.y) > 4)) return;
          const id = scene.getState().hoveredEntityId;
          if (id) void actions.clickEntity(id);
        }}
      >
        <SceneCanvas sceneUrl={brief.scene.url} entities={entities} visitedEntityIds={seenEntityIds} />
      </div>
      <div className="canvas-legend">
        <span className="canvas-legend__item">
          <span className="legend-line legend-line--visited" /> inspected ({seenEntityIds.length} of{" "}
          {brief.entities.length})
        </span>
      </div>
    </section>
  );
}
