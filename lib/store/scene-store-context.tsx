"use client";
/**
 * One scene store per mounted canvas, shared through context (the xyflow pattern): components read it
 * with `useSceneStore(selector)` and re-render only when their slice changes.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { createSceneStore, type SceneState, type SceneStore } from "./scene-store";
import { installTestHook } from "./test-hook";

const SceneStoreContext = createContext<SceneStore | null>(null);

export function SceneStoreProvider({
  scene,
  children,
}: {
  scene: { width: number; height: number };
  children: ReactNode;
}) {
  const [store] = useState(() => createSceneStore({ width: scene.width, height: scene.height }));
  useEffect(() => installTestHook(store), [store]);
  return <SceneStoreContext.Provider value={store}>{children}</SceneStoreContext.Provider>;
}

/** The store of the nearest provider (for imperative calls in event handlers). */
export function useSceneStoreApi(): SceneStore {
  const store = useContext(SceneStoreContext);
  if (!store) throw new Error("useSceneStore must be used inside <SceneStoreProvider>");
  return store;
}

/** A narrow slice of the scene state; re-renders only when the selected value changes. */
export function useSceneStore<T>(selector: (state: SceneState) => T): T {
  return useStore(useSceneStoreApi(), selector);
}
