/** Running the `openai` solver over scenarios × seeds (SPEC §6): preflight, concurrency, retries, cache, costs. */
import path from "node:path";
import type { RunConfig } from "@/core/run";
import { dataDir } from "@/lib/config";
import { ResponseCache } from "@/lib/model/cache";
import { encodeImage, imageKey } from "@/lib/model/images";
import { imageToken } from "@/lib/model/wire-images";
import { createClient, episodeSettings, hostOf, openAiSolver, type ModelSettings } from "@/lib/model/openai-solver";
import { preflight } from "@/lib/model/preflight";
import type { LoadedScenario } from "@/lib/scenarios/load";
import type { RunLaunch } from "./launch";
import { buildRunConfig } from "./run-config";
import { episodeScope, newRunId, runEval, type EvalProgress, type EvalResult } from "./run";

export interface ModelEvalOptions {
  readonly settings: ModelSettings;
  readonly scenarios: readonly LoadedScenario[];
  /** The folder the scenarios were loaded from (recorded so the run can be replayed); none: the app's store. */
  readonly scenariosDir?: string;
  /** The benchmark set's name, recorded with the run (lib/run/benchmark-set: benchmarkSetName). */
  readonly benchmarkSetName?: string;
  readonly seeds: readonly number[];
  readonly maxTurns: number;
  readonly observation: RunConfig["engine"]["observation"];
  /** `marks`: number the entities on the scene image and hide their names (SPEC §3). Default `names`. */
  readonly entityLabels?: RunConfig["engine"]["entityLabels"];
  readonly concurrency: number;
  readonly runId?: string;
  readonly useCache: boolean;
  readonly prices?: { prompt: number; completion: number };
  readonly costCapUsd?: number;
  /** Skip the preflight request (default: one cheap request before the first episode). */
  readonly preflight?: boolean;
  /** Cancels the run from this process. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: EvalProgress) => void;
  /** Called once the run stopped writing, before it is scored (see EvalOptions). */
  readonly onStopped?: () => void;
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export async function runModelEval(options: ModelEvalOptions): Promise<EvalResult> {
  const { settings } = options;
  const client = createClient(settings);
  // Before anything is stored: an endpoint that is down, refuses the key or lacks the model fails here
  // with one sentence. A distributed worker playing one episode skips it (the run was checked when queued).
  if (options.preflight !== false && episodeScope.getStore()?.mode !== "episode")
    await preflight(client, settings, options.signal ? { signal: options.signal } : {});
  const config = buildRunConfig({
    solver: {
      kind: "model",
      name: "openai",
      model: settings.model,
      endpointHost: hostOf(settings.baseUrl),
      apiKeyEnv: settings.apiKeyEnv,
    },
    maxTurns: options.maxTurns,
    observation: options.observation,
    imageHistory: settings.imageHistory,
    reasoningHistory: settings.reasoningHistory,
    entityLabels: options.entityLabels ?? "names",
    sampling: {
      temperature: settings.temperature,
      topP: settings.topP,
      seed: settings.seed,
      sendSeed: settings.sendSeed !== false,
      maxTokens: settings.maxTokens,
    },
    systemPrompt: settings.systemPrompt,
    seeds: options.seeds,
    scenarios: options.scenarios,
  });
  const cache = options.useCache ? new ResponseCache(path.join(dataDir(), "cache", "responses")) : undefined;
  const entityLabels = options.entityLabels ?? "names";
  const engine = { maxTurns: options.maxTurns, observation: options.observation, entityLabels };
  const images = { maxSide: settings.maxImageSide, marks: entityLabels === "marks" };
  const runId = options.runId ?? newRunId(settings.model);
  const { retry: _retry, ...portableSettings } = settings;
  const launch: RunLaunch = {
    solver: "openai",
    ...(options.scenariosDir ? { scenariosDir: options.scenariosDir } : {}),
    scenarioIds: options.scenarios.map((l) => l.scenario.id),
    concurrency: options.concurrency,
    options: {
      runId,
      settings: portableSettings,
      seeds: [...options.seeds],
      maxTurns: options.maxTurns,
      observation: options.observation,
      entityLabels,
      useCache: options.useCache,
      ...(options.prices ? { prices: options.prices } : {}),
      ...(options.costCapUsd !== undefined ? { costCapUsd: options.costCapUsd } : {}),
    },
  };
  const result = await runEval({
    runId,
    name: `${settings.model} @ ${hostOf(settings.baseUrl)}`,
    config,
    launch,
    ...(options.benchmarkSetName ? { benchmarkSetName: options.benchmarkSetName } : {}),
    scenarios: options.scenarios,
    seeds: options.seeds,
    engine,
    concurrency: options.concurrency,
    ...(options.prices ? { prices: options.prices } : {}),
    ...(options.costCapUsd !== undefined ? { costCapUsd: options.costCapUsd } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onStopped ? { onStopped: options.onStopped } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    makeSolver: (loaded, seed, usage, signal) =>
      openAiSolver({
        client,
        // the episode's sampling seed (base + episode seed, unless the endpoint must not get one)
        settings: episodeSettings(settings, seed),
        episodeSeed: seed,
        signal,
        scenario: loaded.scenario,
        engine,
        // a short token per image; the client's fetch splices the encoded bytes in (lib/model/wire-images.ts)
        resolveImage: (ref) => imageToken(imageKey(loaded, ref, images), () => encodeImage(loaded, ref, images)),
        imageKey: (ref) => imageKey(loaded, ref, images),
        ...(cache ? { cache } : {}),
        ...(options.onRetry ? { onRetry: options.onRetry } : {}),
        onResponse: ({ promptTokens, completionTokens, cached }) => {
          if (!cached) usage(promptTokens, completionTokens);
        },
      }),
  }).finally(() => cache?.flush());
  return result;
}
