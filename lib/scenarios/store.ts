/**
 * The server's view of the scenario store: the bundled folder (git-tracked, MMCB_SCENARIOS_DIR), the folder
 * `<dataDir>/imported` where `mmcb import` writes, and the user folder `<dataDir>/scenarios` where the editor
 * writes. A user copy of a bundled id shadows it only
 * when its `version` is higher. Loaded once and reloaded when a scenario.json changes (checked at most
 * every 2 s, or at once after `invalidateScenarioStore`). Invalid scenarios are kept as issues.
 */
import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { dataDir, defaultScenariosDir, importedScenariosDir } from "@/lib/config";
import { loadScenarioStore, type LoadResult, type LoadedScenario } from "./load";

/** Where scenarios created or edited in the app live: `<dataDir>/scenarios`. */
export function userScenariosDir(): string {
  return path.join(dataDir(), "scenarios");
}

interface Cached {
  readonly key: string;
  readonly stamp: string;
  readonly checkedAt: number;
  readonly result: LoadResult;
}

const g = globalThis as unknown as { __mmcbScenarioStore?: Cached; __mmcbScenarioLoading?: Promise<Cached> };

async function storeStamp(root: string): Promise<string> {
  const parts: string[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const info = await stat(path.join(root, entry.name, "scenario.json")).catch(() => null);
    if (info) parts.push(`${entry.name}:${info.mtimeMs}:${info.size}`);
  }
  return parts.sort().join("|");
}

/**
 * Merges the bundled and the user store: a user scenario replaces the bundled one with the same id when
 * its version is higher; otherwise the bundled one stands and the user copy is ignored silently (a newer
 * bundled release supersedes an old local edit). Pure apart from its inputs; exported for tests.
 */
export function mergeStores(bundled: LoadResult, user: LoadResult): LoadResult {
  const byId = new Map<string, LoadedScenario>();
  for (const s of bundled.scenarios) byId.set(s.scenario.id, s);
  for (const s of user.scenarios) {
    const base = byId.get(s.scenario.id);
    if (!base || s.scenario.version > base.scenario.version) byId.set(s.scenario.id, s);
  }
  const scenarios = [...byId.values()].sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
  // A missing user folder is normal (nothing edited yet), not a problem to report.
  const userIssues = user.checked === 0 ? [] : user.issues;
  return {
    scenarios,
    issues: [...bundled.issues, ...userIssues],
    checked: bundled.checked + user.checked,
  };
}

async function loadMerged(bundledRoot: string, importedRoot: string, userRoot: string): Promise<LoadResult> {
  const [bundled, imported, user] = await Promise.all([
    loadScenarioStore(bundledRoot),
    loadScenarioStore(importedRoot),
    loadScenarioStore(userRoot),
  ]);
  // Imported scenarios (`mmcb import`, <dataDir>/imported) join the bundled ones on the same terms as user copies.
  return mergeStores(mergeStores(bundled, imported), user);
}

/** The current scenario store (cached; reloaded when files change). */
export async function getScenarioStore(): Promise<LoadResult> {
  const bundledRoot = path.resolve(defaultScenariosDir());
  const importedRoot = importedScenariosDir();
  const userRoot = userScenariosDir();
  const key = `${bundledRoot}\0${importedRoot}\0${userRoot}`;
  const cached = g.__mmcbScenarioStore;
  if (cached && cached.key === key && Date.now() - cached.checkedAt < 2000) return cached.result;
  const stamp = `${await storeStamp(bundledRoot)}\0${await storeStamp(importedRoot)}\0${await storeStamp(userRoot)}`;
  if (cached && cached.key === key && cached.stamp === stamp) {
    g.__mmcbScenarioStore = { ...cached, checkedAt: Date.now() };
    return cached.result;
  }
  g.__mmcbScenarioLoading ??= loadMerged(bundledRoot, importedRoot, userRoot)
    .then((result) => ({ key, stamp, checkedAt: Date.now(), result }))
    .finally(() => {
      g.__mmcbScenarioLoading = undefined;
    });
  const fresh = await g.__mmcbScenarioLoading;
  g.__mmcbScenarioStore = fresh;
  return fresh.result;
}

/** Forgets the cached store so the next read sees a just-written scenario at once. */
export function invalidateScenarioStore(): void {
  g.__mmcbScenarioStore = undefined;
  g.__mmcbScenarioLoading = undefined;
}

/** One valid scenario by id, or null. */
export async function getScenario(id: string): Promise<LoadedScenario | null> {
  const store = await getScenarioStore();
  return store.scenarios.find((s) => s.scenario.id === id) ?? null;
}
