/**
 * Seed lists as people type them: `1,3,5-7` → [1, 3, 5, 6, 7]. Shared by the CLI's `--seeds` and the
 * web form, so both accept exactly the same text.
 */
import { MmcbError } from "../errors";

/** Comma-separated seeds and inclusive ranges of non-negative integers. */
export const SEEDS_PATTERN = /^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/;

/** The most seeds one run may list. */
export const MAX_SEEDS = 1000;

/**
 * Parses a seed list into sorted, distinct seeds. Throws `input:invalid` with one sentence when the text
 * does not match {@link SEEDS_PATTERN}, holds a range that counts down (`5-1`: a typo for `1-5` more often
 * than not, so it is refused rather than guessed), or lists more than {@link MAX_SEEDS} seeds (checked
 * before expanding a range).
 */
export function parseSeedList(text: string): number[] {
  if (!SEEDS_PATTERN.test(text))
    throw new MmcbError("input:invalid", "seeds take a list like 1,2,3 or a range like 1-5");
  const seeds = new Set<number>();
  for (const part of text.split(",")) {
    const [a, b] = part.split("-").map((s) => Number(s.trim())) as [number, number | undefined];
    if (b !== undefined && b < a)
      throw new MmcbError("input:invalid", `the seed range ${a}-${b} counts down; write it as ${b}-${a}`);
    const lo = a;
    const hi = b ?? a;
    if (hi - lo + 1 > MAX_SEEDS) throw new MmcbError("input:invalid", `seeds list more than ${MAX_SEEDS} seeds`);
    for (let s = lo; s <= hi; s++) seeds.add(s);
    if (seeds.size > MAX_SEEDS) throw new MmcbError("input:invalid", `seeds list more than ${MAX_SEEDS} seeds`);
  }
  return [...seeds].sort((x, y) => x - y);
}
