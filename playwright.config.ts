import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium at /usr/bin/chromium (CHROMIUM_PATH to override); no browser is downloaded.
 * scripts/e2e-server.mjs migrates a fresh database in a temp data folder and runs `next start` on an
 * existing production build made with NEXT_PUBLIC_MMCB_TEST_HOOKS=1 (the read-only `window.__mmcb` hook).
 */
const PORT = Number(process.env.E2E_PORT ?? 3123);
const HOST = "127.0.0.1";

export default defineConfig({
  testDir: "./e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: `http://${HOST}:${PORT}`,
    viewport: { width: 1400, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://${HOST}:${PORT}/api/scenarios`,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
