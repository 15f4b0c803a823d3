/**
 * Start-up preparation shared by `npm start` and the e2e server: migrate the database (created on first
 * start) and index the scenario store. Invalid scenarios are reported and skipped, never fatal.
 */
import { formatIssue, MmcbError } from "@/core/errors";
import { databaseUrl, dataDir, defaultScenariosDir } from "@/lib/config";
import { describeStorageFailure } from "@/lib/fs-errors";
import { closeDb, getDb } from "@/lib/db/client";
import { listRuns } from "@/lib/db/runs";
import { indexScenarios } from "@/lib/db/scenarios";
import { runBaselineEval } from "@/lib/eval/baselines";
import { runModelEval } from "@/lib/eval/model";
import { cleanStaleExports, describeClean } from "@/lib/export/stale";
import { publicPath } from "@/lib/public-path";
import { benchmarkSetName } from "@/lib/run/benchmark-set";
import { DEFAULT_SYSTEM_PROMPT } from "@/core/engine";
import { startMockServer } from "@/lib/model/mock-server";
import { displayPath, loadScenarioStore } from "@/lib/scenarios/load";

async function main(): Promise<void> {
  const db = getDb();
  const dir = defaultScenariosDir();
  const store = await loadScenarioStore(dir);
  for (const issue of store.issues) console.warn(`  skipped: ${formatIssue(issue)}`);
  const report = await indexScenarios(db, store.scenarios);
  // exports a killed server or CLI left "running": marked failed, their temporary folders removed
  for (const line of describeClean(await cleanStaleExports(db), publicPath)) console.log(`mmcb: ${line}`);
  const where = databaseUrl().replace(/^file:/, "");
  console.log(
    `mmcb: ${store.scenarios.length} scenarios from ${displayPath(dir)} (${report.added} new, ${report.updated} updated` +
      `${store.checked - store.scenarios.length ? `, ${store.checked - store.scenarios.length} invalid skipped` : ""}); database ${displayPath(where)}`,
  );
  // Demo runs on first start, so the runs pages have real data without an API key: the three baselines,
  // and two scripted "models" served by the in-repo mock OpenAI-compatible server (loopback, this process).
  if (process.env.MMCB_DEMO !== "0" && store.scenarios.length > 0 && (await listRuns(db)).length === 0) {
    const setName = benchmarkSetName({ selected: false, scenariosDir: dir, scenarios: store.scenarios });
    for (const solver of ["oracle", "lexical", "random"] as const) {
      const result = await runBaselineEval({
        solver,
        scenarios: store.scenarios,
        seeds: [1, 2, 3],
        maxTurns: 15,
        observation: "image",
        runId: `demo-${solver}`,
        benchmarkSetName: setName,
      });
      reportDemo(result.runId, result.document);
    }
    const mock = await startMockServer({ scenarios: store.scenarios.map((l) => l.scenario) });
    try {
      for (const model of ["mock-oracle", "mock-hallucinator"]) {
        const result = await runModelEval({
          settings: {
            baseUrl: mock.url,
            model,
            apiKeyEnv: "MMCB_DEMO_API_KEY",
            temperature: null,
            topP: null,
            seed: null,
            maxTokens: null,
            timeoutMs: 30_000,
            systemPrompt: DEFAULT_SYSTEM_PROMPT,
            imageHistory: "last",
            reasoningHistory: "keep",
            maxImageSide: 512,
          },
          scenarios: store.scenarios,
          seeds: [1],
          maxTurns: 15,
          observation: "image",
          concurrency: 4,
          useCache: false,
          runId: `demo-${model}`,
          benchmarkSetName: setName,
        });
        reportDemo(result.runId, result.document);
      }
    } finally {
      await mock.close();
    }
  }
  await closeDb();
}

function reportDemo(
  runId: string,
  document: { episodes: unknown[]; aggregate: { metrics: { gold_correct: { mean: number | null } } } },
): void {
  const gold = document.aggregate.metrics.gold_correct.mean ?? 0;
  console.log(`mmcb: demo run ${runId}: ${document.episodes.length} episodes, gold_correct ${gold.toFixed(3)}`);
}

main().catch((error: unknown) => {
  const storage = describeStorageFailure(error, `the data folder ${dataDir()}`);
  const message =
    error instanceof MmcbError
      ? `${error.message} [${error.code}]`
      : storage
        ? `${storage} [io:failed]`
        : error instanceof Error
          ? error.message
          : String(error);
  console.error(`mmcb: could not prepare the data folder: ${message}`);
  process.exit(1);
});
