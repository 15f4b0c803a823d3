"use client";
/**
 * Reviewer controls on an episode's claims (SPEC §5, §8). Inside a <ClaimReviewProvider> (the replay),
 * every claim list becomes rows a reviewer can mark grounded or hallucinated, with an optional note;
 * everyone's earlier verdicts show under the claim. Keyboard: j / k move between the claims on screen,
 * g / h mark the focused claim (then Enter saves, Escape cancels). Outside a provider the claims render
 * as plain chips.
 */
import {
  Children,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { ApiError } from "@/lib/client/identity";
import { reviewApi, type ClaimReview, type ClaimVerdict } from "@/lib/review/client";
import { IdentityGate } from "@/components/annotator/identity-form";

interface ClaimReviewState {
  readonly episodeId: string;
  readonly reviews: readonly ClaimReview[];
  readonly loadError: string | null;
  /** The claim whose note form is open, as `step:claim`, and the verdict chosen. */
  readonly editing: { readonly key: string; readonly verdict: ClaimVerdict } | null;
  readonly startEdit: (key: string, verdict: ClaimVerdict) => void;
  readonly cancelEdit: () => void;
  readonly save: (stepIndex: number, claimIndex: number, verdict: ClaimVerdict, note: string) => Promise<void>;
}

const Ctx = createContext<ClaimReviewState | null>(null);

const claimKey = (stepIndex: number, claimIndex: number) => `${stepIndex}:${claimIndex}`;
const ROW_SELECTOR = "[data-review-claim]";

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Loads and holds the episode's claim reviews, and handles j / k / g / h. */
export function ClaimReviewProvider({ episodeId, children }: { episodeId: string | null; children: ReactNode }) {
  const [reviews, setReviews] = useState<readonly ClaimReview[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ClaimReviewState["editing"]>(null);

  useEffect(() => {
    if (!episodeId) return;
    let live = true;
    reviewApi
      .claimReviews(episodeId)
      .then((r) => live && setReviews(r))
      .catch((e: unknown) => live && setLoadError(e instanceof ApiError ? e.message : "Reviews could not be loaded."));
    return () => {
      live = false;
    };
  }, [episodeId]);

  const save = useCallback(
    async (stepIndex: number, claimIndex: number, verdict: ClaimVerdict, note: string) => {
      if (!episodeId) return;
      const review = await reviewApi.reviewClaim({
        episodeId,
        stepIndex,
        claimIndex,
        verdict,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setReviews((prev) => [...prev, review]);
      setEditing(null);
    },
    [episodeId],
  );

  useEffect(() => {
    if (!episodeId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      if (!["j", "k", "g", "h"].includes(e.key)) return;
      const rows = [...document.querySelectorAll<HTMLElement>(ROW_SELECTOR)];
      if (rows.length === 0) return;
      const active =
        document.activeElement instanceof HTMLElement ? document.activeElement.closest(ROW_SELECTOR) : null;
      const at = active ? rows.indexOf(active as HTMLElement) : -1;
      if (e.key === "j" || e.key === "k") {
        const next = at < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, at + (e.key === "j" ? 1 : -1)));
        rows[next]!.focus();
        rows[next]!.scrollIntoView({ block: "nearest" });
      } else {
        const row = (active as HTMLElement | null) ?? null;
        if (!row) return;
        setEditing({ key: row.dataset.reviewClaim!, verdict: e.key === "g" ? "grounded" : "hallucinated" });
      }
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [episodeId]);

  const value = useMemo<ClaimReviewState | null>(
    () =>
      episodeId
        ? {
            episodeId,
            reviews,
            loadError,
            editing,
            startEdit: (key, verdict) => setEditing({ key, verdict }),
            cancelEdit: () => setEditing(null),
            save,
          }
        : null,
    [episodeId, reviews, loadError, editing, save],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/**
 * The claims of one step: `children` are the rendered chips, in the same order as `stepIndexes`
 * (the step of each claim; a claim's index within its step is its position among that step's chips).
 */
export function ReviewableClaims({
  stepIndexes,
  classes,
  children,
}: {
  stepIndexes: readonly number[];
  /** Each claim's class; `unannotated` claims can be added to the scenario. */
  classes?: readonly string[];
  children: ReactNode;
}) {
  const ctx = useContext(Ctx);
  const chips = Children.toArray(children);
  if (!ctx) {
    return (
      <div className="claims" data-testid="claims">
        {chips}
      </div>
    );
  }
  const seen = new Map<number, number>();
  return (
    <ul className="review-claims" data-testid="claims">
      {chips.map((chip, i) => {
        const stepIndex = stepIndexes[i] ?? 0;
        const claimIndex = seen.get(stepIndex) ?? 0;
        seen.set(stepIndex, claimIndex + 1);
        return (
          <ReviewRow
            key={i}
            ctx={ctx}
            stepIndex={stepIndex}
            claimIndex={claimIndex}
            unannotated={classes?.[i] === "unannotated"}
          >
            {chip}
          </ReviewRow>
        );
      })}
    </ul>
  );
}

function ReviewRow(props: {
  ctx: ClaimReviewState;
  stepIndex: number;
  claimIndex: number;
  unannotated: boolean;
  children: ReactNode;
}) {
  const { ctx, stepIndex, claimIndex } = props;
  const [added, setAdded] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  async function addToScenario() {
    setAdding(true);
    try {
      const a = await reviewApi.addClaimToScenario({ episodeId: ctx.episodeId, stepIndex, claimIndex });
      setAdded(`Added ${a.attribute.name} = ${a.attribute.value} to ${a.scenarioId} as v${a.version}.`);
    } catch (e) {
      setAdded(e instanceof ApiError ? e.message : "The attribute could not be added.");
    } finally {
      setAdding(false);
    }
  }
  const key = claimKey(stepIndex, claimIndex);
  const rowRef = useRef<HTMLLIElement>(null);
  const mine = ctx.reviews.filter((r) => r.stepIndex === stepIndex && r.claimIndex === claimIndex);
  const latest = mine.at(-1);
  const editing = ctx.editing?.key === key ? ctx.editing : null;
  return (
    <li
      ref={rowRef}
      className={`review-claim${latest ? ` review-claim--${latest.verdict}` : ""}`}
      data-review-claim={key}
      data-testid="review-claim"
      data-step-index={stepIndex}
      data-claim-index={claimIndex}
      data-reviewed={latest?.verdict ?? ""}
      tabIndex={0}
      aria-label={`Claim ${claimIndex + 1} of step ${stepIndex + 1}${latest ? `, last marked ${latest.verdict}` : ""}`}
    >
      <div className="review-claim__line">
        {props.children}
        <span className="review-claim__actions">
          <button
            type="button"
            className="review-claim__mark review-claim__mark--grounded"
            onClick={() => ctx.startEdit(key, "grounded")}
            title="Mark grounded: what the solver claimed is true of this part (g)"
            data-testid="claim-mark-grounded"
          >
            ✓ grounded
          </button>
          <button
            type="button"
            className="review-claim__mark review-claim__mark--hallucinated"
            onClick={() => ctx.startEdit(key, "hallucinated")}
            title="Mark hallucinated: the claim is not true of this part (h)"
            data-testid="claim-mark-hallucinated"
          >
            ✗ hallucinated
          </button>
          {props.unannotated && !added && (
            <button
              type="button"
              className="review-claim__mark"
              onClick={() => void addToScenario()}
              disabled={adding}
              title="Not annotated for this part: add this attribute and value to the scenario (a new version)"
              data-testid="claim-add-to-scenario"
            >
              + add to scenario
            </button>
          )}
        </span>
      </div>
      {added && (
        <p className="review-claim__added" role="status" data-testid="claim-added">
          {added}
        </p>
      )}
      {mine.length > 0 && (
        <ul className="review-claim__verdicts" data-testid="claim-reviews">
          {mine.map((r) => (
            <li key={r.id} data-testid="claim-review" data-verdict={r.verdict}>
              <strong>{r.annotatorName}</strong>:{" "}
              <span className={`review-verdict review-verdict--${r.verdict}`}>{r.verdict}</span>
              {r.note && <span className="review-claim__note"> — {r.note}</span>}
              <time className="muted" dateTime={r.createdAt}>
                {" "}
                · {new Date(r.createdAt).toLocaleString()}
              </time>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <IdentityGate purpose="Name yourself to re-judge claims; your name is stored with the verdict.">
          <NoteForm
            verdict={editing.verdict}
            onCancel={() => {
              ctx.cancelEdit();
              rowRef.current?.focus();
            }}
            onSave={async (note) => {
              await ctx.save(stepIndex, claimIndex, editing.verdict, note);
              rowRef.current?.focus();
            }}
          />
        </IdentityGate>
      )}
    </li>
  );
}

function NoteForm(props: { verdict: ClaimVerdict; onSave: (note: string) => Promise<void>; onCancel: () => void }) {
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="review-note"
      data-testid="claim-review-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await props.onSave(note);
        } catch (err) {
          setError(err instanceof ApiError ? err.message : "The verdict could not be saved.");
          setBusy(false);
        }
      }}
    >
      <label className="review-note__label">
        Mark <strong className={`review-verdict review-verdict--${props.verdict}`}>{props.verdict}</strong> — note
        (optional)
        <input
          className="input"
          autoFocus
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              props.onCancel();
            }
          }}
          placeholder="why, e.g. the edge is rounded, not thin"
          data-testid="claim-review-note"
        />
      </label>
      <button
        type="submit"
        className="button button--primary button--small"
        disabled={busy}
        data-testid="claim-review-save"
      >
        Save <kbd>↵</kbd>
      </button>
      <button type="button" className="button button--small" onClick={props.onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
      {error && (
        <p className="review-note__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Whether claim controls are active (inside a provider with an episode). */
export function useClaimReviewActive(): boolean {
  return useContext(Ctx) !== null;
}
