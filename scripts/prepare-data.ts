/**
 * Start-up preparation shared by `npm start` and the e2e server: migrate the database (created on first
 * start) and index the scenario store. Invalid scenarios are reported and skipped, never fatal.
 */
import { formatIssue, MmcbError } from "@/core/errors";
import { databaseUrl, defaultScenariosDir } from "@/lib/config";
import { closeDb, getDb } from "@/lib/db/client";
import { listRuns } from "@/lib/db/runs";
import { indexScenarios } from "@/lib/db/scenarios";
import { runBaselineEval } from "@/lib/eval/baselines";
import { displayPath, loadScenarioStore } from "@/lib/scenarios/load";

async function main(): Promise<void> {
  const db = getDb();
  const dir = defaultScenariosDir();
  const store = await loadScenarioStore(dir);
  for (const issue of store.issues) console.warn(`  skipped: ${formatIssue(issue)}`);
  const report = await indexScenarios(db, store.scenarios);
  const where = databaseUrl().replace(/^file:/, "");
  console.log(
    `mmcb: ${store.scenarios.length} scenarios from ${displayPath(dir)} (${report.added} new, ${report.updated} updated` +
      `${store.checked - store.scenarios.length ? `, ${store.checked - store.scenarios.length} invalid skipped` : ""}); database ${displayPath(where)}`,
  );
  // A demo run on first start, so there is something to look at without an API key.
  if (process.env.MMCB_DEMO !== "0" && store.scenarios.length > 0 && (await listRuns(db)).length === 0) {
    for (const solver of ["oracle", "lexical", "random"] as const) {
      const result = await runBaselineEval({
        solver,
        scenarios: store.scenarios,
        seeds: [1, 2, 3],
        maxTurns: 15,
        observation: "image",
        runId: `demo-${solver}`,
      });
      const gold = result.document.aggregate.metrics.gold_correct.mean ?? 0;
      console.log(
        `mmcb: demo run ${result.runId}: ${result.document.episodes.length} episodes, gold_correct ${gold.toFixed(3)}`,
      );
    }
  }
  await closeDb();
}

main().catch((error: unknown) => {
  const message =
    error instanceof MmcbError
      ? `${error.message} [${error.code}]`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`mmcb: could not prepare the data folder: ${message}`);
  process.exit(1);
});
