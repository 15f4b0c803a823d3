import { expect, type Locator, type Page } from "@playwright/test";
import type { CanvasState } from "./scenario-page";

/** The play page, /scenarios/[id]/play: a person solving a scenario through the episodes API. */
export class PlayPage {
  readonly setup: Locator;
  readonly startButton: Locator;
  readonly board: Locator;
  readonly canvas: Locator;
  readonly view: Locator;
  readonly entityViewImage: Locator;
  readonly partPanel: Locator;
  readonly partViewImage: Locator;
  readonly logSteps: Locator;
  readonly budget: Locator;
  readonly score: Locator;
  readonly sheet: Locator;
  readonly assessForm: Locator;
  readonly submitForm: Locator;

  constructor(readonly page: Page) {
    this.setup = page.getByTestId("play-setup");
    this.startButton = page.getByTestId("start");
    this.board = page.getByTestId("play-board");
    this.canvas = page.getByTestId("scene-canvas");
    this.view = page.getByTestId("play-view");
    this.entityViewImage = page.getByTestId("entity-view-image");
    this.partPanel = page.getByTestId("part-panel");
    this.partViewImage = page.getByTestId("part-view-image");
    this.logSteps = page.getByTestId("log-step");
    this.budget = page.getByTestId("budget");
    this.score = page.getByTestId("score-panel");
    this.sheet = page.getByTestId("shortcut-sheet");
    this.assessForm = page.getByTestId("form-assess_part");
    this.submitForm = page.getByTestId("form-submit_answer");
  }

  /** Names the annotator in localStorage before the page loads (the identity gate then lets us in). */
  async asAnnotator(name: string): Promise<void> {
    await this.page.addInitScript((n) => window.localStorage.setItem("mmcb.annotator", n), name);
  }

  async goto(scenarioId: string): Promise<void> {
    const res = await this.page.goto(`/scenarios/${scenarioId}/play`);
    expect(res?.status()).toBe(200);
    await expect(this.setup).toBeVisible();
  }

  /** Waits for the board, the test hook, a sized stage and the decoded scene image. */
  async waitForBoard(): Promise<void> {
    await expect(this.board).toBeVisible();
    await this.page.waitForFunction(() => (window.__mmcb?.getState().stage.width ?? 0) > 0);
    await expect(this.canvas).toHaveAttribute("data-image", "loaded");
  }

  async episodeId(): Promise<string> {
    return (await this.board.getAttribute("data-episode-id")) ?? "";
  }

  state(): Promise<CanvasState> {
    return this.page.evaluate(() => {
      if (!window.__mmcb) throw new Error("window.__mmcb is missing: build with NEXT_PUBLIC_MMCB_TEST_HOOKS=1");
      return window.__mmcb.getState();
    });
  }

  /** A scene-pixel point in page coordinates: canvas box + stage transform. */
  async pagePoint(scene: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error("the scene canvas has no box");
    const { stage } = await this.state();
    return { x: box.x + scene.x * stage.scale + stage.x, y: box.y + scene.y * stage.scale + stage.y };
  }

  async clickScenePoint(scene: { x: number; y: number }): Promise<void> {
    await this.canvas.scrollIntoViewIfNeeded();
    const p = await this.pagePoint(scene);
    await this.page.mouse.move(p.x, p.y, { steps: 4 });
    await this.page.mouse.click(p.x, p.y);
  }

  async expectSteps(n: number): Promise<void> {
    await expect(this.logSteps).toHaveCount(n);
    await expect(this.budget).toHaveAttribute("data-turn", String(n === 0 ? 0 : await this.lastTurn()));
  }

  private async lastTurn(): Promise<number> {
    const text = (await this.logSteps.last().locator(".play-log__turn").textContent()) ?? "T0";
    return Number(text.replace(/\D/g, ""));
  }

  /** Presses Tab until the element with `testId` has focus (keyboard-only form filling). */
  async tabTo(testId: string, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      const focused = await this.page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
      if (focused === testId) return;
      await this.page.keyboard.press("Tab");
    }
    throw new Error(`could not reach ${testId} with Tab`);
  }

  tool(name: string): Locator {
    return this.page.getByTestId(`tool-${name}`);
  }
}
