"use client";
/** The play store of the page, shared through context and read with narrow selectors. */
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { PlayState, PlayStore } from "@/lib/play/play-store";

const PlayStoreContext = createContext<PlayStore | null>(null);

export function PlayStoreProvider({ store, children }: { store: PlayStore; children: ReactNode }) {
  return <PlayStoreContext.Provider value={store}>{children}</PlayStoreContext.Provider>;
}

export function usePlayStoreApi(): PlayStore {
  const store = useContext(PlayStoreContext);
  if (!store) throw new Error("usePlay must be used inside <PlayStoreProvider>");
  return store;
}

export function usePlay<T>(selector: (state: PlayState) => T): T {
  return useStore(usePlayStoreApi(), selector);
}
