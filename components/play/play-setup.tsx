"use client";
/** Before an episode: the brief, the turn budget and observation mode, and Start (Enter). */
import { useId, useState, type FormEvent } from "react";
import { usePlay, usePlayStoreApi } from "./play-context";

export interface PlayPreview {
  readonly title: string;
  readonly task: string;
  readonly constraints: readonly string[];
  readonly entityCount: number;
}

export function PlaySetup({ preview, onStarted }: { preview: PlayPreview; onStarted: (id: string) => void }) {
  const play = usePlayStoreApi();
  const busy = usePlay((s) => s.busy);
  const error = usePlay((s) => s.error);
  const [maxTurns, setMaxTurns] = useState(15);
  const [observation, setObservation] = useState<"image" | "hybrid" | "text">("image");
  const id = useId();
  const start = async (e: FormEvent) => {
    e.preventDefault();
    const episodeId = await play.getState().start({ maxTurns, observation });
    if (episodeId) onStarted(episodeId);
  };
  return (
    <form className="card play-setup" onSubmit={start} data-testid="play-setup" aria-labelledby="play-setup-title">
      <h2 className="card-title" id="play-setup-title">
        Solve it yourself
      </h2>
      <p className="task-text">{preview.task}</p>
      {preview.constraints.length > 0 && (
        <ul className="play-bar__constraints">
          {preview.constraints.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        Explore the scene like a model would: inspect the {preview.entityCount} candidate entities, zoom into their
        parts, assess what you see, then answer with one part. Every action is one tool call and uses a turn; the last
        turn only accepts an answer. Your episode is scored like any model&apos;s and joins the human baseline.
      </p>
      <div className="play-form__row">
        <div className="play-form__field">
          <label className="play-form__label" htmlFor={`${id}-t`}>
            Turn budget
          </label>
          <input
            id={`${id}-t`}
            type="number"
            min={1}
            max={100}
            value={maxTurns}
            onChange={(e) => setMaxTurns(Math.max(1, Math.min(100, Math.round(Number(e.target.value) || 15))))}
            data-testid="setup-max-turns"
          />
        </div>
        <div className="play-form__field">
          <label className="play-form__label" htmlFor={`${id}-o`}>
            Observations
          </label>
          <select
            id={`${id}-o`}
            value={observation}
            onChange={(e) => setObservation(e.target.value as typeof observation)}
            data-testid="setup-observation"
          >
            <option value="image">Images only (default)</option>
            <option value="hybrid">Images and descriptions</option>
            <option value="text">Descriptions only</option>
          </select>
        </div>
      </div>
      {error && (
        <p className="play-error" role="alert" data-testid="play-error">
          {error}
        </p>
      )}
      <div className="play-form__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="start" autoFocus>
          {busy ? "Starting…" : "Start episode"} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
}
