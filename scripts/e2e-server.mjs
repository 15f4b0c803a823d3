// The server Playwright starts: a fresh data folder (database + view cache) under reports/ (E2E_DATA_DIR), the test
// build in .next-e2e (MMCB_NEXT_DIST_DIR) (built by scripts/test.mjs with test hooks on), `next start` on 127.0.0.1:3123,
// and the in-repo mock OpenAI-compatible server (`mmcb mock-server`) on 127.0.0.1:E2E_MOCK_PORT (default: the app's
// port + 1000, so parallel e2e servers on different ports do not collide) for runs started from the form.
import { spawn, spawnSync } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3123";
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? path.join("reports", "e2e-data"));
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const env = {
  ...process.env,
  MMCB_DATA_DIR: dataDir,
  MMCB_NEXT_DIST_DIR: process.env.MMCB_NEXT_DIST_DIR ?? ".next-e2e",
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;

const prep = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/prepare-data.ts"], {
  stdio: "inherit",
  env,
});
if (prep.status !== 0) process.exit(prep.status ?? 1);
const mockPort = process.env.E2E_MOCK_PORT ?? String(Number(port) + 1000);
// The mock is an extra: if it cannot start (port taken), the app still serves every other test.
const mock = spawn(process.execPath, ["cli/mmcb.js", "mock-server", "--port", mockPort, "--quiet"], {
  stdio: ["ignore", "ignore", "inherit"],
  env,
});
mock.on("exit", (code, signal) => {
  if (code) console.error(`e2e-server: the mock server on port ${mockPort} exited (${code ?? signal})`);
});
const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", port], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    mock.kill(signal);
    server.kill(signal);
  });
server.on("exit", (code) => {
  mock.kill("SIGTERM");
  process.exit(code ?? 0);
});
