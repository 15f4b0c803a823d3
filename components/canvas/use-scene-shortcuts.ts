"use client";
import { useEffect } from "react";
import { useSceneStoreApi } from "@/lib/store/scene-store-context";
import { ZOOM_STEP } from "./canvas-toolbar";

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Annotator shortcuts: `+`/`=` zoom in, `-` zoom out, `0` fit, `1`–`9` select that entity, `Escape`
 * clears the selection. Ignored while typing or with a modifier held.
 */
export function useSceneShortcuts(entityIds: readonly string[]): void {
  const api = useSceneStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      const s = api.getState();
      if (e.key === "+" || e.key === "=") s.zoomBy(ZOOM_STEP);
      else if (e.key === "-" || e.key === "_") s.zoomBy(1 / ZOOM_STEP);
      else if (e.key === "0") s.resetView();
      else if (e.key === "Escape") s.selectEntity(null);
      else if (/^[1-9]$/.test(e.key)) {
        const id = entityIds[Number(e.key) - 1];
        if (!id) return;
        s.selectEntity(id);
      } else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [api, entityIds]);
}
