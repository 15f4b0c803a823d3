"use client";
/**
 * The run page's actions (SPEC §8, §9): Cancel while the run plays; "Retry failed episodes" when episodes
 * ended in an error; Delete (after a confirm dialog, then back to the runs list). Each goes through the
 * runs API with the page's token; a refusal is shown as the server's sentence.
 */
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { cancelRunRequest, deleteRunRequest, retryRunRequest, type RunActionResponse } from "@/lib/api/runs-client";
import { isActive, type ProgressStatus } from "@/lib/jobs/progress";
import { plural } from "@/components/ui/format";

export function RunActions(props: {
  readonly runId: string;
  readonly status: ProgressStatus;
  /** Episodes that ended in an infrastructure error. */
  readonly failed: number;
  readonly runsHref: string;
}) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState<null | "cancel" | "retry" | "delete">(null);
  const [problem, setProblem] = useState<string | null>(null);
  const active = isActive(props.status);

  const act = async (kind: "cancel" | "retry" | "delete", call: () => Promise<RunActionResponse>) => {
    setBusy(kind);
    setProblem(null);
    const res = await call();
    if (!res.ok) {
      setProblem(res.message);
      setBusy(null);
      return false;
    }
    if (kind === "delete") {
      router.push(props.runsHref);
      return true; // keep the buttons disabled while the list loads
    }
    setBusy(null);
    router.refresh();
    return true;
  };

  return (
    <div className="run-actions" data-testid="run-actions">
      {active && (
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void act("cancel", () => cancelRunRequest(props.runId))}
          data-testid="run-cancel"
        >
          {busy === "cancel" ? "Cancelling…" : "Cancel run"}
        </button>
      )}
      {!active && props.failed > 0 && (
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void act("retry", () => retryRunRequest(props.runId))}
          title={`Play the ${plural(props.failed, "errored episode")} again with the run's recorded settings; finished episodes are kept`}
          data-testid="run-retry"
        >
          {busy === "retry" ? "Retrying…" : "Retry failed episodes"}
        </button>
      )}
      {!active && (
        <button
          type="button"
          className="button button--danger"
          disabled={busy !== null}
          onClick={() => dialog.current?.showModal()}
          data-testid="run-delete"
        >
          Delete…
        </button>
      )}
      {problem && (
        <p className="run-actions__problem" role="alert" data-testid="run-action-error">
          {problem}
        </p>
      )}
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-run-title" data-testid="delete-dialog">
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void act("delete", () => deleteRunRequest(props.runId)).then((ok) => {
              if (!ok) dialog.current?.close();
            });
          }}
        >
          <h2 id="delete-run-title" className="card-title">
            Delete run {props.runId}?
          </h2>
          <p>
            Its episodes, scores, reviews and pair verdicts are removed for good; it disappears from the leaderboard,
            comparisons and exports. There is no undo.
          </p>
          <div className="confirm-dialog__buttons">
            <button
              type="button"
              className="button"
              onClick={() => dialog.current?.close()}
              disabled={busy === "delete"}
              data-testid="delete-keep"
            >
              Keep it
            </button>
            <button
              type="submit"
              className="button button--primary button--destructive"
              disabled={busy === "delete"}
              data-testid="delete-confirm"
            >
              {busy === "delete" ? "Deleting…" : "Delete run"}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
