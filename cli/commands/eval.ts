/** `mmcb eval --solver openai|random|lexical|oracle …`: run a solver over scenarios × seeds and store the run. */
import path from "node:path";
import type { Command } from "commander";
import { DEFAULT_SYSTEM_PROMPT } from "@/core/engine";
import { formatIssue, MmcbError } from "@/core/errors";
import { defaultScenariosDir } from "@/lib/config";
import { closeDb, getDb } from "@/lib/db/client";
import { getRun } from "@/lib/db/runs";
import { runBaselineEval } from "@/lib/eval/baselines";
import { enqueueRun, requirePostgresUrl, runProgress, type DistributedRequest } from "@/lib/eval/distributed";
import { runModelEval } from "@/lib/eval/model";
import { newRunId, runScoreDocument, type EvalResult } from "@/lib/eval/run";
import { formatBenchmarkSet } from "@/core/run/benchmark-set";
import { benchmarkSetName as setName, runBenchmarkSet } from "@/lib/run/benchmark-set";
import { loadScenarioStore } from "@/lib/scenarios/load";
import { EVAL_SOLVERS, parseEvalOptions } from "../eval-options";
import { formatAggregate, formatErrors } from "../format";
import { evalProgressBar } from "../progress";

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("run a solver over scenarios × seeds, store the run in the database and print its scores")
    .requiredOption("--solver <name>", `solver: ${EVAL_SOLVERS.join(", ")}`)
    .option("--scenarios <dir>", "scenario folder", defaultScenariosDir())
    .option("--only <ids>", "comma-separated scenario ids to include")
    .option("--seeds <list>", "seeds, e.g. 1,2,3 or 1-5", "1")
    .option("--max-turns <n>", "turn budget per episode", "15")
    .option("--observation <mode>", "image | hybrid | text", "image")
    .option("--image-history <policy>", "last | all | none (openai)", "last")
    .option("--reasoning-history <policy>", "keep | drop (openai)", "keep")
    .option("--entity-labels <mode>", "names | marks: numbered marks on the scene, names hidden (openai)", "names")
    .option("--model <name>", "model name (openai)")
    .option("--base-url <url>", "OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (openai)")
    .option(
      "--api-key-env <NAME>",
      "environment variable holding the API key; the key is never stored or logged",
      "OPENAI_API_KEY",
    )
    .option("--concurrency <n>", "episodes in flight at once", "4")
    .option("--temperature <t>", "sampling temperature (openai)")
    .option("--top-p <p>", "nucleus sampling (openai)")
    .option(
      "--sample-seed <n>",
      "base of the sampling seed: each episode sends base + its episode seed (default 0) (openai)",
    )
    .option("--no-send-seed", "do not send the seed field, for endpoints that reject it (openai)")
    .option("--max-tokens <n>", "max tokens per reply (openai)")
    .option("--timeout <seconds>", "request timeout (openai)", "120")
    .option("--max-image-side <px>", "downscale images so the longer side is at most this (openai)", "1024")
    .option("--system-prompt <text>", "override the system prompt (recorded in the run configuration)")
    .option("--price-prompt <usd>", "USD per 1M prompt tokens, for cost accounting")
    .option("--price-completion <usd>", "USD per 1M completion tokens")
    .option("--cost-cap <usd>", "stop starting episodes once this cost is reached")
    .option("--no-cache", "do not reuse cached responses")
    .option(
      "--no-preflight",
      "skip the one cheap request that checks the endpoint, key and model before the first episode (openai)",
    )
    .option("--run-id <id>", "run id (default: generated)")
    .option("--resume", "continue the run given by --run-id without redoing finished episodes")
    .option("--json", "print the score document (SPEC §8) with runId on stdout")
    .option(
      "--distributed",
      "queue the episodes in PostgreSQL (DATABASE_URL) for `mmcb worker` processes instead of playing them here; --concurrency then limits episodes in flight at the endpoint across all workers",
    )
    .option("--wait", "with --distributed: follow the run until every episode is finished, then print its scores")
    .action(async (raw: Record<string, unknown>) => {
      const opts = parseEvalOptions(raw);
      if (opts.distributed) requirePostgresUrl("--distributed");

      const store = await loadScenarioStore(opts.scenarios);
      for (const issue of store.issues) console.error(`skipped: ${formatIssue(issue)}`);
      let scenarios = store.scenarios;
      if (opts.onlyIds) {
        const wanted = new Set(opts.onlyIds);
        const unknown = [...wanted].filter((id) => !scenarios.some((s) => s.scenario.id === id));
        if (unknown.length)
          throw new MmcbError(
            "input:invalid",
            `--only names unknown scenario${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
          );
        scenarios = scenarios.filter((s) => wanted.has(s.scenario.id));
      }
      if (scenarios.length === 0) throw new MmcbError("input:invalid", `no valid scenario in ${opts.scenarios}`);
      const seeds = opts.seedList;
      const scenariosDir = path.resolve(opts.scenarios);
      // the benchmark set the run records: the folder's name (bundled for the bundled folder), custom for --only
      const benchmarkSetName = setName({ selected: Boolean(opts.onlyIds), scenariosDir, scenarios });
      /** The run's benchmark set as stored (a resumed run keeps the one it was created with). */
      const recordedSet = async (runId: string) => {
        const run = await getRun(getDb(), runId);
        return run ? runBenchmarkSet(run) : null;
      };
      const settings = () => ({
        baseUrl: opts.baseUrl!,
        model: opts.model!,
        apiKeyEnv: opts.apiKeyEnv,
        temperature: opts.temperature ?? null,
        topP: opts.topP ?? null,
        seed: opts.sampleSeed ?? null,
        sendSeed: opts.sendSeed,
        maxTokens: opts.maxTokens ?? null,
        timeoutMs: opts.timeout * 1000,
        systemPrompt: opts.systemPrompt ?? DEFAULT_SYSTEM_PROMPT,
        imageHistory: opts.imageHistory,
        reasoningHistory: opts.reasoningHistory,
        maxImageSide: opts.maxImageSide,
      });
      const prices =
        opts.pricePrompt !== undefined || opts.priceCompletion !== undefined
          ? { prompt: opts.pricePrompt ?? 0, completion: opts.priceCompletion ?? 0 }
          : undefined;

      try {
        if (opts.runId) {
          const existing = await getRun(getDb(), opts.runId);
          if (existing && !opts.resume)
            throw new MmcbError(
              "input:invalid",
              `run "${opts.runId}" already exists; add --resume to continue it or choose another --run-id`,
            );
          if (!existing && opts.resume)
            throw new MmcbError("input:invalid", `there is no run "${opts.runId}" to resume`);
        }
        if (opts.distributed) {
          // the same options the single-process path passes below, stored for the workers
          const runId = opts.runId ?? newRunId(opts.solver === "openai" ? opts.model! : opts.solver);
          const base = { seeds, maxTurns: opts.maxTurns, observation: opts.observation, runId, benchmarkSetName };
          const where = { scenariosDir, scenarioIds: scenarios.map((s) => s.scenario.id) };
          const request: DistributedRequest =
            opts.solver === "openai"
              ? {
                  ...where,
                  solver: "openai",
                  options: {
                    ...base,
                    settings: settings(),
                    entityLabels: opts.entityLabels,
                    useCache: opts.cache,
                    ...(prices ? { prices } : {}),
                    ...(opts.preflight ? {} : { preflight: false }),
                  },
                }
              : { ...where, solver: "baseline", options: { ...base, solver: opts.solver } };
          const q = await enqueueRun(request, scenarios, opts.concurrency);
          console.error(
            `run ${q.runId}${q.resumed ? " (resumed)" : ""}: queued ${q.queued} of ${q.total} episodes` +
              (q.alreadyDone ? `, ${q.alreadyDone} already done` : "") +
              (q.alreadyQueued ? `, ${q.alreadyQueued} already in the queue` : "") +
              (opts.solver === "openai" ? `; at most ${opts.concurrency} in flight at ${opts.baseUrl}` : ""),
          );
          if (!opts.wait) {
            console.error("start workers with `mmcb worker` (same DATABASE_URL); follow the run with `mmcb runs list`");
            if (opts.json) console.log(JSON.stringify({ runId: q.runId, queued: q.queued, total: q.total }));
            return;
          }
          const bar = evalProgressBar(process.stderr.isTTY === true && !opts.json, q.total);
          try {
            for (;;) {
              const p = await runProgress(q.runId);
              bar.update({
                done: p.done + p.failed,
                total: q.total,
                reused: 0,
                failed: p.failed,
                costUsd: 0,
                promptTokens: 0,
                completionTokens: 0,
              });
              if (p.status !== "running" && p.status !== "pending") break;
              await new Promise((r) => setTimeout(r, 1000));
            }
          } finally {
            bar.stop();
          }
          const document = await runScoreDocument(q.runId, new Map(scenarios.map((l) => [l.scenario.id, l.scenario])));
          const set = await recordedSet(q.runId);
          if (opts.json) console.log(JSON.stringify({ runId: q.runId, benchmarkSet: set, ...document }, null, 2));
          else {
            console.log(`run ${q.runId}: ${document.episodes.length} episodes`);
            if (set) console.log(`benchmark set: ${formatBenchmarkSet(set)}`);
            const errors = formatErrors(document.aggregate.errors, q.runId);
            if (errors) console.log(errors);
            console.log(`\n${formatAggregate(document.aggregate)}`);
          }
          return;
        }
        const bar = evalProgressBar(process.stderr.isTTY === true && !opts.json, scenarios.length * seeds.length);
        let retries = 0;
        let result: EvalResult;
        try {
          const common = {
            scenarios,
            scenariosDir,
            seeds,
            maxTurns: opts.maxTurns,
            observation: opts.observation,
            benchmarkSetName,
            ...(opts.runId ? { runId: opts.runId } : {}),
            onProgress: bar.update,
          };
          if (opts.solver === "openai") {
            result = await runModelEval({
              ...common,
              settings: settings(),
              entityLabels: opts.entityLabels,
              concurrency: opts.concurrency,
              useCache: opts.cache,
              ...(prices ? { prices } : {}),
              ...(opts.costCap !== undefined ? { costCapUsd: opts.costCap } : {}),
              ...(opts.preflight ? {} : { preflight: false }),
              onRetry: () => void retries++,
            });
          } else {
            result = await runBaselineEval({ ...common, solver: opts.solver });
          }
        } finally {
          bar.stop();
        }
        const set = await recordedSet(result.runId);
        if (opts.json) {
          console.log(JSON.stringify({ runId: result.runId, benchmarkSet: set, ...result.document }, null, 2));
        } else {
          const what = opts.solver === "openai" ? `${opts.model}` : opts.solver;
          console.log(
            `run ${result.runId}${result.resumed ? ` (resumed; ${result.reused} finished episodes kept)` : ""}: ${what} on ${scenarios.length} scenarios × ${seeds.length} seed${seeds.length === 1 ? "" : "s"}`,
          );
          if (set) console.log(`benchmark set: ${formatBenchmarkSet(set)}`);
          const errors = formatErrors(result.document.aggregate.errors, result.runId);
          if (errors) console.log(errors);
          if (retries) console.log(`${retries} request${retries === 1 ? "" : "s"} retried`);
          if (result.costUsd > 0) console.log(`cost: $${result.costUsd.toFixed(4)}`);
          if (result.stoppedByCostCap) console.log(`stopped: cost cap $${opts.costCap} reached; --resume to continue`);
          console.log(`\n${formatAggregate(result.document.aggregate)}`);
        }
        if (result.cancelled)
          throw new MmcbError(
            "run:cancelled",
            `run ${result.runId} was cancelled with ${result.document.episodes.length} of ${scenarios.length * seeds.length} episodes answered; continue it with --run-id ${result.runId} --resume`,
          );
      } finally {
        await closeDb();
      }
    });
}
