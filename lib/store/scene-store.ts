/**
 * Client state of one mounted scene canvas (hover, selection, viewport, answer visibility). One store per
 * canvas, created by `SceneStoreProvider` and read through narrow selectors (the xyflow pattern).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { fitViewport, scaleBounds, zoomAt, type Size, type Viewport } from "./viewport";

export interface StageState extends Viewport {
  /** Stage size in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

export interface SceneState {
  /** Scene image size in scene pixels. */
  readonly scene: Size;
  readonly stage: StageState;
  /** True once the user zoomed or panned: a resize then keeps the view instead of refitting. */
  readonly viewMoved: boolean;
  readonly hoveredEntityId: string | null;
  readonly selectedEntityId: string | null;
  readonly hoveredPartId: string | null;
  readonly selectedPartId: string | null;
  readonly showAnswers: boolean;

  hoverEntity(id: string | null): void;
  /** Clears the hover only if `id` is still the hovered entity (enter/leave events can interleave). */
  unhoverEntity(id: string): void;
  selectEntity(id: string | null): void;
  hoverPart(id: string | null): void;
  unhoverPart(id: string): void;
  selectPart(id: string | null): void;
  setStageSize(width: number, height: number): void;
  /** Zooms by `factor` around a stage point (default: the stage centre). */
  zoomBy(factor: number, point?: { x: number; y: number }): void;
  panTo(x: number, y: number): void;
  resetView(): void;
  setShowAnswers(show: boolean): void;
}

export type SceneStore = StoreApi<SceneState>;

/** Padding around the fitted scene, in CSS px. */
const FIT_PADDING = 12;

export function createSceneStore(scene: Size): SceneStore {
  return createStore<SceneState>()((set, get) => ({
    scene,
    stage: { width: 0, height: 0, scale: 1, x: 0, y: 0 },
    viewMoved: false,
    hoveredEntityId: null,
    selectedEntityId: null,
    hoveredPartId: null,
    selectedPartId: null,
    showAnswers: false,

    hoverEntity: (id) => set({ hoveredEntityId: id }),
    unhoverEntity: (id) => {
      if (get().hoveredEntityId === id) set({ hoveredEntityId: null });
    },
    selectEntity: (id) => {
      if (get().selectedEntityId === id) return;
      set({ selectedEntityId: id, hoveredPartId: null, selectedPartId: null });
    },
    hoverPart: (id) => set({ hoveredPartId: id }),
    unhoverPart: (id) => {
      if (get().hoveredPartId === id) set({ hoveredPartId: null });
    },
    selectPart: (id) => set({ selectedPartId: id }),
    setStageSize: (width, height) => {
      const { stage, viewMoved } = get();
      if (stage.width === width && stage.height === height) return;
      if (!viewMoved || stage.width === 0) {
        set({ stage: { width, height, ...fitViewport(scene, { width, height }, FIT_PADDING) }, viewMoved: false });
      } else {
        set({ stage: { ...stage, width, height } });
      }
    },
    zoomBy: (factor, point) => {
      const { stage } = get();
      const { min, max } = scaleBounds(scene, stage);
      const p = point ?? { x: stage.width / 2, y: stage.height / 2 };
      set({ stage: { ...stage, ...zoomAt(stage, factor, p.x, p.y, min, max) }, viewMoved: true });
    },
    panTo: (x, y) => {
      const { stage } = get();
      if (stage.x === x && stage.y === y) return;
      set({ stage: { ...stage, x, y }, viewMoved: true });
    },
    resetView: () => {
      const { stage } = get();
      set({ stage: { ...stage, ...fitViewport(scene, stage, FIT_PADDING) }, viewMoved: false });
    },
    setShowAnswers: (show) => set({ showAnswers: show }),
  }));
}
