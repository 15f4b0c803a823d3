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
  /** What the current replay step is about. */
  focus: "#06b6d4",
  focusFill: "rgba(6, 182, 212, 0.22)",
  /** Explored earlier in the replay. */
  visited: "#a5f3fc",
  focusBadge: "#0e7490",
  gold: "#d97706",
  similar: "#7c3aed",
  badge: "#0f172a",
} as const;
