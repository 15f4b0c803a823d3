// Run actions over HTTP (SPEC §8, §9) called as route handlers against a temporary data folder: cancel a
// run this server plays (it stops and stays cancelled), delete a run (refused while it plays), retry a
// run's failed episodes from its stored launch, and the refusals — each JSON with one sentence.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

type Ctx = { params: Promise<{ id: string }> };
let work: string;
const saved = { ...process.env };
let runsRoute: typeof import("./route");
let runRoute: typeof import("./[id]/route");
let cancelRoute: typeof import("./[id]/cancel/route");
let retryRoute: typeof import("./[id]/retry/route");
let db: import("@/lib/db/client").Db;

beforeAll(async () => {
  work = tempDir("mmcb-run-actions-");
  for (const id of ["pry-lid", "pry-lid-b"])
    await writeFixtureScenario(path.join(work, "scenarios"), fixtureScenario(id));
  process.env.MMCB_DATA_DIR = path.join(work, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(work, "scenarios");
  delete process.env.DATABASE_URL;
  delete process.env.MMCB_TOKEN;
  runsRoute = await import("./route");
  runRoute = await import("./[id]/route");
  cancelRoute = await import("./[id]/cancel/route");
  retryRoute = await import("./[id]/retry/route");
  db = (await import("@/lib/db/client")).getDb();
}, 60_000);
beforeEach(() => {
  delete process.env.MMCB_TOKEN;
});
afterAll(async () => {
  await (await import("@/lib/db/client")).closeDb();
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

const ctx = (id: string): Ctx => ({ params: Promise.resolve({ id }) });
function req(pathname: string, method: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${pathname}`, {
    method,
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}
const cancel = (id: string, headers: Record<string, string> = {}) =>
  cancelRoute.POST(req(`/api/runs/${id}/cancel`, "POST", { body: {}, headers }), ctx(id));
const retry = (id: string) => retryRoute.POST(req(`/api/runs/${id}/retry`, "POST", { body: {} }), ctx(id));
const remove = (id: string) => runRoute.DELETE(req(`/api/runs/${id}`, "DELETE"), ctx(id));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => res.json();

/** Starts a long lexical run (2 scenarios × 1000 seeds) in this "server" and returns its id. */
async function startLongRun(): Promise<string> {
  const res = await runsRoute.POST(
    req("/api/runs", "POST", {
      body: { solver: "lexical", scenarios: "all", seeds: "1-1000", maxTurns: 8, observation: "image" },
    }),
  );
  expect(res.status).toBe(201);
  return (await json(res)).runId as string;
}

/** The run's progress as the run page polls it. */
async function progress(id: string) {
  const res = await runRoute.GET(req(`/api/runs/${id}`, "GET"), ctx(id));
  expect(res.status).toBe(200);
  return (await json(res)).progress as { status: string; done: number; total: number; finishedAt: string | null };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("cancel", () => {
  it("stops a run this server plays; it stays cancelled, keeps what finished and leaves no episode in play", async () => {
    const id = await startLongRun();
    const res = await cancel(id);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ run: { id, status: "cancelled" } });
    // the job records when the run has really stopped (finishedAt); it must still say cancelled, not done
    const stopped = await until(
      () => progress(id),
      (p) => p.finishedAt !== null,
      "the run to stop",
    );
    expect(stopped.status).toBe("cancelled");
    expect(stopped.done).toBeLessThan(stopped.total);
    const row = await db.run.findUnique({ where: { id } });
    expect(row?.status).toBe("cancelled");
    expect(await db.episode.count({ where: { runId: id, status: "running" } })).toBe(0);

    const again = await cancel(id);
    expect(again.status).toBe(409);
    expect((await json(again)).error).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/nothing to cancel/),
    });
  }, 60_000);

  it("answers 404 JSON for an unknown run and 401 without the configured token", async () => {
    const missing = await cancel("no-such-run");
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe("run:not_found");
    process.env.MMCB_TOKEN = "t0ken-for-tests";
    const refused = await cancel("no-such-run");
    expect(refused.status).toBe(401);
    expect((await json(refused)).error.code).toBe("auth:required");
    const crossSite = await cancel("no-such-run", {
      origin: "http://evil.example",
      authorization: "Bearer t0ken-for-tests",
    });
    expect(crossSite.status).toBe(403);
  });
});

describe("delete", () => {
  it("refuses a run that plays, then deletes it with everything under it once cancelled", async () => {
    const id = await startLongRun();
    const refused = await remove(id);
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.message).toMatch(/cancel it first/);
    expect((await cancel(id)).status).toBe(200);
    await until(
      () => progress(id),
      (p) => p.finishedAt !== null,
      "the run to stop",
    );
    // it may still be writing its last episode back for a moment: retry the delete briefly
    const res = await until(
      () => remove(id),
      (r) => r.status !== 409,
      "the delete to be accepted",
    );
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.deleted.runId).toBe(id);
    expect(body.deleted.episodes).toBeGreaterThan(0);
    expect(await db.run.count({ where: { id } })).toBe(0);
    expect(await db.episode.count({ where: { runId: id } })).toBe(0);
    // gone for the run page too (the in-process job is forgotten)
    const gone = await runRoute.GET(req(`/api/runs/${id}`, "GET"), ctx(id));
    expect(gone.status).toBe(404);
    expect((await remove(id)).status).toBe(404);
  }, 60_000);
});

describe("retry failed episodes", () => {
  let runId: string;
  beforeAll(async () => {
    const { runBaselineEval } = await import("@/lib/eval/baselines");
    const { getScenarioStore } = await import("@/lib/scenarios/store");
    const { scenarios } = await getScenarioStore();
    runId = "oracle-retry";
    await runBaselineEval({ solver: "oracle", scenarios, seeds: [1, 2], maxTurns: 8, observation: "image", runId });
  }, 60_000);

  /** Marks one episode as an infrastructure error, as an unreachable endpoint leaves it. */
  async function failEpisode(episodeId: string) {
    await db.score.deleteMany({ where: { episodeId } });
    await db.episode.update({
      where: { id: episodeId },
      data: { status: "failed", endReason: "error", error: "the endpoint could not be reached" },
    });
  }

  it("plays the failed episodes again from the stored launch and keeps the finished ones", async () => {
    const episodeId = `${runId}:pry-lid:2`;
    await failEpisode(episodeId);
    // the leaderboard's coverage counts it apart from the scored episodes
    const { loadLeaderboard } = await import("@/lib/leaderboard/runs");
    const onBoard = async () => (await loadLeaderboard()).groups.flatMap((g) => g.runs).find((x) => x.id === runId)!;
    expect(await onBoard()).toMatchObject({ episodes: 3, errors: 1 });
    const kept = await db.score.findUnique({ where: { episodeId: `${runId}:pry-lid:1` } });
    const res = await retry(runId);
    expect(res.status).toBe(202);
    expect(await json(res)).toMatchObject({ runId, url: `/runs/${runId}` });
    await until(
      () => progress(runId),
      (p) => p.status === "done" && p.finishedAt !== null,
      "the retry to finish",
    );
    const episode = await db.episode.findUnique({ where: { id: episodeId }, include: { score: true } });
    expect(episode).toMatchObject({ status: "done", endReason: "answer" });
    expect(episode?.score?.goldCorrect).toBe(true);
    // the finished episodes were not played again
    const after = await db.score.findUnique({ where: { episodeId: `${runId}:pry-lid:1` } });
    expect(after?.scoredAt.getTime()).toBe(kept?.scoredAt.getTime());
    expect((await db.run.findUnique({ where: { id: runId } }))?.status).toBe("done");
    expect(await onBoard()).toMatchObject({ episodes: 4, errors: 0 });
  }, 60_000);

  it("refuses with one sentence when there is nothing to retry, and for an unknown run", async () => {
    const nothing = await retry(runId);
    expect(nothing.status).toBe(409);
    expect((await json(nothing)).error.message).toMatch(/no failed or unfinished episode/);
    const missing = await retry("no-such-run");
    expect(missing.status).toBe(404);
  });

  it("refuses a launch whose key variable a request over HTTP may not name (a CLI run)", async () => {
    const row = await db.run.findUnique({ where: { id: runId }, select: { launch: true } });
    const launch = JSON.parse(row!.launch!) as Record<string, unknown>;
    const cliLaunch = {
      ...launch,
      solver: "openai",
      concurrency: 1,
      options: {
        runId,
        settings: { baseUrl: "https://api.example.com/v1", model: "m", apiKeyEnv: "MMCB_ADMIN_SECRET" },
        seeds: [1, 2],
        maxTurns: 8,
        observation: "image",
        useCache: false,
      },
    };
    await db.run.update({ where: { id: runId }, data: { launch: JSON.stringify(cliLaunch) } });
    await failEpisode(`${runId}:pry-lid-b:1`);
    try {
      const res = await retry(runId);
      expect(res.status).toBe(409);
      const { error } = await json(res);
      expect(error.code).toBe("conflict");
      expect(error.message).toMatch(/MMCB_ADMIN_SECRET.*mmcb eval --resume --run-id oracle-retry/);
      // nothing was started
      expect((await db.run.findUnique({ where: { id: runId } }))?.status).toBe("done");
    } finally {
      await db.run.update({ where: { id: runId }, data: { launch: row!.launch } });
    }
  });
});
