import { describe, expect, it } from "vitest";
import { cohensKappa, krippendorffAlphaNominal, type Label } from "./agreement";

/** Expands a 2×2 contingency table (rows rater A yes/no, columns rater B yes/no) into rating pairs. */
function table(yy: number, yn: number, ny: number, nn: number): [Label, Label][] {
  return [
    ...Array.from({ length: yy }, () => ["yes", "yes"] as [Label, Label]),
    ...Array.from({ length: yn }, () => ["yes", "no"] as [Label, Label]),
    ...Array.from({ length: ny }, () => ["no", "yes"] as [Label, Label]),
    ...Array.from({ length: nn }, () => ["no", "no"] as [Label, Label]),
  ];
}

describe("cohensKappa", () => {
  it("matches the textbook 2×2 example (20/5/10/15: p_o 0.7, p_e 0.5, κ 0.4)", () => {
    const r = cohensKappa(table(20, 5, 10, 15));
    expect(r.n).toBe(50);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it("gives different kappas for the same 60% agreement when the marginals differ (0.1304 vs 0.2593)", () => {
    expect(cohensKappa(table(45, 15, 25, 15)).kappa).toBeCloseTo(0.1304, 4);
    expect(cohensKappa(table(25, 35, 5, 35)).kappa).toBeCloseTo(0.2593, 4);
  });

  it("is 1 for perfect agreement over several labels and negative for systematic disagreement", () => {
    expect(
      cohensKappa([
        ["left", "left"],
        ["right", "right"],
        ["tie", "tie"],
      ]).kappa,
    ).toBeCloseTo(1, 12);
    expect(
      cohensKappa([
        ["left", "right"],
        ["right", "left"],
      ]).kappa,
    ).toBeCloseTo(-1, 12);
  });

  it("is null with no items or when both raters only ever used one label", () => {
    expect(cohensKappa([]).kappa).toBeNull();
    expect(
      cohensKappa([
        ["tie", "tie"],
        ["tie", "tie"],
      ]).kappa,
    ).toBeNull();
  });
});

describe("krippendorffAlphaNominal", () => {
  it("matches Krippendorff's worked example (4 observers, 12 units, missing data: α = 0.743)", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal α = 0.743.
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].filter((v): v is number => v !== null));
    const r = krippendorffAlphaNominal(units);
    expect(r.alpha).toBeCloseTo(0.743, 3);
    // unit 12 has a single value: not pairable
    expect(r.units).toBe(11);
    expect(r.values).toBe(40);
  });

  it("matches Krippendorff's two-observer binary example (α = 0.095)", () => {
    const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = krippendorffAlphaNominal(A.map((a, i) => [a, B[i]!]));
    expect(r.alpha).toBeCloseTo(0.095, 3);
  });

  it("is 1 for perfect agreement and null when no unit has two ratings or every value is equal", () => {
    expect(
      krippendorffAlphaNominal([
        ["left", "left"],
        ["right", "right", "right"],
      ]).alpha,
    ).toBeCloseTo(1, 12);
    expect(krippendorffAlphaNominal([["left"], ["right"]]).alpha).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ["tie", "tie"],
        ["tie", "tie"],
      ]).alpha,
    ).toBeNull();
  });

  it("is close to Cohen's kappa for two raters on many items (they differ only by a small-sample term)", () => {
    const pairs = table(20, 5, 10, 15);
    const alpha = krippendorffAlphaNominal(pairs.map(([a, b]) => [a, b])).alpha!;
    const kappa = cohensKappa(pairs).kappa!;
    expect(Math.abs(alpha - kappa)).toBeLessThan(0.05);
  });
});
