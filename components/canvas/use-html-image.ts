"use client";
import { useEffect, useState } from "react";

export type ImageStatus = "loading" | "loaded" | "failed";

/** Loads an image element for a Konva `Image` node (Konva draws elements, not URLs). */
export function useHtmlImage(src: string): { image: HTMLImageElement | null; status: ImageStatus } {
  const [state, setState] = useState<{ src: string; image: HTMLImageElement | null; status: ImageStatus }>({
    src,
    image: null,
    status: "loading",
  });
  useEffect(() => {
    const img = new window.Image();
    img.decoding = "async";
    img.onload = () => setState({ src, image: img, status: "loaded" });
    img.onerror = () => setState({ src, image: null, status: "failed" });
    img.src = src;
    return () => {
      img.onload = null;
      img.onerror = null;
    };
  }, [src]);
  return state.src === src ? { image: state.image, status: state.status } : { image: null, status: "loading" };
}
