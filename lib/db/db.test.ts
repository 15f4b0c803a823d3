import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { loadScenarioStore } from "@/lib/scenarios/load";
import { closeDb, getDb } from "./client";
import { migrateSqlite } from "./migrate";
import { indexScenarios, listIndexedScenarios, scenarioRevisions } from "./scenarios";
import { getOrCreateAnnotator } from "./annotators";
import type { TraceStep } from "@/core/engine";
import type { RunConfig } from "@/core/run";
import type { EpisodeMetrics } from "@/core/scoring";
import { createTestDatabase, TEST_PG_URL, type TestDatabase } from "./pg-testing";
import {
  abandonEpisode,
  appendSteps,
  cancelRun,
  createOrResumeRun,
  deleteRun,
  episodeTrace,
  finishEpisode,
  getRun,
  runEpisodes,
  runTraces,
  setRunStatus,
  startEpisode,
} from "./runs";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");
let root: string;

beforeAll(() => {
  root = tempDir("mmcb-db-");
});
afterAll(async () => {
  await closeDb();
  rmSync(root, { recursive: true, force: true });
});

describe("migrateSqlite", () => {
  it("creates the database and applies every migration once", () => {
    const file = path.join(root, "m1", "a.db");
    const first = migrateSqlite(file, MIGRATIONS);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = migrateSqlite(file, MIGRATIONS);
    expect(second.applied).toEqual([]);
    const db = new Database(file, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    db.close();
    expect(tables).toEqual(
      expect.arrayContaining([
        "Scenario",
        "Run",
        "Episode",
        "Step",
        "Score",
        "Annotator",
        "Review",
        "PairVerdict",
        "Export",
        "_prisma_migrations",
      ]),
    );
  });

  it("rolls back a failing migration and names it", () => {
    const dir = path.join(root, "broken-migrations");
    mkdirSync(path.join(dir, "0001_ok"), { recursive: true });
    mkdirSync(path.join(dir, "0002_bad"), { recursive: true });
    writeFileSync(path.join(dir, "0001_ok", "migration.sql"), 'CREATE TABLE "A" ("id" INTEGER);');
    writeFileSync(
      path.join(dir, "0002_bad", "migration.sql"),
      'CREATE TABLE "B" ("id" INTEGER); INSERT INTO "Nope" VALUES (1);',
    );
    const file = path.join(root, "m2", "b.db");
    expect(() => migrateSqlite(file, dir)).toThrow(
      /migration 0002_bad failed and was rolled back: no such table: Nope/,
    );
    const db = new Database(file, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    db.close();
    expect(tables).toContain("A");
    expect(tables).not.toContain("B");
  });

  it("refuses a migration edited after it was applied", () => {
    const dir = path.join(root, "edited");
    mkdirSync(path.join(dir, "0001_a"), { recursive: true });
    writeFileSync(path.join(dir, "0001_a", "migration.sql"), 'CREATE TABLE "A" ("id" INTEGER);');
    const file = path.join(root, "m3", "c.db");
    migrateSqlite(file, dir);
    writeFileSync(path.join(dir, "0001_a", "migration.sql"), 'CREATE TABLE "A" ("id" TEXT);');
    expect(() => migrateSqlite(file, dir)).toThrow(/migration 0001_a was changed after it was applied/);
  });
});

// The repository suite runs on SQLite always and on PostgreSQL when MMCB_TEST_PG_URL names a cluster
// (scripts/test.mjs and .ci/run start one); repositories must not care which.
const backends: { name: string; url: () => Promise<string> }[] = [
  { name: "sqlite", url: async () => `file:${path.join(root, "repo", "mmcb.db")}` },
];
if (TEST_PG_URL) {
  let pgDb: TestDatabase | undefined;
  backends.push({ name: "postgres", url: async () => (pgDb = await createTestDatabase("mmcb_db_test")).url });
  afterAll(async () => {
    await closeDb();
    await pgDb?.drop();
  });
}

describe.each(backends)("repositories on $name", (backend) => {
  const store = () => path.join(root, `store-${backend.name}`);
  beforeAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = await backend.url();
  });
  afterAll(async () => {
    await closeDb();
    delete process.env.DATABASE_URL;
  });

  it("indexes scenarios, records revisions when content changes, maps rows to plain objects", async () => {
    await writeFixtureScenario(store(), fixtureScenario("a"));
    await writeFixtureScenario(store(), fixtureScenario("b"));
    const db = getDb();
    const loaded = (await loadScenarioStore(store())).scenarios;
    expect(await indexScenarios(db, loaded)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await indexScenarios(db, loaded)).toEqual({ added: 0, updated: 0, unchanged: 2 });

    const changed = fixtureScenario("a");
    changed.version = 2;
    changed.title = "Pry it open (v2)";
    await writeFixtureScenario(store(), changed);
    const reloaded = (await loadScenarioStore(store())).scenarios;
    expect(await indexScenarios(db, reloaded)).toEqual({ added: 0, updated: 1, unchanged: 1 });

    const rows = await listIndexedScenarios(db);
    expect(rows.map((r) => [r.id, r.version, r.title])).toEqual([
      ["a", 2, "Pry it open (v2)"],
      ["b", 1, "Pry open a paint can"],
    ]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect((await scenarioRevisions(db, "a")).map((r) => r.version)).toEqual([2, 1]);
  });

  it("creates an annotator once per name and rejects empty names", async () => {
    const db = getDb();
    const a = await getOrCreateAnnotator(db, "  Ada  Lovelace ");
    const b = await getOrCreateAnnotator(db, "Ada Lovelace");
    expect(b.id).toBe(a.id);
    expect(a.name).toBe("Ada Lovelace");
    await expect(getOrCreateAnnotator(db, "   ")).rejects.toThrow(/1 to 60 characters/);
    await expect(getOrCreateAnnotator(db, "Ada\u0000Lovelace")).rejects.toThrow(/control characters/);
  });

  it("records a run's benchmark set when it is created and keeps it on resume", async () => {
    const db = getDb();
    const config = { solver: { kind: "baseline", name: "oracle" }, seeds: [1] } as unknown as RunConfig;
    const set = { name: "bundled", count: 62, hash: "3fa9c1" };
    const created = await createOrResumeRun(db, { id: "set1", name: "s", config, configHash: "hs", benchmarkSet: set });
    expect(created.run.benchmarkSet).toEqual(set);
    const resumed = await createOrResumeRun(db, {
      id: "set1",
      name: "s",
      config,
      configHash: "hs",
      benchmarkSet: { name: "custom", count: 1, hash: "000000" },
    });
    expect(resumed.run.benchmarkSet).toEqual(set);
    expect((await getRun(db, "set1"))?.benchmarkSet).toEqual(set);
    expect((await createOrResumeRun(db, { id: "set2", name: "s", config, configHash: "hs" })).run.benchmarkSet).toBe(
      null,
    );
  });

  it("stores a run: resume by config hash, episodes restart from scratch, steps and score round-trip", async () => {
    const db = getDb();
    const [loaded] = (await loadScenarioStore(store())).scenarios.filter((l) => l.scenario.id === "b");
    const config = { solver: { kind: "baseline", name: "oracle" }, seeds: [1] } as unknown as RunConfig;
    expect((await createOrResumeRun(db, { id: "r1", name: "r", config, configHash: "h1" })).resumed).toBe(false);
    expect((await createOrResumeRun(db, { id: "r1", name: "r", config, configHash: "h1" })).resumed).toBe(true);
    await expect(createOrResumeRun(db, { id: "r1", name: "r", config, configHash: "h2" })).rejects.toThrow(
      /different configuration/,
    );
    const episode = {
      id: "r1:b:1",
      runId: "r1",
      scenarioId: "b",
      scenarioVersion: 1,
      scenarioHash: loaded!.contentHash,
      imageHashes: { "scene.png": "x" },
      seed: 1,
      agentKind: "baseline",
      agentName: "oracle",
    };
    expect(await startEpisode(db, episode)).toBe("started");
    const step = (turn: number) =>
      ({
        turn,
        call: { tool: "inspect", args: { entity: "coin" } },
        valid: true,
        latencyMs: 12.6,
      }) as unknown as TraceStep;
    await appendSteps(db, episode.id, 0, [step(1), step(1)]);
    expect(await startEpisode(db, episode)).toBe("restarted");
    expect((await episodeTrace(db, episode.id))!.steps).toHaveLength(0);
    await appendSteps(db, episode.id, 0, [step(1)]);
    await finishEpisode(db, episode.id, {
      endReason: "answer",
      scenarioVersion: 1,
      metrics: { gold_correct: true, entity_correct: true } as unknown as EpisodeMetrics,
    });
    expect(await startEpisode(db, episode)).toBe("done");
    const [row] = await runEpisodes(db, "r1");
    expect(row).toMatchObject({ id: episode.id, status: "done", endReason: "answer" });
    expect(row!.metrics).toMatchObject({ gold_correct: true });
    const trace = (await episodeTrace(db, episode.id))!;
    expect(trace.steps).toHaveLength(1);
    expect(trace.steps[0]).toMatchObject({ turn: 1, valid: true, latencyMs: 13 });
    await setRunStatus(db, "r1", "done");
    expect((await getRun(db, "r1"))!.finishedAt).toBeInstanceOf(Date);
  });

  it("an episode that ended in an error is failed with its sentence and has no score; a cancelled one goes back to pending", async () => {
    const db = getDb();
    const config = { solver: { kind: "model", name: "openai" }, seeds: [1, 2] } as unknown as RunConfig;
    await createOrResumeRun(db, { id: "err", name: "err", config, configHash: "he" });
    const episode = (seed: number) => ({
      id: `err:b:${seed}`,
      runId: "err",
      scenarioId: "b",
      scenarioVersion: 1,
      scenarioHash: "h",
      imageHashes: {},
      seed,
      agentKind: "model",
      agentName: "m",
    });
    await startEpisode(db, episode(1));
    await finishEpisode(db, "err:b:1", {
      endReason: "error",
      scenarioVersion: 1,
      metrics: { gold_correct: false, entity_correct: false } as unknown as EpisodeMetrics,
      error: "cannot reach http://127.0.0.1:9/v1: connection refused",
    });
    const [failed] = await runEpisodes(db, "err");
    expect(failed).toMatchObject({ status: "failed", endReason: "error", metrics: null });
    expect(await db.score.count({ where: { episodeId: "err:b:1" } })).toBe(0);
    // a resume replays it from scratch
    expect(await startEpisode(db, episode(1))).toBe("restarted");

    await startEpisode(db, episode(2));
    await appendSteps(db, "err:b:2", 0, [
      { turn: 1, call: { tool: "view_scene", args: {} }, valid: true } as unknown as TraceStep,
    ]);
    await abandonEpisode(db, "err:b:2");
    const abandoned = (await runEpisodes(db, "err")).find((e) => e.id === "err:b:2");
    expect(abandoned).toMatchObject({ status: "pending", endReason: null });
    expect(await db.step.count({ where: { episodeId: "err:b:2" } })).toBe(0);
  });

  it("cancels a playing run once, and refuses a run that is not playing", async () => {
    const db = getDb();
    const config = { solver: { kind: "baseline", name: "random" }, seeds: [1] } as unknown as RunConfig;
    await createOrResumeRun(db, { id: "cx", name: "cx", config, configHash: "hc" });
    const run = await cancelRun(db, "cx");
    expect(run.status).toBe("cancelled");
    expect(run.finishedAt).toBeInstanceOf(Date);
    await expect(cancelRun(db, "cx")).rejects.toThrow('run "cx" is cancelled, not running: there is nothing to cancel');
    await expect(cancelRun(db, "nope")).rejects.toMatchObject({ code: "run:not_found" });
    // resuming reopens it
    await createOrResumeRun(db, { id: "cx", name: "cx", config, configHash: "hc" });
    expect((await getRun(db, "cx"))!.status).toBe("running");
    // a worker playing one episode leaves the status alone
    await cancelRun(db, "cx");
    await createOrResumeRun(db, { id: "cx", name: "cx", config, configHash: "hc", reopen: false });
    expect((await getRun(db, "cx"))!.status).toBe("cancelled");
  });

  it("deletes a run with everything under it in one transaction and leaves other runs alone", async () => {
    const db = getDb();
    const config = { solver: { kind: "baseline", name: "random" }, seeds: [1] } as unknown as RunConfig;
    const ada = await getOrCreateAnnotator(db, "Del Tester");
    for (const id of ["del", "keep"]) {
      await createOrResumeRun(db, { id, name: id, config, configHash: "hd", launch: { solver: "baseline" } });
      await startEpisode(db, {
        id: `${id}:b:1`,
        runId: id,
        scenarioId: "b",
        scenarioVersion: 1,
        scenarioHash: "h",
        imageHashes: {},
        seed: 1,
        agentKind: "baseline",
        agentName: "random",
      });
      await appendSteps(db, `${id}:b:1`, 0, [
        { turn: 1, call: { tool: "view_scene", args: {} }, valid: true } as unknown as TraceStep,
      ]);
      await finishEpisode(db, `${id}:b:1`, {
        endReason: "answer",
        scenarioVersion: 1,
        metrics: { gold_correct: true, entity_correct: true } as unknown as EpisodeMetrics,
      });
    }
    await db.review.create({
      data: { episodeId: "del:b:1", stepIndex: 0, claimIndex: 0, verdict: "grounded", annotatorId: ada.id },
    });
    await db.scoreHistory.create({
      data: {
        episodeId: "del:b:1",
        scenarioVersion: 1,
        metrics: "{}",
        goldCorrect: true,
        scoredAt: new Date(),
        rescoreId: "rs",
        newScenarioVersion: 2,
      },
    });
    await db.pairVerdict.create({
      data: { leftEpisodeId: "keep:b:1", rightEpisodeId: "del:b:1", verdict: "left", annotatorId: ada.id },
    });
    const flag = await db.scenarioFlag.create({
      data: { scenarioId: "b", scenarioVersion: 1, reason: "other", annotatorId: ada.id, episodeId: "del:b:1" },
    });
    await db.export.create({ data: { id: "exp-del", kind: "pairs", format: "trl-vision", params: "{}" } });
    await db.exportRun.create({ data: { exportId: "exp-del", runId: "del" } });

    await createOrResumeRun(db, { id: "del", name: "del", config, configHash: "hd" }); // running again
    await expect(deleteRun(db, "del")).rejects.toThrow(/still running: cancel it first/);
    await setRunStatus(db, "del", "done");
    expect(await deleteRun(db, "del")).toEqual({ episodes: 1 });

    expect(await getRun(db, "del")).toBeNull();
    const where = { episodeId: "del:b:1" };
    expect(await db.episode.count({ where: { runId: "del" } })).toBe(0);
    expect(await db.step.count({ where })).toBe(0);
    expect(await db.score.count({ where })).toBe(0);
    expect(await db.review.count({ where })).toBe(0);
    expect(await db.scoreHistory.count({ where })).toBe(0);
    expect(await db.pairVerdict.count({ where: { rightEpisodeId: "del:b:1" } })).toBe(0);
    expect(await db.exportRun.count({ where: { runId: "del" } })).toBe(0);
    expect((await db.scenarioFlag.findUnique({ where: { id: flag.id } }))?.episodeId).toBeNull();
    // the other run is whole
    expect((await getRun(db, "keep"))!.status).toBe("running");
    expect(await db.step.count({ where: { episodeId: "keep:b:1" } })).toBe(1);
    expect(await db.score.count({ where: { episodeId: "keep:b:1" } })).toBe(1);
    await expect(deleteRun(db, "del")).rejects.toMatchObject({ code: "run:not_found" });
  });

  it("reads every trace of a large run in one call, each episode's steps in order", async () => {
    // 62 scenarios × 32 seeds is ~2,000 episodes: more than SQLite's bound-parameter limit once per episode
    const db = getDb();
    const config = { solver: { kind: "baseline", name: "random" }, seeds: [1] } as unknown as RunConfig;
    await createOrResumeRun(db, { id: "big", name: "big", config, configHash: "hb" });
    const n = 2_500;
    const ids = Array.from({ length: n }, (_, i) => `big:b:${i}`);
    await db.episode.createMany({
      data: ids.map((id, i) => ({
        id,
        runId: "big",
        scenarioId: "b",
        scenarioVersion: 1,
        scenarioHash: "h",
        imageHashes: "{}",
        seed: i,
        agentKind: "baseline",
        agentName: "random",
        status: "done",
      })),
    });
    // stored out of order on purpose: two steps per episode, the second first
    await db.step.createMany({
      data: ids.flatMap((episodeId) =>
        [1, 0].map((index) => ({ episodeId, index, turn: index + 1, tool: "view_scene", args: "{}", valid: true })),
      ),
    });
    const traces = await runTraces(db, "big");
    expect(traces).toHaveLength(n);
    expect(traces.every((t) => t.steps.length === 2 && t.steps[0]!.turn === 1 && t.steps[1]!.turn === 2)).toBe(true);
  });
});
