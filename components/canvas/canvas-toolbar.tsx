"use client";
import type { ReactNode } from "react";
import { useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";

export const ZOOM_STEP = 1.25;

/**
 * Zoom buttons and the zoom level (100% = one screen pixel per scene pixel). A page may put its own
 * controls first (`children`) and replace the keyboard hint.
 */
export function CanvasToolbar({ children, hint }: { children?: ReactNode; hint?: ReactNode } = {}) {
  const api = useSceneStoreApi();
  const scale = useSceneStore((s) => s.stage.scale);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      {children}
      <p className="canvas-toolbar__hint">
        {hint ?? (
          <>
            Scroll or <kbd>+</kbd> <kbd>−</kbd> to zoom · drag to pan · <kbd>0</kbd> to fit · <kbd>1</kbd>–<kbd>9</kbd>{" "}
            select
          </>
        )}
      </p>
      <div className="button-group">
        <button
          type="button"
          className="button button--icon"
          onClick={() => api.getState().zoomBy(1 / ZOOM_STEP)}
          aria-label="Zoom out"
          title="Zoom out (−)"
          data-testid="zoom-out"
        >
          −
        </button>
        <button
          type="button"
          className="button button--zoom"
          onClick={() => api.getState().resetView()}
          title="Fit to view (0)"
          data-testid="zoom-reset"
        >
          {Math.round(scale * 100)}%
        </button>
        <button
          type="button"
          className="button button--icon"
          onClick={() => api.getState().zoomBy(ZOOM_STEP)}
          aria-label="Zoom in"
          title="Zoom in (+)"
          data-testid="zoom-in"
        >
          +
        </button>
      </div>
    </div>
  );
}
