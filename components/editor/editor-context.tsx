"use client";
/**
 * One editor store per mounted editor, shared through context: components read narrow slices with
 * `useEditor(selector)`; event handlers call actions through `useEditorApi().getState()`.
 */
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { createEditorStore, type Draft, type EditorState, type EditorStore } from "@/lib/store/editor-store";

const EditorContext = createContext<EditorStore | null>(null);

export function EditorProvider({
  initial,
  baseVersion,
  children,
}: {
  initial: Draft;
  baseVersion: number | null;
  children: ReactNode;
}) {
  const [store] = useState(() => createEditorStore(initial, baseVersion));
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

export function useEditorApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditor must be used inside <EditorProvider>");
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}

/** The image files the editor can show (by file name) and the sizes it knows, plus adding an upload. */
export interface EditorImages {
  readonly urls: Readonly<Record<string, string>>;
  readonly sizes: Readonly<Record<string, { width: number; height: number }>>;
  add(file: string, url: string, size: { width: number; height: number }): void;
}

export const EditorImagesContext = createContext<EditorImages>({ urls: {}, sizes: {}, add: () => {} });

export function useEditorImages(): EditorImages {
  return useContext(EditorImagesContext);
}
