/**
 * What the compare page shows for runs A and B: whether their configurations are comparable, the paired
 * comparison of B against A (SPEC §5) and the per-scenario gold_correct rates.
 */
import "server-only";
import { compareRuns, scenarioGoldDifferences, type Comparison, type ScenarioGoldRow } from "@/core/scoring";
import { getDb } from "@/lib/db/client";
import { listRuns } from "@/lib/db/runs";
import type { BenchmarkSet } from "@/core/run/benchmark-set";
import { runBenchmarkSet } from "@/lib/run/benchmark-set";
import { comparableHash } from "@/lib/run/hash";
import { scoredEpisodes } from "./runs";

export interface RunChoice {
  readonly id: string;
  readonly name: string;
  readonly solver: string;
  readonly comparableHash: string;
  readonly benchmarkSet: BenchmarkSet | null;
}

export interface ComparisonData {
  readonly a: RunChoice;
  readonly b: RunChoice;
  readonly comparable: boolean;
  readonly comparison: Comparison;
  readonly scenarios: readonly ScenarioGoldRow[];
}

export interface ComparePageData {
  readonly runs: readonly RunChoice[];
  /** Null unless both runs are given and known. */
  readonly result: ComparisonData | null;
}

export async function loadComparePage(a?: string, b?: string): Promise<ComparePageData> {
  const runs: RunChoice[] = (await listRuns(getDb())).map((r) => ({
    id: r.id,
    name: r.name,
    solver: r.config.solver.model ?? r.solverName,
    comparableHash: comparableHash(r.config),
    benchmarkSet: runBenchmarkSet(r),
  }));
  const runA = runs.find((r) => r.id === a);
  const runB = runs.find((r) => r.id === b);
  if (!runA || !runB) return { runs, result: null };
  const [episodesA, episodesB] = await Promise.all([scoredEpisodes(runA.id), scoredEpisodes(runB.id)]);
  return {
    runs,
    result: {
      a: runA,
      b: runB,
      comparable: runA.comparableHash === runB.comparableHash,
      comparison: compareRuns(episodesA, episodesB),
      scenarios: scenarioGoldDifferences(episodesA, episodesB),
    },
  };
}
