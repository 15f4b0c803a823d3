/** `mmcb eval --solver random|lexical|oracle …`: run a solver over scenarios × seeds and store the run. */
import type { Command } from "commander";
import { z } from "zod";
import { formatIssue, MmcbError } from "@/core/errors";
import { BASELINES } from "@/core/solvers";
import { defaultScenariosDir } from "@/lib/config";
import { closeDb } from "@/lib/db/client";
import { runBaselineEval } from "@/lib/eval/baselines";
import { loadScenarioStore } from "@/lib/scenarios/load";
import { formatAggregate } from "../format";

const optionsSchema = z.object({
  solver: z.enum([...BASELINES, "openai"], { message: `--solver must be one of ${[...BASELINES, "openai"].join(", ")}` }),
  scenarios: z.string(),
  seeds: z.string().regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, { message: "--seeds takes a list like 1,2,3 or a range like 1-5" }),
  maxTurns: z.coerce.number().int().min(1, { message: "--max-turns must be at least 1" }).max(100),
  observation: z.enum(["image", "hybrid", "text"], { message: "--observation must be image, hybrid or text" }),
  only: z.string().optional(),
  runId: z.string().regex(/^[A-Za-z0-9._:-]+$/, { message: "--run-id may hold letters, digits, '.', '_', ':' and '-'" }).optional(),
  json: z.boolean().optional(),
});

/** `1,3,5-7` → [1, 3, 5, 6, 7]. */
export function parseSeeds(text: string): number[] {
  const seeds = new Set<number>();
  for (const part of text.split(",")) {
    const [a, b] = part.split("-").map(Number) as [number, number | undefined];
    if (b === undefined) seeds.add(a);
    else for (let s = Math.min(a, b); s <= Math.max(a, b); s++) seeds.add(s);
  }
  if (seeds.size > 1000) throw new MmcbError("input:invalid", "--seeds lists more than 1000 seeds");
  return [...seeds].sort((x, y) => x - y);
}

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("run a solver over scenarios × seeds, store the run in the database and print its scores")
    .requiredOption("--solver <name>", `solver: ${BASELINES.join(", ")}`)
    .option("--scenarios <dir>", "scenario folder", defaultScenariosDir())
    .option("--only <ids>", "comma-separated scenario ids to include")
    .option("--seeds <list>", "seeds, e.g. 1,2,3 or 1-5", "1")
    .option("--max-turns <n>", "turn budget per episode", "15")
    .option("--observation <mode>", "image | hybrid | text", "image")
    .option("--run-id <id>", "run id (re-use one to resume an interrupted run)")
    .option("--json", "print the score document (SPEC §8) with runId on stdout")
    .action(async (raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new MmcbError("input:invalid", parsed.error.issues.map((i) => i.message).join("; "));
      const opts = parsed.data;
      if (opts.solver === "openai") throw new MmcbError("input:invalid", "the openai solver is not available yet (issue 5); use random, lexical or oracle");
      const store = await loadScenarioStore(opts.scenarios);
      for (const issue of store.issues) console.error(`skipped: ${formatIssue(issue)}`);
      let scenarios = store.scenarios;
      if (opts.only) {
        const wanted = new Set(opts.only.split(",").map((s) => s.trim()));
        const unknown = [...wanted].filter((id) => !scenarios.some((s) => s.scenario.id === id));
        if (unknown.length) throw new MmcbError("input:invalid", `--only names unknown scenario${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
        scenarios = scenarios.filter((s) => wanted.has(s.scenario.id));
      }
      if (scenarios.length === 0) throw new MmcbError("input:invalid", `no valid scenario in ${opts.scenarios}`);
      const seeds = parseSeeds(opts.seeds);
      const tty = process.stderr.isTTY && !opts.json;
      const started = Date.now();
      try {
        const result = await runBaselineEval({
          solver: opts.solver, scenarios, seeds, maxTurns: opts.maxTurns, observation: opts.observation,
          ...(opts.runId ? { runId: opts.runId } : {}),
          onProgress: ({ done, total, skipped }) => {
            if (!tty) return;
            const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
            process.stderr.write(`\r${done}/${total} episodes · ${rate.toFixed(0)}/s · ${skipped} reused   `);
            if (done === total) process.stderr.write("\n");
          },
        });
        if (opts.json) {
          console.log(JSON.stringify({ runId: result.runId, ...result.document }, null, 2));
        } else {
          console.log(`run ${result.runId}${result.resumed ? ` (resumed; ${result.reused} finished episodes kept)` : ""}: ${opts.solver} on ${scenarios.length} scenarios × ${seeds.length} seed${seeds.length === 1 ? "" : "s"}\n`);
          console.log(formatAggregate(result.document.aggregate));
        }
      } finally {
        await closeDb();
      }
    });
}
