/** The live progress bar of long CLI work (cli-progress), on stderr, only when stderr is a terminal. */
import cliProgress from "cli-progress";
import type { EvalProgress } from "@/lib/eval/run";

export interface ProgressReporter {
  update(p: EvalProgress): void;
  stop(): void;
}

export function evalProgressBar(enabled: boolean, total: number): ProgressReporter {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format:
        " {bar} {value}/{total} episodes | {rate}/s | ETA {eta_formatted} | {failed} failed · {reused} reused | ${cost}",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { rate: "0.0", failed: 0, reused: 0, cost: "0.00" });
  return {
    update: (p) =>
      bar.update(p.done, {
        rate: (p.done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1),
        failed: p.failed,
        reused: p.reused,
        cost: p.costUsd.toFixed(2),
      }),
    stop: () => bar.stop(),
  };
}
