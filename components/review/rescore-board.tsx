"use client";
/**
 * Re-scoring a run against the current scenario versions: every episode's stored score beside the score
 * its trace gets now, changed values marked, and an Apply that keeps the old scores (listed below as
 * history) while stamping the new scenario version on the run's results.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/client/identity";
import { reviewApi } from "@/lib/review/client";
import type { MetricSnapshot, RescoreMetric, RescoreView } from "@/lib/review/types";
import { humanize } from "@/components/ui/format";

export interface HistoryEntry {
  readonly rescoreId: string;
  readonly replacedAt: string;
  readonly annotatorName: string | null;
  readonly rows: readonly {
    readonly episodeId: string;
    readonly scenarioId: string;
    readonly seed: number;
    readonly scenarioVersion: number;
    readonly newScenarioVersion: number;
    readonly metrics: MetricSnapshot;
    readonly href: string;
  }[];
}

const SHOWN: readonly RescoreMetric[] = [
  "gold_correct",
  "relation",
  "hallucinated",
  "hallucination_rate",
  "assessment_accuracy",
];

function show(v: MetricSnapshot[RescoreMetric] | undefined): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? "✓" : "✗";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return humanize(String(v));
}

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);

export function RescoreBoard(props: {
  view: RescoreView;
  history: readonly HistoryEntry[];
  episodeHrefs: Readonly<Record<string, string>>;
}) {
  const router = useRouter();
  const { view } = props;
  const [onlyChanged, setOnlyChanged] = useState(view.summary.toUpdate > 0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const rows = onlyChanged ? view.rows.filter((r) => r.update || r.next === null) : view.rows;

  async function apply() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await reviewApi.applyRescore(view.runId);
      setMessage(
        result.updated === 0
          ? "Nothing to update: every score is already current."
          : `Re-scored ${result.updated} episode${result.updated === 1 ? "" : "s"}; the old scores are kept below.`,
      );
      router.refresh();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : "The re-score failed.");
    } finally {
      setBusy(false);
    }
  }

  const s = view.summary;
  return (
    <div className="rescore" data-testid="rescore">
      <section className="card rescore__summary" aria-label="Summary">
        <dl className="mini-stats">
          <div className="mini-stats__item">
            <dt>Scored episodes</dt>
            <dd>{s.episodes}</dd>
          </div>
          <div className="mini-stats__item">
            <dt>Would change</dt>
            <dd data-testid="rescore-to-update" className={s.toUpdate ? "bad" : undefined}>
              {s.toUpdate}
            </dd>
          </div>
          <div className="mini-stats__item">
            <dt>Gold correct flips</dt>
            <dd>{s.changedGold}</dd>
          </div>
          <div className="mini-stats__item">
            <dt>Gold correct, stored → now</dt>
            <dd data-testid="rescore-gold-mean">
              {pct(s.goldMeanOld)} → {pct(s.goldMeanNew)}
            </dd>
          </div>
        </dl>
        <div className="rescore__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy || s.toUpdate === 0}
            onClick={() => void apply()}
            data-testid="rescore-apply"
          >
            {busy ? "Re-scoring…" : `Apply re-score (${s.toUpdate})`}
          </button>
          <label className="canvas-legend__toggle">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
            Only episodes that change
          </label>
          {message && (
            <p className="rescore__message" role="status" data-testid="rescore-message">
              {message}
            </p>
          )}
        </div>
      </section>

      <section className="card table-card" aria-labelledby="rescore-table-title">
        <h2 className="card-title" id="rescore-table-title">
          Stored score → score against the current scenario
        </h2>
        {rows.length === 0 ? (
          <p className="muted">Every stored score matches the current scenarios.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table data-table--compact rescore__table">
              <thead>
                <tr>
                  <th scope="col">Episode</th>
                  <th scope="col">Version</th>
                  {SHOWN.map((m) => (
                    <th scope="col" key={m}>
                      {humanize(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.episodeId} data-testid="rescore-row" data-update={String(r.update)}>
                    <td>
                      <Link href={props.episodeHrefs[r.episodeId] ?? "#"}>
                        {r.scenarioId} · seed {r.seed}
                      </Link>
                      {r.note && <span className="cell-sub cell-sub--bad"> {r.note}</span>}
                    </td>
                    <td className="nowrap">
                      v{r.old.scenarioVersion}
                      {r.next && r.next.scenarioVersion !== r.old.scenarioVersion && <> → v{r.next.scenarioVersion}</>}
                    </td>
                    {SHOWN.map((m) => {
                      const changed = r.changed.includes(m);
                      return (
                        <td key={m} className={changed ? "rescore__cell--changed" : undefined}>
                          {changed ? (
                            <>
                              <del>{show(r.old.metrics[m])}</del> → <ins>{show(r.next?.metrics[m])}</ins>
                            </>
                          ) : (
                            show(r.old.metrics[m])
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card table-card" aria-labelledby="rescore-history-title" data-testid="rescore-history">
        <h2 className="card-title" id="rescore-history-title">
          Earlier scores (replaced by re-scores)
        </h2>
        {props.history.length === 0 ? (
          <p className="muted">This run has not been re-scored.</p>
        ) : (
          props.history.map((h) => (
            <div key={h.rescoreId} className="rescore__history">
              <p className="muted">
                {new Date(h.replacedAt).toLocaleString()}
                {h.annotatorName && <> · by {h.annotatorName}</>} · {h.rows.length} score
                {h.rows.length === 1 ? "" : "s"} replaced
              </p>
              <table className="data-table data-table--compact">
                <thead>
                  <tr>
                    <th scope="col">Episode</th>
                    <th scope="col">Was scored on</th>
                    {SHOWN.map((m) => (
                      <th scope="col" key={m}>
                        {humanize(m)} (old)
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {h.rows.map((r) => (
                    <tr key={r.episodeId} data-testid="rescore-history-row">
                      <td>
                        <Link href={r.href}>
                          {r.scenarioId} · seed {r.seed}
                        </Link>
                      </td>
                      <td>
                        v{r.scenarioVersion} (now v{r.newScenarioVersion})
                      </td>
                      {SHOWN.map((m) => (
                        <td key={m}>{show(r.metrics[m])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        )}
      </section>
    </div>
  );
}
