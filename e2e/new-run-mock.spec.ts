import { expect, test } from "@playwright/test";
import { NewRunPage, ReplayPage, RunPage } from "./pages/runs-pages";
import { listScenarios } from "./support/scenarios";

// scripts/e2e-server.mjs starts `mmcb mock-server` next to the app on this port
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? Number(process.env.E2E_PORT ?? 3123) + 1000);
const MOCK_URL = `http://127.0.0.1:${MOCK_PORT}/v1`;

interface StoredTrace {
  config: { engine: { entityLabels: string }; solver: { model?: string; endpointHost?: string } };
  steps: { turn: number; call: { tool: string; args: Record<string, unknown> }; valid: boolean }[];
}

test.describe("a model run from the form against the mock", () => {
  test("starts an openai run (mock-oracle, numbered marks), watches it finish, and steps through an episode replay", async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const models = await request.get(`${MOCK_URL}/models`);
    expect(models.status(), `the mock server should listen on ${MOCK_URL}`).toBe(200);
    const { scenarios } = await listScenarios(request);
    const picked = scenarios.slice(0, 3).map((s) => s.id);

    const form = new NewRunPage(page);
    await form.goto();
    await form.chooseSolver("openai");
    await expect(page.getByTestId("openai-fields")).toBeVisible();
    await form.field("Base URL").fill(MOCK_URL);
    await form.field("Model").fill("mock-oracle");
    await form.field("Concurrency").fill("4");
    await form.field("Entity labels").selectOption("marks");
    await expect(form.form).toContainText("Numbered marks on the scene; names hidden");
    await form.pickScenarios(picked);
    await form.field("Seeds").fill("1-2");
    await form.field("Max turns").fill("10");
    await expect(page.getByTestId("run-size")).toContainText(`${picked.length * 2} episodes`);
    await page.screenshot({ path: "reports/model/new-run-mock-form.png", fullPage: true });
    await form.start.click();

    await expect(page).toHaveURL(/\/runs\/mock-oracle-[0-9TZ-]+-[0-9a-f]{4}$/, { timeout: 20_000 });
    const runId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    const run = new RunPage(page);
    const started = Date.now();
    // ~10 s on an idle 2-core machine; allow for a loaded one
    await run.waitForStatus("done", 120_000);
    const seconds = (Date.now() - started) / 1000;
    test.info().annotations.push({ type: "run", description: `${picked.length * 2} episodes done in ${seconds} s` });
    await expect(run.progress).toHaveAttribute("data-done", String(picked.length * 2));
    await expect(run.episodeRows).toHaveCount(picked.length * 2);
    await expect(run.metric("gold_correct")).toBeVisible();
    await expect(run.metric("gold_correct")).toHaveAttribute("data-mean", "1");
    await page.screenshot({ path: "reports/model/new-run-mock-run.png", fullPage: true });

    // open the first episode's replay from its row
    const episodeId = (await run.episodeIds())[0]!;
    await run.episodeRows.first().getByTestId("episode-replay-link").click();
    await expect(page).toHaveURL(
      new RegExp(`/runs/${encodeURIComponent(runId)}/episodes/${encodeURIComponent(episodeId)}`),
    );
    const replay = new ReplayPage(page);
    await replay.waitForCanvas();

    const res = await request.get(`/api/runs/${encodeURIComponent(runId)}/episodes/${encodeURIComponent(episodeId)}`);
    expect(res.status()).toBe(200);
    const { trace } = (await res.json()) as { trace: StoredTrace };
    expect(trace.config.engine.entityLabels).toBe("marks");
    expect(trace.config.solver).toMatchObject({ model: "mock-oracle", endpointHost: `127.0.0.1:${MOCK_PORT}` });
    const steps = trace.steps;
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.every((s) => s.valid)).toBe(true);
    expect(steps.at(-1)!.call.tool).toBe("submit_answer");
    await expect(replay.steps).toHaveCount(steps.length);

    // forward: the keyboard for the first half, the Next button for the rest
    const half = Math.floor(steps.length / 2);
    await replay.expectStep(0);
    for (let i = 1; i < steps.length; i++) {
      if (i <= half) await page.keyboard.press("ArrowRight");
      else await page.getByTestId("step-next").click();
      await replay.expectStep(i);
      await expect(replay.position).toHaveText(`Step ${i + 1} / ${steps.length}`);
      expect((await replay.replay()).tool, `step ${i + 1}`).toBe(steps[i]!.call.tool);
      if (i === half) await page.screenshot({ path: "reports/model/new-run-mock-replay-middle.png" });
    }
    await expect(replay.answer).toHaveAttribute("data-relation", "gold");
    await page.screenshot({ path: "reports/model/new-run-mock-replay-answer.png", fullPage: true });

    // and back: the Previous button, then ←
    await page.getByTestId("step-prev").click();
    await replay.expectStep(steps.length - 2);
    await page.keyboard.press("ArrowLeft");
    await replay.expectStep(steps.length - 3);
  });
});
