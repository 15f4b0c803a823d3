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
    // the group's benchmark set, and every other group says in words what differs from the main one
    await expect(page.getByTestId("leaderboard-benchmark-set")).toHaveText(/^bundled · \d+ · [0-9a-f]{6}$/);
    const other = page.locator('[data-testid="group-option"]:not([data-main])');
    if ((await other.count()) > 0) {
      await expect(page.locator('[data-testid="group-option"][data-main]')).toContainText(/^main · bundled · \d+/);
      await expect(other.first().getByTestId("group-description")).toContainText("instead of");
    }
    await page.screenshot({ path: "reports/drafts/leaderboard.png", fullPage: true });
  });

  test("a run page's header names its benchmark set", async ({ page }) => {
    await page.goto("/runs/demo-oracle");
    await expect(page.getByTestId("run-benchmark-set")).toContainText(/bundled · \d+ · [0-9a-f]{6}/);
    await page.locator(".run-head").screenshot({ path: "reports/drafts/run-header.png" });
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
    await expect(page.getByTestId("compare-set-a")).toHaveText(/^bundled · \d+ · [0-9a-f]{6}$/);
    await expect(page.getByTestId("compare-set-b")).toHaveText(await page.getByTestId("compare-set-a").innerText());
    await page.getByTestId("compare-runs").screenshot({ path: "reports/drafts/compare-runs.png" });
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
