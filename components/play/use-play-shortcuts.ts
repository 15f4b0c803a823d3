"use client";
/**
 * The play page's keys (listed in ./shortcuts.ts). Ignored while typing in a field, on a focused button
 * or link for Enter/Space, and with Ctrl/Alt/Meta held. Tool keys do nothing on the final turn except
 * submit, as the engine would refuse them.
 */
import { useEffect } from "react";
import { getTool } from "@/core/tools";
import { knowledgeOf, partKey } from "@/lib/play/derive";
import { useSceneStoreApi } from "@/lib/store/scene-store-context";
import { usePlayStoreApi } from "./play-context";
import { usePlayActions } from "./use-play-actions";

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function onControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ["BUTTON", "A", "SUMMARY"].includes(target.tagName);
}

const key = (tool: string) => getTool(tool)!.hotkey;

export function usePlayShortcuts(
  entityIds: readonly string[],
  after: { readonly playAgain: () => void; readonly replay: () => void },
): void {
  const play = usePlayStoreApi();
  const scene = useSceneStoreApi();
  const actions = usePlayActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      const p = play.getState();
      const s = scene.getState();
      const doc = p.doc;
      if (!doc) return;
      if (e.key === "?") {
        p.toggleSheet();
      } else if (e.key === "Escape" && (p.sheet || p.form)) {
        if (p.sheet) p.toggleSheet(false);
        else p.openForm(null);
      } else if (doc.budget.ended) {
        if (e.key === "n") after.playAgain();
        else if (e.key === "r") after.replay();
        else return;
      } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        const at = entityIds.indexOf(s.selectedEntityId ?? "");
        const step = e.key === "ArrowRight" ? 1 : -1;
        const next = at < 0 ? (step > 0 ? 0 : entityIds.length - 1) : (at + step + entityIds.length) % entityIds.length;
        s.selectEntity(entityIds[next] ?? null);
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        const seen = s.selectedEntityId ? knowledgeOf(doc.steps).entities.get(s.selectedEntityId) : undefined;
        if (!seen || seen.parts.length === 0) return;
        const ids = seen.parts.map((x) => x.id);
        const at = ids.indexOf(s.selectedPartId ?? "");
        const step = e.key === "ArrowDown" ? 1 : -1;
        const next = at < 0 ? (step > 0 ? 0 : ids.length - 1) : (at + step + ids.length) % ids.length;
        s.selectPart(ids[next] ?? null);
      } else if (p.busy) {
        return;
      } else if (e.key === key("submit_answer")) {
        p.openForm("submit");
      } else if (doc.budget.finalTurn) {
        return;
      } else if (e.key === "Enter") {
        if (onControl(e.target) || !s.selectedEntityId) return;
        const known = knowledgeOf(doc.steps);
        if (s.selectedPartId) {
          if (!known.parts.has(partKey(s.selectedEntityId, s.selectedPartId)))
            void actions.inspectPart(s.selectedEntityId, s.selectedPartId);
        } else if (!known.entities.has(s.selectedEntityId)) void actions.inspectEntity(s.selectedEntityId);
      } else if (e.key === key("inspect_entity")) {
        if (s.selectedEntityId) void actions.inspectEntity(s.selectedEntityId);
      } else if (e.key === key("inspect_part")) {
        if (s.selectedEntityId && s.selectedPartId) void actions.inspectPart(s.selectedEntityId, s.selectedPartId);
      } else if (e.key === key("assess_part")) {
        p.openForm("assess");
      } else if (e.key === key("plan_exploration")) {
        p.openForm("plan");
      } else if (e.key === key("view_scene")) {
        void actions.viewScene();
      } else return;
      e.preventDefault();
    };
    // capture: runs before the canvas's own keys (1–9, +, −, 0, Escape), which skip handled events
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [play, scene, actions, entityIds, after]);
}
