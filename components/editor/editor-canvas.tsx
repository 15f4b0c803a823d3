"use client";
/** Konva needs the browser: the editor canvas is never rendered on the server. */
import dynamic from "next/dynamic";
import type { KonvaEditorProps } from "./konva-editor";

const KonvaEditor = dynamic(() => import("./konva-editor"), {
  ssr: false,
  loading: () => <div className="editor-canvas editor-canvas--loading" aria-busy="true" />,
});

export function EditorCanvas(props: KonvaEditorProps) {
  return <KonvaEditor {...props} />;
}
