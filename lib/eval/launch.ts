/**
 * How a run was launched, stored with it (`Run.launch`) so it can be played again — "Retry failed
 * episodes" on the run page — by a process that did not start it: the solver's options minus the loaded
 * scenarios and callbacks, the scenario ids and the folder they came from. Never holds an API key (only
 * the name of the variable that does). Replaying resumes the run: finished episodes are kept, failed and
 * unfinished ones are played again.
 */
import { MmcbError } from "@/core/errors";
import { getDb } from "@/lib/db/client";
import { getRun, getRunLaunch, type RunRecord } from "@/lib/db/runs";
import { loadScenarioStore, type LoadedScenario, type LoadResult } from "@/lib/scenarios/load";
import { runBaselineEval, type BaselineEvalOptions } from "./baselines";
import { runModelEval, type ModelEvalOptions } from "./model";
import type { EvalProgress, EvalResult } from "./run";

type Portable<T> = Omit<
  T,
  "scenarios" | "scenariosDir" | "onProgress" | "onStopped" | "onRetry" | "concurrency" | "signal" | "preflight"
>;

export type RunLaunch = {
  /** The folder the scenarios were loaded from; absent: the app's scenario store. */
  readonly scenariosDir?: string;
  readonly scenarioIds: readonly string[];
  readonly concurrency: number;
} & (
  | { readonly solver: "openai"; readonly options: Portable<ModelEvalOptions> & { readonly runId: string } }
  | { readonly solver: "baseline"; readonly options: Portable<BaselineEvalOptions> & { readonly runId: string } }
);

export interface PreparedReplay {
  readonly run: RunRecord;
  readonly launch: RunLaunch;
  readonly scenarios: readonly LoadedScenario[];
  /** Plays the run again (finished episodes kept). */
  readonly start: (hooks: {
    readonly signal?: AbortSignal;
    readonly onProgress?: (p: EvalProgress) => void;
    readonly onStopped?: () => void;
    readonly preflight?: boolean;
  }) => Promise<EvalResult>;
}

/**
 * Checks that a run can be replayed here — it is stored with its launch, is not playing, and its
 * scenarios are in the folder (or store) it came from with the same content — and returns how to start
 * it. `appStore` loads the app's scenario store for runs started from the web app (`getReplayStore`: the
 * published scenarios and the drafts, so a run over a published version still replays after an edit). Throws with a sentence:
 * `run:not_found`, `conflict` (still playing, not replayable, scenarios changed or missing).
 */
export async function prepareReplay(runId: string, appStore: () => Promise<LoadResult>): Promise<PreparedReplay> {
  const db = getDb();
  const run = await getRun(db, runId);
  if (!run) throw new MmcbError("run:not_found", `no run "${runId}"`);
  if (run.status === "running" || run.status === "pending")
    throw new MmcbError("conflict", `run "${runId}" is still ${run.status}; wait for it to finish or cancel it first`);
  const launch = (await getRunLaunch(db, runId)) as RunLaunch | null;
  if (!launch || run.solverKind === "human")
    throw new MmcbError(
      "conflict",
      run.solverKind === "human"
        ? `run "${runId}" collects human play; its episodes are played by people, not replayed`
        : `run "${runId}" does not record how it was launched (it is older than this version); resume it with \`mmcb eval --resume --run-id ${runId}\` and its original flags`,
    );
  const store = launch.scenariosDir ? await loadScenarioStore(launch.scenariosDir) : await appStore();
  const wanted = new Map(run.config.scenarios.map((s) => [s.id, s.contentHash]));
  // a store may hold an id twice (the app's published version and a newer draft): the one played wins
  const byId = new Map<string, LoadedScenario>();
  for (const l of store.scenarios) {
    const seen = byId.get(l.scenario.id);
    if (!seen || (seen.contentHash !== wanted.get(l.scenario.id) && l.contentHash === wanted.get(l.scenario.id)))
      byId.set(l.scenario.id, l);
  }
  const where = launch.scenariosDir ?? "the scenario library";
  const scenarios = launch.scenarioIds.map((id) => {
    const loaded = byId.get(id);
    if (!loaded) throw new MmcbError("conflict", `scenario ${id} of run "${runId}" is no longer in ${where}`);
    if (wanted.get(id) !== loaded.contentHash)
      throw new MmcbError(
        "conflict",
        `scenario ${id} changed since run "${runId}" played it, so its episodes would not be comparable; start a new run instead`,
      );
    return loaded;
  });
  const start: PreparedReplay["start"] = async (hooks) => {
    const common = {
      scenarios,
      ...(launch.scenariosDir ? { scenariosDir: launch.scenariosDir } : {}),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      ...(hooks.onStopped ? { onStopped: hooks.onStopped } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    };
    if (launch.solver === "openai")
      return runModelEval({
        ...launch.options,
        ...common,
        concurrency: launch.concurrency,
        ...(hooks.preflight === false ? { preflight: false } : {}),
      });
    return runBaselineEval({ ...launch.options, ...common });
  };
  return { run, launch, scenarios, start };
}
