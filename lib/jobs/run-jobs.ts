/**
 * Runs started from the web app play in the background inside the server process. This registry keeps
 * one in-memory entry per run (runId → progress); the run itself — episodes, steps, scores — is written
 * to the database by the evaluation as it goes, so a page reload or another process sees it too. After a
 * server restart the registry is empty and an unfinished run shows as interrupted (resume it from the
 * CLI with `mmcb eval --resume --run-id …`).
 */
import "server-only";
import { DEFAULT_SYSTEM_PROMPT } from "@/core/engine";
import { MmcbError, type ErrorCode } from "@/core/errors";
import { parseSeedList } from "@/core/run/seeds";
import { getDb } from "@/lib/db/client";
import { getRun } from "@/lib/db/runs";
import { runBaselineEval } from "@/lib/eval/baselines";
import { runModelEval } from "@/lib/eval/model";
import { newRunId, type EvalProgress } from "@/lib/eval/run";
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

const g = globalThis as unknown as { __mmcbRunJobs?: Map<string, RunJob> };
const jobs = (): Map<string, RunJob> => (g.__mmcbRunJobs ??= new Map());

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
  const job: RunJob = {
    runId,
    status: "running",
    done: 0,
    total: scenarios.length * seeds.length,
    failed: 0,
    reused: 0,
    error: null,
    errorCode: null,
    startedAt: new Date(),
    finishedAt: null,
  };
  jobs().set(runId, job);
  forgetOldJobs();

  const onProgress = (p: EvalProgress) => {
    job.done = p.done;
    job.total = p.total;
    job.failed = p.failed;
    job.reused = p.reused;
  };
  const common = {
    scenarios,
    seeds,
    maxTurns: request.maxTurns,
    observation: request.observation,
    runId,
    onProgress,
    benchmarkSetName: benchmarkSetName({ selected: request.scenarios !== "all", scenarios }),
  };
  const running = settings
    ? runModelEval({
        ...common,
        settings,
        entityLabels: request.openai!.entityLabels,
        concurrency: request.openai!.concurrency,
        useCache: request.openai!.useCache,
      })
    : runBaselineEval({ ...common, solver: request.solver as Exclude<RunRequest["solver"], "openai"> });
  // Not awaited: the run plays on after the response. Errors end up in the job and the run row.
  void running.then(
    (result) => {
      job.status = result.stoppedByCostCap ? "cancelled" : "done";
      job.failed = result.failed;
      job.finishedAt = new Date();
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      job.status = "failed";
      job.error = redactSecret(message, settings ? process.env[settings.apiKeyEnv] : undefined);
      job.errorCode = error instanceof MmcbError ? error.code : "internal";
      job.finishedAt = new Date();
      if (!(error instanceof MmcbError)) console.error(`[runs] run ${runId} failed:`, job.error);
    },
  );

  const db = getDb();
  const deadline = Date.now() + REGISTER_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await getRun(db, runId)) return { ok: true, runId };
    // A run that fails before it is registered (the preflight found the endpoint down, the key refused
    // or the model unknown) answers with that error's code and sentence.
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
