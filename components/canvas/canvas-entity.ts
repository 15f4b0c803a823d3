import type { Region } from "@/core/scenario/schema";

/** What the scene canvas needs to know about an entity. `region` is in scene pixels. */
export interface CanvasEntity {
  readonly id: string;
  readonly name: string;
  /** 1-based number shown on the canvas; 1–9 are also keyboard shortcuts. */
  readonly number: number;
  readonly region: Region;
  /** Its role in the answers (drawn only while answers are shown). */
  readonly answer: "gold" | "similar" | null;
}

/** The palette shared by the canvas, the lists and the panels. */
export const COLORS = {
  idle: "rgba(255, 255, 255, 0.95)",
  halo: "rgba(15, 23, 42, 0.55)",
  hover: "#2563eb",
  hoverFill: "rgba(37, 99, 235, 0.20)",
  selected: "#1d4ed8",
  selectedFill: "rgba(37, 99, 235, 0.10)",
  gold: "#d97706",
  similar: "#7c3aed",
  badge: "#0f172a",
} as const;
