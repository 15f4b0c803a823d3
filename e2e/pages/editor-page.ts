import { expect, type Locator, type Page } from "@playwright/test";

/** What `window.__mmcbEditor.getState()` returns (see components/editor/test-hook.ts). */
export interface EditorState {
  doc: {
    id: string;
    version: number;
    title: string;
    scene: { image: string; width: number; height: number };
    entities: {
      id: string;
      name: string;
      region: { box?: number[]; polygon?: number[][] };
      parts: { id: string; region: { box?: number[]; polygon?: number[][] } }[];
    }[];
    gold: { entity: string; part: string }[];
  };
  baseVersion: number | null;
  selection: { entity: number; part: number | null } | null;
  tool: string;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  view: { scale: number; x: number; y: number };
  image: { width: number; height: number };
  imageStatus: string;
}

type Point = { x: number; y: number };

/** The scenario editor (/scenarios/new and /scenarios/[id]/edit), driven in image pixels. */
export class EditorPage {
  readonly canvas: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly validation: Locator;
  readonly conflict: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("editor-canvas");
    this.save = page.getByTestId("editor-save");
    this.status = page.getByTestId("editor-status");
    this.validation = page.getByTestId("editor-validation");
    this.conflict = page.getByTestId("editor-conflict");
  }

  /** Names the annotator in this browser before any page loads (the editor asks for a name). */
  static async as(page: Page, name: string): Promise<EditorPage> {
    await page.addInitScript((n) => window.localStorage.setItem("mmcb.annotator", n), name);
    return new EditorPage(page);
  }

  async gotoEdit(id: string): Promise<void> {
    const res = await this.page.goto(`/scenarios/${id}/edit`);
    expect(res?.status()).toBe(200);
    await this.waitForCanvas();
  }

  async waitForCanvas(): Promise<void> {
    await expect(this.canvas).toHaveAttribute("data-image", "loaded", { timeout: 20_000 });
    await this.page.waitForFunction(() => (window.__mmcbEditor?.getState().view.scale ?? 0) > 0);
    // the fit runs after the container is measured; wait until the view is stable
    await this.page.waitForTimeout(100);
  }

  state(): Promise<EditorState> {
    return this.page.evaluate(() => {
      if (!window.__mmcbEditor)
        throw new Error("window.__mmcbEditor is missing: build with NEXT_PUBLIC_MMCB_TEST_HOOKS=1");
      return window.__mmcbEditor.getState() as unknown as EditorState;
    });
  }

  /** An image-pixel point in page coordinates. */
  async pagePoint(p: Point): Promise<Point> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error("the editor canvas has no box");
    const { view } = await this.state();
    return { x: box.x + view.x + p.x * view.scale, y: box.y + view.y + p.y * view.scale };
  }

  /** Presses a tool key with the focus on the page body (not in a field). */
  async key(combo: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(combo);
  }

  /** Drags with the left button from `a` to `b` (image px), in steps like a hand would. */
  async drag(a: Point, b: Point, steps = 8): Promise<void> {
    const from = await this.pagePoint(a);
    const to = await this.pagePoint(b);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps });
    await this.page.mouse.up();
  }

  async click(p: Point): Promise<void> {
    const q = await this.pagePoint(p);
    await this.page.mouse.click(q.x, q.y);
  }

  /** Draws a box with the given tool key ("e" entity, "p" part). */
  async drawBox(key: "e" | "p", a: Point, b: Point): Promise<void> {
    await this.key(key);
    await this.drag(a, b);
  }

  /** Draws a polygon (Shift+E / Shift+P), clicking each point and closing with Enter. */
  async drawPolygon(key: "Shift+E" | "Shift+P", points: Point[]): Promise<void> {
    await this.key(key);
    for (const p of points) await this.click(p);
    await this.page.keyboard.press("Enter");
  }

  tab(name: "scenario" | "regions" | "answers"): Promise<void> {
    return this.page.getByTestId(`ed-tab-${name}`).click();
  }

  field(name: string): Locator {
    return this.page.locator(`.editor [name="${name}"]`);
  }
}
