"use client";
/**
 * Blind pairwise review: two episodes on the same scenario side by side, solvers hidden and their
 * self-identifying text masked, and nothing of the scorer's — no claim colours or verdicts — so the
 * reviewer judges for themselves. A verdict is saved at once and can be changed (pick another) until
 * the reviewer moves on with Next; the server keeps the latest. Keys: 1 / ← left, 2 / → right, 3 / t tie,
 * 4 / b both bad, n / Enter next pair, s skip.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { PairVerdictLabel } from "@/core/review/pairs";
import { ApiError } from "@/lib/client/identity";
import { reviewApi } from "@/lib/review/client";
import type { AgreementView, PairClaimView, PairSideView, PairView } from "@/lib/review/types";
import { humanize } from "@/components/ui/format";
import { AgreementPanel } from "./agreement-panel";

const VERDICTS: { verdict: PairVerdictLabel; label: string; keys: string[]; hint: string }[] = [
  { verdict: "left", label: "Left is better", keys: ["1", "ArrowLeft"], hint: "1 / ←" },
  { verdict: "right", label: "Right is better", keys: ["2", "ArrowRight"], hint: "2 / →" },
  { verdict: "tie", label: "Tie", keys: ["3", "t"], hint: "3 / t" },
  { verdict: "both_bad", label: "Both bad", keys: ["4", "b"], hint: "4 / b" },
];

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

type State =
  { kind: "loading" } | { kind: "pair"; pair: PairView } | { kind: "empty" } | { kind: "error"; message: string };

export function PairReview({ initialAgreement }: { initialAgreement: AgreementView }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);
  const [judged, setJudged] = useState(0);
  /** The verdict saved on the pair on screen (changeable until Next). */
  const [chosen, setChosen] = useState<PairVerdictLabel | null>(null);
  const [agreement, setAgreement] = useState(initialAgreement);
  const skipped = useRef<string[]>([]);

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    setChosen(null);
    try {
      const pair = await reviewApi.nextPair(skipped.current);
      setState(pair ? { kind: "pair", pair } : { kind: "empty" });
    } catch (e) {
      setState({ kind: "error", message: e instanceof ApiError ? e.message : "The next pair could not be loaded." });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const judge = useCallback(
    async (verdict: PairVerdictLabel) => {
      if (state.kind !== "pair" || busy || verdict === chosen) return;
      setBusy(true);
      try {
        // the server keeps one verdict per reviewer and pair: a second click replaces the first
        await reviewApi.judgePair(state.pair.key, verdict);
        if (chosen === null) setJudged((n) => n + 1);
        setChosen(verdict);
        setLast(
          `${chosen === null ? "Saved" : "Changed to"}: ${VERDICTS.find((v) => v.verdict === verdict)!.label.toLowerCase()}. Pick another to change it, or go on with Next.`,
        );
        void reviewApi
          .agreement()
          .then(setAgreement)
          .catch(() => undefined);
      } catch (e) {
        setLast(e instanceof ApiError ? e.message : "The verdict could not be saved.");
      } finally {
        setBusy(false);
      }
    },
    [state, busy, chosen],
  );

  const next = useCallback(() => {
    if (state.kind !== "pair" || busy || chosen === null) return;
    setLast(null);
    void load();
  }, [state, busy, chosen, load]);

  const skip = useCallback(() => {
    if (state.kind !== "pair") return;
    skipped.current = [...skipped.current, state.pair.key];
    setLast("Skipped; it comes back next session.");
    void load();
  }, [state, load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      const v = VERDICTS.find((x) => x.keys.includes(e.key));
      if (v) void judge(v.verdict);
      else if (e.key === "n" || e.key === "Enter") {
        if (chosen === null) return;
        next();
      } else if (e.key === "s" && chosen === null) skip();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [judge, skip, next, chosen]);

  return (
    <div className="pair-review" data-testid="pair-review" data-state={state.kind}>
      <div className="pair-review__status" role="status" aria-live="polite">
        {state.kind === "pair" && (
          <span data-testid="pair-remaining">
            {state.pair.remaining} pair{state.pair.remaining === 1 ? "" : "s"} waiting for you
            {state.pair.judgedByOthers > 0 &&
              ` · judged by ${state.pair.judgedByOthers} other reviewer${state.pair.judgedByOthers === 1 ? "" : "s"}`}
          </span>
        )}
        {judged > 0 && <span> · {judged} judged this session</span>}
        {last && (
          <span className="pair-review__last" data-testid="pair-last">
            {" "}
            · {last}
          </span>
        )}
      </div>
      {state.kind === "loading" && <p className="muted">Loading the next pair…</p>}
      {state.kind === "error" && (
        <p className="notice notice--warn" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "empty" && (
        <div className="empty-state empty-state--inline" data-testid="pairs-empty">
          <h2>No pairs left for you</h2>
          <p>
            Pairs are two finished episodes on the same scenario from different runs. Run another solver on the same
            scenarios to get more, or come back when other reviewers have judged pairs you can compare with.
          </p>
        </div>
      )}
      {state.kind === "pair" && <PairBody pair={state.pair} />}
      {state.kind === "pair" && (
        <div className="verdict-bar" role="group" aria-label="Your verdict">
          {VERDICTS.map((v) => (
            <button
              key={v.verdict}
              type="button"
              className={`button verdict-bar__button${chosen === v.verdict ? " verdict-bar__button--chosen" : ""}`}
              disabled={busy}
              aria-pressed={chosen === v.verdict}
              onClick={() => void judge(v.verdict)}
              data-testid={`verdict-${v.verdict}`}
            >
              {v.label} <kbd>{v.hint}</kbd>
            </button>
          ))}
          {chosen === null ? (
            <button
              type="button"
              className="button button--ghost"
              onClick={skip}
              disabled={busy}
              data-testid="pair-skip"
            >
              Skip <kbd>s</kbd>
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary verdict-bar__next"
              onClick={next}
              disabled={busy}
              data-testid="pair-next"
            >
              Next pair <kbd>n</kbd>
            </button>
          )}
        </div>
      )}
      <AgreementPanel agreement={agreement} />
    </div>
  );
}

function PairBody({ pair }: { pair: PairView }) {
  const s = pair.scenario;
  return (
    <>
      <section className="card pair-scenario" aria-label="Scenario">
        {s.sceneUrl && (
          <img
            className="pair-scenario__scene"
            src={s.sceneUrl}
            alt={`Scene of ${s.title}`}
            width={s.width}
            height={s.height}
          />
        )}
        <div className="pair-scenario__text">
          <h2 className="card-title" data-testid="pair-scenario-title">
            {s.title}
          </h2>
          <p className="task-text">{s.task}</p>
          {s.constraints.length > 0 && (
            <ul className="plain-list pair-scenario__constraints">
              {s.constraints.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
          <p className="muted pair-scenario__blind">
            Solver names are hidden and self-identifying text is shown as <code>[masked]</code>; the scorer&apos;s
            verdicts are not shown. Judge which episode explored and answered better: right part, claims that match what
            it saw, sensible use. You can change your verdict until you go on to the next pair.
          </p>
        </div>
      </section>
      <div className="pair-sides">
        <Side side="left" title="Left" view={pair.left} />
        <Side side="right" title="Right" view={pair.right} />
      </div>
    </>
  );
}

function Claims({ claims }: { claims: readonly PairClaimView[] }) {
  if (claims.length === 0) return null;
  return (
    <div className="claims">
      {claims.map((c, i) => (
        <span key={i} className="claim claim--blind" data-testid="pair-claim">
          <span className="claim__key">{humanize(c.name)}</span>
          <span className="claim__value">{c.value}</span>
        </span>
      ))}
    </div>
  );
}

function Side({ side, title, view }: { side: "left" | "right"; title: string; view: PairSideView }) {
  const a = view.answer;
  return (
    <section
      className={`card pair-side pair-side--${side}`}
      aria-label={`${title} episode`}
      data-testid={`pair-${side}`}
    >
      <header className="pair-side__head">
        <h2 className="card-title">
          {title} <kbd>{side === "left" ? "1 / ←" : "2 / →"}</kbd>
        </h2>
        <span className="muted">
          {view.turns} turn{view.turns === 1 ? "" : "s"} · {view.steps.length} step{view.steps.length === 1 ? "" : "s"}{" "}
          · ended: {view.endReason}
        </span>
      </header>
      <div className="pair-side__answer">
        <span className="section-label">Answer</span>
        {a ? (
          <>
            <p className="pair-side__target">
              <span>
                {a.entity} · {a.part}
              </span>
              <span className="answer-card__affordance"> — {a.affordance}</span>
            </p>
            <p className="pair-side__howto">{a.howTo}</p>
            <Claims claims={a.claims} />
          </>
        ) : (
          <p className="muted">No answer.</p>
        )}
      </div>
      <p className="pair-side__counts muted">
        {view.claimCount > 0
          ? `${view.claimCount} attribute claim${view.claimCount === 1 ? "" : "s"}`
          : "No attribute claims."}
      </p>
      <ol className="pair-steps">
        {view.steps.map((step, i) => (
          <li key={i} className={`pair-step${step.valid ? "" : " pair-step--invalid"}`} data-testid="pair-step">
            <div className="pair-step__head">
              <span className="step__index">{i + 1}</span>
              <span className={`step__tool tool--${step.tool || "none"}`}>{step.label}</span>
              <span className="pair-step__target">{step.target}</span>
              <span className="muted pair-step__turn">turn {step.turn}</span>
            </div>
            {step.said && <blockquote className="step__said">{step.said}</blockquote>}
            {step.judgment && (
              <p className="step__verdict">
                Judged <strong>{step.judgment.suitable ? "suitable" : "not suitable"}</strong>
                {step.judgment.rationale && <> — {step.judgment.rationale}</>}
              </p>
            )}
            {step.error && <p className="step__error">{step.error}</p>}
            <Claims claims={step.claims} />
          </li>
        ))}
      </ol>
    </section>
  );
}
