import { expect, test } from "@playwright/test";
import { ComparePage, LeaderboardPage } from "./pages/leaderboard-pages";

const BASELINES = ["demo-oracle", "demo-lexical", "demo-random"];

test.describe("leaderboard", () => {
  test("ranks the comparable demo baselines by gold_correct, oracle first, and flags the others", async ({ page }) => {
    const board = new LeaderboardPage(page);
    await board.goto();
    const ranked = await board.rankedIds();
    expect(ranked[0]).toBe("demo-oracle");
    for (const id of BASELINES) expect(ranked).toContain(id);
    await expect(board.row("demo-oracle").getByTestId("lb-gold_correct")).toContainText("1.000");
    await expect(board.row("demo-oracle").getByRole("link", { name: "demo-oracle" })).toHaveAttribute(
      "href",
      "/runs/demo-oracle",
    );

    // the mock-model runs differ in solver kind and endpoint: listed apart, flagged not comparable
    const others = await board.otherIds();
    for (const id of others) expect(ranked).not.toContain(id);
    if (others.length > 0) {
      await expect(board.row(others[0]!).getByTestId("not-comparable")).toHaveText("not comparable (config differs)");
    }
  });

  test("shows the published rows (kept in the project) as a labelled reference with their source", async ({ page }) => {
    const board = new LeaderboardPage(page);
    await board.goto();
    await expect(board.publishedSection).toBeVisible();
    await expect(board.publishedSection.getByTestId("published-source")).toContainText("arXiv 2605.26396");
    await expect(board.publishedSection.getByRole("link", { name: /MM-CreativityBench/ })).toHaveAttribute(
      "href",
      "https://arxiv.org/abs/2605.26396",
    );
    await expect(board.publishedSection.getByRole("heading")).toContainText("reference, not run here");
    expect(await board.publishedRows.count()).toBeGreaterThan(0);
    await expect(board.publishedRows.first()).toHaveAttribute("data-reference", "true");
    await expect(board.publishedRows.first()).toContainText("reference");
    // reference rows never enter the ranked table
    await expect(page.getByTestId("leaderboard-table").getByTestId("published-row")).toHaveCount(0);
  });

  test("the nav links to the leaderboard and the compare page", async ({ page }) => {
    const board = new LeaderboardPage(page);
    await board.goto();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Leaderboard" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Compare" }).click();
    await expect(page).toHaveURL(/\/compare$/);
    await expect(page.getByTestId("compare-form")).toBeVisible();
  });
});

test.describe("compare", () => {
  test("random against oracle: McNemar favours B and scenarios are listed by |difference|", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto("demo-random", "demo-oracle");
    await expect(compare.comparability).toHaveAttribute("data-comparable", "true");
    const { aOnly, bOnly } = await compare.discordant();
    expect(bOnly).toBeGreaterThan(0);
    expect(aOnly).toBe(0); // the oracle is always gold-correct
    await expect(page.getByTestId("stat-p-value")).toContainText("p");
    await expect(compare.differenceTable.getByTestId("diff-gold_correct")).toContainText("+");

    expect(await compare.scenarioRows.count()).toBeGreaterThan(0);
    const diffs = await compare.scenarioRows.evaluateAll((rows) =>
      rows.map((r) => Math.abs(Number(r.querySelector("td:last-child")?.textContent ?? "NaN"))),
    );
    for (const d of diffs) expect(Number.isFinite(d)).toBe(true);
    expect([...diffs].sort((x, y) => y - x)).toEqual(diffs);
  });

  test("the selects submit a comparison and a run page links to it", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    await page.getByTestId("compare-a").selectOption("demo-lexical");
    await page.getByTestId("compare-b").selectOption("demo-mock-oracle");
    await page.getByTestId("compare-submit").click();
    await expect(page).toHaveURL(/\/compare\?a=demo-lexical&b=demo-mock-oracle$/);
    await expect(compare.comparability).toHaveAttribute("data-comparable", "false");
    await expect(compare.comparability).toContainText("Not comparable");

    await page.goto("/runs/demo-random");
    await page.getByTestId("compare-with").click();
    await expect(page).toHaveURL(/\/compare\?a=demo-random$/);
    await expect(page.getByTestId("compare-a")).toHaveValue("demo-random");
  });
});
