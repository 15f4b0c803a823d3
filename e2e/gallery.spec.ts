import { expect, test } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { listScenarios, type Summary } from "./support/scenarios";

/** The value of `key` that narrows the list most (fewest scenarios), with its expected ids. */
function narrowest(scenarios: Summary[], key: (s: Summary) => string): { value: string; ids: string[] } {
  const groups = new Map<string, string[]>();
  for (const s of scenarios) groups.set(key(s), [...(groups.get(key(s)) ?? []), s.id]);
  const [value, ids] = [...groups].sort((a, b) => a[1].length - b[1].length)[0]!;
  return { value, ids: ids.sort() };
}

test.describe("scenario gallery", () => {
  test("lists every bundled scenario with a loaded thumbnail", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const gallery = new GalleryPage(page);
    await gallery.goto();
    expect((await gallery.cardIds()).sort()).toEqual(scenarios.map((s) => s.id).sort());
    await gallery.expectThumbnailsLoaded();
    for (const s of scenarios) {
      const card = page.locator(`[data-testid="scenario-card"][data-scenario-id="${s.id}"]`);
      await expect(card).toContainText(s.title);
      await expect(card.getByTestId("tier-badge")).toHaveText(s.distractorSimilarity);
    }
  });

  test("/ redirects to the gallery", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/scenarios$/);
    await expect(page.getByTestId("scenario-grid")).toBeVisible();
  });

  test("the tier filter narrows the list to that tier", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { value: tier, ids } = narrowest(scenarios, (s) => s.distractorSimilarity);
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.filterByTier(tier);
    await expect(gallery.cards).toHaveCount(ids.length);
    expect((await gallery.cardIds()).sort()).toEqual(ids);
    expect(new Set(await gallery.cardAttribute("data-tier"))).toEqual(new Set([tier]));
    await expect(page.getByTestId(`filter-tier-${tier}`)).toHaveAttribute("aria-current", "true");
  });

  test("the setting filter narrows the list to that setting", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const { value: setting, ids } = narrowest(scenarios, (s) => s.setting);
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.filterBySetting(setting);
    await expect(gallery.cards).toHaveCount(ids.length);
    expect((await gallery.cardIds()).sort()).toEqual(ids);
    expect(new Set(await gallery.cardAttribute("data-setting"))).toEqual(new Set([setting]));
  });

  test("filters combine and are shareable URLs", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const first = scenarios[0]!;
    const expected = scenarios
      .filter((s) => s.setting === first.setting && s.distractorSimilarity === first.distractorSimilarity)
      .map((s) => s.id)
      .sort();
    const gallery = new GalleryPage(page);
    await gallery.goto(`?setting=${first.setting}&tier=${first.distractorSimilarity}`);
    expect((await gallery.cardIds()).sort()).toEqual(expected);
  });

  test("the text search matches titles and tasks", async ({ page, request }) => {
    const { scenarios } = await listScenarios(request);
    const target = scenarios[0]!;
    const word = target.title
      .split(/\s+/)
      .sort((a, b) => b.length - a.length)[0]!
      .toLowerCase();
    const expected = scenarios
      .filter((s) => `${s.title}\n${s.task}`.toLowerCase().includes(word))
      .map((s) => s.id)
      .sort();
    const gallery = new GalleryPage(page);
    await gallery.goto();
    await gallery.searchFor(word);
    expect((await gallery.cardIds()).sort()).toEqual(expected);

    await gallery.searchFor("zzqx-no-such-words");
    await expect(gallery.cards).toHaveCount(0);
    await expect(page.getByTestId("gallery-empty")).toBeVisible();
  });
});
