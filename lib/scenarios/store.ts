/**
 * The server's view of the scenario store: loads the folder once and reloads it when a scenario.json
 * changes (checked at most every 2 s). Invalid scenarios are kept as issues for the UI to report.
 */
import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { defaultScenariosDir } from "@/lib/config";
import { loadScenarioStore, type LoadResult, type LoadedScenario } from "./load";

interface Cached {
  readonly root: string;
  readonly stamp: string;
  readonly checkedAt: number;
  readonly result: LoadResult;
}

const g = globalThis as unknown as { __mmcbScenarioStore?: Cached; __mmcbScenarioLoading?: Promise<Cached> };

async function storeStamp(root: string): Promise<string> {
  const parts: string[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const info = await stat(path.join(root, entry.name, "scenario.json")).catch(() => null);
    if (info) parts.push(`${entry.name}:${info.mtimeMs}:${info.size}`);
  }
  return parts.sort().join("|");
}

/** The current scenario store (cached; reloaded when files change). */
export async function getScenarioStore(): Promise<LoadResult> {
  const root = path.resolve(defaultScenariosDir());
  const cached = g.__mmcbScenarioStore;
  if (cached && cached.root === root && Date.now() - cached.checkedAt < 2000) return cached.result;
  const stamp = await storeStamp(root);
  if (cached && cached.root === root && cached.stamp === stamp) {
    g.__mmcbScenarioStore = { ...cached, checkedAt: Date.now() };
    return cached.result;
  }
  g.__mmcbScenarioLoading ??= loadScenarioStore(root)
    .then((result) => ({ root, stamp, checkedAt: Date.now(), result }))
    .finally(() => {
      g.__mmcbScenarioLoading = undefined;
    });
  const fresh = await g.__mmcbScenarioLoading;
  g.__mmcbScenarioStore = fresh;
  return fresh.result;
}

/** One valid scenario by id, or null. */
export async function getScenario(id: string): Promise<LoadedScenario | null> {
  const store = await getScenarioStore();
  return store.scenarios.find((s) => s.scenario.id === id) ?? null;
}
