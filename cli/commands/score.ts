/**
 * `mmcb score --scenarios DIR --trace FILE.jsonl [--json]`: scores traces from mmcb or any other producer
 * (SPEC §4). Bad lines, unknown scenarios, broken turn order and repeated episode ids are one problem line
 * each; everything else is scored.
 */
import type { Command } from "commander";
import { formatIssue, MmcbError } from "@/core/errors";
import { scoreDocument } from "@/core/scoring";
import { traceProblems } from "@/core/trace";
import { defaultScenariosDir } from "@/lib/config";
import { loadScenarioStore } from "@/lib/scenarios/load";
import { readTraceFile } from "@/lib/traces/read";
import { formatAggregate } from "../format";

export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description("score trace files (SPEC §4) against scenarios; bad lines are reported, the rest still scored")
    .requiredOption("--trace <file...>", "trace file(s): .jsonl (one trace per line) or .json")
    .option("--scenarios <dir>", "scenario folder", defaultScenariosDir())
    .option("--json", "print the score document (SPEC §8) on stdout")
    .action(async (opts: { trace: string[]; scenarios: string; json?: boolean }) => {
      const store = await loadScenarioStore(opts.scenarios);
      for (const issue of store.issues) console.error(`skipped scenario: ${formatIssue(issue)}`);
      const scenarios = new Map(store.scenarios.map((l) => [l.scenario.id, l.scenario]));
      const good = [];
      let problems = 0;
      for (const file of opts.trace) {
        const read = await readTraceFile(file);
        for (const issue of read.issues) console.error(formatIssue(issue));
        problems += read.issues.length;
        for (const { line, episodeId, trace } of read.traces) {
          const found = traceProblems(trace, scenarios.get(trace.scenarioId));
          for (const p of found)
            console.error(formatIssue({ file: `${file}:${line}`, path: p.path, message: p.message }));
          problems += found.length;
          if (found.length === 0) good.push({ ...trace, episodeId });
        }
      }
      if (good.length === 0) throw new MmcbError("input:invalid", "no scorable trace found");
      const document = scoreDocument(scenarios, good);
      if (opts.json) console.log(JSON.stringify(document, null, 2));
      else console.log(`${document.episodes.length} episodes scored\n\n${formatAggregate(document.aggregate)}`);
      if (problems > 0) {
        console.error(
          `${problems} problem${problems === 1 ? "" : "s"} reported; ${good.length} episode${good.length === 1 ? "" : "s"} scored`,
        );
        process.exitCode = 1;
      }
    });
}
