/**
 * Regenerates the runs screenshots (docs/screenshot-run.png, docs/screenshot-replay.png, and with --list
 * docs/screenshot-runs.png) from a running app with the demo runs (same server as the e2e tests):
 *
 *   npx tsx e2e/tools/run-screenshots.ts [--base http://127.0.0.1:3123] [--run demo-lexical]
 *     [--replay-run demo-oracle] [--episode ID] [--step N] [--list] [--out docs]
 */
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: "string", default: "http://127.0.0.1:3123" },
      run: { type: "string", default: "demo-lexical" },
      "replay-run": { type: "string", default: "demo-oracle" },
      episode: { type: "string" },
      step: { type: "string", default: "4" },
      out: { type: "string", default: "docs" },
      list: { type: "boolean", default: false },
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    if (values.list) {
      await page.goto(`${values.base}/runs`);
      await settle(page);
      await page.screenshot({ path: `${values.out}/screenshot-runs.png` });
    }

    // the top of the run page: header, progress, headline numbers, metrics with CIs and the charts
    await page.setViewportSize({ width: 1400, height: 2000 });
    await page.goto(`${values.base}/runs/${encodeURIComponent(values.run)}`);
    await page.locator('[data-testid="chart-rates"] svg').first().waitFor();
    await settle(page);
    await page.screenshot({ path: `${values.out}/screenshot-run.png` });

    const replayRun = values["replay-run"];
    await page.goto(`${values.base}/runs/${encodeURIComponent(replayRun)}`);
    const episodeId =
      values.episode ?? (await page.getByTestId("episode-row").first().getAttribute("data-episode-id")) ?? "";
    if (!episodeId) throw new Error(`run ${replayRun} has no episode`);
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(
      `${values.base}/runs/${encodeURIComponent(replayRun)}/episodes/${encodeURIComponent(episodeId)}?step=${values.step}`,
    );
    await page.waitForFunction(() => (window.__mmcb?.getState().stage.width ?? 0) > 0);
    await page.locator('[data-testid="scene-canvas"][data-image="loaded"]').waitFor();
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${values.out}/screenshot-replay.png` });
    console.log(`wrote ${values.out}/screenshot-run.png and screenshot-replay.png (${episodeId})`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
