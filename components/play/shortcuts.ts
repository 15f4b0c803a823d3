/**
 * The play page's keyboard shortcuts, listed once: the tool hotkeys come from the registry (core/tools),
 * the rest move the pick. The shortcut sheet and the key handler both read this list.
 */
import { getTool } from "@/core/tools";

export interface Shortcut {
  readonly keys: readonly string[];
  readonly action: string;
  /** Spends a turn. */
  readonly turn?: boolean;
}

const hotkey = (tool: string) => getTool(tool)!.hotkey;

export const PLAY_SHORTCUTS: readonly { readonly group: string; readonly items: readonly Shortcut[] }[] = [
  {
    group: "Pick (free)",
    items: [
      { keys: ["1", "…", "9"], action: "Pick entity 1–9 on the scene" },
      { keys: ["←", "→"], action: "Pick the previous / next entity" },
      { keys: ["↑", "↓"], action: "Pick the previous / next part of the inspected entity" },
      { keys: ["Esc"], action: "Close the open form, or clear the pick" },
    ],
  },
  {
    group: "Tools (each is one tool call)",
    items: [
      {
        keys: ["Enter"],
        action: "Inspect what is picked (the part if one is picked), unless already open",
        turn: true,
      },
      { keys: [hotkey("inspect_entity")], action: "Inspect the picked entity (again)", turn: true },
      { keys: [hotkey("inspect_part")], action: "Zoom into the picked part (again)", turn: true },
      { keys: [hotkey("assess_part")], action: "Assess the picked part (opens the form)", turn: true },
      { keys: [hotkey("submit_answer")], action: "Submit an answer (opens the form)", turn: true },
      { keys: [hotkey("plan_exploration")], action: "Plan the exploration order (opens the form)", turn: true },
      { keys: [hotkey("view_scene")], action: "View the scene again", turn: true },
    ],
  },
  {
    group: "In a form",
    items: [
      { keys: ["Ctrl", "Enter"], action: "Send the form" },
      { keys: ["Tab"], action: "Move between fields" },
      { keys: ["Esc"], action: "Close without sending" },
    ],
  },
  {
    group: "Canvas and page",
    items: [
      { keys: ["+", "−"], action: "Zoom the scene in / out" },
      { keys: ["0"], action: "Fit the scene" },
      { keys: ["?"], action: "Show or hide this sheet" },
      { keys: ["n"], action: "Play again (after the end)" },
      { keys: ["r"], action: "Open the replay (after the end)" },
    ],
  },
];
