/**
 * `mmcb runs list|traces|cancel|delete`: look at stored runs, dump their traces (SPEC §4 JSONL), stop a
 * run that is playing, remove a run and everything stored under it.
 */
import type { Command } from "commander";
import { MmcbError } from "@/core/errors";
import { closeDb, getDb } from "@/lib/db/client";
import { cancelRun, deleteRun, episodeTrace, getRun, listRuns, runEpisodes } from "@/lib/db/runs";
import { dequeueRun } from "@/lib/eval/distributed";

export function registerRunsCommands(program: Command): void {
  const runs = program.command("runs").description("stored runs: list them, dump their traces, cancel or delete one");

  runs
    .command("list")
    .description("list stored runs, newest first")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      try {
        const db = getDb();
        const rows = await listRuns(db);
        const withCounts = await Promise.all(
          rows.map(async (r) => ({ ...r, episodes: (await runEpisodes(db, r.id)).length })),
        );
        if (opts.json) {
          console.log(
            JSON.stringify(
              withCounts.map(({ config: _c, ...r }) => r),
              null,
              2,
            ),
          );
          return;
        }
        if (rows.length === 0) return void console.log("no runs yet — try `mmcb eval --solver oracle`");
        for (const r of withCounts)
          console.log(
            `${r.id}  ${r.status.padEnd(8)}  ${r.solverName.padEnd(10)}  ${String(r.episodes).padStart(5)} episodes  ${r.createdAt.toISOString()}`,
          );
      } finally {
        await closeDb();
      }
    });

  runs
    .command("traces")
    .description("print a run's episode traces as JSONL (one trace per line), e.g. to re-score them with `mmcb score`")
    .argument("<runId>", "run id")
    .action(async (runId: string) => {
      try {
        const db = getDb();
        if (!(await getRun(db, runId)))
          throw new MmcbError("input:invalid", `no run "${runId}" (see \`mmcb runs list\`)`);
        for (const e of await runEpisodes(db, runId)) {
          const trace = await episodeTrace(db, e.id);
          if (trace) process.stdout.write(`${JSON.stringify(trace)}\n`);
        }
      } finally {
        await closeDb();
      }
    });

  runs
    .command("cancel")
    .description(
      "stop a run that is playing (here, in another terminal, in the web app or on workers): no new episode starts, requests in flight are aborted, finished episodes are kept",
    )
    .argument("<runId>", "run id")
    .action(async (runId: string) => {
      try {
        const run = await cancelRun(getDb(), runId);
        const dequeued = await dequeueRun(runId);
        console.log(
          `run ${run.id} cancelled${dequeued ? ` (${dequeued} waiting episode${dequeued === 1 ? "" : "s"} taken out of the queue)` : ""}; the processes playing it stop within a few seconds. Continue it with \`mmcb eval … --run-id ${run.id} --resume\``,
        );
      } finally {
        await closeDb();
      }
    });

  runs
    .command("delete")
    .description(
      "delete a run and everything stored under it (episodes, steps, scores, reviews, pair verdicts) in one transaction",
    )
    .argument("<runId>", "run id")
    .option("--yes", "really delete it (required: there is no undo)")
    .action(async (runId: string, opts: { yes?: boolean }) => {
      try {
        const db = getDb();
        const run = await getRun(db, runId);
        if (!run) throw new MmcbError("run:not_found", `no run "${runId}" (see \`mmcb runs list\`)`);
        if (!opts.yes)
          throw new MmcbError(
            "input:invalid",
            `deleting run "${runId}" removes its episodes, scores and reviews for good; add --yes to delete it`,
          );
        const { episodes } = await deleteRun(db, runId);
        await dequeueRun(runId, { forget: true });
        console.log(`run ${runId} deleted with its ${episodes} episode${episodes === 1 ? "" : "s"}`);
      } finally {
        await closeDb();
      }
    });
}
