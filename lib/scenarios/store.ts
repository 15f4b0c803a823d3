/**
 * The server's view of the scenario store: the bundled folder (git-tracked, MMCB_SCENARIOS_DIR), the folder
 * `<dataDir>/imported` where `mmcb import` writes, the user folder `<dataDir>/scenarios` (published
 * scenarios made in the app) and the drafts folder `<dataDir>/drafts` where the editor writes (SPEC §9: a
 * scenario made or edited in the browser is a draft until it is published, which moves it to
 * `<dataDir>/scenarios`). A later copy of an id shadows an earlier one only when its `version` is higher.
 * `getScenarioStore` is everything (drafts marked `draft: true`): the gallery, play, the editor;
 * `getPublishedStore` leaves drafts out: "All" of the new-run form. Loaded once and reloaded when a scenario.json changes (checked at most
 * every 2 s, or at once after `invalidateScenarioStore`). Invalid scenarios are kept as issues.
 */
import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { dataDir, defaultScenariosDir, importedScenariosDir } from "@/lib/config";
import { loadScenarioStore, type LoadResult, type LoadedScenario } from "./load";

/** Where published scenarios created or edited in the app live: `<dataDir>/scenarios`. */
export function userScenariosDir(): string {
  return path.join(dataDir(), "scenarios");
}

/** Where the editor saves: `<dataDir>/drafts/<id>/` until the scenario is published. */
export function draftScenariosDir(): string {
  return path.join(dataDir(), "drafts");
}

interface Both {
  /** Everything, drafts included (marked). */
  readonly all: LoadResult;
  /** Drafts left out: the benchmark's "All". */
  readonly published: LoadResult;
}

interface Cached {
  readonly key: string;
  readonly stamp: string;
  readonly checkedAt: number;
  readonly result: Both;
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
  // another valid copy of an id is not a skipped (invalid) scenario: `checked` counts each id once
  let shadowed = 0;
  for (const s of user.scenarios) {
    const base = byId.get(s.scenario.id);
    if (base) shadowed++;
    if (!base || s.scenario.version > base.scenario.version) byId.set(s.scenario.id, s);
  }
  const scenarios = [...byId.values()].sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
  // A missing user folder is normal (nothing edited yet), not a problem to report.
  const userIssues = user.checked === 0 ? [] : user.issues;
  return {
    scenarios,
    issues: [...bundled.issues, ...userIssues],
    checked: bundled.checked + user.checked - shadowed,
  };
}

/** Marks every scenario of a drafts folder as a draft. */
export function asDrafts(drafts: LoadResult): LoadResult {
  return { ...drafts, scenarios: drafts.scenarios.map((s) => ({ ...s, draft: true })) };
}

async function loadMerged(roots: readonly string[]): Promise<Both> {
  const [bundled, imported, user, drafts] = await Promise.all(roots.map((root) => loadScenarioStore(root)));
  // Imported scenarios (`mmcb import`, <dataDir>/imported) join the bundled ones on the same terms as user copies.
  const published = mergeStores(mergeStores(bundled!, imported!), user!);
  return { published, all: mergeStores(published, asDrafts(drafts!)) };
}

async function getBoth(): Promise<Both> {
  const roots = [
    path.resolve(defaultScenariosDir()),
    importedScenariosDir(),
    userScenariosDir(),
    draftScenariosDir(),
  ] as const;
  const key = roots.join("\0");
  const cached = g.__mmcbScenarioStore;
  if (cached && cached.key === key && Date.now() - cached.checkedAt < 2000) return cached.result;
  const stamp = (await Promise.all(roots.map(storeStamp))).join("\0");
  if (cached && cached.key === key && cached.stamp === stamp) {
    g.__mmcbScenarioStore = { ...cached, checkedAt: Date.now() };
    return cached.result;
  }
  g.__mmcbScenarioLoading ??= loadMerged(roots)
    .then((result) => ({ key, stamp, checkedAt: Date.now(), result }))
    .finally(() => {
      g.__mmcbScenarioLoading = undefined;
    });
  const fresh = await g.__mmcbScenarioLoading;
  g.__mmcbScenarioStore = fresh;
  return fresh.result;
}

/** The current scenario store, drafts included and marked (cached; reloaded when files change). */
export async function getScenarioStore(): Promise<LoadResult> {
  return (await getBoth()).all;
}

/** The published scenarios only (no drafts): the benchmark set "All" of the app. */
export async function getPublishedStore(): Promise<LoadResult> {
  return (await getBoth()).published;
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

/**
 * Every stored version the app can play: the published ones and the drafts (an id may appear twice, the
 * published version first). For replaying a run by content hash (lib/eval/launch.ts: prepareReplay).
 */
export async function getReplayStore(): Promise<LoadResult> {
  const { all, published } = await getBoth();
  const scenarios = [...published.scenarios, ...all.scenarios.filter((s) => s.draft)];
  return { ...all, scenarios };
}
