// `npm test`: every test the README promises, ending with one plain line `N passed, N failed`.
//   typecheck · lint · unit tests (Vitest; on SQLite and, through a throwaway PostgreSQL cluster on
//   127.0.0.1 started here unless MMCB_TEST_PG_URL is set, on PostgreSQL too) · test build (.next-e2e,
//   test hooks on) · e2e (Playwright on Debian's Chromium, installed with apt when missing).
//   `--e2e-only` runs the build and e2e steps.
// A check that fails (typecheck, lint, build) counts as one failure; a missing report counts as one too,
// so a run that executed no test can never look green.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startCluster, stopCluster } from "./pg-cluster.mjs";

const e2eOnly = process.argv.includes("--e2e-only");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr",
};
const bin = (name) => path.join("node_modules", ".bin", name);
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, extraEnv = {}) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  console.log(
    `── ${name}: ${ok ? "ok" : `failed (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function check(name, cmd, args, extraEnv) {
  if (step(name, cmd, args, extraEnv)) return true;
  failed += 1;
  failures.push(name);
  return false;
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return true;
  console.log(`\n── Chromium not found at ${chromium}; installing Debian's chromium with apt ──`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    spawnSync(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args, {
      stdio: "inherit",
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (
    apt(["update", "-qq"]).status !== 0 ||
    apt(["install", "-y", "-qq", "chromium"]).status !== 0 ||
    !existsSync(chromium)
  ) {
    console.error(
      "Could not install chromium. Install it with `apt-get install chromium` (or set CHROMIUM_PATH) and re-run.",
    );
    return false;
  }
  return true;
}

rmSync("reports", { recursive: true, force: true });
mkdirSync("reports", { recursive: true });

if (!e2eOnly) {
  check("typecheck", bin("tsc"), ["--noEmit"]);
  check("lint", bin("eslint"), [".", "--max-warnings=0"]);
  // PostgreSQL for the repository suite, the migrator and the distributed-worker tests
  let cluster;
  if (!env.MMCB_TEST_PG_URL) {
    console.log("\n── PostgreSQL test cluster ──");
    try {
      cluster = await startCluster(undefined, console.log);
      env.MMCB_TEST_PG_URL = cluster.url;
      console.log(`── PostgreSQL test cluster: ${cluster.url}`);
    } catch (error) {
      failed += 1;
      failures.push(`PostgreSQL test cluster (${error.message})`);
    }
  }
  const stopPg = () => cluster && stopCluster(cluster.dir);
  process.once("SIGINT", () => {
    stopPg();
    process.exit(130);
  });
  step("unit tests", bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=reports/vitest.json",
  ]);
  stopPg();
  cluster = undefined;
  if (existsSync("reports/vitest.json")) {
    const v = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
    passed += v.numPassedTests;
    failed += v.numFailedTests + v.numPendingTests + (v.numTodoTests ?? 0);
    if (v.numFailedTests) failures.push(`${v.numFailedTests} unit test(s)`);
    if (v.numPendingTests + (v.numTodoTests ?? 0)) failures.push("skipped/todo unit tests (not allowed)");
    if (v.numTotalTests === 0) {
      failed += 1;
      failures.push("no unit test ran");
    }
  } else {
    failed += 1;
    failures.push("unit tests produced no report");
  }
}

const canRunE2e = ensureChromium();
if (!canRunE2e) {
  failed += 1;
  failures.push("chromium missing");
}
if (
  canRunE2e &&
  check("test build (.next-e2e)", bin("next"), ["build"], {
    MMCB_NEXT_DIST_DIR: ".next-e2e",
    NEXT_PUBLIC_MMCB_TEST_HOOKS: "1",
  })
) {
  step("e2e tests", bin("playwright"), ["test"]);
  if (existsSync("reports/playwright.json")) {
    const s = JSON.parse(readFileSync("reports/playwright.json", "utf8")).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected + s.skipped;
    if (s.unexpected) failures.push(`${s.unexpected} e2e test(s)`);
    if (s.skipped) failures.push("skipped e2e tests (not allowed)");
    if (s.expected + s.flaky + s.unexpected === 0) {
      failed += 1;
      failures.push("no e2e test ran");
    }
  } else {
    failed += 1;
    failures.push("e2e tests produced no report");
  }
}

if (failures.length) console.log(`\nfailed: ${failures.join("; ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
