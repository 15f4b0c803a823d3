"use client";
/**
 * The export page's working area: pick runs and what to export, see the counts (a dry run, refreshed as
 * the choices change) before exporting, then run the export with live progress and download it as a zip.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EXPORT_SOURCES, NEGATIVE_KINDS, type ExportSource, type NegativeKind } from "@/core/export/messages";
import { checkExportPlan, type ExportKind, type ExportRequest } from "@/core/export/options";
import { FORMAT_NAMES, type FormatName } from "@/core/export/formats";
import { exportsApi, type CountResponse, type ExportStatus } from "@/lib/export/client";
import { CountsTable } from "./counts-table";
import { ExportProgressBar } from "./export-progress";
import { RecentExports } from "./recent-exports";
import styles from "./exports.module.css";

export interface ExportableRun {
  readonly id: string;
  readonly name: string;
  readonly solverName: string;
  readonly status: string;
  readonly createdAt: string;
  readonly episodes: number;
}

const SOURCE_TEXT: Record<ExportKind, Record<ExportSource, string>> = {
  pairs: {
    guided: "Turn-level: a real trajectory prefix; chosen is the grounded guided turn, rejected a worse one.",
    trajectory: "Whole episodes of one scenario: gold-correct and grounded against wrong or hallucinating.",
    human: "Reviewers' blind verdicts between two episodes (ties and both-bad give nothing).",
  },
  sft: {
    guided: "Fresh guided episodes: the shortest grounded path to the gold answer, per scenario and run.",
    trajectory: "Stored episodes that are flawless (gold-correct, no hallucination, no invalid call).",
    human: "Not available for SFT.",
  },
};
const NEGATIVE_TEXT: Record<NegativeKind, string> = {
  normal: "the solver's own turn where it hallucinated, misjudged a part or answered wrongly",
  hard: "a synthesised turn that contradicts a visual attribute or skips looking at the part",
};
const FORMAT_TEXT: Record<FormatName, string> = {
  "trl-vision": "TRL vision rows: images + content parts; tool turns as text",
  "trl-text-tools": "TRL rows with tools, tool_calls and role:tool; text only",
  "openai-dpo": "OpenAI DPO JSONL (one compared turn); text only, provenance side-car",
};

interface Form {
  runIds: string[];
  kind: ExportKind;
  source: ExportSource;
  negatives: NegativeKind;
  format: FormatName;
  testShare: string;
  seed: string;
  maxPerScenario: string;
  minMargin: string;
}

function toRequest(form: Form): { request: ExportRequest | null; problem: string | null } {
  if (form.runIds.length === 0) return { request: null, problem: "Pick at least one run." };
  const testShare = Number(form.testShare);
  const seed = Number(form.seed);
  if (!(testShare >= 0 && testShare < 1))
    return { request: null, problem: "The test share must be at least 0 and below 1." };
  if (!Number.isInteger(seed)) return { request: null, problem: "The seed must be a whole number." };
  const cap = form.maxPerScenario.trim() === "" ? null : Number(form.maxPerScenario);
  if (cap !== null && !(Number.isInteger(cap) && cap >= 1))
    return { request: null, problem: "The cap per scenario must be a whole number ≥ 1." };
  const margin = form.minMargin.trim() === "" ? null : Number(form.minMargin);
  if (margin !== null && !(margin >= 0 && margin <= 1))
    return { request: null, problem: "The margin must be between 0 and 1." };
  const turnLevel = form.kind === "pairs" && form.source === "guided";
  const request: ExportRequest = {
    kind: form.kind,
    runIds: form.runIds,
    source: form.source,
    negatives: turnLevel ? form.negatives : null,
    format: form.format,
    testShare,
    seed,
    maxPerScenario: cap,
    minMargin: form.kind === "pairs" && form.source === "trajectory" ? margin : null,
  };
  const problem = checkExportPlan(request);
  return { request: problem ? null : request, problem: problem ? `${problem}.` : null };
}

type CountState =
  | { readonly state: "idle" }
  | { readonly state: "loading"; readonly previous: CountResponse | null }
  | { readonly state: "done"; readonly result: CountResponse }
  | { readonly state: "error"; readonly message: string };

export function ExportWorkbench({ runs, recent }: { runs: readonly ExportableRun[]; recent: readonly ExportStatus[] }) {
  const [form, setForm] = useState<Form>({
    runIds: runs
      .filter((r) => r.episodes > 0)
      .slice(0, 1)
      .map((r) => r.id),
    kind: "pairs",
    source: "guided",
    negatives: "hard",
    format: "trl-vision",
    testShare: "0.2",
    seed: "1",
    maxPerScenario: "",
    minMargin: "0.3",
  });
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { request, problem } = useMemo(() => toRequest(form), [form]);
  const requestKey = request ? JSON.stringify(request) : null;

  // counts before exporting: a debounced dry run whenever the request changes
  const [count, setCount] = useState<CountState>({ state: "idle" });
  useEffect(() => {
    if (!requestKey) {
      setCount({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    setCount((c) => ({
      state: "loading",
      previous: c.state === "done" ? c.result : c.state === "loading" ? c.previous : null,
    }));
    const timer = setTimeout(() => {
      exportsApi
        .count(JSON.parse(requestKey) as ExportRequest, controller.signal)
        .then((result) => setCount({ state: "done", result }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted)
            setCount({ state: "error", message: error instanceof Error ? error.message : String(error) });
        });
    }, 350);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [requestKey]);

  // the running export, polled until it ends
  const [job, setJob] = useState<ExportStatus | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [list, setList] = useState<readonly ExportStatus[]>(recent);
  const poll = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (poll.current && clearTimeout(poll.current)), []);
  const follow = useCallback((id: string) => {
    exportsApi
      .status(id)
      .then((status) => {
        setJob(status);
        if (status.status === "running") poll.current = setTimeout(() => follow(id), 500);
        else
          exportsApi.list().then(
            (r) => setList(r.exports),
            () => undefined,
          );
      })
      .catch((error: unknown) => setStartError(error instanceof Error ? error.message : String(error)));
  }, []);
  const start = () => {
    if (!request) return;
    setStartError(null);
    setJob(null);
    exportsApi
      .start(request)
      .then(({ id }) => follow(id))
      .catch((error: unknown) => setStartError(error instanceof Error ? error.message : String(error)));
  };
  const running = job?.status === "running";
  const counted = count.state === "done" ? count.result.counts.total : null;

  return (
    <div className={styles.workbench}>
      <section className={`card ${styles.panel}`} aria-labelledby="export-runs">
        <h2 id="export-runs" className="card-title">
          Runs
        </h2>
        {runs.length === 0 ? (
          <p className="muted" data-testid="export-no-runs">
            No runs yet — evaluate a solver first (for example <code>mmcb eval --solver oracle</code>).
          </p>
        ) : (
          <ul className={styles.runs} data-testid="export-runs">
            {runs.map((r) => (
              <li key={r.id}>
                <label className={styles.run}>
                  <input
                    type="checkbox"
                    checked={form.runIds.includes(r.id)}
                    disabled={r.episodes === 0}
                    onChange={(e) =>
                      set("runIds", e.target.checked ? [...form.runIds, r.id] : form.runIds.filter((id) => id !== r.id))
                    }
                    data-testid={`export-run-${r.id}`}
                  />
                  <span className={styles.runId}>{r.id}</span>
                  <span className={styles.runMeta}>
                    {r.solverName} · {r.episodes} finished episode{r.episodes === 1 ? "" : "s"} · {r.status} ·{" "}
                    {new Date(r.createdAt).toLocaleString()}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={`card ${styles.panel}`} aria-labelledby="export-what">
        <h2 id="export-what" className="card-title">
          What to export
        </h2>
        <fieldset className={styles.field}>
          <legend className="section-label">Kind</legend>
          <div className="button-group" role="radiogroup" aria-label="Kind">
            {(["pairs", "sft"] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="radio"
                aria-checked={form.kind === k}
                className={`button ${form.kind === k ? "button--primary" : ""}`}
                onClick={() =>
                  setForm((f) => ({
                    ...f,
                    kind: k,
                    source: k === "sft" && f.source === "human" ? "guided" : f.source,
                    format: k === "sft" && f.format === "openai-dpo" ? "trl-vision" : f.format,
                  }))
                }
                data-testid={`export-kind-${k}`}
              >
                {k === "pairs" ? "Preference pairs" : "SFT trajectories"}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className={styles.field}>
          <legend className="section-label">Source</legend>
          {EXPORT_SOURCES.map((s) => (
            <label key={s} className={styles.choice}>
              <input
                type="radio"
                name="source"
                value={s}
                checked={form.source === s}
                disabled={form.kind === "sft" && s === "human"}
                onChange={() => set("source", s)}
                data-testid={`export-source-${s}`}
              />
              <span>
                <strong>{s}</strong> — {SOURCE_TEXT[form.kind][s]}
              </span>
            </label>
          ))}
        </fieldset>
        {form.kind === "pairs" && form.source === "guided" && (
          <fieldset className={styles.field}>
            <legend className="section-label">Negatives</legend>
            {NEGATIVE_KINDS.map((n) => (
              <label key={n} className={styles.choice}>
                <input
                  type="radio"
                  name="negatives"
                  value={n}
                  checked={form.negatives === n}
                  onChange={() => set("negatives", n)}
                  data-testid={`export-negatives-${n}`}
                />
                <span>
                  <strong>{n}</strong> — {NEGATIVE_TEXT[n]}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className={styles.grid}>
          <label className={styles.labelled}>
            <span className="section-label">Format</span>
            <select
              value={form.format}
              onChange={(e) => set("format", e.target.value as FormatName)}
              data-testid="export-format"
            >
              {FORMAT_NAMES.map((f) => (
                <option key={f} value={f}>
                  {f} — {FORMAT_TEXT[f]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.labelled}>
            <span className="section-label">Test share (by scenario)</span>
            <input
              type="number"
              min={0}
              max={0.99}
              step={0.05}
              value={form.testShare}
              onChange={(e) => set("testShare", e.target.value)}
              data-testid="export-test-share"
            />
          </label>
          <label className={styles.labelled}>
            <span className="section-label">Seed</span>
            <input
              type="number"
              step={1}
              value={form.seed}
              onChange={(e) => set("seed", e.target.value)}
              data-testid="export-seed"
            />
          </label>
          <label className={styles.labelled}>
            <span className="section-label">Max records per scenario</span>
            <input
              type="number"
              min={1}
              step={1}
              placeholder="no cap"
              value={form.maxPerScenario}
              onChange={(e) => set("maxPerScenario", e.target.value)}
              data-testid="export-cap"
            />
          </label>
          {form.kind === "pairs" && form.source === "trajectory" && (
            <label className={styles.labelled}>
              <span className="section-label">Minimum score margin</span>
              <input
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={form.minMargin}
                onChange={(e) => set("minMargin", e.target.value)}
                data-testid="export-margin"
              />
            </label>
          )}
        </div>
      </section>

      <section className={`card ${styles.panel}`} aria-labelledby="export-counts" aria-live="polite">
        <h2 id="export-counts" className="card-title">
          Before exporting
        </h2>
        {problem ? (
          <p className={styles.problem} role="alert" data-testid="export-problem">
            {problem}
          </p>
        ) : count.state === "error" ? (
          <p className={styles.problem} role="alert" data-testid="export-count-error">
            {count.message}
          </p>
        ) : count.state === "done" || (count.state === "loading" && count.previous) ? (
          <div className={count.state === "loading" ? styles.stale : undefined} data-testid="export-counts">
            <CountsTable
              counts={count.state === "done" ? count.result.counts : count.previous!.counts}
              unit={form.kind === "pairs" ? "pairs" : "trajectories"}
            />
            {count.state === "done" &&
              count.result.warnings.map((w) => (
                <p key={w} className="muted">
                  {w}
                </p>
              ))}
          </div>
        ) : (
          <p className="muted">Counting…</p>
        )}
        <div className={styles.actions}>
          <button
            type="button"
            className="button button--primary"
            disabled={!request || running || counted === 0 || count.state !== "done"}
            onClick={start}
            data-testid="export-start"
          >
            {running ? "Exporting…" : "Export"}
          </button>
          {counted === 0 && <span className="muted">Nothing to export with these choices.</span>}
        </div>
        {startError && (
          <p className={styles.problem} role="alert" data-testid="export-start-error">
            {startError}
          </p>
        )}
        {job && <ExportProgressBar job={job} downloadUrl={exportsApi.downloadUrl(job.id)} />}
      </section>

      <RecentExports exports={list} downloadUrl={exportsApi.downloadUrl} />
    </div>
  );
}
