import { expect, test, type APIRequestContext } from "@playwright/test";
import { ReplayPage } from "./pages/runs-pages";
import { ClaimReviewControls, FlagsPage, PairsPage, asAnnotator, rescoreUrl } from "./pages/review-page";

interface StoredTrace {
  steps: { turn: number; call: { tool: string; args: Record<string, unknown> }; valid: boolean }[];
}

/** Episode ids of a one-seed demo run: `<run>:<scenario>:1` for every scenario in the store. */
async function episodeIds(request: APIRequestContext, runId: string): Promise<string[]> {
  const res = await request.get("/api/scenarios");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { scenarios: { id: string }[] };
  return body.scenarios.map((s) => `${runId}:${s.id}:1`);
}

async function trace(request: APIRequestContext, runId: string, episodeId: string): Promise<StoredTrace> {
  const res = await request.get(`/api/runs/${encodeURIComponent(runId)}/episodes/${encodeURIComponent(episodeId)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { trace: StoredTrace }).trace;
}

async function agreement(request: APIRequestContext) {
  const res = await request.get("/api/pairs/agreement");
  expect(res.status()).toBe(200);
  return (
    (await res.json()) as {
      agreement: {
        verdicts: number;
        raters: number;
        sharedPairs: number;
        kappas: { n: number; kappa: number | null }[];
      };
    }
  ).agreement;
}

test.describe("review", () => {
  // several pages and API round trips per test on a shared, loaded machine
  test.describe.configure({ timeout: 120_000 });

  test("pairwise blind review: solvers hidden, a verdict by key is stored, a second reviewer gives agreement", async ({
    browser,
    request,
  }) => {
    const before = (await agreement(request)).verdicts;
    const ana = await browser.newPage();
    await asAnnotator(ana, "Ana E2E");
    const pairs = new PairsPage(ana);
    await pairs.goto();
    await expect(pairs.left.getByTestId("pair-step").first()).toBeVisible();
    await expect(pairs.right.getByTestId("pair-step").first()).toBeVisible();
    // blind: the whole page's DOM (text, classes, attributes) names no solver and carries no scorer verdict
    const html = (await pairs.root.evaluate((el) => el.outerHTML)).toLowerCase();
    for (const secret of ["demo-", "mock-oracle", "mock-hallucinator", "lexical baseline", "openai"])
      expect(html, `solver text "${secret}"`).not.toContain(secret);
    for (const verdict of [
      "grounded",
      "contradicted",
      "unseen",
      "nonexistent",
      "unannotated",
      "claim-dot",
      "data-class",
    ])
      expect(html.slice(Math.max(0, html.indexOf(verdict) - 80), html.indexOf(verdict) + 80), verdict).not.toContain(
        verdict,
      );
    expect(await pairs.root.locator(".good, .bad").count()).toBe(0);
    await expect(pairs.root.getByTestId("pair-claim").first()).toBeVisible();
    await ana.screenshot({ path: "reports/review-pairs.png", fullPage: false });
    const firstTitle = await pairs.scenarioTitle();

    // a verdict is saved at once and can be changed until Next; the server keeps one (the latest)
    await ana.keyboard.press("1");
    await expect(pairs.last).toContainText("Saved: left is better.");
    await expect(ana.getByTestId("verdict-left")).toHaveAttribute("aria-pressed", "true");
    expect((await agreement(request)).verdicts).toBe(before + 1);
    await ana.getByTestId("verdict-tie").click();
    await expect(pairs.last).toContainText("Changed to: tie.");
    await ana.keyboard.press("1");
    await expect(pairs.last).toContainText("Changed to: left is better.");
    await expect(ana.getByTestId("verdict-tie")).toHaveAttribute("aria-pressed", "false");
    expect((await agreement(request)).verdicts).toBe(before + 1);
    await ana.screenshot({ path: "reports/runui/review-pairs-chosen.png", fullPage: false });
    expect(await pairs.scenarioTitle()).toBe(firstTitle);
    await ana.keyboard.press("n");
    await pairs.waitForPair();
    await expect(ana.getByTestId("pair-next")).toHaveCount(0);

    // Bob is offered the pair Ana judged (judged by another reviewer comes first) and agrees with ←
    const bob = await browser.newPage();
    await asAnnotator(bob, "Bob E2E");
    const bobPairs = new PairsPage(bob);
    await bobPairs.goto();
    await expect(bobPairs.remaining).toContainText("judged by 1 other reviewer");
    expect(await bobPairs.scenarioTitle()).toBe(firstTitle);
    await bob.keyboard.press("ArrowLeft");
    await expect(bobPairs.last).toContainText("Saved");
    const a = await agreement(request);
    expect(a.verdicts).toBe(before + 2);
    expect(a.sharedPairs).toBeGreaterThanOrEqual(1);
    expect(a.kappas.length).toBeGreaterThanOrEqual(1);
    await expect(bobPairs.agreement.getByTestId("agreement-kappa").first()).toBeVisible();
    await bob.screenshot({ path: "reports/review-pairs-agreement.png", fullPage: true });
    await ana.close();
    await bob.close();
  });

  test("re-judges a claim on the replay with the keyboard and files a flag that a maintainer resolves", async ({
    page,
    request,
  }) => {
    await asAnnotator(page, "Cleo E2E");
    const runId = "demo-mock-hallucinator";
    const ids = await episodeIds(request, runId);
    let episodeId = "";
    let stepIndex = -1;
    for (const id of ids) {
      const res = await request.get(`/api/runs/${encodeURIComponent(runId)}/episodes/${encodeURIComponent(id)}`);
      if (res.status() !== 200) continue;
      const t = await trace(request, runId, id);
      stepIndex = t.steps.findIndex(
        (s) =>
          s.valid && s.call.tool === "assess_part" && ((s.call.args.observed_attributes as unknown[]) ?? []).length > 0,
      );
      if (stepIndex >= 0) {
        episodeId = id;
        break;
      }
    }
    expect(
      stepIndex,
      "an episode of the hallucinator with an assessment that claims attributes",
    ).toBeGreaterThanOrEqual(0);

    const replay = new ReplayPage(page);
    await replay.goto(runId, episodeId, stepIndex + 1);
    const controls = new ClaimReviewControls(page);
    const row = controls.row(stepIndex, 0);
    await expect(row).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // j moves focus through the claims on screen (the answer card's come first, then the current step's)
    const rows = await controls.rows.count();
    await page.keyboard.press("j");
    for (let i = 0; i < rows && !(await row.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("j");
    }
    await expect(row).toBeFocused();
    await page.keyboard.press("h");
    await expect(controls.form).toBeVisible();
    await controls.note.fill("the handle is wooden, not metal");
    await page.keyboard.press("Enter");
    await expect(row.getByTestId("claim-review")).toHaveCount(1);
    await expect(row.getByTestId("claim-review")).toContainText(
      "Cleo E2E: hallucinated — the handle is wooden, not metal",
    );
    await expect(row).toHaveAttribute("data-reviewed", "hallucinated");
    await page.screenshot({ path: "reports/review-claim.png", fullPage: false });

    // stored: the API lists it, and it is still there after a reload
    const stored = (await (await request.get(`/api/reviews?episodeId=${encodeURIComponent(episodeId)}`)).json()) as {
      reviews: { stepIndex: number; claimIndex: number; verdict: string; annotatorName: string }[];
    };
    expect(stored.reviews).toContainEqual(
      expect.objectContaining({ stepIndex, claimIndex: 0, verdict: "hallucinated", annotatorName: "Cleo E2E" }),
    );
    await replay.goto(runId, episodeId, stepIndex + 1);
    await expect(controls.row(stepIndex, 0).getByTestId("claim-review")).toHaveCount(1);

    // f opens the flag form; file "ambiguous gold" with a note
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("f");
    await expect(page.getByTestId("flag-form")).toBeVisible();
    await page.getByTestId("flag-reason-ambiguous_gold").check();
    await page.getByTestId("flag-note").fill("the spoon handle works as well as the gold part");
    await page.screenshot({ path: "reports/review-flag-form.png", fullPage: false });
    await page.getByTestId("flag-submit").click();
    await expect(page.getByTestId("flag-filed")).toContainText("filed");
    const flagId = Number(/#(\d+)/.exec((await page.getByTestId("flag-filed").textContent()) ?? "")?.[1]);
    expect(flagId).toBeGreaterThan(0);

    const flags = new FlagsPage(page);
    await flags.goto("open");
    const flag = flags.flag(flagId);
    await expect(flag).toContainText("Gold is ambiguous");
    await expect(flag).toContainText("the spoon handle works as well as the gold part");
    await expect(flag).toContainText("Cleo E2E");
    await expect(flag.getByTestId("flag-rescore-link").first()).toBeVisible();
    await page.screenshot({ path: "reports/review-flags.png", fullPage: true });
    await flag.getByTestId("flag-resolve").click();
    await flag.getByTestId("flag-resolution-input").fill("gold is right; added a note to the task");
    await flag.getByTestId("flag-resolve-confirm").click();
    await expect(flags.flag(flagId)).toHaveCount(0);
    await flags.goto("resolved");
    await expect(flags.flag(flagId).getByTestId("flag-resolution")).toContainText("Resolved by Cleo E2E");

    // the re-score page for a run on that scenario shows stored against current (nothing changed: the scenario was not edited)
    await page.goto(rescoreUrl(runId));
    await expect(page.getByTestId("rescore-to-update")).toHaveText("0");
    await expect(page.getByTestId("rescore-apply")).toBeDisabled();
    await expect(page.getByTestId("rescore-history")).toContainText("has not been re-scored");
  });

  test("the review hub links pairs and flags and lists recent claim reviews", async ({ page }) => {
    const res = await page.goto("/review");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("link", { name: "Review", exact: true })).toBeVisible();
    await expect(page.getByTestId("hub-pairs")).toHaveAttribute("href", "/review/pairs");
    await expect(page.getByTestId("hub-flags")).toHaveAttribute("href", "/review/flags");
    await page.screenshot({ path: "reports/review-hub.png", fullPage: true });
  });
});
