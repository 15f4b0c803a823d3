/**
 * Page and crop-cache speed on a production build (issue #8 item 5), measured in Debian's Chromium with
 * Playwright:
 *   - the gallery (/scenarios), a run page (/runs/demo-oracle) and the replay of a 15-step episode
 *     (demo-random): N loads each (MMCB_BENCH_LOADS, default 10), every load in a fresh browser context
 *     (cold HTTP cache). Per load: navigation start → load event, largest contentful paint, and time until
 *     the network is idle (Playwright's `networkidle`: no request for 500 ms, minus those 500 ms).
 *   - crop cache over HTTP: every entity and part view of the first scenarios (`/api/scenarios/…/views/…`)
 *     fetched cold (rendered with sharp, written to the cache), then warm (read from the cache), then
 *     revalidated (If-None-Match → 304). p50/p95 in ms.
 *
 * The server: MMCB_BENCH_URL when given (an already running app), else this script starts
 * `scripts/e2e-server.mjs` (fresh data folder under reports/, demo runs on first start) on MMCB_BENCH_PORT
 * (default 3299) over the build in MMCB_NEXT_DIST_DIR (default .next) and stops it afterwards.
 *
 *   npx next build && MMCB_BENCH_ONLY=pages npm run bench
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser } from "@playwright/test";

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(0)} ms · p95 ${quantile(xs, 0.95).toFixed(0)} ms`;
const fmt1 = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(1)} ms · p95 ${quantile(xs, 0.95).toFixed(1)} ms`;

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.MMCB_BENCH_URL) return { url: process.env.MMCB_BENCH_URL.replace(/\/$/, ""), stop: async () => {} };
  const port = process.env.MMCB_BENCH_PORT ?? "3299";
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    E2E_PORT: port,
    E2E_DATA_DIR: path.resolve("reports", "bench-pages-data"),
    MMCB_NEXT_DIST_DIR: process.env.MMCB_NEXT_DIST_DIR ?? ".next",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.MMCB_TOKEN;
  const child: ChildProcess = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/runs`);
      if (res.ok && ((await res.json()) as { runs: unknown[] }).runs.length >= 3) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

interface LoadTiming {
  readonly load: number;
  readonly lcp: number | null;
  readonly idle: number;
}

/** One cold load of `url` in a fresh context; `ready` is a selector that must be visible. */
async function loadOnce(browser: Browser, url: string, ready: string): Promise<LoadTiming> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number | null };
    w.__lcp = null;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  const idle = performance.now() - started - 500;
  await page.locator(ready).first().waitFor({ state: "visible" });
  const timing = await page.evaluate(() => {
    const nav = window.performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { load: nav.loadEventEnd - nav.startTime, lcp: (window as unknown as { __lcp: number | null }).__lcp };
  });
  await context.close();
  return { ...timing, idle: Math.max(0, idle) };
}

async function pageBench(browser: Browser, label: string, url: string, ready: string, loads: number): Promise<void> {
  await loadOnce(browser, url, ready); // warm the server (first render compiles nothing, but fills its caches)
  const runs: LoadTiming[] = [];
  for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, url, ready));
  const lcp = runs.map((r) => r.lcp).filter((x): x is number => x !== null);
  console.log(
    `${label.padEnd(26)} load ${fmt(runs.map((r) => r.load))} | LCP ${lcp.length ? fmt(lcp) : "n/a"} | network idle ${fmt(runs.map((r) => r.idle))}  (${loads} cold loads)`,
  );
}

/** The demo-random episode with the most steps (15 when the budget ran out). */
async function longEpisode(browser: Browser, url: string): Promise<{ id: string; steps: number }> {
  const page = await browser.newPage();
  await page.goto(`${url}/runs/demo-random`);
  const ids = await page
    .getByTestId("episode-row")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-episode-id") ?? ""));
  await page.close();
  let best = { id: "", steps: 0 };
  for (const id of ids) {
    const res = await fetch(`${url}/api/runs/demo-random/episodes/${encodeURIComponent(id)}`);
    const body = (await res.json()) as { trace?: { steps: unknown[] } };
    const steps = body.trace?.steps.length ?? 0;
    if (steps > best.steps) best = { id, steps };
    if (steps >= 15) break;
  }
  if (!best.id) throw new Error("no demo-random episode found");
  return best;
}

async function cropBench(url: string): Promise<void> {
  const { scenarios } = (await (await fetch(`${url}/api/scenarios`)).json()) as { scenarios: { id: string }[] };
  const paths: string[] = [];
  for (const { id } of scenarios.slice(0, 8)) {
    const doc = (await (await fetch(`${url}/api/scenarios/${id}`)).json()) as {
      scenario: { entities: { id: string; parts: { id: string }[] }[] };
    };
    for (const e of doc.scenario.entities) {
      paths.push(`/api/scenarios/${id}/views/${e.id}`);
      for (const p of e.parts) paths.push(`/api/scenarios/${id}/views/${e.id}/${p.id}`);
    }
  }
  const timed = async (p: string, headers: Record<string, string> = {}) => {
    const t = performance.now();
    const res = await fetch(`${url}${p}`, { headers });
    await res.arrayBuffer();
    return { ms: performance.now() - t, status: res.status, etag: res.headers.get("etag") };
  };
  const cold: number[] = [];
  const warm: number[] = [];
  const revalidated: number[] = [];
  const etags = new Map<string, string>();
  for (const p of paths) {
    const r = await timed(p);
    cold.push(r.ms);
    if (r.etag) etags.set(p, r.etag);
  }
  for (const p of paths) warm.push((await timed(p)).ms);
  for (const p of paths) {
    const r = await timed(p, { "If-None-Match": etags.get(p) ?? "" });
    if (r.status === 304) revalidated.push(r.ms);
  }
  console.log(
    `crop cache over HTTP (${paths.length} entity and part views of ${Math.min(8, scenarios.length)} scenarios):`,
  );
  console.log(`  cold (crop rendered and cached)  ${fmt1(cold)}`);
  console.log(`  warm (read from the cache)       ${fmt1(warm)}`);
  console.log(
    `  revalidated (304, no body)       ${fmt1(revalidated)}  (${revalidated.length}/${paths.length} answered 304)`,
  );
}

export async function pagesBench(): Promise<void> {
  const loads = Number(process.env.MMCB_BENCH_LOADS ?? 10);
  console.log(
    `pages bench: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, load average ${loadavg()[0]!.toFixed(2)}, Chromium at ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}`,
  );
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  try {
    // crops first, while the view cache of this fresh data folder is still cold
    await cropBench(server.url);
    await pageBench(browser, "gallery /scenarios", `${server.url}/scenarios`, '[data-testid="scenario-card"]', loads);
    await pageBench(
      browser,
      "run page /runs/demo-oracle",
      `${server.url}/runs/demo-oracle`,
      '[data-testid="episode-row"]',
      loads,
    );
    const episode = await longEpisode(browser, server.url);
    await pageBench(
      browser,
      `replay (${episode.steps} steps)`,
      `${server.url}/runs/demo-random/episodes/${encodeURIComponent(episode.id)}`,
      '[data-testid="step"]',
      loads,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
