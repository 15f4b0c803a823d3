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
  /** Present on an episode replay page. */
  readonly replay?: MmcbReplayState;
}

/** The replay's position and what the canvas highlights for the current step. */
export interface MmcbReplayState {
  readonly stepIndex: number;
  readonly stepCount: number;
  readonly tool: string;
  /** The entity the current step is about (highlighted on the canvas), or null. */
  readonly highlightedEntityId: string | null;
  readonly highlightedPartId: string | null;
  /** Entities explored up to and including the current step. */
  readonly visitedEntityIds: readonly string[];
}

const sections: { replay?: () => MmcbReplayState } = {};

/** Adds the replay section to the hook's state (read at call time); returns the remover. */
export function installReplayTestHook(read: () => MmcbReplayState): () => void {
  if (!TEST_HOOKS_ENABLED || typeof window === "undefined") return () => {};
  sections.replay = read;
  return () => {
    if (sections.replay === read) delete sections.replay;
  };
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
        ...(sections.replay ? { replay: structuredClone(sections.replay()) } : {}),
      };
    },
  };
  Object.defineProperty(window, "__mmcb", { value: Object.freeze(hook), configurable: true, writable: false });
  return () => {
    if (window.__mmcb === hook) delete window.__mmcb;
  };
}
