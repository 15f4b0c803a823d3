// The API key never reaches logs, exports or disk (SPEC §9; extends test/model-eval.test.ts, which checks
// the data folder after a faulty --json run). A canary key is used for model runs against the in-repo
// mock; it must not appear in the CLI's output with or without --json, in `mmcb runs traces`, in an
// export of the keyed run, in any file of the data folder — nor in the error printed when a hostile
// endpoint echoes the key back in its 401 answer.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "@/lib/model/mock-server";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "cli", "mmcb.js");
const KEY = `sk-mmcb-log-canary-${process.pid}-Xy7`;
let work: string;
let scenarios: string;
let dataDir: string;
let mock: MockServer;
let echo: Server;
let echoUrl: string;

/** Async: the mock lives in this process, so a synchronous spawn would block it. */
function mmcb(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, MMCB_DATA_DIR: dataDir, MMCB_CANARY_KEY: KEY };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const evalArgs = (runId: string, ...extra: string[]) => [
  "eval",
  "--solver",
  "openai",
  "--model",
  "mock-hallucinator",
  "--base-url",
  mock.url,
  "--api-key-env",
  "MMCB_CANARY_KEY",
  "--scenarios",
  scenarios,
  "--seeds",
  "1-2",
  "--no-cache",
  "--run-id",
  runId,
  ...extra,
];

beforeAll(async () => {
  work = tempDir("mmcb-canary-");
  scenarios = path.join(work, "scenarios");
  dataDir = path.join(work, "data");
  await writeFixtureScenario(scenarios, fixtureScenario("pry-lid"));
  await writeFixtureScenario(scenarios, fixtureScenario("pry-lid-2"));
  mock = await startMockServer({ scenariosDir: scenarios });
  // A hostile or careless endpoint: refuses every request and echoes the Authorization header back.
  echo = createServer((req, res) => {
    res.writeHead(401, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        error: {
          message: `Incorrect API key provided: ${req.headers.authorization ?? ""}`,
          type: "invalid_request_error",
        },
      }),
    );
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as { port: number }).port}/v1`;
});
afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => echo.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe("the API key canary", () => {
  it("is not in eval output, without --json (progress, table) or with it", async () => {
    const plain = await mmcb(evalArgs("canary-plain"));
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain("gold_correct");
    const json = await mmcb(evalArgs("canary-json", "--json"));
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).runId).toBe("canary-json");
    for (const out of [plain.stdout, plain.stderr, json.stdout, json.stderr]) expect(out).not.toContain(KEY);
  }, 180_000);

  it("is not in `mmcb runs list`, `mmcb runs traces` or an export of the keyed run", async () => {
    const list = await mmcb(["runs", "list"]);
    expect(list.stdout).toContain("canary-plain");
    const traces = await mmcb(["runs", "traces", "canary-plain"]);
    expect(traces.code, traces.stderr).toBe(0);
    expect(traces.stdout.trim().split("\n").length).toBe(4);
    const out = path.join(work, "export");
    const exported = await mmcb([
      "export",
      "pairs",
      "--run",
      "canary-plain,canary-json",
      "--source",
      "guided",
      "--format",
      "trl-text-tools",
      "--scenarios",
      scenarios,
      "--out",
      out,
      "--test-share",
      "0",
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(readFileSync(file).includes(KEY), file).toBe(false);
    for (const r of [list, traces, exported]) expect(r.stdout + r.stderr).not.toContain(KEY);
  }, 180_000);

  it("is not printed when the endpoint echoes it back in a 401", async () => {
    const r = await mmcb([
      "eval",
      "--solver",
      "openai",
      "--model",
      "m",
      "--base-url",
      echoUrl,
      "--api-key-env",
      "MMCB_CANARY_KEY",
      "--scenarios",
      scenarios,
      "--seeds",
      "1",
      "--no-cache",
      "--run-id",
      "canary-401",
    ]);
    expect(r.stdout + r.stderr).toMatch(/401|auth|key/i);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  }, 120_000);

  it("is in no file of the data folder after all of the above", () => {
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith("mmcb.db"))).toBe(true);
    for (const file of files) expect(readFileSync(file).includes(KEY), file).toBe(false);
  });
});
