"use client";
/** Konva needs the browser (and would need the native `canvas` package in Node): never render it on the server. */
import dynamic from "next/dynamic";
import type { KonvaSceneProps } from "./konva-scene";

const KonvaScene = dynamic(() => import("./konva-scene"), {
  ssr: false,
  loading: () => <div className="scene-canvas scene-canvas--loading" aria-busy="true" />,
});

export function SceneCanvas(props: KonvaSceneProps) {
  return <KonvaScene {...props} />;
}
