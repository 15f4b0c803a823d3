// `mmcb eval` against endpoints that fail, and `mmcb runs cancel|delete`, as a user runs them (spawned CLI).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "@/lib/model/mock-server";
import { tempDir } from "@/test/fixture";

const BIN = path.resolve(__dirname, "mmcb.js");
const SCENARIOS = path.resolve(__dirname, "..", "scenarios");
let root: string;

/** Runs the CLI without blocking this process (the mock server lives here). */
function mmcb(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MMCB_DATA_DIR: path.join(root, "data") };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env });
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

const episodes = (runId: string): { id: string; status: string }[] => {
  const db = new Database(path.join(root, "data", "mmcb.db"), { readonly: true });
  try {
    return db.prepare(`SELECT id, status FROM Episode WHERE runId = ?`).all(runId) as { id: string; status: string }[];
  } finally {
    db.close();
  }
};
const runRow = (runId: string): { status: string } | undefined => {
  const db = new Database(path.join(root, "data", "mmcb.db"), { readonly: true });
  try {
    return db.prepare(`SELECT status FROM Run WHERE id = ?`).get(runId) as { status: string } | undefined;
  } finally {
    db.close();
  }
};

beforeAll(() => {
  root = tempDir("mmcb-runs-");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("mmcb eval against a failing endpoint", () => {
  it("an unreachable endpoint: exit 1, one sentence, no run and no score stored", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/v1`;
    const r = await mmcb(
      "eval",
      "--solver",
      "openai",
      "--model",
      "m",
      "--base-url",
      url,
      "--only",
      "bathroom-door-lock",
      "--run-id",
      "down",
      "--json",
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      `mmcb: cannot reach ${url}: connection refused (is the server running and is the port right?) after 2 retries [model:unreachable]`,
    ]);
    const list = await mmcb("runs", "list", "--json");
    expect(JSON.parse(list.stdout)).toEqual([]);
  }, 60_000);
});

describe("mmcb runs cancel|delete", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ scenariosDir: SCENARIOS, latencyMs: 300 });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("cancels a run playing in another process: it stops within seconds, exits 1 with a sentence, and resumes later", async () => {
    const args = [
      "eval",
      "--solver",
      "openai",
      "--model",
      "mock-oracle",
      "--base-url",
      mock.url,
      "--only",
      "bathroom-door-lock",
      "--seeds",
      "1-8",
      "--concurrency",
      "2",
      "--no-cache",
      "--run-id",
      "long",
    ];
    const playing = mmcb(...args);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      try {
        if (episodes("long").some((e) => e.status === "done")) break;
      } catch {
        // the database is not there yet
      }
    }
    const cancel = await mmcb("runs", "cancel", "long");
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stdout).toMatch(/^run long cancelled; the processes playing it stop within a few seconds/);
    const cancelledAt = Date.now();
    const r = await playing;
    expect(Date.now() - cancelledAt).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(
      /^mmcb: run long was cancelled with \d of 8 episodes answered; continue it with --run-id long --resume \[run:cancelled\]$/,
    );
    expect(runRow("long")?.status).toBe("cancelled");
    expect(episodes("long").every((e) => e.status === "done" || e.status === "pending")).toBe(true);

    const again = await mmcb("runs", "cancel", "long");
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      'mmcb: run "long" is cancelled, not running: there is nothing to cancel [conflict]',
    );

    const resumed = await mmcb(...args, "--resume", "--json");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).episodes).toHaveLength(8);
    expect(runRow("long")?.status).toBe("done");
  }, 180_000);

  it("deletes a run only with --yes, and then it is gone", async () => {
    const made = await mmcb("eval", "--solver", "oracle", "--only", "bathroom-door-lock", "--run-id", "gone");
    expect(made.code, made.stderr).toBe(0);
    const refused = await mmcb("runs", "delete", "gone");
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'mmcb: deleting run "gone" removes its episodes, scores and reviews for good; add --yes to delete it [input:invalid]',
    );
    expect(runRow("gone")?.status).toBe("done");
    const deleted = await mmcb("runs", "delete", "gone", "--yes");
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout.trim()).toBe("run gone deleted with its 1 episode");
    expect(runRow("gone")).toBeUndefined();
    expect(episodes("gone")).toEqual([]);
    const missing = await mmcb("runs", "delete", "gone", "--yes");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('mmcb: no run "gone" (see `mmcb runs list`) [run:not_found]');
  }, 120_000);
});
