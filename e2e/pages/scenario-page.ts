import { expect, type Locator, type Page } from "@playwright/test";

/** What `window.__mmcb.getState()` returns (see lib/store/test-hook.ts). */
export interface CanvasState {
  hoveredEntityId: string | null;
  selectedEntityId: string | null;
  hoveredPartId: string | null;
  selectedPartId: string | null;
  showAnswers: boolean;
  stage: { scale: number; x: number; y: number; width: number; height: number };
  scene: { width: number; height: number };
}

/** A scenario page, /scenarios/[id], with its Konva canvas driven through scene coordinates. */
export class ScenarioPage {
  readonly canvas: Locator;
  readonly entityPanel: Locator;
  readonly entityViewImage: Locator;
  readonly partList: Locator;
  readonly partViewImage: Locator;
  readonly answersToggle: Locator;
  readonly answers: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("scene-canvas");
    this.entityPanel = page.getByTestId("entity-panel");
    this.entityViewImage = page.getByTestId("entity-view-image");
    this.partList = page.getByTestId("part-list");
    this.partViewImage = page.getByTestId("part-view-image");
    this.answersToggle = page.getByTestId("answers-toggle");
    this.answers = page.getByTestId("answers");
  }

  async goto(id: string): Promise<void> {
    const res = await this.page.goto(`/scenarios/${id}`);
    expect(res?.status()).toBe(200);
    await this.waitForCanvas();
  }

  /** Waits for the test hook, a sized stage and the decoded scene image. */
  async waitForCanvas(): Promise<void> {
    await this.page.waitForFunction(() => (window.__mmcb?.getState().stage.width ?? 0) > 0);
    await expect(this.canvas).toHaveAttribute("data-image", "loaded");
    await expect(this.canvas.locator("canvas").first()).toBeVisible();
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

  async hoverScenePoint(scene: { x: number; y: number }): Promise<void> {
    await this.canvas.scrollIntoViewIfNeeded();
    const p = await this.pagePoint(scene);
    await this.page.mouse.move(p.x, p.y, { steps: 4 });
  }

  async clickScenePoint(scene: { x: number; y: number }): Promise<void> {
    await this.hoverScenePoint(scene);
    const p = await this.pagePoint(scene);
    await this.page.mouse.click(p.x, p.y);
  }

  /** Moves the mouse off the canvas entirely. */
  async moveAway(): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error("the scene canvas has no box");
    await this.page.mouse.move(box.x + box.width / 2, Math.max(1, box.y - 40), { steps: 4 });
  }

  async expectState(pick: (s: CanvasState) => unknown, expected: unknown): Promise<void> {
    await expect.poll(async () => pick(await this.state())).toEqual(expected);
  }

  part(partId: string): Locator {
    return this.page.getByTestId(`part-${partId}`);
  }

  partRegion(partId: string): Locator {
    return this.page.getByTestId(`part-region-${partId}`);
  }
}

export async function naturalWidth(img: Locator): Promise<number> {
  return img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0));
}
