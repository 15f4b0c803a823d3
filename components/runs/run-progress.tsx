"use client";
/**
 * A run's progress bar (done/total, rate, ETA, failed). While the run plays it polls the status URL —
 * every second while this server plays it, less often when the database is the only source — and
 * refreshes the server-rendered page as episodes finish, so metrics and the episode table fill in live.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { fetchRunStatus } from "@/lib/api/runs-client";
import { formatDuration, isActive, progressStats, type RunProgress as Progress } from "@/lib/jobs/progress";
import { plural } from "@/components/ui/format";
import { StatusBadge } from "./status-badge";

/** How often the server-rendered page may be refreshed while episodes finish (less often for big runs). */
const refreshEveryMs = (total: number) => (total > 500 ? 10_000 : 2500);

export function RunProgress({ statusUrl, initial }: { statusUrl: string; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [now, setNow] = useState(() => Date.now());
  const [problem, setProblem] = useState<string | null>(null);
  const lastRefresh = useRef({ at: 0, done: initial.done });
  // a refresh re-renders the page on the server; never start one while the last is still rendering
  const [refreshing, startRefresh] = useTransition();
  const refreshingRef = useRef(false);
  refreshingRef.current = refreshing;
  const active = isActive(progress.status);

  // a fresh server render brings a fresh initial value
  useEffect(() => setProgress(initial), [initial]);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const res = await fetchRunStatus(statusUrl, controller.signal);
      if (controller.signal.aborted) return;
      setNow(Date.now());
      if (res.ok) {
        setProblem(null);
        setProgress(res.progress);
        const finished = !isActive(res.progress.status);
        const advanced = res.progress.done !== lastRefresh.current.done;
        const due = advanced && Date.now() - lastRefresh.current.at > refreshEveryMs(res.progress.total);
        if (finished || (due && !refreshingRef.current)) {
          lastRefresh.current = { at: Date.now(), done: res.progress.done };
          startRefresh(() => router.refresh());
        }
        if (finished) return;
      } else {
        setProblem(res.message);
      }
      timer = setTimeout(poll, res.ok && res.progress.live ? 1000 : 3000);
    };
    timer = setTimeout(poll, 1000);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [active, statusUrl, router]);

  const stats = progressStats(progress, now);
  const percent = Math.round(stats.fraction * 100);
  return (
    <section
      className={`card run-progress run-progress--${progress.status}`}
      aria-label="Progress"
      data-testid="run-progress"
      data-status={progress.status}
      data-done={progress.done}
      data-total={progress.total}
    >
      <div className="run-progress__head">
        <StatusBadge status={progress.status} errors={progress.failed} />
        <span className="run-progress__count" data-testid="progress-count">
          <strong>{progress.done}</strong> / {plural(progress.total, "episode")}
        </span>
        {progress.failed > 0 && (
          <span className="run-progress__failed" data-testid="progress-failed">
            {plural(progress.failed, "errored episode")}, not in the means
          </span>
        )}
        {progress.reused > 0 && <span className="muted">{progress.reused} kept from an earlier attempt</span>}
        <span className="run-progress__meta">
          {active && stats.perMinute !== null && (
            <span data-testid="progress-rate">
              {stats.perMinute.toFixed(stats.perMinute < 10 ? 1 : 0)} episodes/min
            </span>
          )}
          {stats.etaSeconds !== null && <span data-testid="progress-eta">ETA {formatDuration(stats.etaSeconds)}</span>}
          {!active && stats.elapsedSeconds !== null && <span>took {formatDuration(stats.elapsedSeconds)}</span>}
        </span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-label="Episodes finished"
      >
        <span className="progress-bar__fill" style={{ width: `${percent}%` }} />
      </div>
      {active && !progress.live && (
        <p className="run-progress__note muted">
          Not played by this server: progress comes from the database. If no process is playing it any more, resume it
          with <code>mmcb eval --resume --run-id …</code>.
        </p>
      )}
      {progress.error && (
        <p className="run-progress__error" role="alert">
          {progress.error}
        </p>
      )}
      {problem && <p className="run-progress__note muted">Could not refresh the progress: {problem}</p>}
    </section>
  );
}
