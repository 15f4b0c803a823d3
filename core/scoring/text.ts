/** Content tokens and token-level F1 between short phrases: lower-cased, punctuation and stop words removed. */

const STOP_WORDS = new Set(
  (
    "a an the to of for and or in on at by with as from into onto it its this that these those be is are was were " +
    "your my you i me we our their them so then than up use used using can could would should will just some any"
  ).split(" "),
);

/** Content tokens of a phrase: lower-cased words and numbers without punctuation or stop words. */
export function contentTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t));
}

/** SQuAD-style F1 of two token lists (multiset overlap); 0 when either list is empty. */
export function tokenListF1(ta: readonly string[], tb: readonly string[]): number {
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / ta.length;
  const recall = common / tb.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Token F1 of two phrases' content tokens (unstemmed; the scorer's affordance F1 stems, see affordance.ts). */
export function tokenF1(a: string, b: string): number {
  return tokenListF1(contentTokens(a), contentTokens(b));
}
