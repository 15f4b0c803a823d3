"use client";
/**
 * An episode replay: the scene canvas beside the step list, kept in sync. Stepping (buttons, ←/→,
 * Home/End, or a click on a step) highlights on the canvas what the current step is about and outlines
 * what was explored so far. The current step is mirrored in the URL (`?step=N`, 1-based) so a position
 * can be shared, and exposed read-only to end-to-end tests.
 */
import { useParams } from "next/navigation";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { TraceStep } from "@/core/engine";
import type { Region, Scenario } from "@/core/scenario";
import type { ClaimRecord } from "@/core/scoring";
import type { ReplayFrame } from "@/core/trace";
import { createReplayStore } from "@/lib/store/replay-store";
import { SceneStoreProvider, useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";
import { installReplayTestHook } from "@/lib/store/test-hook";
import type { CanvasEntity } from "@/components/canvas/canvas-entity";
import { CanvasToolbar } from "@/components/canvas/canvas-toolbar";
import { SceneCanvas } from "@/components/canvas/scene-canvas";
import { useSceneShortcuts } from "@/components/canvas/use-scene-shortcuts";
import { answerRoles } from "@/components/panels/answer-roles";
import { FlagScenarioButton } from "@/components/review/flag-scenario";
import { ClaimLegend } from "./claim-chip";
import { ClaimReviewProvider } from "./claim-review";
import { StepList, type ReplayImageUrls } from "./step-list";

export interface EpisodeReplayProps {
  /** The scenario as the episode saw it. */
  readonly scenario: Scenario;
  /** Image URLs of the scenario as served now; null when it is no longer in the store. */
  readonly urls: ReplayImageUrls | null;
  readonly steps: readonly TraceStep[];
  readonly frames: readonly ReplayFrame[];
  readonly claims: readonly ClaimRecord[];
  /** 0-based step to open first. */
  readonly initialStep: number;
  /** Shown under the canvas (the final answer and the episode's metrics). */
  readonly children?: ReactNode;
}

export function EpisodeReplay(props: EpisodeReplayProps) {
  const episodeId = useEpisodeIdParam();
  return (
    <SceneStoreProvider scene={{ width: props.scenario.scene.width, height: props.scenario.scene.height }}>
      <ClaimReviewProvider episodeId={episodeId}>
        <Replay {...props} episodeId={episodeId} />
      </ClaimReviewProvider>
    </SceneStoreProvider>
  );
}

/** The episode id from the route (`/runs/[id]/episodes/[episodeId]`), decoded; null elsewhere. */
function useEpisodeIdParam(): string | null {
  const params = useParams<{ episodeId?: string }>();
  const raw = params?.episodeId;
  if (typeof raw !== "string") return null;
  try {
    return raw.includes("%") ? decodeURIComponent(raw) : raw;
  } catch {
    return raw;
  }
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function Replay({
  scenario,
  urls,
  steps,
  frames,
  claims,
  initialStep,
  children,
  episodeId,
}: EpisodeReplayProps & { episodeId: string | null }) {
  const [store] = useState(() => createReplayStore(steps.length, initialStep));
  const index = useStore(store, (s) => s.index);
  const frame = index >= 0 ? frames[index] : undefined;
  const sceneApi = useSceneStoreApi();
  const showAnswers = useSceneStore((s) => s.showAnswers);

  const roles = useMemo(() => answerRoles(scenario), [scenario]);
  const entityIds = useMemo(() => scenario.entities.map((e) => e.id), [scenario]);
  const canvasEntities = useMemo<CanvasEntity[]>(
    () =>
      scenario.entities.map((e, i) => ({
        id: e.id,
        name: e.name,
        number: i + 1,
        region: e.region,
        answer: roles.entities.get(e.id) ?? null,
      })),
    [scenario, roles],
  );
  const claimsByStep = useMemo(() => {
    const map = new Map<number, ClaimRecord[]>();
    for (const c of claims) map.set(c.stepIndex, [...(map.get(c.stepIndex) ?? []), c]);
    return map;
  }, [claims]);

  const focusEntityIds = useMemo(() => {
    if (!frame) return [];
    if (frame.focusEntityId) return [frame.focusEntityId];
    return frame.plannedEntityIds;
  }, [frame]);
  const focusPartRegion = useMemo<Region | null>(() => {
    if (!frame?.focusEntityId || !frame.focusPartId) return null;
    const entity = scenario.entities.find((e) => e.id === frame.focusEntityId);
    // a part's region is in scene pixels only when its entity has no separate view image
    if (!entity || entity.view) return null;
    return entity.parts.find((p) => p.id === frame.focusPartId)?.region ?? null;
  }, [frame, scenario]);

  useSceneShortcuts(entityIds);

  // ←/→ step, Home/End jump (the canvas keeps + − 0 1–9 Escape)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      const s = store.getState();
      if (e.key === "ArrowRight") s.step(1);
      else if (e.key === "ArrowLeft") s.step(-1);
      else if (e.key === "Home") s.first();
      else if (e.key === "End") s.last();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  // mirror the position in the URL without a navigation
  useEffect(() => {
    if (index < 0) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get("step") === String(index + 1)) return;
    url.searchParams.set("step", String(index + 1));
    window.history.replaceState(window.history.state, "", url);
  }, [index]);

  useEffect(
    () =>
      installReplayTestHook(() => {
        const s = store.getState();
        const f = s.index >= 0 ? frames[s.index] : undefined;
        return {
          stepIndex: s.index,
          stepCount: s.count,
          tool: f?.tool ?? "",
          highlightedEntityId: f?.focusEntityId ?? null,
          highlightedPartId: f?.focusPartId ?? null,
          visitedEntityIds: [...(f?.visitedEntityIds ?? [])],
        };
      }),
    [store, frames],
  );

  const s = store.getState();
  return (
    <div className="replay" data-testid="replay" data-step-index={index} data-step-count={steps.length}>
      <div className="replay__main">
        <section className="card canvas-card" aria-label="Scene">
          <CanvasToolbar hint={<StepHint />}>
            <div className="button-group" role="group" aria-label="Step">
              <button
                type="button"
                className="button"
                onClick={() => s.step(-1)}
                disabled={index <= 0}
                data-testid="step-prev"
                title="Previous step (←)"
              >
                ← Prev
              </button>
              <span className="button button--static" data-testid="step-position" aria-live="polite">
                Step {index + 1} / {steps.length}
              </span>
              <button
                type="button"
                className="button"
                onClick={() => s.step(1)}
                disabled={index >= steps.length - 1}
                data-testid="step-next"
                title="Next step (→)"
              >
                Next →
              </button>
            </div>
          </CanvasToolbar>
          {urls ? (
            <SceneCanvas
              sceneUrl={urls.scene}
              entities={canvasEntities}
              focusEntityIds={focusEntityIds}
              visitedEntityIds={frame?.visitedEntityIds ?? []}
              focusPartRegion={focusPartRegion}
            />
          ) : (
            <div className="scene-canvas scene-canvas--missing">
              <p className="muted">This scenario is no longer in the scenario folder, so its images cannot be shown.</p>
            </div>
          )}
          <div className="canvas-legend">
            <span className="canvas-legend__item">
              <span className="legend-line legend-line--focus" /> this step
            </span>
            <span className="canvas-legend__item">
              <span className="legend-line legend-line--visited" /> explored so far (
              {frame?.visitedEntityIds.length ?? 0})
            </span>
            <label className="canvas-legend__toggle">
              <input
                type="checkbox"
                checked={showAnswers}
                onChange={(e) => sceneApi.getState().setShowAnswers(e.target.checked)}
                data-testid="show-gold"
              />
              Show gold and similar
            </label>
          </div>
        </section>
        {children}
      </div>
      <aside className="replay__side card" aria-label="Steps">
        <div className="replay__side-head">
          <h2 className="card-title">
            Steps <span className="card-title__count">{steps.length}</span>
          </h2>
          <ClaimLegend />
        </div>
        {episodeId && (
          <div className="replay__review" data-testid="replay-review">
            <p className="replay__review-hint muted">
              Review: <kbd>j</kbd> <kbd>k</kbd> move between claims · <kbd>g</kbd> grounded · <kbd>h</kbd> hallucinated
            </p>
            <FlagScenarioButton
              scenarioId={scenario.id}
              scenarioVersion={scenario.version}
              episodeId={episodeId}
              shortcut
            />
          </div>
        )}
        <div className="replay__steps">
          {steps.length ? (
            <StepList
              scenario={scenario}
              steps={steps}
              frames={frames}
              claims={claimsByStep}
              urls={urls}
              current={index}
              onSelect={(i) => store.getState().go(i)}
            />
          ) : (
            <p className="muted">This episode has no steps.</p>
          )}
        </div>
      </aside>
    </div>
  );
}

function StepHint() {
  return (
    <>
      <kbd>←</kbd> <kbd>→</kbd> step · scroll to zoom · drag to pan · <kbd>0</kbd> fit
    </>
  );
}
