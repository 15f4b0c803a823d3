/**
 * `mmcb worker`: claim and play queued episodes of distributed runs (`mmcb eval … --distributed`) from
 * PostgreSQL until stopped. Start any number, on any machine that reaches the database and has the
 * scenario folder (and the API key variable named by the run). Ctrl-C / SIGTERM: finish the episodes in
 * flight, then exit; a second signal exits at once (the episodes are retried by another worker).
 */
import type { Command } from "commander";
import { z } from "zod";
import { MmcbError } from "@/core/errors";
import { runWorker } from "@/lib/eval/distributed";

const optionsSchema = z.object({
  concurrency: z.coerce
    .number({ message: "--concurrency must be a number" })
    .int()
    .min(1, { message: "--concurrency must be at least 1" })
    .max(256),
  heartbeat: z.coerce.number({ message: "--heartbeat must be a number" }).min(0.2).max(300),
  deadAfter: z.coerce.number({ message: "--dead-after must be a number" }).min(1).max(86_400).optional(),
  idleExit: z.coerce.number({ message: "--idle-exit must be a number" }).min(0).optional(),
  quiet: z.boolean().optional(),
});

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("play queued episodes of distributed runs (PostgreSQL DATABASE_URL) until stopped")
    .option("--concurrency <n>", "episodes this worker plays at once", "4")
    .option("--heartbeat <seconds>", "how often this worker reports it is alive", "5")
    .option(
      "--dead-after <seconds>",
      "declare a worker dead after this long without a heartbeat and retry its episodes (default: max(30, 4 × heartbeat))",
    )
    .option("--idle-exit <seconds>", "exit after this long with nothing to do (default: keep waiting for work)")
    .option("--quiet", "print only errors")
    .action(async (raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success)
        throw new MmcbError("input:invalid", [...new Set(parsed.error.issues.map((i) => i.message))].join("; "));
      const opts = parsed.data;
      const stop = new AbortController();
      let signals = 0;
      const onSignal = () => {
        if (++signals > 1) process.exit(130);
        console.error("mmcb worker: finishing the episodes in flight (signal again to exit now)");
        stop.abort();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      const summary = await runWorker({
        concurrency: opts.concurrency,
        heartbeatSeconds: opts.heartbeat,
        ...(opts.deadAfter !== undefined ? { deadAfterSeconds: opts.deadAfter } : {}),
        ...(opts.idleExit !== undefined ? { idleExitSeconds: opts.idleExit } : {}),
        signal: stop.signal,
        log: (line) => {
          if (!opts.quiet) console.error(`${new Date().toISOString()} ${line}`);
        },
      });
      console.error(
        `worker ${summary.workerId}: ${summary.played} episodes played, ${summary.reused} already done, ${summary.failed} failed, ${summary.retried} handed back` +
          (summary.cancelled ? `, ${summary.cancelled} not played (run cancelled)` : ""),
      );
      if (summary.lostLeases)
        console.error(
          `it was declared dead ${summary.lostLeases} time${summary.lostLeases === 1 ? "" : "s"} (heartbeats late: an overloaded machine?); consider a longer --dead-after`,
        );
    });
}
