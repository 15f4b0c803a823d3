/**
 * The position of an episode replay: which step is current. One store per mounted replay, like the
 * scene store; the index is always clamped to the steps that exist.
 */
import { createStore, type StoreApi } from "zustand/vanilla";

export interface ReplayState {
  /** The current step, 0-based; -1 only when there are no steps. */
  readonly index: number;
  readonly count: number;
  go(index: number): void;
  /** Moves by `delta` steps (clamped). */
  step(delta: number): void;
  first(): void;
  last(): void;
}

export type ReplayStore = StoreApi<ReplayState>;

const clamp = (i: number, count: number) => (count === 0 ? -1 : Math.min(count - 1, Math.max(0, Math.trunc(i))));

export function createReplayStore(count: number, initial = 0): ReplayStore {
  return createStore<ReplayState>()((set, get) => ({
    index: clamp(initial, count),
    count,
    go: (index) => {
      const next = clamp(index, get().count);
      if (next !== get().index) set({ index: next });
    },
    step: (delta) => get().go(get().index + delta),
    first: () => get().go(0),
    last: () => get().go(get().count - 1),
  }));
}
