/** `mmcb runs list|traces`: look at stored runs and dump their traces (SPEC §4 JSONL). */
import type { Command } from "commander";
import { MmcbError } from "@/core/errors";
import { closeDb, getDb } from "@/lib/db/client";
import { episodeTrace, getRun, listRuns, runEpisodes } from "@/lib/db/runs";

export function registerRunsCommands(program: Command): void {
  const runs = program.command("runs").description("stored runs: list them, dump their traces");

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
}
