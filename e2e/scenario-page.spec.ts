import { expect, test } from "@playwright/test";
import { naturalWidth, ScenarioPage } from "./pages/scenario-page";
import { getScenario, hoverableEntity, interiorPoint, listScenarios } from "./support/scenarios";

test.describe("scenario page", () => {
  test("shows the brief and the scene canvas", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario } = await getScenario(request, scenarios[0]!.id);
    const sp = new ScenarioPage(page);
    await sp.goto(scenario.id);
    await expect(page.getByTestId("scenario-title")).toHaveText(scenario.title);
    await expect(page.getByTestId("scenario-task")).toHaveText(scenario.task);
    const state = await sp.state();
    expect(state.scene).toEqual({ width: scenario.scene.width, height: scenario.scene.height });
    // the fitted scene lies inside the stage
    expect(state.stage.x).toBeGreaterThanOrEqual(0);
    expect(state.stage.y).toBeGreaterThanOrEqual(0);
    expect(state.stage.x + scenario.scene.width * state.stage.scale).toBeLessThanOrEqual(state.stage.width + 0.5);
    expect(state.stage.y + scenario.scene.height * state.stage.scale).toBeLessThanOrEqual(state.stage.height + 0.5);
    expect(state.hoveredEntityId).toBeNull();
    expect(state.selectedEntityId).toBeNull();
  });

  test("hovering an entity's region highlights it and moving away clears it, one scenario per setting", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000); // every entity of one scenario per setting (the library has 60+ scenarios)
    const { scenarios: all } = await listScenarios(request);
    const scenarios = [...new Map(all.map((s) => [s.setting, s])).values()];
    const sp = new ScenarioPage(page);
    for (const summary of scenarios) {
      await test.step(summary.id, async () => {
        const { scenario } = await getScenario(request, summary.id);
        await sp.goto(scenario.id);
        let hovered = 0;
        for (const entity of scenario.entities) {
          const point = interiorPoint(scenario, entity);
          if (!point) continue;
          await sp.hoverScenePoint(point);
          await sp.expectState((s) => s.hoveredEntityId, entity.id);
          await sp.moveAway();
          await sp.expectState((s) => s.hoveredEntityId, null);
          hovered++;
        }
        expect(hovered, "at least one entity must be reachable by the mouse").toBeGreaterThan(0);
      });
    }
  });

  test("clicking an entity selects it and shows its view and parts", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario } = await getScenario(request, scenarios[0]!.id);
    const { entity, point } = hoverableEntity(scenario);
    const sp = new ScenarioPage(page);
    await sp.goto(scenario.id);
    await sp.clickScenePoint(point);
    await sp.expectState((s) => s.selectedEntityId, entity.id);
    await expect(sp.entityPanel).toHaveAttribute("data-entity-id", entity.id);
    await expect(sp.entityPanel.getByRole("heading", { name: entity.name })).toBeVisible();
    await expect.poll(() => naturalWidth(sp.entityViewImage)).toBeGreaterThan(0);
    await expect(sp.partList.locator(":scope > li")).toHaveCount(entity.parts.length);
    for (const part of entity.parts) {
      await expect(sp.part(part.id)).toContainText(part.name);
      await expect(sp.partRegion(part.id)).toBeAttached();
    }
  });

  test("hovering a part shows its zoomed view", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario } = await getScenario(request, scenarios[0]!.id);
    const { entity, point } = hoverableEntity(scenario);
    const part = entity.parts[0]!;
    const sp = new ScenarioPage(page);
    await sp.goto(scenario.id);
    await sp.clickScenePoint(point);
    await expect(sp.partViewImage).toHaveCount(0);
    await sp.part(part.id).hover();
    await sp.expectState((s) => s.hoveredPartId, part.id);
    await expect(sp.part(part.id)).toHaveAttribute("data-active", "true");
    await expect.poll(() => naturalWidth(sp.partViewImage)).toBeGreaterThan(0);
  });

  test("number keys select entities, Escape clears, + - 0 zoom", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario } = await getScenario(request, scenarios[0]!.id);
    const sp = new ScenarioPage(page);
    await sp.goto(scenario.id);
    await page.keyboard.press("1");
    await sp.expectState((s) => s.selectedEntityId, scenario.entities[0]!.id);
    if (scenario.entities[1]) {
      await page.keyboard.press("2");
      await sp.expectState((s) => s.selectedEntityId, scenario.entities[1].id);
    }
    await page.keyboard.press("Escape");
    await sp.expectState((s) => s.selectedEntityId, null);

    const fit = (await sp.state()).stage.scale;
    await page.keyboard.press("+");
    await expect.poll(async () => (await sp.state()).stage.scale).toBeGreaterThan(fit);
    await page.keyboard.press("0");
    await expect.poll(async () => (await sp.state()).stage.scale).toBeCloseTo(fit, 5);
    await page.keyboard.press("-");
    await expect.poll(async () => (await sp.state()).stage.scale).toBeLessThan(fit);
    await page.getByTestId("zoom-reset").click();
    await expect.poll(async () => (await sp.state()).stage.scale).toBeCloseTo(fit, 5);
  });

  test("hover still hits the right entity after zooming and panning", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario } = await getScenario(request, scenarios[0]!.id);
    const { entity, point } = hoverableEntity(scenario);
    const sp = new ScenarioPage(page);
    await sp.goto(scenario.id);
    // zoom in around the entity with the wheel, then drag the stage a little
    await sp.hoverScenePoint(point);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await sp.state()).stage.scale).toBeGreaterThan(0);
    const before = await sp.state();
    const p = await sp.pagePoint(point);
    await page.mouse.down();
    await page.mouse.move(p.x - 30, p.y - 20, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await sp.state()).stage.x).not.toBe(before.stage.x);
    await sp.moveAway();
    await sp.expectState((s) => s.hoveredEntityId, null);
    await sp.hoverScenePoint(point);
    await sp.expectState((s) => s.hoveredEntityId, entity.id);
    // a drag is not a click
    await sp.expectState((s) => s.selectedEntityId, null);
  });

  test("answers stay hidden until asked for", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario } = await getScenario(request, scenarios[0]!.id);
    const sp = new ScenarioPage(page);
    await sp.goto(scenario.id);
    await expect(sp.answers).toHaveCount(0);
    await expect(page.getByText(scenario.gold[0]!.howTo)).toHaveCount(0);
    await sp.answersToggle.click();
    await expect(sp.answers).toBeVisible();
    await expect(sp.answers).toContainText(scenario.gold[0]!.affordance);
    await sp.expectState((s) => s.showAnswers, true);
  });

  test("an unknown scenario is a 404 page", async ({ page }) => {
    const res = await page.goto("/scenarios/no-such-scenario-here");
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
});
