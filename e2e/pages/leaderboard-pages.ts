import { expect, type Locator, type Page } from "@playwright/test";

/** The leaderboard at /leaderboard. */
export class LeaderboardPage {
  readonly rankedRows: Locator;
  readonly otherRows: Locator;
  readonly publishedSection: Locator;
  readonly publishedRows: Locator;

  constructor(readonly page: Page) {
    this.rankedRows = page.getByTestId("leaderboard-table").getByTestId("leaderboard-row");
    this.otherRows = page.getByTestId("leaderboard-others").getByTestId("leaderboard-row");
    this.publishedSection = page.getByTestId("published-section");
    this.publishedRows = page.getByTestId("published-row");
  }

  async goto(group?: string): Promise<void> {
    const res = await this.page.goto(`/leaderboard${group ? `?group=${encodeURIComponent(group)}` : ""}`);
    expect(res?.status()).toBe(200);
  }

  async rankedIds(): Promise<string[]> {
    return this.rankedRows.evaluateAll((els) => els.map((el) => el.getAttribute("data-run-id") ?? ""));
  }

  async otherIds(): Promise<string[]> {
    return this.otherRows.evaluateAll((els) => els.map((el) => el.getAttribute("data-run-id") ?? ""));
  }

  row(runId: string): Locator {
    return this.page.locator(`[data-testid="leaderboard-row"][data-run-id="${runId}"]`);
  }
}

/** The compare page at /compare. */
export class ComparePage {
  readonly mcnemar: Locator;
  readonly comparability: Locator;
  readonly differenceTable: Locator;
  readonly scenarioRows: Locator;

  constructor(readonly page: Page) {
    this.mcnemar = page.getByTestId("mcnemar");
    this.comparability = page.getByTestId("comparability");
    this.differenceTable = page.getByTestId("difference-table");
    this.scenarioRows = page.getByTestId("scenario-table").getByTestId("scenario-row");
  }

  async goto(a?: string, b?: string): Promise<void> {
    const q = new URLSearchParams();
    if (a) q.set("a", a);
    if (b) q.set("b", b);
    const res = await this.page.goto(`/compare${q.size ? `?${q}` : ""}`);
    expect(res?.status()).toBe(200);
  }

  async discordant(): Promise<{ aOnly: number; bOnly: number }> {
    return {
      aOnly: Number(await this.mcnemar.getAttribute("data-a-only")),
      bOnly: Number(await this.mcnemar.getAttribute("data-b-only")),
    };
  }
}
