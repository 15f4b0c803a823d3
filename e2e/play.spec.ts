import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Scenario } from "../core/scenario/schema";
import { PlayPage } from "./pages/play-page";
import { getScenario, interiorPoint, listScenarios } from "./support/scenarios";

/** A library scenario whose first gold entity can be clicked unambiguously on the scene. */
async function playableScenario(request: APIRequestContext) {
  const { scenarios } = await listScenarios(request);
  for (const summary of scenarios) {
    const { scenario } = await getScenario(request, summary.id);
    const gold = scenario.gold[0]!;
    const entity = scenario.entities.find((e) => e.id === gold.entity)!;
    const point = interiorPoint(scenario, entity);
    if (point) return { scenario, gold, entity, point, index: scenario.entities.indexOf(entity) };
  }
  throw new Error("no scenario with a clickable gold entity");
}

interface EpisodeDoc {
  steps: { tool: string; valid: boolean; args: Record<string, unknown> }[];
  score: { metrics: { gold_correct: boolean; hallucinated: number; claims: Record<string, number> } } | null;
  episode: { runId: string; annotator: string };
}

async function episode(request: APIRequestContext, id: string): Promise<EpisodeDoc> {
  const res = await request.get(`/api/episodes/${encodeURIComponent(id)}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as EpisodeDoc;
}

/** What the page must never show while playing: the answers and the annotations. */
function secrets(scenario: Scenario): string[] {
  const out = scenario.gold.map((g) => g.howTo);
  for (const e of scenario.entities) for (const p of e.parts) out.push(p.description);
  return out.filter((s) => s.length > 12);
}

test.describe("play mode", () => {
  // a whole episode through the UI, each step a request: slow on a loaded machine
  test.describe.configure({ timeout: 120_000 });

  test("a full play-through with the mouse: inspect, zoom a part, assess, submit → score", async ({
    page,
    request,
  }) => {
    const { scenario, gold, entity, point } = await playableScenario(request);
    const play = new PlayPage(page);
    await play.asAnnotator("Mouse Player");
    await play.goto(scenario.id);
    await play.startButton.click();
    await play.waitForBoard();
    await expect(page).toHaveURL(/[?&]episode=/);
    await expect(play.budget).toHaveAttribute("data-turn", "0");
    await page.screenshot({ path: "reports/play-1-start.png" });

    // click the gold entity on the canvas → inspect_entity
    await play.clickScenePoint(point);
    await expect(play.view).toHaveAttribute("data-entity-id", entity.id);
    await expect(play.entityViewImage).toBeVisible();
    await expect(play.logSteps).toHaveCount(1);
    await expect(play.logSteps.first()).toHaveAttribute("data-tool", "inspect_entity");
    await expect(play.budget).toHaveAttribute("data-turn", "1");
    await expect(page.getByTestId("part-list").locator("button")).toHaveCount(entity.parts.length);
    await expect(page.locator('[data-testid^="part-region-"]')).toHaveCount(entity.parts.length);

    // a second click on the same entity spends nothing
    await play.clickScenePoint(point);
    await expect(play.logSteps).toHaveCount(1);

    // zoom into the gold part (a click in the part list) → inspect_part
    await page.getByTestId(`part-${gold.part}`).click();
    await expect(play.partPanel).toHaveAttribute("data-part-id", gold.part);
    await expect(play.partViewImage).toBeVisible();
    await expect.poll(() => play.partViewImage.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    await expect(play.logSteps).toHaveCount(2);

    // assess it: suitable, one attribute from the vocabulary, a rationale
    await page.getByTestId("open-assess").click();
    await expect(play.assessForm).toBeVisible();
    await page.getByTestId("suitable-yes").check();
    const attr = gold.requiredAttributes[0];
    if (attr) {
      await play.assessForm.getByTestId("claim-add").click();
      await play.assessForm.getByTestId("claim-name").first().selectOption(attr.name);
      const value = play.assessForm.getByTestId("claim-value").first();
      if ((await value.evaluate((el) => el.tagName)) === "SELECT") await value.selectOption(attr.value);
      else await value.fill(attr.value);
    }
    await page.getByTestId("assess-rationale").fill("It looks right for the job.");
    await page.screenshot({ path: "reports/play-2-assess.png" });
    await play.assessForm.getByTestId("form-send").click();
    await expect(play.logSteps).toHaveCount(3);
    await expect(play.assessForm).toBeHidden();
    await expect(play.logSteps.nth(2)).toHaveAttribute("data-valid", "true");

    // nothing the tools did not reveal is on the page
    const html = await page.content();
    for (const s of secrets(scenario)) expect(html, `leaked: ${s}`).not.toContain(s);

    // answer with it → the episode ends and the score shows
    await page.getByTestId("open-submit-here").click();
    await expect(play.submitForm).toBeVisible();
    await expect(play.submitForm.getByTestId("target-entity")).toHaveValue(entity.id);
    await expect(play.submitForm.getByTestId("target-part")).toHaveValue(gold.part);
    await page.getByTestId("submit-affordance").fill(gold.affordance);
    await page.getByTestId("submit-howto").fill("Use it as the task needs.");
    await play.submitForm.getByTestId("form-send").click();
    await expect(play.score).toBeVisible();
    await expect(page.getByTestId("score-verdict")).toHaveText("Correct — gold answer");
    await expect(page.getByTestId("score-gold_correct")).toContainText("yes");
    await expect(page.getByTestId("score-relation")).toHaveText("Gold");
    await expect(play.board).toHaveAttribute("data-phase", "ended");
    if (attr) await expect(page.getByTestId("ledger-row").first()).toHaveAttribute("data-class", "grounded");
    await page.screenshot({ path: "reports/play-3-score.png", fullPage: true });

    const stored = await episode(request, await play.episodeId());
    expect(stored.steps.map((s) => s.tool)).toEqual(["inspect_entity", "inspect_part", "assess_part", "submit_answer"]);
    expect(stored.score?.metrics.gold_correct).toBe(true);
    expect(stored.score?.metrics.hallucinated).toBe(0);
    expect(stored.episode.annotator).toBe("Mouse Player");

    // the human-play run is on the leaderboard as a human baseline
    await page.goto("/leaderboard");
    const lbRow = page.locator(`[data-testid="leaderboard-row"][data-run-id="${stored.episode.runId}"]`);
    await expect(lbRow.locator(".solver-name")).toHaveText(/^Human \(\d+ annotators?\)$/);
    await lbRow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "reports/play-6-leaderboard.png" });
    await page.goBack();
    await expect(play.score).toBeVisible();

    // the replay link opens the stored episode
    await page.getByTestId("replay-link").click();
    await expect(page).toHaveURL(new RegExp(`/runs/${stored.episode.runId}/episodes/`));
    await expect(page.getByTestId("replay")).toBeVisible();
  });

  test("a full play-through with only the keyboard", async ({ page, request }) => {
    const { scenario, gold, entity, index } = await playableScenario(request);
    const play = new PlayPage(page);
    await play.asAnnotator("Keyboard Player");
    await play.goto(scenario.id);
    await expect(play.startButton).toBeFocused();
    await page.keyboard.press("Enter");
    await play.waitForBoard();

    // pick the gold entity with → (nothing spent), inspect it with Enter
    for (let i = 0; i <= index; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await play.state()).selectedEntityId).toBe(entity.id);
    await expect(play.logSteps).toHaveCount(0);
    await page.keyboard.press("Enter");
    await expect(play.logSteps).toHaveCount(1);
    await expect(play.view).toHaveAttribute("data-entity-id", entity.id);

    // pick the gold part with ↓, zoom with Enter
    const partIndex = entity.parts.findIndex((p) => p.id === gold.part);
    for (let i = 0; i <= partIndex; i++) await page.keyboard.press("ArrowDown");
    await expect(play.partPanel).toHaveAttribute("data-part-id", gold.part);
    await page.keyboard.press("Enter");
    await expect(play.logSteps).toHaveCount(2);
    await expect(play.partViewImage).toBeVisible();

    // the shortcut sheet
    await page.keyboard.press("?");
    await expect(play.sheet).toBeVisible();
    await page.screenshot({ path: "reports/play-4-shortcuts.png" });
    await page.keyboard.press("Escape");
    await expect(play.sheet).toBeHidden();

    // assess with a: the form takes focus; typing in it fires no shortcut
    await page.keyboard.press("a");
    await expect(play.assessForm).toBeVisible();
    await play.tabTo("suitable-yes");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("suitable-yes")).toBeChecked();
    await play.tabTo("assess-rationale");
    await page.keyboard.type("a v s e i p — shortcuts must not fire while typing");
    await expect(play.logSteps).toHaveCount(2);
    await expect(play.submitForm).toBeHidden();
    await page.keyboard.press("Control+Enter");
    await expect(play.logSteps).toHaveCount(3);
    await expect(play.assessForm).toBeHidden();

    // v views the scene (a tool call too)
    await page.keyboard.press("v");
    await expect(play.logSteps).toHaveCount(4);
    await expect(play.logSteps.nth(3)).toHaveAttribute("data-tool", "view_scene");

    // submit with s: entity and part come from the pick
    await page.keyboard.press("s");
    await expect(play.submitForm).toBeVisible();
    await expect(play.submitForm.getByTestId("target-part")).toHaveValue(gold.part);
    await play.tabTo("submit-affordance");
    await page.keyboard.type(gold.affordance);
    await play.tabTo("submit-howto");
    await page.keyboard.type("Hold it firmly and use it.");
    await page.keyboard.press("Control+Enter");
    await expect(play.score).toBeVisible();
    await expect(page.getByTestId("score-gold_correct")).toContainText("yes");
    await expect(play.budget).toContainText("Finished after 5");

    const stored = await episode(request, await play.episodeId());
    expect(stored.steps.map((s) => s.tool)).toEqual([
      "inspect_entity",
      "inspect_part",
      "assess_part",
      "view_scene",
      "submit_answer",
    ]);
    expect(stored.score?.metrics.gold_correct).toBe(true);

    // n plays again: a fresh episode of the same scenario
    const first = await play.episodeId();
    await page.keyboard.press("n");
    await expect(play.board).toHaveAttribute("data-phase", "playing");
    await expect.poll(() => play.episodeId()).not.toBe(first);
    await expect(play.logSteps).toHaveCount(0);
  });

  test("the Assess form starts with no attribute row: an assessment sent as is claims nothing", async ({
    page,
    request,
  }) => {
    const { scenario, gold, entity, point } = await playableScenario(request);
    const play = new PlayPage(page);
    await play.asAnnotator("Blank Assessor");
    await play.goto(scenario.id);
    await play.startButton.click();
    await play.waitForBoard();
    await play.clickScenePoint(point);
    await expect(play.view).toHaveAttribute("data-entity-id", entity.id);
    await page.getByTestId(`part-${gold.part}`).click();
    await expect(play.logSteps).toHaveCount(2);

    await page.getByTestId("open-assess").click();
    await expect(play.assessForm).toBeVisible();
    // like the Submit form: no row until the person adds one
    await expect(play.assessForm.getByTestId("claim-row")).toHaveCount(0);
    await expect(play.assessForm.getByTestId("assess-claims")).toContainText("None yet.");
    await page.getByTestId("suitable-no").check();
    await play.assessForm.getByTestId("form-send").click();
    await expect(play.logSteps).toHaveCount(3);

    const stored = await episode(request, await play.episodeId());
    const assess = stored.steps.find((s) => s.tool === "assess_part");
    expect(assess?.valid).toBe(true);
    expect(assess?.args.observed_attributes).toEqual([]);

    // the Submit form starts empty too
    await page.getByTestId("open-submit-here").click();
    await expect(play.submitForm.getByTestId("claim-row")).toHaveCount(0);
  });

  test("on the last turn only an answer is accepted", async ({ page, request }) => {
    const { scenario } = await playableScenario(request);
    const play = new PlayPage(page);
    await play.asAnnotator("Budget Player");
    await play.goto(scenario.id);
    await page.getByTestId("setup-max-turns").fill("2");
    await play.startButton.click();
    await play.waitForBoard();
    await page.keyboard.press("v");
    await expect(play.logSteps).toHaveCount(1);
    await expect(page.getByTestId("final-turn")).toBeVisible();
    await expect(play.budget).toHaveAttribute("data-final", "true");
    await expect(play.tool("view_scene")).toBeDisabled();
    await expect(play.tool("inspect_entity")).toBeDisabled();
    await expect(play.tool("submit_answer")).toBeEnabled();
    await page.keyboard.press("v");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(play.logSteps).toHaveCount(1);
    await page.screenshot({ path: "reports/play-5-final-turn.png" });
  });
});
