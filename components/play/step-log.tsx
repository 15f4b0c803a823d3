"use client";
/** Every step so far, newest last: turn, what was called (the registry's step-log line), and what came back. */
import { useEffect, useRef } from "react";
import type { PlayStep } from "@/lib/play/types";

export function StepLog({ steps, maxTurns }: { steps: readonly PlayStep[]; maxTurns: number }) {
  const end = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = end.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [steps.length]);
  return (
    <section className="card side-card play-log" aria-labelledby="play-log-title" data-testid="step-log">
      <h2 className="card-title" id="play-log-title">
        Step log <span className="card-title__count">{steps.length}</span>
      </h2>
      {steps.length === 0 ? (
        <p className="muted">Nothing yet. Each action you take is a tool call and appears here.</p>
      ) : (
        <ol className="play-log__list" ref={end}>
          {steps.map((s) => (
            <li
              key={s.index}
              className={`play-log__step${s.valid ? "" : " play-log__step--invalid"}`}
              data-testid="log-step"
              data-tool={s.tool}
              data-valid={s.valid ? "true" : "false"}
            >
              <span className="play-log__turn" title={`Turn ${s.turn} of ${maxTurns}`}>
                T{s.turn}
              </span>
              <span className="play-log__body">
                <span className="play-log__summary">{s.summary}</span>
                {!s.valid && s.error && <span className="play-log__error">{s.error}</span>}
                {s.valid && s.observation?.text && <span className="play-log__obs">{s.observation.text}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
