import { expect, test } from "@playwright/test";
import { RunPage, RunsListPage } from "./pages/runs-pages";
import { MEAN_METRICS } from "../core/scoring/aggregate";

const DEMO_RUNS = ["demo-oracle", "demo-lexical", "demo-random"];

test.describe("runs list", () => {
  test("shows the three demo runs with their gold_correct and links to each run", async ({ page }) => {
    const list = new RunsListPage(page);
    await list.goto();
    const ids = await list.runIds();
    for (const id of DEMO_RUNS) expect(ids).toContain(id);
    await expect(list.row("demo-oracle")).toContainText("1.000");
    await expect(list.row("demo-oracle").getByTestId("run-status")).toHaveAttribute("data-status", "done");
    await expect(list.newRunButton).toHaveAttribute("href", "/runs/new");
    await list.row("demo-lexical").getByRole("link", { name: "demo-lexical" }).click();
    await expect(page).toHaveURL(/\/runs\/demo-lexical$/);
    await expect(page.getByTestId("run-title")).toHaveText("lexical baseline");
  });

  test("the nav links to runs and marks the page current", async ({ page }) => {
    await page.goto("/scenarios");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByRole("link", { name: "Runs", exact: true }).first()).toHaveAttribute("aria-current", "page");
  });
});

test.describe("run page", () => {
  test("shows every metric with its mean, 95% CI and n, and the charts render", async ({ page, request }) => {
    // the demo run's own scope (the store may also hold scenarios other specs created in the editor)
    const status = await request.get("/api/runs/demo-oracle");
    expect(status.status()).toBe(200);
    const { run: header } = (await status.json()) as { run: { scenarioCount: number; seeds: number[] } };
    const total = header.scenarioCount * header.seeds.length;
    expect(total).toBeGreaterThan(0);
    const run = new RunPage(page);
    await run.goto("demo-oracle");
    await run.waitForStatus("done");
    await expect(page.getByTestId("run-solver")).toContainText("oracle");
    await expect(page.getByTestId("run-config-hash")).toContainText(/[0-9a-f]{10}/);

    await expect(run.metricsTable.locator("tbody tr")).toHaveCount(MEAN_METRICS.length);
    for (const name of MEAN_METRICS) await expect(run.metric(name)).toBeVisible();
    // the oracle is the scorer's sanity check: always gold, never hallucinating
    await expect(run.metric("gold_correct").locator("td").nth(0)).toHaveText("1.000");
    await expect(run.metric("gold_correct").getByTestId("metric-ci")).toHaveText("[1.000, 1.000]");
    await expect(run.metric("gold_correct").locator("td").nth(2)).toHaveText(String(total));
    await expect(run.metric("hallucination_rate").locator("td").nth(0)).toHaveText("0.000");
    await expect(page.getByTestId("stat-gold_correct")).toContainText("1.000");

    for (const chart of ["chart-rates", "chart-counts", "relation-chart", "chart-by-tier", "chart-by-setting"]) {
      await expect(run.chartSvg(chart), chart).toBeVisible();
    }
    // a bar per rate metric with a mean, each with its error bar
    await expect(page.getByTestId("chart-rates").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("chart-rates").locator(".recharts-errorBar").first()).toBeAttached();

    expect(Number(await page.getByTestId("claims-grounded").textContent())).toBeGreaterThan(0);
    for (const c of ["contradicted", "unseen", "nonexistent"])
      await expect(page.getByTestId(`claims-${c}`)).toHaveText("0");

    // the table shows 100 episodes a page
    await expect(page.locator("#episodes-title .card-title__count")).toHaveText(String(total));
    await expect(run.episodeRows).toHaveCount(Math.min(total, 100));
    await expect(run.episodeRows.first()).toHaveAttribute("data-gold", "true");
    if (total > 100) {
      await page.getByTestId("episode-pager").getByRole("link", { name: "Next →" }).click();
      await expect(page).toHaveURL(/\?page=2#episodes$/);
      await expect(run.episodeRows).toHaveCount(Math.min(total - 100, 100));
    }
    const config = page.getByTestId("run-config");
    await config.locator("summary").click();
    await expect(config.locator("pre")).toContainText('"promptTemplateVersion"');
  });

  test("an unknown run is a 404 page", async ({ page }) => {
    const res = await page.goto("/runs/no-such-run");
    expect(res?.status()).toBe(404);
  });
});

test.describe("runs API", () => {
  test("lists runs and reports a run's progress; unknown runs are a JSON 404", async ({ request }) => {
    const list = await request.get("/api/runs");
    expect(list.status()).toBe(200);
    const { runs } = (await list.json()) as { runs: { id: string; progress: { status: string } }[] };
    expect(runs.map((r) => r.id)).toEqual(expect.arrayContaining(DEMO_RUNS));

    const one = await request.get("/api/runs/demo-oracle");
    expect(one.status()).toBe(200);
    const body = (await one.json()) as {
      run: { id: string };
      progress: { status: string; done: number; total: number };
    };
    expect(body.run.id).toBe("demo-oracle");
    expect(body.progress.status).toBe("done");
    expect(body.progress.done).toBe(body.progress.total);

    const missing = await request.get("/api/runs/no-such-run");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "run:not_found", message: expect.any(String) } });
  });

  test("POST /api/runs answers a bad body with a message per field and never echoes a key", async ({ request }) => {
    const bad = await request.post("/api/runs", {
      data: { solver: "lexical", scenarios: [], seeds: "x", maxTurns: 0, observation: "image" },
    });
    expect(bad.status()).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(error.code).toBe("input:invalid");
    expect(Object.keys(error.fields).sort()).toEqual(["maxTurns", "scenarios", "seeds"]);

    const secret = "sk-e2e-should-never-come-back-0123456789";
    const withKey = await request.post("/api/runs", {
      data: {
        solver: "openai",
        scenarios: "all",
        seeds: "1",
        maxTurns: 5,
        observation: "image",
        openai: {
          baseUrl: "http://127.0.0.1:9/v1",
          model: "m",
          apiKeyEnv: "OPENAI_API_KEY",
          apiKey: secret,
          temperature: null,
          imageHistory: "last",
          concurrency: 1,
        },
      },
    });
    expect(withKey.status()).toBe(400);
    const text = await withKey.text();
    expect(text).not.toContain(secret);
    expect(text).toContain("apiKeyEnv");
  });
});
