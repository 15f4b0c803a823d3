import type { BenchmarkSet } from "@/core/run/benchmark-set";

/**
 * A run's benchmark set, `bundled · 62 · 3fa9c1`: its name, how many scenarios and a short hash over their
 * content hashes (equal hashes: the same scenario contents). `unrecorded`: a run older than the record,
 * its set derived from its configuration.
 */
export function BenchmarkSetLabel({ set, testId = "benchmark-set" }: { set: BenchmarkSet | null; testId?: string }) {
  if (!set) return <span className="muted">—</span>;
  return (
    <span
      className="benchmark-set"
      data-testid={testId}
      title={`Benchmark set “${set.name}”: ${set.count} scenario${set.count === 1 ? "" : "s"}; ${set.hash} is a short hash over their content hashes`}
    >
      {set.name} · {set.count} · <code>{set.hash}</code>
    </span>
  );
}
