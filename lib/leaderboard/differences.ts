/**
 * What a leaderboard group's configuration changes against the main group's, in words — "max turns 10
 * instead of 20 · observation text · benchmark set custom · 12" — over the comparable part of the run
 * configuration (everything but the model). Pure.
 */
import type { RunConfig } from "@/core/run";
import { formatBenchmarkSet, type BenchmarkSet } from "@/core/run/benchmark-set";

const show = (v: unknown): string => (v === null || v === undefined ? "default" : String(v));

/** `1–3`, `1, 4, 7`, `1` */
export function formatSeeds(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b);
  if (sorted.length === 0) return "none";
  const run = sorted.every((s, i) => i === 0 || s === sorted[i - 1]! + 1);
  if (run && sorted.length > 2) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.join(", ");
}

/** Each difference of `other` against `main` as a short phrase, in a fixed order; empty when none. */
export function configDifferences(
  main: { readonly config: RunConfig; readonly benchmarkSet: BenchmarkSet | null },
  other: { readonly config: RunConfig; readonly benchmarkSet: BenchmarkSet | null },
): string[] {
  const a = main.config;
  const b = other.config;
  const out: string[] = [];
  const field = (label: string, x: unknown, y: unknown) => {
    if (show(x) !== show(y)) out.push(`${label} ${show(y)} instead of ${show(x)}`);
  };
  field("solver kind", a.solver.kind, b.solver.kind);
  field("endpoint", a.solver.endpointHost ?? "none", b.solver.endpointHost ?? "none");
  field("max turns", a.engine.maxTurns, b.engine.maxTurns);
  field("observation", a.engine.observation, b.engine.observation);
  field("image history", a.engine.imageHistory, b.engine.imageHistory);
  field("reasoning history", a.engine.reasoningHistory, b.engine.reasoningHistory);
  field("entity labels", a.engine.entityLabels, b.engine.entityLabels);
  field("temperature", a.sampling.temperature, b.sampling.temperature);
  field("top-p", a.sampling.topP, b.sampling.topP);
  field("sample seed", a.sampling.seed, b.sampling.seed);
  // (baselines record no sendSeed: a change of solver kind says enough)
  if (a.solver.kind === b.solver.kind && (a.sampling.sendSeed ?? null) !== (b.sampling.sendSeed ?? null))
    out.push(b.sampling.sendSeed === false ? "no seed sent" : "seed sent");
  field("max tokens", a.sampling.maxTokens, b.sampling.maxTokens);
  if (a.systemPrompt !== b.systemPrompt) out.push("another system prompt");
  field("prompt template", a.promptTemplateVersion, b.promptTemplateVersion);
  if (a.toolSchemaHash !== b.toolSchemaHash) out.push("other tool definitions");
  const setA = main.benchmarkSet;
  const setB = other.benchmarkSet;
  if (setA?.hash !== setB?.hash || setA?.count !== setB?.count) {
    out.push(
      setB
        ? `benchmark set ${formatBenchmarkSet(setB)}${setA ? ` instead of ${formatBenchmarkSet(setA)}` : ""}`
        : "no scenario list (human play)",
    );
  } else if (JSON.stringify(a.scenarios) !== JSON.stringify(b.scenarios)) {
    out.push("other scenario versions or images");
  }
  if (formatSeeds(a.seeds) !== formatSeeds(b.seeds))
    out.push(`seeds ${formatSeeds(b.seeds)} instead of ${formatSeeds(a.seeds)}`);
  field("app version", a.appVersion, b.appVersion);
  return out;
}

/** The phrases joined for display; a fallback sentence when the comparable hashes differ but nothing named does. */
export function describeDifferences(differences: readonly string[]): string {
  return differences.length > 0 ? differences.join(" · ") : "differs in the configuration's details";
}
