/**
 * Pairwise blind review (SPEC §7, §8): which two episodes a reviewer sees next, on which side, and how
 * verdicts from several reviewers are lined up to measure their agreement. Pure; randomness is seeded
 * from the pair and the reviewer so a reload shows the same pair the same way round.
 */
import { cohensKappa, krippendorffAlphaNominal, type AlphaResult, type KappaResult } from "../scoring/agreement";

export const PAIR_VERDICTS = ["left", "right", "tie", "both_bad"] as const;
export type PairVerdictLabel = (typeof PAIR_VERDICTS)[number];

/** An episode that may be put in a pair. */
export interface PairableEpisode {
  readonly id: string;
  readonly runId: string;
  readonly scenarioId: string;
  /** Who played it (solver name and model); pairs of different solvers are preferred. */
  readonly solver: string;
}

/** A stored verdict: `left`/`right` refer to the sides the reviewer saw. */
export interface StoredPairVerdict {
  readonly leftEpisodeId: string;
  readonly rightEpisodeId: string;
  readonly verdict: PairVerdictLabel;
  readonly annotatorId: string;
}

/** A pair to show: the episodes in the order they go on screen. */
export interface PairChoice {
  readonly scenarioId: string;
  readonly left: string;
  readonly right: string;
  /** Other reviewers' verdicts on this pair (so agreement can be measured). */
  readonly judgedByOthers: number;
  readonly differentSolvers: boolean;
}

/** The unordered identity of a pair: its two episode ids sorted, joined by a NUL. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** A 32-bit hash of a string (FNV-1a, then mixed); a seed, not a security measure. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3's finaliser, so every bit (the side choice uses the lowest) depends on every character
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Every pair of episodes on the same scenario from different runs (an episode is never paired with one
 * of its own run), as [first, second] with first.id < second.id.
 */
export function candidatePairs(episodes: readonly PairableEpisode[]): [PairableEpisode, PairableEpisode][] {
  const byScenario = new Map<string, PairableEpisode[]>();
  for (const e of episodes) byScenario.set(e.scenarioId, [...(byScenario.get(e.scenarioId) ?? []), e]);
  const out: [PairableEpisode, PairableEpisode][] = [];
  for (const group of byScenario.values()) {
    const sorted = [...group].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++)
        if (sorted[i]!.runId !== sorted[j]!.runId) out.push([sorted[i]!, sorted[j]!]);
  }
  return out;
}

/**
 * The reviewer's queue: pairs they have not judged yet, best first — pairs other reviewers already judged
 * (their verdicts become comparable), then pairs of different solvers, then the least-judged pairs;
 * ties are broken by a shuffle seeded from `seed` and the pair. Each pair's side order is random but
 * fixed for (pair, reviewer, seed).
 */
export function pairQueue(
  episodes: readonly PairableEpisode[],
  verdicts: readonly StoredPairVerdict[],
  annotatorId: string,
  options: { seed?: number; limit?: number } = {},
): PairChoice[] {
  const seed = options.seed ?? 0;
  const mine = new Set<string>();
  const others = new Map<string, Set<string>>();
  for (const v of verdicts) {
    const key = pairKey(v.leftEpisodeId, v.rightEpisodeId);
    if (v.annotatorId === annotatorId) mine.add(key);
    else others.set(key, (others.get(key) ?? new Set()).add(v.annotatorId));
  }
  const ranked = candidatePairs(episodes)
    .map(([a, b]) => {
      const key = pairKey(a.id, b.id);
      const h = hashString(`${seed}\u0000${annotatorId}\u0000${key}`);
      return { a, b, key, others: others.get(key)?.size ?? 0, different: a.solver !== b.solver, h };
    })
    .filter((p) => !mine.has(p.key))
    .sort(
      (p, q) =>
        Number(q.others > 0) - Number(p.others > 0) ||
        Number(q.different) - Number(p.different) ||
        p.others - q.others ||
        p.h - q.h ||
        (p.key < q.key ? -1 : 1),
    );
  const limited = options.limit === undefined ? ranked : ranked.slice(0, options.limit);
  return limited.map((p) => {
    const swap = (p.h & 1) === 1;
    return {
      scenarioId: p.a.scenarioId,
      left: swap ? p.b.id : p.a.id,
      right: swap ? p.a.id : p.b.id,
      judgedByOthers: p.others,
      differentSolvers: p.different,
    };
  });
}

/**
 * A verdict in the pair's canonical orientation (episode ids sorted): `left`/`right` become
 * `first`/`second`, so reviewers who saw the pair different ways round can be compared.
 */
export function canonicalVerdict(v: Pick<StoredPairVerdict, "leftEpisodeId" | "rightEpisodeId" | "verdict">): {
  readonly key: string;
  readonly label: "first" | "second" | "tie" | "both_bad";
} {
  const key = pairKey(v.leftEpisodeId, v.rightEpisodeId);
  if (v.verdict === "tie" || v.verdict === "both_bad") return { key, label: v.verdict };
  const leftIsFirst = v.leftEpisodeId <= v.rightEpisodeId;
  const preferLeft = v.verdict === "left";
  return { key, label: preferLeft === leftIsFirst ? "first" : "second" };
}

/** Agreement between reviewers over the pairs that at least two of them judged. */
export interface PairAgreement {
  /** Distinct reviewers with at least one verdict. */
  readonly raters: number;
  /** Pairs judged by at least two reviewers. */
  readonly sharedPairs: number;
  /** Krippendorff's alpha (nominal) over all reviewers. */
  readonly alpha: AlphaResult;
  /** Cohen's kappa for each two reviewers who share at least one pair, most shared first. */
  readonly kappas: ReadonlyArray<KappaResult & { readonly raterA: string; readonly raterB: string }>;
}

/**
 * Lines up verdicts by pair (a reviewer's latest verdict on a pair counts; `verdicts` are oldest first)
 * and measures agreement on the four labels first / second / tie / both_bad.
 */
export function pairAgreement(verdicts: readonly StoredPairVerdict[]): PairAgreement {
  const units = new Map<string, Map<string, string>>();
  const raters = new Set<string>();
  for (const v of verdicts) {
    const { key, label } = canonicalVerdict(v);
    raters.add(v.annotatorId);
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = new Map()));
    unit.set(v.annotatorId, label);
  }
  const shared = [...units.values()].filter((u) => u.size >= 2);
  const alpha = krippendorffAlphaNominal(shared.map((u) => [...u.values()]));
  const ids = [...raters].sort();
  const kappas: PairAgreement["kappas"][number][] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!;
      const b = ids[j]!;
      const pairs = shared.filter((u) => u.has(a) && u.has(b)).map((u) => [u.get(a)!, u.get(b)!] as [string, string]);
      if (pairs.length > 0) kappas.push({ raterA: a, raterB: b, ...cohensKappa(pairs) });
    }
  }
  kappas.sort((p, q) => q.n - p.n || p.raterA.localeCompare(q.raterA) || p.raterB.localeCompare(q.raterB));
  return { raters: raters.size, sharedPairs: shared.length, alpha, kappas };
}
