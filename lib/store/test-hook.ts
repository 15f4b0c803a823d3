/**
 * A read-only window hook for end-to-end tests: a Konva canvas has no DOM nodes to click by role, so
 * Playwright reads the canvas state (`window.__mmcb.getState()`) and computes click points from scenario
 * geometry. Installed in non-production builds, and in production builds made with
 * NEXT_PUBLIC_MMCB_TEST_HOOKS=1 (both values are inlined at build time).
 */
import type { SceneStore } from "./scene-store";

export const TEST_HOOKS_ENABLED =
  process.env.NODE_ENV !== "production" || process.env.NEXT_PUBLIC_MMCB_TEST_HOOKS === "1";

/** What tests can read. Stage coordinates are CSS px relative to the canvas container's top-left. */
export interface MmcbTestState {
  readonly hoveredEntityId: string | null;
  readonly selectedEntityId: string | null;
  readonly hoveredPartId: string | null;
  readonly selectedPartId: string | null;
  readonly showAnswers: boolean;
  readonly stage: { scale: number; x: number; y: number; width: number; height: number };
  readonly scene: { width: number; height: number };
}

export interface MmcbTestHook {
  getState(): MmcbTestState;
}

declare global {
  interface Window {
    __mmcb?: MmcbTestHook;
  }
}

/** Installs the hook for `store` (the most recently mounted canvas wins); returns the uninstaller. */
export function installTestHook(store: SceneStore): () => void {
  if (!TEST_HOOKS_ENABLED || typeof window === "undefined") return () => {};
  const hook: MmcbTestHook = {
    getState() {
      const s = store.getState();
      // a fresh plain copy: tests can read it but never reach the store itself
      return {
        hoveredEntityId: s.hoveredEntityId,
        selectedEntityId: s.selectedEntityId,
        hoveredPartId: s.hoveredPartId,
        selectedPartId: s.selectedPartId,
        showAnswers: s.showAnswers,
        stage: { scale: s.stage.scale, x: s.stage.x, y: s.stage.y, width: s.stage.width, height: s.stage.height },
        scene: { width: s.scene.width, height: s.scene.height },
      };
    },
  };
  Object.defineProperty(window, "__mmcb", { value: Object.freeze(hook), configurable: true, writable: false });
  return () => {
    if (window.__mmcb === hook) delete window.__mmcb;
  };
}
