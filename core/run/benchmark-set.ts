/**
 * The benchmark set a run used (SPEC §9): a name (`bundled`, `published`, `custom`, or the folder's
 * name), how many scenarios and a short hash over their content hashes — `bundled · 62 · 3fa9c1`. Two runs
 * with the same hash played the same scenario contents. Pure; the hash function is passed in (core stays
 * free of node:crypto).
 */
export interface BenchmarkSet {
  readonly name: string;
  readonly count: number;
  /** The first 6 hex digits of sha256 over the sorted content hashes, one per line. */
  readonly hash: string;
}

export const BENCHMARK_SET_HASH_LENGTH = 6;

/** The text hashed for a set: the scenarios' content hashes, sorted, one per line. */
export function benchmarkSetText(contentHashes: readonly string[]): string {
  return [...contentHashes].sort().join("\n");
}

export function benchmarkSetOf(
  name: string,
  contentHashes: readonly string[],
  sha256Hex: (text: string) => string,
): BenchmarkSet {
  return {
    name,
    count: contentHashes.length,
    hash: sha256Hex(benchmarkSetText(contentHashes)).slice(0, BENCHMARK_SET_HASH_LENGTH),
  };
}

/** `bundled · 62 · 3fa9c1` */
export function formatBenchmarkSet(set: BenchmarkSet): string {
  return `${set.name} · ${set.count} · ${set.hash}`;
}

/** Parses the stored JSON; null when absent or malformed. */
export function parseBenchmarkSet(text: string | null | undefined): BenchmarkSet | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<BenchmarkSet>;
    return typeof v.name === "string" && typeof v.count === "number" && typeof v.hash === "string"
      ? { name: v.name, count: v.count, hash: v.hash }
      : null;
  } catch {
    return null;
  }
}
