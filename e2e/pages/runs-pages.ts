import { expect, type Locator, type Page } from "@playwright/test";
import type { CanvasState } from "./scenario-page";

const enc = encodeURIComponent;

/** The runs list at /runs. */
export class RunsListPage {
  readonly rows: Locator;
  readonly newRunButton: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId("run-row");
    this.newRunButton = page.getByTestId("new-run-button");
  }

  async goto(): Promise<void> {
    const res = await this.page.goto("/runs");
    expect(res?.status()).toBe(200);
  }

  async runIds(): Promise<string[]> {
    return this.rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-run-id") ?? ""));
  }

  row(runId: string): Locator {
    return this.page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  }
}

/** A run page at /runs/[id]. */
export class RunPage {
  readonly progress: Locator;
  readonly metricsTable: Locator;
  readonly episodeRows: Locator;

  constructor(readonly page: Page) {
    this.progress = page.getByTestId("run-progress");
    this.metricsTable = page.getByTestId("metrics-table");
    this.episodeRows = page.getByTestId("episode-row");
  }

  async goto(runId: string): Promise<void> {
    const res = await this.page.goto(`/runs/${enc(runId)}`);
    expect(res?.status()).toBe(200);
  }

  metric(name: string): Locator {
    return this.page.getByTestId(`metric-${name}`);
  }

  /** A chart's svg (recharts renders one surface per chart). */
  chartSvg(testId: string): Locator {
    return this.page.getByTestId(testId).locator("svg.recharts-surface").first();
  }

  /** Waits (bounded) until the page reports the run finished. */
  async waitForStatus(status: string, timeout = 60_000): Promise<void> {
    await expect(this.progress).toHaveAttribute("data-status", status, { timeout });
  }

  async episodeIds(): Promise<string[]> {
    return this.episodeRows.evaluateAll((els) => els.map((el) => el.getAttribute("data-episode-id") ?? ""));
  }
}

/** What the replay section of `window.__mmcb.getState()` holds (see lib/store/test-hook.ts). */
export interface ReplayHookState {
  stepIndex: number;
  stepCount: number;
  tool: string;
  highlightedEntityId: string | null;
  highlightedPartId: string | null;
  visitedEntityIds: string[];
}

/** An episode replay at /runs/[id]/episodes/[episodeId]. */
export class ReplayPage {
  readonly steps: Locator;
  readonly currentStep: Locator;
  readonly position: Locator;
  readonly canvas: Locator;
  readonly answer: Locator;

  constructor(readonly page: Page) {
    this.steps = page.getByTestId("step");
    this.currentStep = page.locator('[data-testid="step"][aria-current="step"]');
    this.position = page.getByTestId("step-position");
    this.canvas = page.getByTestId("scene-canvas");
    this.answer = page.getByTestId("answer-card");
  }

  async goto(runId: string, episodeId: string, step?: number): Promise<void> {
    const res = await this.page.goto(`/runs/${enc(runId)}/episodes/${enc(episodeId)}${step ? `?step=${step}` : ""}`);
    expect(res?.status()).toBe(200);
    await this.waitForCanvas();
  }

  async waitForCanvas(): Promise<void> {
    await this.page.waitForFunction(() => (window.__mmcb?.getState().stage.width ?? 0) > 0);
    await this.page.waitForFunction(() => window.__mmcb?.getState().replay !== undefined);
    await expect(this.canvas).toHaveAttribute("data-image", "loaded");
  }

  async state(): Promise<CanvasState & { replay?: ReplayHookState }> {
    return this.page.evaluate(() => {
      if (!window.__mmcb) throw new Error("window.__mmcb is missing: build with NEXT_PUBLIC_MMCB_TEST_HOOKS=1");
      return window.__mmcb.getState() as CanvasState & { replay?: ReplayHookState };
    });
  }

  async replay(): Promise<ReplayHookState> {
    const s = await this.state();
    if (!s.replay) throw new Error("the replay section of the test hook is missing");
    return s.replay;
  }

  async expectStep(index: number): Promise<void> {
    await expect.poll(async () => (await this.replay()).stepIndex).toBe(index);
    await expect(this.currentStep).toHaveAttribute("data-step-index", String(index));
  }
}

/** The form at /runs/new. */
export class NewRunPage {
  readonly form: Locator;
  readonly start: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("new-run-form");
    this.start = page.getByTestId("start-run");
  }

  async goto(): Promise<void> {
    const res = await this.page.goto("/runs/new");
    expect(res?.status()).toBe(200);
    await expect(this.form).toBeVisible();
  }

  async chooseSolver(name: "random" | "lexical" | "oracle" | "openai"): Promise<void> {
    await this.page.getByTestId(`solver-${name}`).check();
  }

  async pickScenarios(ids: readonly string[]): Promise<void> {
    // the radio is visually hidden inside its segmented-control label: click the label
    await this.page.locator("label", { has: this.page.getByTestId("scope-pick") }).click();
    await expect(this.page.getByTestId("scope-pick")).toBeChecked();
    for (const id of ids) await this.page.getByTestId(`pick-scenario-${id}`).check();
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** The error shown under a field. */
  fieldError(label: string): Locator {
    return this.form.locator(".field", { has: this.page.getByLabel(label, { exact: true }) }).locator(".field__error");
  }
}
