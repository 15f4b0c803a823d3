// Issue 12, measurement validity, through runModelEval against the in-repo mock (and a tiny proxy in front
// of it that injects failures): k seeds are k independent samples; errors are not answers; the preflight
// fails fast with one sentence; a cancelled run stops its requests in flight and resumes later.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SYSTEM_PROMPT } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import { closeDb, getDb } from "@/lib/db/client";
import { cancelRun, getRun, runEpisodes, runTraces } from "@/lib/db/runs";
import { startMockServer, type MockServer } from "@/lib/model/mock-server";
import type { ModelSettings } from "@/lib/model/openai-solver";
import { loadScenarioDir, type LoadedScenario } from "@/lib/scenarios/load";
import { tempDir } from "../../test/fixture";
import { runModelEval, type ModelEvalOptions } from "./model";

const SCENARIOS = path.resolve(__dirname, "..", "..", "scenarios");
const IDS = ["bathroom-door-lock", "workshop-clamp-pads"];
const KEY_ENV = "MMCB_VALIDITY_TEST_KEY";
let work: string;
let mock: MockServer;
let scenarios: LoadedScenario[];
const previousDataDir = process.env.MMCB_DATA_DIR;
const previousDbUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  work = tempDir("mmcb-validity-");
  process.env.MMCB_DATA_DIR = work;
  delete process.env.DATABASE_URL;
  scenarios = [];
  for (const id of IDS) {
    const { scenario } = await loadScenarioDir(path.join(SCENARIOS, id));
    if (!scenario) throw new Error(`bundled scenario ${id} does not load`);
    scenarios.push(scenario);
  }
  mock = await startMockServer({ scenarios: scenarios.map((s) => s.scenario) });
});
afterAll(async () => {
  await mock?.close();
  await closeDb();
  if (previousDataDir === undefined) delete process.env.MMCB_DATA_DIR;
  else process.env.MMCB_DATA_DIR = previousDataDir;
  if (previousDbUrl !== undefined) process.env.DATABASE_URL = previousDbUrl;
  rmSync(work, { recursive: true, force: true });
});

const settings = (baseUrl: string, model: string, extra: Partial<ModelSettings> = {}): ModelSettings => ({
  baseUrl,
  model,
  apiKeyEnv: KEY_ENV,
  temperature: 0.7,
  topP: null,
  seed: null,
  maxTokens: null,
  timeoutMs: 10_000,
  systemPrompt: DEFAULT_SYSTEM_PROMPT,
  imageHistory: "last",
  reasoningHistory: "keep",
  maxImageSide: 128,
  retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
  ...extra,
});

const evalOn = (
  runId: string,
  s: ModelSettings,
  extra: Partial<ModelEvalOptions> & { seeds?: readonly number[] } = {},
) =>
  runModelEval({
    settings: s,
    scenarios: scenarios.slice(0, 1),
    seeds: [1],
    maxTurns: 15,
    observation: "image",
    concurrency: 1,
    useCache: true,
    runId,
    ...extra,
  });

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => resolve(body));
  });

/**
 * An OpenAI-compatible proxy in front of the mock: `fail(method, body)` may answer a request itself with
 * an HTTP status (and an OpenAI-style error body) instead of forwarding it.
 */
async function startProxy(
  target: string,
  fail: (method: string, body: string) => number | null,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void read(req).then(async (body) => {
      const status = fail(req.method ?? "GET", body);
      if (status !== null) {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `injected ${status}`, type: "test", code: null } }));
        return;
      }
      const upstream = await fetch(`${target}${(req.url ?? "").replace(/^\/v1/, "")}`, {
        method: req.method ?? "GET",
        headers: { "content-type": "application/json" },
        ...(req.method === "POST" ? { body } : {}),
      });
      res.writeHead(upstream.status, { "content-type": "application/json" });
      res.end(await upstream.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (it was just closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const turnsOf = async (runId: string) =>
  (await runTraces(getDb(), runId)).reduce((sum, t) => sum + Math.max(0, ...t.steps.map((s) => s.turn)), 0);

describe("seeds: k seeds are k independent samples", () => {
  it("--seeds 1-3 --temperature 0.7 --concurrency 1 makes three conversations, each with its own seed; the same seeds again are all cache hits", async () => {
    const before = mock.stats();
    const first = await evalOn("seeds-a", settings(mock.url, "mock-random"), { seeds: [1, 2, 3] });
    expect(first.document.episodes).toHaveLength(3);
    const after = mock.stats();
    const sent = (seed: string) => (after.seeds[seed] ?? 0) - (before.seeds[seed] ?? 0);
    // every request carried its episode's seed (base 0 + episode seed), none went without one
    expect(sent("1")).toBeGreaterThan(0);
    expect(sent("2")).toBeGreaterThan(0);
    expect(sent("3")).toBeGreaterThan(0);
    expect(sent("none")).toBe(0);
    // no episode was served from another seed's cache: one request per turn of every episode
    expect(after.completions - before.completions).toBe(await turnsOf("seeds-a"));
    expect(sent("1") + sent("2") + sent("3")).toBe(after.completions - before.completions);

    // the same seeds once more (another run, same configuration): nothing new reaches the endpoint
    const again = await evalOn("seeds-b", settings(mock.url, "mock-random"), { seeds: [1, 2, 3] });
    expect(again.document.episodes).toHaveLength(3);
    expect(mock.stats().completions).toBe(after.completions);

    const config = (await getRun(getDb(), "seeds-a"))!.config;
    expect(config.sampling).toMatchObject({ seed: null, sendSeed: true, temperature: 0.7 });
  }, 120_000);

  it("--sample-seed shifts the base; --no-send-seed sends none, is part of the configuration, and still keys the cache on the episode seed", async () => {
    const before = mock.stats();
    await evalOn("seeds-base", settings(mock.url, "mock-random", { seed: 100 }), { seeds: [4] });
    expect((mock.stats().seeds["104"] ?? 0) - (before.seeds["104"] ?? 0)).toBeGreaterThan(0);

    const mid = mock.stats();
    await evalOn("seeds-none", settings(mock.url, "mock-random", { sendSeed: false }), { seeds: [4, 5] });
    const end = mock.stats();
    expect((end.seeds.none ?? 0) - (mid.seeds.none ?? 0)).toBe(end.completions - mid.completions);
    // seeds 4 and 5 send identical bodies without a seed, yet both were requested: the cache key holds the seed
    expect(end.completions - mid.completions).toBe(await turnsOf("seeds-none"));
    const db = getDb();
    const withSeed = (await getRun(db, "seeds-base"))!;
    const without = (await getRun(db, "seeds-none"))!;
    expect(without.config.sampling.sendSeed).toBe(false);
    expect(withSeed.config.sampling).toMatchObject({ seed: 100, sendSeed: true });
    expect(without.configHash).not.toBe(withSeed.configHash);
  }, 120_000);
});

describe("preflight: one cheap request fails fast with one sentence, and nothing is stored", () => {
  const refused = async (runId: string, s: ModelSettings): Promise<MmcbError> => {
    const error = await evalOn(runId, s).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MmcbError);
    expect(await getRun(getDb(), runId)).toBeNull();
    return error as MmcbError;
  };

  it("an unreachable endpoint", async () => {
    const port = await closedPort();
    const started = Date.now();
    const e = await refused("pre-unreachable", settings(`http://127.0.0.1:${port}/v1`, "mock-oracle"));
    expect(e.code).toBe("model:unreachable");
    expect(e.message).toBe(
      `cannot reach http://127.0.0.1:${port}/v1: connection refused (is the server running and is the port right?) after 2 retries`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a key the endpoint refuses (401)", async () => {
    const proxy = await startProxy(mock.url, () => 401);
    try {
      const e = await refused("pre-401", settings(proxy.url, "mock-oracle"));
      expect(e.code).toBe("model:auth_failed");
      expect(e.message).toMatch(/^127\.0\.0\.1:\d+ refused the API key in MMCB_VALIDITY_TEST_KEY \(HTTP 401\)/);
    } finally {
      await proxy.close();
    }
  });

  it("a model the endpoint does not have (404), naming the models it lists", async () => {
    const e = await refused("pre-404", settings(mock.url, "no-such-model"));
    expect(e.code).toBe("model:not_found");
    expect(e.message).toMatch(
      /^127\.0\.0\.1:\d+ has no model "no-such-model" \(HTTP 404\); it lists mock-oracle, mock-random, mock-hallucinator$/,
    );
  });
});

describe("errors are not answers", () => {
  it("a run whose every episode errors (401 mid-run) stores no score, ends failed and throws the first error as one sentence", async () => {
    // the model list answers (the preflight passes), every chat request is refused
    const proxy = await startProxy(mock.url, (method) => (method === "POST" ? 401 : null));
    try {
      const error = await evalOn("all-401", settings(proxy.url, "mock-oracle"), { seeds: [1, 2] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MmcbError);
      expect((error as MmcbError).code).toBe("model:auth_failed");
      expect((error as MmcbError).message).toMatch(
        /^all 2 episodes failed; the first: 127\.0\.0\.1:\d+ refused the API key in MMCB_VALIDITY_TEST_KEY \(HTTP 401\)/,
      );
      const db = getDb();
      const run = (await getRun(db, "all-401"))!;
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/refused the API key/);
      const episodes = await runEpisodes(db, "all-401");
      expect(episodes.map((e) => [e.status, e.endReason, e.metrics])).toEqual([
        ["failed", "error", null],
        ["failed", "error", null],
      ]);
      expect(await db.score.count({ where: { episode: { runId: "all-401" } } })).toBe(0);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it("an errored episode is left out of every mean and counted as errors; --resume plays it again", async () => {
    const broken = scenarios[1]!.scenario.task;
    let healthy = false;
    const proxy = await startProxy(mock.url, (method, body) =>
      !healthy && method === "POST" && body.includes(JSON.stringify(broken).slice(1, 40)) ? 500 : null,
    );
    try {
      const s = settings(proxy.url, "mock-oracle");
      const options = { scenarios, seeds: [1] };
      const first = await evalOn("partial", s, options);
      expect(first.failed).toBe(1);
      expect(first.document.aggregate.errors).toBe(1);
      expect(first.document.episodes.map((e) => e.scenarioId)).toEqual([scenarios[0]!.scenario.id]);
      // the oracle answers gold: an error counted as a wrong answer would make this 0.5 over n = 2
      expect(first.document.aggregate.metrics.gold_correct).toMatchObject({ mean: 1, n: 1 });
      const db = getDb();
      expect((await getRun(db, "partial"))!.status).toBe("done");
      const failed = (await runEpisodes(db, "partial")).find((e) => e.status === "failed")!;
      expect(failed.scenarioId).toBe(scenarios[1]!.scenario.id);

      healthy = true;
      const resumed = await evalOn("partial", s, options);
      expect(resumed).toMatchObject({ resumed: true, reused: 1, failed: 0 });
      expect(resumed.document.aggregate.errors).toBe(0);
      expect(resumed.document.aggregate.metrics.gold_correct).toMatchObject({ mean: 1, n: 2 });
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

describe("cancel", () => {
  it("a cancelled run stops taking episodes, aborts its requests in flight, keeps what finished, and resumes later", async () => {
    const slow = await startMockServer({ scenarios: scenarios.map((s) => s.scenario), latencyMs: 400 });
    try {
      const s = settings(slow.url, "mock-oracle");
      const options = { seeds: [1, 2, 3, 4, 5, 6], concurrency: 2, useCache: false };
      const running = evalOn("cancelled", s, options);
      const db = getDb();
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        if ((await runEpisodes(db, "cancelled").catch(() => [])).some((e) => e.status === "done")) break;
      }
      await cancelRun(db, "cancelled");
      const cancelledAt = Date.now();
      const result = await running;
      // the status is polled once a second; the requests in flight (400 ms each) are aborted, not awaited
      expect(Date.now() - cancelledAt).toBeLessThan(2500);
      expect(result.cancelled).toBe(true);
      // the mock answers the request it was sleeping on into a closed socket: counted as aborted
      await new Promise((r) => setTimeout(r, 600));
      expect(slow.stats().statuses.aborted ?? 0).toBeGreaterThan(0);
      const run = (await getRun(db, "cancelled"))!;
      expect(run.status).toBe("cancelled");
      const episodes = await runEpisodes(db, "cancelled");
      const done = episodes.filter((e) => e.status === "done");
      expect(done.length).toBeGreaterThan(0);
      expect(done.length).toBeLessThan(6);
      expect(episodes.every((e) => e.status === "done" || e.status === "pending")).toBe(true);
      const traces = await runTraces(db, "cancelled");
      for (const t of traces) if (!done.some((d) => d.id === t.episodeId)) expect(t.steps, t.episodeId).toHaveLength(0);

      const resumed = await evalOn("cancelled", s, options);
      expect(resumed.cancelled).toBe(false);
      expect(resumed.reused).toBe(done.length);
      expect(resumed.document.episodes).toHaveLength(6);
      expect((await getRun(db, "cancelled"))!.status).toBe("done");
    } finally {
      await slow.close();
    }
  }, 180_000);

  it("an abort signal (the web app's Cancel) stops the run the same way", async () => {
    const slow = await startMockServer({ scenarios: scenarios.map((s) => s.scenario), latencyMs: 300 });
    try {
      const abort = new AbortController();
      // "stopped writing" comes once, before the result (which waits for the score document), with the
      // run's status already recorded and no episode left in play: from then on the run may be deleted
      const stops: { status: string | undefined; running: number }[] = [];
      let resolved = false;
      const running = evalOn("signalled", settings(slow.url, "mock-oracle"), {
        seeds: [1, 2, 3],
        useCache: false,
        signal: abort.signal,
        onStopped: () => {
          const db = getDb();
          void Promise.all([getRun(db, "signalled"), runEpisodes(db, "signalled")]).then(([run, episodes]) =>
            stops.push({ status: run?.status, running: episodes.filter((e) => e.status === "running").length }),
          );
          expect(resolved).toBe(false);
        },
      });
      setTimeout(() => abort.abort(), 800);
      const result = await running;
      resolved = true;
      await new Promise((r) => setTimeout(r, 100));
      expect(stops).toEqual([{ status: "cancelled", running: 0 }]);
      expect(result.cancelled).toBe(true);
      expect((await getRun(getDb(), "signalled"))!.status).toBe("cancelled");
      expect((await runEpisodes(getDb(), "signalled")).some((e) => e.status === "running")).toBe(false);
    } finally {
      await slow.close();
    }
  }, 60_000);
});
