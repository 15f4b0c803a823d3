/**
 * The train/test split is by scenario: every record of a scenario lands in the same split, so no scenario
 * is in both. Deterministic for a seed and a set of scenario ids: scenarios are ordered by a seeded hash
 * and the first round(share × n) go to test — at least one when the share is above 0 and there are two
 * or more scenarios, never all of them.
 */
import { deriveSeed } from "../random";

export type Split = "train" | "test";

export function splitScenarios(ids: Iterable<string>, testShare: number, seed: number): ReadonlyMap<string, Split> {
  const unique = [...new Set(ids)].sort();
  const order = unique
    .map((id) => ({ id, h: deriveSeed(seed, "split", id) }))
    .sort((a, b) => a.h - b.h || a.id.localeCompare(b.id));
  const n = unique.length;
  const share = Math.min(Math.max(testShare, 0), 1);
  const test = share === 0 || n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(share * n)));
  return new Map(order.map((o, i) => [o.id, i < test ? "test" : "train"]));
}
