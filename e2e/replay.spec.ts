import { expect, test, type APIRequestContext } from "@playwright/test";
import { ReplayPage, RunPage } from "./pages/runs-pages";

interface StoredTrace {
  steps: { turn: number; call: { tool: string; args: Record<string, unknown> }; valid: boolean }[];
}

async function trace(request: APIRequestContext, runId: string, episodeId: string): Promise<StoredTrace> {
  const res = await request.get(`/api/runs/${encodeURIComponent(runId)}/episodes/${encodeURIComponent(episodeId)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { trace: StoredTrace }).trace;
}

/** The entity a step is about, read from the stored call (what the canvas must highlight). */
function expectedEntity(step: StoredTrace["steps"][number]): string | null {
  const about = ["inspect_entity", "inspect_part", "assess_part", "submit_answer"];
  return about.includes(step.call.tool) ? String(step.call.args.entity_id) : null;
}

const GROUNDED_GREEN = "rgb(21, 128, 61)"; // --grounded

test.describe("episode replay", () => {
  test("steps through a demo-oracle episode with →, highlighting each step's entity, claims grounded", async ({
    page,
    request,
  }) => {
    const run = new RunPage(page);
    await run.goto("demo-oracle");
    const episodeId = (await run.episodeIds())[0]!;
    await run.episodeRows.first().getByTestId("episode-replay-link").click();
    await expect(page).toHaveURL(new RegExp(`/runs/demo-oracle/episodes/${encodeURIComponent(episodeId)}`));

    const replay = new ReplayPage(page);
    await replay.waitForCanvas();
    const { steps } = await trace(request, "demo-oracle", episodeId);
    expect(steps.length).toBeGreaterThan(2);
    await expect(replay.steps).toHaveCount(steps.length);
    expect((await replay.replay()).stepCount).toBe(steps.length);

    let claimsSeen = 0;
    for (let i = 0; i < steps.length; i++) {
      if (i > 0) await page.keyboard.press("ArrowRight");
      await replay.expectStep(i);
      await expect(replay.position).toHaveText(`Step ${i + 1} / ${steps.length}`);
      const state = await replay.replay();
      expect(state.tool, `step ${i + 1}`).toBe(steps[i]!.call.tool);
      expect(state.highlightedEntityId, `step ${i + 1} (${steps[i]!.call.tool})`).toBe(expectedEntity(steps[i]!));
      await expect(page).toHaveURL(new RegExp(`[?&]step=${i + 1}$`));

      const claims = replay.currentStep.getByTestId("claim");
      const n = await claims.count();
      for (let k = 0; k < n; k++) {
        await expect(claims.nth(k)).toHaveAttribute("data-class", "grounded");
        await expect(claims.nth(k)).toHaveCSS("color", GROUNDED_GREEN);
      }
      claimsSeen += n;
      if (steps[i]!.call.tool === "inspect_entity" || steps[i]!.call.tool === "inspect_part") {
        await expect(replay.currentStep.getByTestId("observation-image").first()).toBeVisible();
        const img = replay.currentStep.locator("img").first();
        await expect
          .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
          .toBeGreaterThan(0);
      }
    }
    expect(claimsSeen, "the oracle claims the true attributes").toBeGreaterThan(0);
    // the last step is the answer; → stays there
    await page.keyboard.press("ArrowRight");
    await replay.expectStep(steps.length - 1);
    await expect(replay.answer).toHaveAttribute("data-relation", "gold");
    await expect(replay.answer.getByTestId("answer-gold")).toHaveAttribute("data-gold", "true");
    // what was explored stays outlined at the end
    expect((await replay.replay()).visitedEntityIds.length).toBeGreaterThan(0);
  });

  test("clicking a step, ← and ?step= move the replay", async ({ page, request }) => {
    const run = new RunPage(page);
    await run.goto("demo-random");
    const episodeId = (await run.episodeIds())[0]!;
    const { steps } = await trace(request, "demo-random", episodeId);
    const replay = new ReplayPage(page);
    await replay.goto("demo-random", episodeId, steps.length);
    await replay.expectStep(steps.length - 1);
    await page.keyboard.press("ArrowLeft");
    await replay.expectStep(steps.length - 2);
    await replay.steps.nth(0).locator("button").first().click();
    await replay.expectStep(0);
    await page.keyboard.press("End");
    await replay.expectStep(steps.length - 1);
    await page.getByTestId("step-prev").click();
    await replay.expectStep(steps.length - 2);
  });

  test("an episode of another run is a 404", async ({ page }) => {
    const run = new RunPage(page);
    await run.goto("demo-oracle");
    const episodeId = (await run.episodeIds())[0]!;
    const res = await page.goto(`/runs/demo-lexical/episodes/${encodeURIComponent(episodeId)}`);
    expect(res?.status()).toBe(404);
  });
});
