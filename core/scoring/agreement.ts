/**
 * Inter-rater agreement for nominal labels (review verdicts): Cohen's kappa for two raters and
 * Krippendorff's alpha for any number of raters with missing ratings. Pure functions; labels are compared
 * with `===` (strings or numbers).
 */

export type Label = string | number;

/** Cohen's kappa with the observed and chance agreement it came from. */
export interface KappaResult {
  /** (p_o − p_e) / (1 − p_e); null when there are no items or chance agreement is 1 (both raters used one label). */
  readonly kappa: number | null;
  /** Share of items on which the two raters agree. */
  readonly observed: number | null;
  /** Agreement expected by chance from each rater's own label frequencies. */
  readonly expected: number | null;
  /** Items rated by both raters. */
  readonly n: number;
}

/**
 * Cohen's kappa for two raters over the same items: `pairs[i] = [label of rater A, label of rater B]`.
 * Items a rater left out should not be in the list.
 */
export function cohensKappa(pairs: ReadonlyArray<readonly [Label, Label]>): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: null, expected: null, n: 0 };
  const a = new Map<Label, number>();
  const b = new Map<Label, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [label, count] of a) expected += (count / n) * ((b.get(label) ?? 0) / n);
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, n };
}

/** Krippendorff's alpha with what it was computed from. */
export interface AlphaResult {
  /** 1 − D_o / D_e; null when fewer than two pairable values exist or every value is the same (D_e = 0). */
  readonly alpha: number | null;
  /** Observed disagreement D_o (share of mismatching pairable value pairs within units). */
  readonly observedDisagreement: number | null;
  /** Expected disagreement D_e (share of mismatching pairs over all pairable values). */
  readonly expectedDisagreement: number | null;
  /** Units with at least two ratings (the only ones that count). */
  readonly units: number;
  /** Pairable values n.. (ratings in those units). */
  readonly values: number;
}

/**
 * Krippendorff's alpha for nominal data. `units[u]` holds the ratings given to unit u (one per rater who
 * rated it; raters who did not are simply absent). Units with fewer than two ratings are not pairable and
 * are ignored. Built from the coincidence matrix: each unit with m_u ratings contributes every ordered
 * pair of its ratings with weight 1 / (m_u − 1).
 */
export function krippendorffAlphaNominal(units: ReadonlyArray<ReadonlyArray<Label>>): AlphaResult {
  const coincidence = new Map<Label, Map<Label, number>>();
  const add = (c: Label, k: Label, w: number) => {
    let row = coincidence.get(c);
    if (!row) coincidence.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + w);
  };
  let pairable = 0;
  let total = 0;
  for (const ratings of units) {
    const m = ratings.length;
    if (m < 2) continue;
    pairable++;
    total += m;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(ratings[i]!, ratings[j]!, 1 / (m - 1));
  }
  const none: AlphaResult = {
    alpha: null,
    observedDisagreement: null,
    expectedDisagreement: null,
    units: pairable,
    values: total,
  };
  if (total < 2) return none;
  const marginal = new Map<Label, number>();
  let mismatchObserved = 0;
  for (const [c, row] of coincidence) {
    for (const [k, w] of row) {
      marginal.set(c, (marginal.get(c) ?? 0) + w);
      if (c !== k) mismatchObserved += w;
    }
  }
  let mismatchExpected = 0;
  for (const [c, nc] of marginal) for (const [k, nk] of marginal) if (c !== k) mismatchExpected += nc * nk;
  const observedDisagreement = mismatchObserved / total;
  const expectedDisagreement = mismatchExpected / (total * (total - 1));
  if (expectedDisagreement === 0) return { ...none, observedDisagreement, expectedDisagreement: 0 };
  return {
    alpha: 1 - observedDisagreement / expectedDisagreement,
    observedDisagreement,
    expectedDisagreement,
    units: pairable,
    values: total,
  };
}
