/** Running the `openai` solver over scenarios × seeds (SPEC §6): concurrency, retries, cache, costs. */
import path from "node:path";
import type { RunConfig } from "@/core/run";
import { dataDir } from "@/lib/config";
import { ResponseCache } from "@/lib/model/cache";
import { encodeImage, imageKey } from "@/lib/model/images";
import { imageToken } from "@/lib/model/wire-images";
import { createClient, hostOf, openAiSolver, type ModelSettings } from "@/lib/model/openai-solver";
import type { LoadedScenario } from "@/lib/scenarios/load";
import { buildRunConfig } from "./run-config";
import { newRunId, runEval, type EvalProgress, type EvalResult } from "./run";

export interface ModelEvalOptions {
  readonly settings: ModelSettings;
  readonly scenarios: readonly LoadedScenario[];
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
  readonly onProgress?: (p: EvalProgress) => void;
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export async function runModelEval(options: ModelEvalOptions): Promise<EvalResult> {
  const { settings } = options;
  const client = createClient(settings);
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
  const result = await runEval({
    runId: options.runId ?? newRunId(settings.model),
    name: `${settings.model} @ ${hostOf(settings.baseUrl)}`,
    config,
    scenarios: options.scenarios,
    seeds: options.seeds,
    engine,
    concurrency: options.concurrency,
    ...(options.prices ? { prices: options.prices } : {}),
    ...(options.costCapUsd !== undefined ? { costCapUsd: options.costCapUsd } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    makeSolver: (loaded, seed, usage) =>
      openAiSolver({
        client,
        // a per-episode sampling seed when the run asks for one: run seed + episode seed
        settings: { ...settings, seed: settings.seed === null ? null : settings.seed + seed },
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
