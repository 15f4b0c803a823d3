import { expect, type Locator, type Page } from "@playwright/test";

/** The scenario gallery at /scenarios. */
export class GalleryPage {
  readonly cards: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId("scenario-card");
    this.search = page.getByTestId("gallery-search");
  }

  async goto(query = ""): Promise<void> {
    const res = await this.page.goto(`/scenarios${query}`);
    expect(res?.status()).toBe(200);
  }

  async cardIds(): Promise<string[]> {
    return this.cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-scenario-id") ?? ""));
  }

  async cardAttribute(name: "data-tier" | "data-setting"): Promise<string[]> {
    return this.cards.evaluateAll((els, n) => els.map((el) => el.getAttribute(n) ?? ""), name);
  }

  async filterByTier(tier: string): Promise<void> {
    await this.page.getByTestId(`filter-tier-${tier}`).click();
    await this.page.waitForURL((url) => url.searchParams.get("tier") === tier);
  }

  async filterBySetting(setting: string): Promise<void> {
    await this.page.getByTestId(`filter-setting-${setting}`).click();
    await this.page.waitForURL((url) => url.searchParams.get("setting") === setting);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press("Enter");
    await this.page.waitForURL((url) => url.searchParams.get("q") === text);
  }

  /** Scrolls every thumbnail into view (they load lazily) and waits until each has decoded pixels. */
  async expectThumbnailsLoaded(): Promise<void> {
    const images = this.cards.locator("img");
    const n = await images.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const img = images.nth(i);
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBeGreaterThan(0);
    }
  }
}
