import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { fixtureScenario, tempDir, writeFixtureScenario } from "../test/fixture";
import { ReplayPage, RunPage } from "./pages/runs-pages";

/**
 * User text is never HTML (SPEC §9), and the API key never reaches a page, an API answer, an export or
 * the data folder. This spec starts its OWN server (same test build, its own port and data folder) over a
 * scenario store holding one fixture whose title, task, constraints, entity, part and item names,
 * descriptions and gold how-to carry HTML/script payloads. The demo runs made at start-up (baselines and
 * the mock "models") play it, so the run page and the replay show those payloads in assistant text,
 * rationales and how_to_use — and the mock runs are made with the canary as their API key.
 */

const ID = "xss-fixture";
const CANARY = `sk-mmcb-page-canary-${process.pid}`;
/** Each payload, if it ever ran, sets window.__xss or opens a dialog. */
const P = {
  img: `<img src=x onerror="window.__xss='img'">`,
  script: `<script>window.__xss='script'</script>`,
  svg: `<svg onload="alert('svg')">`,
  iframe: `"><iframe src="javascript:alert('iframe')"></iframe>`,
  link: `<a href="javascript:window.__xss='link'" id="xss-link">click</a>`,
};

function payloadScenario(): Record<string, unknown> {
  const doc = fixtureScenario(ID) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a fixture being filled with payloads
  doc.title = `Pry the lid ${P.img}`;
  doc.task = `The lid is stuck ${P.script} — what can I use?`;
  doc.constraints = [`No screwdriver ${P.svg}`, `Keep it whole ${P.link}`];
  const [coin, spoon] = doc.entities;
  coin.name = `coin ${P.img}`;
  coin.description = `A coin ${P.iframe}`;
  coin.parts[0].name = `edge ${P.script}`;
  coin.parts[0].description = `The rim ${P.svg}`;
  coin.parts[0].affordances = ["pry open a lid", `wedge ${P.img}`];
  spoon.name = `spoon ${P.svg}`;
  spoon.parts[0].name = `handle tip ${P.iframe}`;
  doc.items[0].name = `paint can ${P.link}`;
  doc.gold[0].howTo = `Wedge it under the rim ${P.script} ${P.img} and twist.`;
  return doc;
}

let server: ChildProcess | null = null;
let baseURL = "";
let dataDir = "";
let storeDir = "";
let serverLog = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  storeDir = tempDir("mmcb-xss-store-");
  await writeFixtureScenario(storeDir, payloadScenario());
  const port = await freePort();
  dataDir = path.resolve("reports", `e2e-xss-${port}`);
  baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    E2E_PORT: String(port),
    E2E_DATA_DIR: dataDir,
    MMCB_SCENARIOS_DIR: storeDir,
    MMCB_DEMO: "1",
    MMCB_DEMO_API_KEY: CANARY,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.MMCB_TOKEN;
  server = spawn(process.execPath, ["scripts/e2e-server.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (serverLog += d));
  server.stderr!.on("data", (d) => (serverLog += d));
  const deadline = Date.now() + 200_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the xss server exited (${server.exitCode}):\n${serverLog}`);
    try {
      const res = await fetch(`${baseURL}/api/runs`);
      if (res.ok && ((await res.json()) as { runs: unknown[] }).runs.length >= 4) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the xss server did not start:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
});

/** Watches a page for any sign that a payload ran. */
function guard(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on("dialog", async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return seen;
}

async function expectInert(page: Page, seen: { dialogs: string[] }, where: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(seen.dialogs, `${where}: a payload opened a dialog`).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
    `${where}: a payload ran`,
  ).toBeUndefined();
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svg: document.querySelectorAll("svg[onload]").length,
    iframe: document.querySelectorAll('iframe[src^="javascript"]').length,
    link: document.querySelectorAll('#xss-link, a[href^="javascript"]').length,
    script: [...document.scripts].filter((s) => s.textContent?.trim().startsWith("window.__xss")).length,
  }));
  expect(injected, `${where}: elements from a payload exist in the DOM`).toEqual({
    img: 0,
    svg: 0,
    iframe: 0,
    link: 0,
    script: 0,
  });
}

/** The raw HTML the server sent: payloads escaped, the key absent. */
async function expectSafeHtml(page: Page, url: string): Promise<void> {
  const res = await page.request.get(`${baseURL}${url}`);
  expect(res.status(), url).toBe(200);
  const html = await res.text();
  expect(html, url).not.toContain(CANARY);
  for (const raw of [P.img, P.script, P.svg, '<iframe src="javascript'])
    expect(html, `${url} holds a raw payload`).not.toContain(raw);
}

test.describe("user text is rendered inertly (Chromium)", () => {
  test("gallery: the payload title is shown as text", async ({ page }) => {
    const seen = guard(page);
    await page.goto(`${baseURL}/scenarios`);
    const card = page.locator(`[data-testid="scenario-card"][data-scenario-id="${ID}"]`);
    await expect(card).toContainText(`Pry the lid ${P.img}`);
    await expectInert(page, seen, "gallery");
    await expectSafeHtml(page, "/scenarios");
    await page.screenshot({ path: "reports/xss-gallery.png" });
  });

  test("scenario page: title, task and constraints are text", async ({ page }) => {
    const seen = guard(page);
    await page.goto(`${baseURL}/scenarios/${ID}`);
    await expect(page.getByText(`The lid is stuck ${P.script}`, { exact: false }).first()).toBeVisible();
    await expect(page.getByText(P.img, { exact: false }).first()).toBeVisible();
    await expectInert(page, seen, "scenario page");
    await expectSafeHtml(page, `/scenarios/${ID}`);
    await page.screenshot({ path: "reports/xss-scenario.png" });
  });

  test("run page and replay of a mock run: assistant text, rationale and how_to_use are text", async ({ page }) => {
    const seen = guard(page);
    const run = new RunPage(page);
    await page.goto(`${baseURL}/runs/demo-mock-oracle`);
    await expect(run.episodeRows.first()).toBeVisible();
    await expectInert(page, seen, "run page");
    await expectSafeHtml(page, "/runs/demo-mock-oracle");
    const episodeId = (await run.episodeIds())[0]!;

    const replayUrl = `/runs/demo-mock-oracle/episodes/${encodeURIComponent(episodeId)}`;
    await page.goto(`${baseURL}${replayUrl}`);
    const replay = new ReplayPage(page);
    await replay.waitForCanvas();
    // step through every step so each one's text is rendered at least once
    const steps = await replay.steps.count();
    expect(steps).toBeGreaterThan(2);
    for (let i = 1; i < steps; i++) {
      await page.keyboard.press("ArrowRight");
      await replay.expectStep(i);
    }
    const text = await page.locator("body").innerText();
    expect(text).toContain(`Wedge it under the rim ${P.script} ${P.img} and twist.`); // how_to_use from the gold how-to
    expect(text).toContain(`edge ${P.script}`); // part name in the assistant text / rationale
    await expectInert(page, seen, "replay");
    await expectSafeHtml(page, replayUrl);
    await page.screenshot({ path: "reports/xss-replay.png", fullPage: true });
  });

  test("play page: entity and part names are text", async ({ page }) => {
    const seen = guard(page);
    const res = await page.goto(`${baseURL}/scenarios/${ID}/play`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Pry the lid ${P.img}`);
    // the page asks who is playing before it shows the scene and the task
    await page.getByRole("textbox", { name: "Your name" }).fill("xss tester");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText(`The lid is stuck ${P.script}`, { exact: false }).first()).toBeVisible();
    await expectInert(page, seen, "play page");
    await page.screenshot({ path: "reports/xss-play.png" });
  });
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test.describe("the API key never leaves the server process", () => {
  test("not in API answers, an export of the keyed run, or the data folder", async ({ request }) => {
    for (const url of ["/api/runs", "/api/runs/demo-mock-oracle", "/api/runs/demo-mock-hallucinator"]) {
      const res = await request.get(`${baseURL}${url}`);
      expect(res.status(), url).toBe(200);
      expect(await res.text(), url).not.toContain(CANARY);
    }
    const runs = (await (await request.get(`${baseURL}/api/runs`)).json()) as { runs: { id: string }[] };
    expect(runs.runs.map((r) => r.id)).toContain("demo-mock-oracle");

    const started = await request.post(`${baseURL}/api/exports`, {
      data: {
        kind: "pairs",
        runIds: ["demo-mock-oracle", "demo-mock-hallucinator"],
        source: "trajectory",
        negatives: null,
        format: "trl-text-tools",
        testShare: 0,
        seed: 1,
        maxPerScenario: null,
        minMargin: null,
      },
    });
    expect(started.status(), await started.text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let status = "running";
    for (let i = 0; i < 120 && status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const polled = await request.get(`${baseURL}/api/exports/${id}`);
      const body = await polled.text();
      expect(body).not.toContain(CANARY);
      status = (JSON.parse(body) as { status: string }).status;
    }
    expect(status).toBe("done");
    const zip = await request.get(`${baseURL}/api/exports/${id}/download`);
    expect(zip.status()).toBe(200);
    const bytes = await zip.body();
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes.includes(Buffer.from(CANARY)), "canary in the export zip").toBe(false);

    // everything the server wrote: database, WAL, view cache, exports
    const written = filesUnder(dataDir);
    expect(written.length).toBeGreaterThan(2);
    for (const file of written) expect(readFileSync(file).includes(Buffer.from(CANARY)), file).toBe(false);
    // the server's own log
    expect(serverLog).not.toContain(CANARY);
    mkdirSync("reports", { recursive: true });
  });
});
