"use client";
/**
 * The maintainers' list of scenario flags: what was reported, by whom, against which version; the runs
 * scored on the scenario (with how many scores predate its current version, linking to their re-score);
 * and resolve / reopen. A form files a new flag for any scenario.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/client/identity";
import { reviewApi, type ScenarioFlagRecord } from "@/lib/review/client";
import { IdentityGate } from "@/components/annotator/identity-form";
import { FLAG_REASON_LABELS, FlagForm } from "./flag-scenario";

export interface FlagRow extends ScenarioFlagRecord {
  readonly scenarioTitle: string | null;
  readonly currentVersion: number | null;
  readonly scenarioHref: string;
  readonly episodeHref: string | null;
  readonly runs: readonly { runId: string; runName: string; episodes: number; stale: number; rescoreHref: string }[];
}

export function FlagsBoard(props: {
  flags: readonly FlagRow[];
  status: "open" | "resolved";
  scenarios: readonly { id: string; title: string }[];
}) {
  const router = useRouter();
  const [fileOpen, setFileOpen] = useState(false);
  const [scenarioId, setScenarioId] = useState(props.scenarios[0]?.id ?? "");
  return (
    <div className="flags-board" data-testid="flags-board">
      <div className="flags-board__bar">
        <nav className="segmented" aria-label="Flag status">
          {(["open", "resolved"] as const).map((s) => (
            <Link
              key={s}
              href={`/review/flags?status=${s}`}
              className="segmented__option"
              data-checked={String(props.status === s)}
              aria-current={props.status === s ? "page" : undefined}
              data-testid={`flags-tab-${s}`}
            >
              {s === "open" ? "Open" : "Resolved"}
            </Link>
          ))}
        </nav>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setFileOpen((o) => !o)}
          aria-expanded={fileOpen}
          data-testid="new-flag-button"
        >
          Flag a scenario
        </button>
      </div>
      {fileOpen && (
        <div className="card flags-board__new">
          <IdentityGate purpose="Name yourself to flag a scenario; your name is stored with the flag.">
            <label className="field">
              <span className="field__label">Scenario</span>
              <select
                className="input"
                value={scenarioId}
                onChange={(e) => setScenarioId(e.target.value)}
                data-testid="flag-scenario-select"
              >
                {props.scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id} — {s.title}
                  </option>
                ))}
              </select>
            </label>
            {scenarioId && (
              <FlagForm
                key={scenarioId}
                scenarioId={scenarioId}
                onCancel={() => setFileOpen(false)}
                onFiled={() => {
                  setFileOpen(false);
                  router.refresh();
                }}
              />
            )}
          </IdentityGate>
        </div>
      )}
      {props.flags.length === 0 ? (
        <div className="empty-state empty-state--inline" data-testid="flags-empty">
          <h2>{props.status === "open" ? "No open flags" : "No resolved flags yet"}</h2>
          <p>
            Reviewers flag a scenario from an episode replay (<kbd>f</kbd>) or with “Flag a scenario” above when its
            gold looks wrong or ambiguous.
          </p>
        </div>
      ) : (
        <ul className="flag-list">
          {props.flags.map((f) => (
            <FlagItem key={f.id} flag={f} onChanged={() => router.refresh()} />
          ))}
        </ul>
      )}
    </div>
  );
}

function FlagItem({ flag: f, onChanged }: { flag: FlagRow; onChanged: () => void }) {
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stale = f.currentVersion !== null && f.currentVersion > f.scenarioVersion;

  async function setStatus(status: "open" | "resolved") {
    setBusy(true);
    setError(null);
    try {
      await reviewApi.setFlagStatus(f.id, status, resolution.trim() || undefined);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The flag could not be updated.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`card flag flag--${f.status}`} data-testid="flag" data-flag-id={f.id} data-status={f.status}>
      <div className="flag__head">
        <span className={`flag__reason flag__reason--${f.reason}`}>{FLAG_REASON_LABELS[f.reason].label}</span>
        <Link href={f.scenarioHref} className="flag__scenario">
          {f.scenarioTitle ?? f.scenarioId}
        </Link>
        <code className="muted">{f.scenarioId}</code>
        <span className="badge badge--muted" title="The version the flag was filed against">
          v{f.scenarioVersion}
        </span>
        {f.currentVersion !== null && stale && (
          <span className="badge flag__fixed" title="The scenario has a newer version now">
            now v{f.currentVersion}
          </span>
        )}
        {f.currentVersion === null && <span className="badge badge--muted">no longer in the store</span>}
        <span className="flag__who muted">
          #{f.id} · {f.annotatorName} · {new Date(f.createdAt).toLocaleString()}
          {f.episodeHref && (
            <>
              {" "}
              · <Link href={f.episodeHref}>from this episode</Link>
            </>
          )}
        </span>
      </div>
      {f.note && <p className="flag__note">{f.note}</p>}
      {f.status === "resolved" && (
        <p className="flag__resolution" data-testid="flag-resolution">
          Resolved by <strong>{f.resolvedBy}</strong>
          {f.resolvedAt && <> on {new Date(f.resolvedAt).toLocaleString()}</>}
          {f.resolution && <>: {f.resolution}</>}
        </p>
      )}
      {f.runs.length > 0 && (
        <div className="flag__runs">
          <span className="section-label">Runs scored on this scenario</span>
          <ul className="plain-list flag__run-list">
            {f.runs.map((r) => (
              <li key={r.runId}>
                <Link href={r.rescoreHref} data-testid="flag-rescore-link">
                  Re-score {r.runName}
                </Link>{" "}
                <span className="muted">
                  ({r.runId}: {r.episodes} episode{r.episodes === 1 ? "" : "s"}
                  {r.stale > 0 ? `, ${r.stale} scored against an older version` : ", all current"})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flag__actions">
        {f.status === "open" ? (
          resolving ? (
            <IdentityGate purpose="Name yourself to resolve flags.">
              <form
                className="flag__resolve"
                onSubmit={(e) => {
                  e.preventDefault();
                  void setStatus("resolved");
                }}
              >
                <input
                  className="input"
                  autoFocus
                  maxLength={2000}
                  value={resolution}
                  onChange={(e) => setResolution(e.target.value)}
                  placeholder="What was done (e.g. gold fixed in v2, runs re-scored)"
                  aria-label="Resolution"
                  data-testid="flag-resolution-input"
                />
                <button
                  type="submit"
                  className="button button--primary button--small"
                  disabled={busy}
                  data-testid="flag-resolve-confirm"
                >
                  Resolve
                </button>
                <button type="button" className="button button--small" onClick={() => setResolving(false)}>
                  Cancel
                </button>
              </form>
            </IdentityGate>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => setResolving(true)}
              data-testid="flag-resolve"
            >
              Resolve…
            </button>
          )
        ) : (
          <button type="button" className="button button--small" onClick={() => void setStatus("open")} disabled={busy}>
            Reopen
          </button>
        )}
        {error && (
          <p className="flag__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}
