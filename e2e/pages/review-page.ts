import { expect, type Locator, type Page } from "@playwright/test";

const enc = (s: string) => encodeURIComponent(s);

/** Names the annotator in localStorage before pages load (the identity gates then let us in). */
export async function asAnnotator(page: Page, name: string): Promise<void> {
  await page.addInitScript((n) => window.localStorage.setItem("mmcb.annotator", n), name);
}

/** /review/pairs: the blind side-by-side and its verdict bar. */
export class PairsPage {
  readonly root: Locator;
  readonly left: Locator;
  readonly right: Locator;
  readonly last: Locator;
  readonly remaining: Locator;
  readonly agreement: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("pair-review");
    this.left = page.getByTestId("pair-left");
    this.right = page.getByTestId("pair-right");
    this.last = page.getByTestId("pair-last");
    this.remaining = page.getByTestId("pair-remaining");
    this.agreement = page.getByTestId("agreement");
  }

  async goto(): Promise<void> {
    const res = await this.page.goto("/review/pairs");
    expect(res?.status()).toBe(200);
    await this.waitForPair();
  }

  async waitForPair(): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", "pair", { timeout: 20_000 });
  }

  async scenarioTitle(): Promise<string> {
    return (await this.page.getByTestId("pair-scenario-title").textContent()) ?? "";
  }
}

/** The review controls on an episode replay. */
export class ClaimReviewControls {
  readonly rows: Locator;
  readonly form: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId("review-claim");
    this.form = page.getByTestId("claim-review-form");
    this.note = page.getByTestId("claim-review-note");
  }

  row(stepIndex: number, claimIndex: number): Locator {
    return this.page.locator(
      `[data-testid="review-claim"][data-step-index="${stepIndex}"][data-claim-index="${claimIndex}"]`,
    );
  }
}

/** /review/flags. */
export class FlagsPage {
  readonly flags: Locator;

  constructor(readonly page: Page) {
    this.flags = page.getByTestId("flag");
  }

  async goto(status: "open" | "resolved" = "open"): Promise<void> {
    const res = await this.page.goto(`/review/flags?status=${status}`);
    expect(res?.status()).toBe(200);
  }

  flag(id: number): Locator {
    return this.page.locator(`[data-testid="flag"][data-flag-id="${id}"]`);
  }
}

export function rescoreUrl(runId: string): string {
  return `/review/rescore/${enc(runId)}`;
}
