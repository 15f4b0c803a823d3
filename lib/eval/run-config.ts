/** Building the run configuration for an evaluation (SPEC §3). */
import { DEFAULT_SYSTEM_PROMPT, PROMPT_TEMPLATE_VERSION } from "@/core/engine";
import type { RunConfig } from "@/core/run";
import type { LoadedScenario } from "@/lib/scenarios/load";
import { APP_VERSION } from "@/lib/version";
import { toolSchemaHash } from "@/lib/run/hash";

export interface RunConfigInput {
  readonly solver: RunConfig["solver"];
  readonly maxTurns: number;
  readonly observation: RunConfig["engine"]["observation"];
  readonly imageHistory?: RunConfig["engine"]["imageHistory"];
  readonly reasoningHistory?: RunConfig["engine"]["reasoningHistory"];
  readonly entityLabels?: RunConfig["engine"]["entityLabels"];
  readonly sampling?: Partial<RunConfig["sampling"]>;
  readonly systemPrompt?: string;
  readonly seeds: readonly number[];
  readonly scenarios: readonly LoadedScenario[];
}

export function buildRunConfig(input: RunConfigInput): RunConfig {
  return {
    solver: input.solver,
    engine: {
      maxTurns: input.maxTurns,
      observation: input.observation,
      imageHistory: input.imageHistory ?? "last",
      reasoningHistory: input.reasoningHistory ?? "keep",
      entityLabels: input.entityLabels ?? "names",
    },
    sampling: { temperature: null, topP: null, seed: null, maxTokens: null, ...input.sampling },
    systemPrompt: input.systemPrompt ?? DEFAULT_SYSTEM_PROMPT,
    promptTemplateVersion: PROMPT_TEMPLATE_VERSION,
    toolSchemaHash: toolSchemaHash(),
    scenarios: input.scenarios.map((l) => ({
      id: l.scenario.id,
      version: l.scenario.version,
      contentHash: l.contentHash,
      imageHashes: { ...l.imageHashes },
    })),
    seeds: [...input.seeds],
    appVersion: APP_VERSION,
  };
}
