/**
 * Affordance F1 (SPEC §5): the best token-level F1 between the answered `affordance` and reference
 * phrases, after lower-casing, removing punctuation and stop words, and stemming every word with the
 * Porter algorithm (the `stemmer` package), so "tapping" matches "tap" and "levers" matches "lever".
 */
import { stemmer } from "stemmer";
import { contentTokens, tokenListF1 } from "./text";

/**
 * Phrases already tokenised (the same gold and part affordances come back in every episode of a scenario);
 * bounded, and only a speed-up: the result never depends on it.
 */
const TOKENS = new Map<string, readonly string[]>();
const CACHE_LIMIT = 20_000;

/** The stemmed content tokens of a phrase. */
export function affordanceTokens(text: string): readonly string[] {
  let tokens = TOKENS.get(text);
  if (tokens === undefined) {
    tokens = contentTokens(text).map((t) => stemmer(t));
    if (TOKENS.size >= CACHE_LIMIT) TOKENS.clear();
    TOKENS.set(text, tokens);
  }
  return tokens;
}

/** Token F1 of two phrases after stemming; 0 when either has no content word. */
export function affordanceF1(answer: string, reference: string): number {
  return tokenListF1(affordanceTokens(answer), affordanceTokens(reference));
}

/** The best `affordanceF1` of `answer` against any of `references`; null when there is no reference. */
export function bestAffordanceF1(answer: string, references: readonly string[]): number | null {
  if (references.length === 0) return null;
  const tokens = affordanceTokens(answer);
  return references.reduce((best, ref) => Math.max(best, tokenListF1(tokens, affordanceTokens(ref))), 0);
}
