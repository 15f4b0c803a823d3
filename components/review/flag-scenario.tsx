"use client";
/**
 * "Flag this scenario": report that its gold looks wrong or ambiguous (or anything else), with a note.
 * Used on the episode replay (the flag records the episode) and on the flags page. Shortcut: f opens it.
 */
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { ApiError } from "@/lib/client/identity";
import { reviewApi, type FlagReason, type ScenarioFlagRecord } from "@/lib/review/client";
import { IdentityGate } from "@/components/annotator/identity-form";

export const FLAG_REASON_LABELS: Record<FlagReason, { label: string; help: string }> = {
  wrong_gold: { label: "Gold is wrong", help: "the gold entity/part does not do the job, or a better one is not gold" },
  ambiguous_gold: { label: "Gold is ambiguous", help: "several answers are equally right, or the task is unclear" },
  other: { label: "Something else", help: "annotations, attributes, images, wording…" },
};

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export interface FlagScenarioProps {
  readonly scenarioId: string;
  readonly scenarioVersion?: number;
  readonly episodeId?: string | null;
  /** Listen for the `f` shortcut (only one per page). */
  readonly shortcut?: boolean;
  readonly onFiled?: (flag: ScenarioFlagRecord) => void;
}

export function FlagScenarioButton(props: FlagScenarioProps) {
  const [open, setOpen] = useState(false);
  const [filed, setFiled] = useState<ScenarioFlagRecord | null>(null);
  useEffect(() => {
    if (!props.shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      if (e.key !== "f") return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [props.shortcut]);

  return (
    <div className="flag-scenario">
      <button
        type="button"
        className="button button--small"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        data-testid="flag-scenario-button"
        title={`Flag the scenario's gold as wrong or ambiguous${props.shortcut ? " (f)" : ""}`}
      >
        ⚑ Flag scenario{props.shortcut && <kbd>f</kbd>}
      </button>
      {filed && !open && (
        <p className="flag-scenario__done" role="status" data-testid="flag-filed">
          Flag #{filed.id} filed. <Link href="/review/flags">See all flags</Link>
        </p>
      )}
      {open && (
        <div className="flag-scenario__panel card">
          <IdentityGate purpose="Name yourself to flag a scenario; your name is stored with the flag.">
            <FlagForm
              {...props}
              onCancel={() => setOpen(false)}
              onFiled={(flag) => {
                setFiled(flag);
                setOpen(false);
                props.onFiled?.(flag);
              }}
            />
          </IdentityGate>
        </div>
      )}
    </div>
  );
}

export function FlagForm(
  props: FlagScenarioProps & { onCancel?: () => void; onFiled: (flag: ScenarioFlagRecord) => void },
) {
  const [reason, setReason] = useState<FlagReason>("wrong_gold");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  return (
    <form
      className="flag-form"
      data-testid="flag-form"
      aria-label={`Flag scenario ${props.scenarioId}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const flag = await reviewApi.fileFlag({
            scenarioId: props.scenarioId,
            reason,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(props.episodeId ? { episodeId: props.episodeId } : {}),
          });
          setNote("");
          props.onFiled(flag);
        } catch (err) {
          setError(err instanceof ApiError ? err.message : "The flag could not be filed.");
        } finally {
          setBusy(false);
        }
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && props.onCancel) {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p className="flag-form__lead">
        Flag <code>{props.scenarioId}</code>
        {props.scenarioVersion !== undefined && <> v{props.scenarioVersion}</>} for a maintainer.
      </p>
      <fieldset className="flag-form__reasons">
        <legend className="section-label">What is wrong</legend>
        {(Object.keys(FLAG_REASON_LABELS) as FlagReason[]).map((r, i) => (
          <label key={r} className="flag-form__reason">
            <input
              type="radio"
              name="reason"
              value={r}
              checked={reason === r}
              onChange={() => setReason(r)}
              autoFocus={i === 0}
              data-testid={`flag-reason-${r}`}
            />
            <span>
              <strong>{FLAG_REASON_LABELS[r].label}</strong>
              <span className="muted"> — {FLAG_REASON_LABELS[r].help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={noteId} className="section-label">
        Note
      </label>
      <textarea
        id={noteId}
        className="input flag-form__note"
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="What should the gold be, and why?"
        data-testid="flag-note"
      />
      {error && (
        <p className="flag-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="flag-form__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="flag-submit">
          File flag
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
