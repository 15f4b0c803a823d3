/**
 * Start-up preparation shared by `npm start` and the e2e server: migrate the database (created on first
 * start) and index the scenario store. Invalid scenarios are reported and skipped, never fatal.
 */
import { formatIssue, MmcbError } from "@/core/errors";
import { databaseUrl, defaultScenariosDir } from "@/lib/config";
import { closeDb, getDb } from "@/lib/db/client";
import { indexScenarios } from "@/lib/db/scenarios";
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
  await closeDb();
}

main().catch((error: unknown) => {
  const message = error instanceof MmcbError ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : String(error);
  console.error(`mmcb: could not prepare the data folder: ${message}`);
  process.exit(1);
});
