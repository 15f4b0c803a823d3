/**
 * A read-only window hook for end-to-end tests of the editor (`window.__mmcbEditor.getState()`): the
 * draft, selection and tool, and where the image sits on the canvas, so a test can compute mouse
 * positions from image pixels. Installed only where the app's scene hook is (non-production builds, or
 * builds made with NEXT_PUBLIC_MMCB_TEST_HOOKS=1).
 */
import type { Draft, EditorState, Selection } from "@/lib/store/editor-store";
import { TEST_HOOKS_ENABLED } from "@/lib/store/test-hook";

export interface EditorTestState {
  readonly doc: Draft;
  readonly baseVersion: number | null;
  readonly selection: Selection | null;
  readonly tool: string;
  readonly space: EditorState["space"];
  readonly dirty: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Image px → canvas px: canvasX = view.x + imageX * view.scale (relative to the canvas element). */
  readonly view: { readonly scale: number; readonly x: number; readonly y: number };
  readonly image: { readonly width: number; readonly height: number };
  readonly imageStatus: string;
}

declare global {
  interface Window {
    __mmcbEditor?: { getState(): EditorTestState };
  }
}

export function installEditorTestHook(
  read: () => {
    state: EditorState;
    view: EditorTestState["view"];
    image: EditorTestState["image"];
    imageStatus: string;
  },
): () => void {
  if (!TEST_HOOKS_ENABLED || typeof window === "undefined") return () => {};
  const hook = {
    getState(): EditorTestState {
      const { state: s, view, image, imageStatus } = read();
      return structuredClone({
        doc: s.doc,
        baseVersion: s.baseVersion,
        selection: s.selection,
        tool: s.tool,
        space: s.space,
        dirty: s.dirty,
        canUndo: s.past.length > 0,
        canRedo: s.future.length > 0,
        view,
        image,
        imageStatus,
      });
    },
  };
  Object.defineProperty(window, "__mmcbEditor", { value: Object.freeze(hook), configurable: true, writable: false });
  return () => {
    if (window.__mmcbEditor === hook) delete window.__mmcbEditor;
  };
}
