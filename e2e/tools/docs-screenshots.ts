/**
 * Regenerates the README screenshots (docs/screenshot-gallery.png, docs/screenshot-scenario.png) from a
 * running app built with NEXT_PUBLIC_MMCB_TEST_HOOKS=1 (same server as the e2e tests):
 *
 *   npx tsx e2e/tools/docs-screenshots.ts [--base http://127.0.0.1:3123] [--scenario ID] [--entity ID]
 */
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { interiorPoint } from "../support/scenarios";
import type { Scenario } from "../../core/scenario/schema";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: "string", default: "http://127.0.0.1:3123" },
      scenario: { type: "string" },
      entity: { type: "string" },
      out: { type: "string", default: "docs" },
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(`${values.base}/scenarios`);
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
    await page.screenshot({ path: `${values.out}/screenshot-gallery.png`, fullPage: true });

    const list = (await (await page.request.get(`${values.base}/api/scenarios`)).json()) as {
      scenarios: { id: string }[];
    };
    const id = values.scenario ?? list.scenarios[0]?.id;
    if (!id) throw new Error("no scenario to show");
    const { scenario } = (await (await page.request.get(`${values.base}/api/scenarios/${id}`)).json()) as {
      scenario: Scenario;
    };
    const entity =
      scenario.entities.find((e) => e.id === values.entity) ??
      scenario.entities.find((e) => interiorPoint(scenario, e));
    if (!entity) throw new Error(`scenario ${id} has no reachable entity`);
    const point = interiorPoint(scenario, entity);
    if (!point) throw new Error(`entity ${entity.id} is covered by others`);

    await page.setViewportSize({ width: 1400, height: 1240 });
    await page.goto(`${values.base}/scenarios/${id}`);
    await page.waitForFunction(() => (window.__mmcb?.getState().stage.width ?? 0) > 0);
    await page.locator('[data-testid="scene-canvas"][data-image="loaded"]').waitFor();
    const box = await page.getByTestId("scene-canvas").boundingBox();
    const { stage } = await page.evaluate(() => window.__mmcb!.getState());
    if (!box) throw new Error("no canvas");
    await page.mouse.click(box.x + point.x * stage.scale + stage.x, box.y + point.y * stage.scale + stage.y);
    await page.getByTestId("entity-view-image").waitFor();
    const part = entity.parts[0];
    if (part) {
      await page.getByTestId(`part-region-${part.id}`).hover();
      await page.getByTestId("part-view-image").evaluate((img: HTMLImageElement) => img.decode());
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${values.out}/screenshot-scenario.png` });
    console.log(
      `wrote ${values.out}/screenshot-gallery.png and ${values.out}/screenshot-scenario.png (${id}, ${entity.id})`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
