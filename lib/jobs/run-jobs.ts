/**
 * Runs started from the web app play in the background inside the server process. This registry keeps
 * one in-memory entry per run (runId → progress); the run itself — episodes, steps, scores — is written
 * to the database by the evaluation as it goes, so a page reload or another process sees it too. After a
 * server restart the registry is empty and an unfinished run shows as interrupted (resume it from the
 * CLI with `mmcb eval --resume --run-id …`). A run is cancelled (`cancelRunJob`) through its status in the
 * database — which every process playing it polls — and, when this process plays it, through its abort
 * signal at once; "Retry failed episodes" (`retryRunJob`) replays a stored run from its recorded launch.
 */
import "server-only";
import { DEFAULT_SYSTEM_PROMPT } from "@/core/engine";
import { MmcbError, type ErrorCode } from "@/core/errors";
import { parseSeedList } from "@/core/run/seeds";
import { getDb } from "@/lib/db/client";
import { cancelRun, deleteRun, getRun, runEpisodes, type RunRecord } from "@/lib/db/runs";
import { dequeueRun } from "@/lib/eval/distributed";
import { prepareReplay } from "@/lib/eval/launch";
import { runBaselineEval } from "@/lib/eval/baselines";
import { runModelEval } from "@/lib/eval/model";
import { newRunId, type EvalProgress, type EvalResult } from "@/lib/eval/run";
import { createClient, type ModelSettings } from "@/lib/model/openai-solver";
import type { LoadedScenario } from "@/lib/scenarios/load";
import { benchmarkSetName } from "@/lib/run/benchmark-set";
import { getPublishedStore, getScenarioStore } from "@/lib/scenarios/store";
import { checkRequestKeyEnv, KEY_ENV_REFUSED, redactSecret } from "@/lib/secrets";
import type { ProgressStatus } from "./progress";
import type { FieldErrors, OpenAiRequest, RunRequest } from "./run-request";

export interface RunJob {
  readonly runId: string;
  status: Extract<ProgressStatus, "running" | "done" | "failed" | "cancelled">;
  done: number;
  total: number;
  failed: number;
  reused: number;
  error: string | null;
  /** The code of the error that ended the run (`model:auth_failed` when the preflight was refused). */
  errorCode: ErrorCode | null;
  readonly startedAt: Date;
  finishedAt: Date | null;
}

/** How many finished jobs the registry remembers (the database remembers everything). */
const KEEP_FINISHED = 200;
/** How long `startRunJob` waits for the run to be registered in the database. */
const REGISTER_TIMEOUT_MS = 15_000;
/** How long deleting a cancelled run waits for it to stop writing. */
const STOP_WAIT_MS = 5_000;

const g = globalThis as unknown as {
  __mmcbRunJobs?: Map<string, RunJob>;
  __mmcbRunAborts?: Map<string, AbortController>;
};
const jobs = (): Map<string, RunJob> => (g.__mmcbRunJobs ??= new Map());
/** How to stop the runs this process plays (one per job still running). */
const aborts = (): Map<string, AbortController> => (g.__mmcbRunAborts ??= new Map());

/** A copy of a job's state, or null when this process is not (or no longer) tracking the run. */
export function getRunJob(runId: string): Readonly<RunJob> | null {
  const job = jobs().get(runId);
  return job ? { ...job } : null;
}

function forgetOldJobs(): void {
  const all = jobs();
  const finished = [...all.values()].filter((j) => j.finishedAt !== null);
  finished.sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime());
  for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) all.delete(job.runId);
}

export type StartRunResult =
  | { readonly ok: true; readonly runId: string }
  | { readonly ok: false; readonly fields: FieldErrors; readonly message: string; readonly code?: ErrorCode };

const invalid = (fields: FieldErrors): StartRunResult => ({
  ok: false,
  fields,
  message: Object.values(fields).join("; "),
});

function modelSettings(o: OpenAiRequest): ModelSettings {
  return {
    baseUrl: o.baseUrl,
    model: o.model,
    apiKeyEnv: o.apiKeyEnv,
    temperature: o.temperature,
    topP: null,
    seed: null,
    maxTokens: null,
    timeoutMs: 120_000,
    systemPrompt: DEFAULT_SYSTEM_PROMPT,
    imageHistory: o.imageHistory,
    reasoningHistory: o.reasoningHistory,
    maxImageSide: 1024,
  };
}

/** Endpoints on this machine, which need no key (as createClient decides). */
const LOCAL_ENDPOINT = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a parsed request against the server (known scenarios, the key variable), starts the run in the
 * background and resolves once the run is registered in the database, so its page can be opened at once.
 */
export async function startRunJob(request: RunRequest): Promise<StartRunResult> {
  // "all" is the published benchmark (drafts left out); a draft runs only when named
  const store = request.scenarios === "all" ? await getPublishedStore() : await getScenarioStore();
  let scenarios: readonly LoadedScenario[] = store.scenarios;
  if (request.scenarios !== "all") {
    const wanted = new Set(request.scenarios);
    const unknown = [...wanted].filter((id) => !store.scenarios.some((s) => s.scenario.id === id));
    if (unknown.length)
      return invalid({ scenarios: `unknown scenario${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}` });
    scenarios = store.scenarios.filter((s) => wanted.has(s.scenario.id));
  }
  if (scenarios.length === 0) return invalid({ scenarios: "the scenario library holds no valid scenario" });
  const seeds = parseSeedList(request.seeds);

  let settings: ModelSettings | null = null;
  if (request.solver === "openai") {
    if (!request.openai) return invalid({ openai: "the openai solver needs its endpoint settings" });
    settings = modelSettings(request.openai);
    // A request names the variable, the server owns it: only key variables on the allow-list
    // (lib/secrets.ts), and one sentence for a refused name and an unset one alike.
    try {
      checkRequestKeyEnv(settings.apiKeyEnv, { local: LOCAL_ENDPOINT.test(settings.baseUrl) });
      createClient(settings);
    } catch (error) {
      if (error instanceof MmcbError) return invalid({ "openai.apiKeyEnv": KEY_ENV_REFUSED });
      throw error;
    }
  }

  const runId = newRunId(settings ? settings.model : request.solver);
  const secret = settings ? process.env[settings.apiKeyEnv] : undefined;
  return track(runId, scenarios.length * seeds.length, secret, (hooks) => {
    const common = {
      scenarios,
      seeds,
      maxTurns: request.maxTurns,
      observation: request.observation,
      runId,
      ...hooks,
      benchmarkSetName: benchmarkSetName({ selected: request.scenarios !== "all", scenarios }),
    };
    return settings
      ? runModelEval({
          ...common,
          settings,
          entityLabels: request.openai!.entityLabels,
          concurrency: request.openai!.concurrency,
          useCache: request.openai!.useCache,
        })
      : runBaselineEval({ ...common, solver: request.solver as Exclude<RunRequest["solver"], "openai"> });
  });
}

/** What a job hands the run it plays: its cancel, where progress goes, and "stopped writing". */
interface PlayHooks {
  readonly signal: AbortSignal;
  readonly onProgress: (p: EvalProgress) => void;
  readonly onStopped: () => void;
}

/**
 * Registers a job for `runId`, plays `play` in the background (not awaited: the run plays on after the
 * response; errors end up in the job and the run row) and resolves once the run is registered in the
 * database as playing — or with the error's code and sentence when it fails before that (the preflight
 * found the endpoint down, the key refused, the model unknown). `ready` says when the stored run counts
 * as registered (a replayed run exists from the start: it is ready once the replay reopened or finished it).
 */
async function track(
  runId: string,
  total: number,
  secret: string | undefined,
  play: (hooks: PlayHooks) => Promise<EvalResult>,
  ready: (run: RunRecord, startedAt: Date) => boolean = () => true,
): Promise<StartRunResult> {
  const job: RunJob = {
    runId,
    status: "running",
    done: 0,
    total,
    failed: 0,
    reused: 0,
    error: null,
    errorCode: null,
    startedAt: new Date(),
    finishedAt: null,
  };
  jobs().set(runId, job);
  forgetOldJobs();
  const abort = new AbortController();
  aborts().set(runId, abort);

  const onProgress = (p: EvalProgress) => {
    job.done = p.done;
    job.total = p.total;
    job.failed = p.failed;
    job.reused = p.reused;
  };
  // stopped writing (finished or cancelled): from here on it may be deleted, even while it is still scored
  const onStopped = () => {
    if (aborts().get(runId) === abort) aborts().delete(runId);
  };
  void play({ signal: abort.signal, onProgress, onStopped })
    .then(
      (result) => {
        // cancelled here (Cancel), elsewhere (`mmcb runs cancel`: the status poll) or by the cost cap
        job.status = result.cancelled || result.stoppedByCostCap ? "cancelled" : "done";
        job.failed = result.failed;
        job.finishedAt = new Date();
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        job.status = "failed";
        job.error = redactSecret(message, secret);
        job.errorCode = error instanceof MmcbError ? error.code : "internal";
        job.finishedAt = new Date();
        if (!(error instanceof MmcbError)) console.error(`[runs] run ${runId} failed:`, job.error);
      },
    )
    .finally(() => {
      if (aborts().get(runId) === abort) aborts().delete(runId);
    });

  const db = getDb();
  const deadline = Date.now() + REGISTER_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const run = await getRun(db, runId);
    if (run && ready(run, job.startedAt)) return { ok: true, runId };
    // A run that fails before it is registered answers with that error's code and sentence.
    if (job.status === "failed")
      return {
        ok: false,
        fields: {},
        message: job.error ?? "the run failed to start",
        code: job.errorCode ?? "internal",
      };
    await sleep(20);
  }
  // Still registering (a slow disk): the run page copes with a run that is only in the registry.
  return { ok: true, runId };
}

/**
 * Cancels a run (SPEC §9): its status becomes `cancelled` in the database, which stops it wherever it
 * plays (CLI, workers, another server); when this process plays it, its requests in flight are aborted
 * at once and its episodes in play go back to pending. Throws `run:not_found`, or `conflict` when the
 * run is not playing.
 */
export async function cancelRunJob(runId: string): Promise<{ readonly status: "cancelled" }> {
  await cancelRun(getDb(), runId);
  aborts().get(runId)?.abort();
  const job = jobs().get(runId);
  if (job && job.status === "running") {
    // the run is stopping; the job's promise records when it has stopped
    job.status = "cancelled";
  }
  await dequeueRun(runId).catch(() => 0);
  return { status: "cancelled" };
}

/**
 * Deletes a run with everything stored under it (one transaction, see `deleteRun`) and forgets its job.
 * A run still playing is refused (`conflict`: cancel it first); a cancelled one still stopping is waited
 * for up to STOP_WAIT_MS.
 */
export async function deleteRunJob(runId: string): Promise<{ readonly episodes: number }> {
  const job = jobs().get(runId);
  if (job?.status === "running")
    throw new MmcbError("conflict", `run "${runId}" is still playing on this server: cancel it first`);
  // A cancelled run stops within its requests in flight: wait for that rather than refuse at once.
  const deadline = Date.now() + STOP_WAIT_MS;
  while (aborts().has(runId) && Date.now() < deadline) await sleep(50);
  if (aborts().has(runId))
    throw new MmcbError("conflict", `run "${runId}" is still stopping after its cancel; delete it in a moment`);
  const deleted = await deleteRun(getDb(), runId);
  jobs().delete(runId);
  await dequeueRun(runId, { forget: true }).catch(() => 0);
  return deleted;
}

/**
 * "Retry failed episodes": replays a stored run from its recorded launch in the background, like
 * `mmcb eval --resume` — finished episodes are kept; failed (errored) and unfinished ones are played
 * again. Refused with one sentence (`conflict`) when there is nothing to retry or the launch cannot be
 * replayed here (no launch recorded, scenarios changed, or a key variable a request over HTTP may not
 * name); a failed preflight answers with its `model:*` code.
 */
export async function retryRunJob(runId: string): Promise<StartRunResult> {
  if (jobs().get(runId)?.status === "running")
    throw new MmcbError("conflict", `run "${runId}" is still playing on this server; wait for it to finish`);
  const replay = await prepareReplay(runId, getScenarioStore);
  const db = getDb();
  const episodes = await runEpisodes(db, runId);
  const planned = replay.run.config.scenarios.length * replay.run.config.seeds.length;
  const failed = episodes.filter((e) => e.status === "failed").length;
  const finished = episodes.filter((e) => e.status === "done").length;
  if (failed === 0 && finished >= planned)
    throw new MmcbError("conflict", `run "${runId}" has no failed or unfinished episode to retry`);
  let secret: string | undefined;
  if (replay.launch.solver === "openai") {
    const settings = replay.launch.options.settings;
    // The same rule as a run started over HTTP: only allow-listed key variables, and one that is set.
    try {
      checkRequestKeyEnv(settings.apiKeyEnv, { local: LOCAL_ENDPOINT.test(settings.baseUrl) });
    } catch {
      throw new MmcbError(
        "conflict",
        `run "${runId}" uses the key variable ${settings.apiKeyEnv}, which this server may not use for a run retried from the browser (only OPENAI_API_KEY, a *_API_KEY variable or one in MMCB_KEY_ENVS, and only when it is set); retry it from the command line with \`mmcb eval --resume --run-id ${runId}\` and its original flags`,
      );
    }
    secret = process.env[settings.apiKeyEnv];
  }
  return track(
    runId,
    planned,
    secret,
    (hooks) => replay.start(hooks),
    // reopened by the replay (running), or already played and finished by it
    (run, startedAt) => run.status === "running" || (run.finishedAt !== null && run.finishedAt >= startedAt),
  );
}
