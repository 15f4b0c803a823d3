"use client";
/**
 * The play page (SPEC §3, §6 `human`): a person solves a scenario through the same tool calls a model
 * makes, over the episodes API. The episode id is kept in the URL (`?episode=`) so a reload resumes it.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSceneShortcuts } from "@/components/canvas/use-scene-shortcuts";
import { knowledgeOf } from "@/lib/play/derive";
import { createPlayStore } from "@/lib/play/play-store";
import type { PlayEpisodeDocument } from "@/lib/play/types";
import { SceneStoreProvider } from "@/lib/store/scene-store-context";
import { PlayBar, TaskCard } from "./play-bar";
import { PlayCanvas } from "./play-canvas";
import { PlayStoreProvider, usePlay, usePlayStoreApi } from "./play-context";
import { AssessForm, PlanForm, SubmitForm } from "./play-forms";
import { PlaySetup, type PlayPreview } from "./play-setup";
import { PlayView } from "./play-view";
import { ScorePanel } from "./score-panel";
import { ShortcutSheet } from "./shortcut-sheet";
import { StepLog } from "./step-log";
import { usePlayShortcuts } from "./use-play-shortcuts";

export function PlayApp({ scenarioId, preview }: { scenarioId: string; preview: PlayPreview }) {
  const [store] = useState(() => createPlayStore(scenarioId));
  return (
    <PlayStoreProvider store={store}>
      <PlayRoot preview={preview} />
    </PlayStoreProvider>
  );
}

function setEpisodeParam(id: string | null) {
  const url = new URL(window.location.href);
  if ((url.searchParams.get("episode") ?? null) === id) return;
  if (id) url.searchParams.set("episode", id);
  else url.searchParams.delete("episode");
  window.history.replaceState(window.history.state, "", url);
}

function PlayRoot({ preview }: { preview: PlayPreview }) {
  const play = usePlayStoreApi();
  const phase = usePlay((s) => s.phase);
  const doc = usePlay((s) => s.doc);

  useEffect(() => {
    const id = new URL(window.location.href).searchParams.get("episode");
    if (id) void play.getState().resume(id);
  }, [play]);

  if (phase === "setup") return <PlaySetup preview={preview} onStarted={setEpisodeParam} />;
  if (!doc || phase === "loading") {
    return (
      <div className="card play-loading" aria-busy="true" data-testid="play-loading">
        Loading the episode…
      </div>
    );
  }
  return (
    <SceneStoreProvider key={doc.episode.id} scene={{ width: doc.brief.scene.width, height: doc.brief.scene.height }}>
      <PlayBoard doc={doc} />
    </SceneStoreProvider>
  );
}

function PlayBoard({ doc }: { doc: PlayEpisodeDocument }) {
  const play = usePlayStoreApi();
  const router = useRouter();
  const form = usePlay((s) => s.form);
  const sheet = usePlay((s) => s.sheet);
  const error = usePlay((s) => s.error);
  const last = usePlay((s) => s.lastObservation);
  const knowledge = useMemo(() => knowledgeOf(doc.steps), [doc.steps]);
  const entityIds = useMemo(() => doc.brief.entities.map((e) => e.id), [doc.brief]);
  const seenEntityIds = useMemo(() => [...knowledge.entities.keys()], [knowledge]);
  const ended = doc.budget.ended;

  const playAgain = useCallback(async () => {
    const s = play.getState();
    const id = await s.start({ maxTurns: doc.budget.maxTurns, observation: doc.brief.observationMode });
    if (id) setEpisodeParam(id);
  }, [play, doc]);
  const after = useMemo(
    () => ({ playAgain: () => void playAgain(), replay: () => router.push(doc.urls.replay) }),
    [playAgain, router, doc.urls.replay],
  );
  usePlayShortcuts(entityIds, after);
  useSceneShortcuts(entityIds);

  return (
    <div
      className="play-board"
      data-testid="play-board"
      data-episode-id={doc.episode.id}
      data-run-id={doc.episode.runId}
      data-phase={ended ? "ended" : "playing"}
    >
      <TaskCard brief={doc.brief} />
      {ended && <ScorePanel doc={doc} onPlayAgain={() => void playAgain()} />}
      <div className="play-grid">
        <div className="play-grid__log">
          <StepLog steps={doc.steps} maxTurns={doc.budget.maxTurns} />
        </div>
        <div className="play-grid__main">
          <PlayCanvas brief={doc.brief} seenEntityIds={seenEntityIds} />
        </div>
        <aside className="play-grid__side">
          <PlayBar budget={doc.budget} />
          {error && (
            <div className="play-error" role="alert" data-testid="play-error">
              <span>{error}</span>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => play.getState().dismissError()}
              >
                Dismiss
              </button>
            </div>
          )}
          {!ended && last?.invalid && (
            <p className="play-invalid" role="status" data-testid="last-invalid">
              That call was not accepted and used the turn — {last.text.replace(/^Error:\s*/, "")}
            </p>
          )}
          {!ended && form === "assess" && <AssessForm brief={doc.brief} knowledge={knowledge} />}
          {!ended && form === "submit" && <SubmitForm brief={doc.brief} knowledge={knowledge} />}
          {!ended && form === "plan" && <PlanForm brief={doc.brief} knowledge={knowledge} />}
          <PlayView brief={doc.brief} knowledge={knowledge} locked={doc.budget.finalTurn || ended} ended={ended} />
        </aside>
      </div>
      {sheet && <ShortcutSheet />}
    </div>
  );
}
