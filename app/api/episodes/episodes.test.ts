// The episodes API (SPEC §3, §8) called as route handlers against a temporary data folder: create, steps
// through the engine, malformed calls recorded as invalid steps, the end scored and stored, 409 after the
// end, 403 for another annotator, and the token required when MMCB_TOKEN is set.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { closeDb, getDb } from "@/lib/db/client";
import type { PlayEpisodeDocument, PlayStepResult } from "@/lib/play/types";

vi.mock("server-only", () => ({}));

type Ctx = { params: Promise<{ id: string }> };
let work: string;
const saved = { ...process.env };
let createRoute: typeof import("./route");
let episodeRoute: typeof import("./[id]/route");
let stepsRoute: typeof import("./[id]/steps/route");

beforeAll(async () => {
  work = tempDir("mmcb-play-");
  await writeFixtureScenario(path.join(work, "scenarios"), fixtureScenario("pry-lid"));
  process.env.MMCB_DATA_DIR = path.join(work, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(work, "scenarios");
  delete process.env.DATABASE_URL;
  delete process.env.MMCB_TOKEN;
  createRoute = await import("./route");
  episodeRoute = await import("./[id]/route");
  stepsRoute = await import("./[id]/steps/route");
});
beforeEach(() => {
  delete process.env.MMCB_TOKEN;
});
afterAll(async () => {
  await closeDb();
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

function post(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://127.0.0.1${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-mmcb-annotator": "Ada%20L", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
const ctx = (id: string): Ctx => ({ params: Promise.resolve({ id }) });

async function create(body: unknown = { scenarioId: "pry-lid" }, headers?: Record<string, string>) {
  const res = await createRoute.POST(post("/api/episodes", body, headers));
  return { res, body: (await res.json()) as PlayEpisodeDocument & { error?: { code: string; message: string } } };
}
async function step(id: string, body: unknown, headers?: Record<string, string>) {
  const res = await stepsRoute.POST(post(`/api/episodes/${id}/steps`, body, headers), ctx(id));
  return {
    res,
    body: (await res.json()) as PlayStepResult & { error?: { code: string; message: string; fields?: object } },
  };
}
async function get(id: string) {
  const res = await episodeRoute.GET(new Request(`http://127.0.0.1/api/episodes/${id}`), ctx(id));
  return { res, body: (await res.json()) as PlayEpisodeDocument & { error?: { code: string } } };
}

describe("POST /api/episodes", () => {
  it("creates a human episode with the brief the solver may see, and nothing more", async () => {
    const { res, body } = await create();
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(body.urls.self);
    expect(body.episode.runId).toMatch(/^human-[0-9a-f]{12}$/);
    expect(body.episode.annotator).toBe("Ada L");
    expect(body.episode.status).toBe("running");
    expect(body.brief.task).toMatch(/paint can lid/);
    expect(body.brief.constraints).toEqual(["No screwdriver", "Do not damage the lid"]);
    expect(body.brief.entities.map((e) => [e.id, e.name])).toEqual([
      ["coin", "coin"],
      ["spoon", "spoon"],
    ]);
    expect(body.brief.scene.url).toMatch(/^\/api\/scenarios\/pry-lid\/files\/scene\.png\?v=/);
    expect(body.budget).toEqual({
      turn: 0,
      maxTurns: 15,
      turnsLeft: 15,
      finalTurn: false,
      ended: false,
      endReason: null,
    });
    expect(body.steps).toEqual([]);
    expect(body.score).toBeNull();
    // no gold, similar, annotations, affordances or descriptions while playing
    const text = JSON.stringify(body);
    for (const secret of ["gold", "similar", "affordance", "attributes", "pry open a lid", "thin rim", "description"])
      expect(text, secret).not.toContain(secret);
    const run = await getDb().run.findUnique({ where: { id: body.episode.runId } });
    expect(run?.solverKind).toBe("human");
    expect(JSON.parse(run!.config).engine).toMatchObject({ maxTurns: 15, observation: "image" });
  });

  it("gives each play of a scenario the next seed; an explicit seed already used is a 409", async () => {
    const a = await create();
    const b = await create();
    expect(b.body.episode.runId).toBe(a.body.episode.runId);
    expect(b.body.episode.seed).toBe(a.body.episode.seed + 1);
    const taken = await create({ scenarioId: "pry-lid", seed: a.body.episode.seed });
    expect(taken.res.status).toBe(409);
    expect(taken.body.error?.code).toBe("conflict");
    expect(taken.body.error?.message).toMatch(/already used/);
  });

  it("a different engine setting is a different run", async () => {
    const a = await create();
    const b = await create({ scenarioId: "pry-lid", maxTurns: 5, observation: "hybrid" });
    expect(b.res.status).toBe(201);
    expect(b.body.episode.runId).not.toBe(a.body.episode.runId);
    expect(b.body.budget.maxTurns).toBe(5);
  });

  it("names what is wrong with a bad body, and 404s an unknown scenario", async () => {
    const bad = await create({ scenarioId: "Pry Lid!", maxTurns: 0, colour: "red" });
    expect(bad.res.status).toBe(400);
    expect(bad.body.error?.code).toBe("input:invalid");
    expect(bad.body.error?.message).toMatch(/scenarioId/);
    expect(bad.body.error?.message).toMatch(/maxTurns/);
    expect(bad.body.error?.message).toMatch(/colour/);
    const missing = await create({ scenarioId: "no-such-scenario" });
    expect(missing.res.status).toBe(404);
    expect(missing.body.error?.code).toBe("scenario:not_found");
  });

  it("asks for an annotator name", async () => {
    const res = await createRoute.POST(
      new Request("http://127.0.0.1/api/episodes", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "pry-lid" }),
      }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/annotator/);
  });
});

describe("POST /api/episodes/:id/steps", () => {
  it("plays a valid call through the engine and returns its observation with image URLs", async () => {
    const { body: ep } = await create();
    const { res, body } = await step(ep.episode.id, { tool: "inspect_entity", args: { entity_id: "spoon" } });
    expect(res.status).toBe(200);
    expect(body.steps).toHaveLength(1);
    expect(body.steps[0]).toMatchObject({ index: 0, turn: 1, tool: "inspect_entity", valid: true });
    expect(body.steps[0]!.summary).toMatch(/spoon/);
    const obs = body.observations[0]!;
    expect(obs.images).toEqual([
      { kind: "entity", entityId: "spoon", url: expect.stringMatching(/^\/api\/scenarios\/pry-lid\/views\/spoon\?v=/) },
    ]);
    expect(obs.entity?.parts.map((p) => p.id)).toEqual(["handle-tip", "bowl"]);
    // the spoon has its own view: part regions are in that image's pixels
    expect(obs.entity?.parts[0]!.region).toEqual({ box: [10, 10, 80, 40] });
    expect(body.budget).toMatchObject({ turn: 1, turnsLeft: 14, ended: false });
    expect(body.score).toBeNull();
    const stored = await getDb().step.findMany({ where: { episodeId: ep.episode.id } });
    expect(stored.map((s) => [s.index, s.turn, s.tool, s.valid])).toEqual([[0, 1, "inspect_entity", true]]);
  });

  it("records malformed calls as invalid steps with an error observation (never an HTTP error)", async () => {
    const { body: ep } = await create();
    const unknownTool = await step(ep.episode.id, { tool: "open_drawer", args: {} });
    expect(unknownTool.res.status).toBe(200);
    expect(unknownTool.body.steps[0]).toMatchObject({ valid: false, tool: "open_drawer" });
    expect(unknownTool.body.steps[0]!.error).toMatch(/unknown tool "open_drawer"/);
    expect(unknownTool.body.observations[0]!.text).toMatch(/^Error:/);

    const badJson = await step(ep.episode.id, { tool: "inspect_part", args: '{"entity_id": "coin",' });
    expect(badJson.res.status).toBe(200);
    expect(badJson.body.steps[0]).toMatchObject({ valid: false, turn: 2 });
    expect(badJson.body.steps[0]!.error).toMatch(/not valid JSON/);

    const unknownPart = await step(ep.episode.id, {
      tool: "inspect_part",
      args: { entity_id: "coin", part_id: "rim" },
    });
    expect(unknownPart.body.steps[0]).toMatchObject({ valid: false, turn: 3 });
    expect(unknownPart.body.steps[0]!.error).toMatch(/no part "rim"/);
    expect(unknownPart.body.budget.turn).toBe(3);

    const stored = await getDb().step.findMany({ where: { episodeId: ep.episode.id }, orderBy: { index: "asc" } });
    expect(stored.map((s) => s.valid)).toEqual([false, false, false]);
    expect(stored[1]!.raw).toBe('{"entity_id": "coin",');
  });

  it("rejects a body that is not a tool call with a sentence naming the field", async () => {
    const { body: ep } = await create();
    const { res, body } = await step(ep.episode.id, { tool: 7 });
    expect(res.status).toBe(400);
    expect(body.error?.message).toMatch(/tool: expected a tool name/);
    const empty = await step(ep.episode.id, { calls: [] });
    expect(empty.res.status).toBe(400);
    expect(empty.body.error?.message).toMatch(/at least one tool call/);
    const notJson = await step(ep.episode.id, "{nope");
    expect(notJson.res.status).toBe(400);
    expect((await getDb().step.count({ where: { episodeId: ep.episode.id } })) === 0).toBe(true);
  });

  it("plays several calls as one turn, scores the episode when it ends, then answers 409", async () => {
    const { body: ep } = await create();
    const id = ep.episode.id;
    const turn = await step(id, {
      calls: [
        { tool: "inspect_entity", args: { entity_id: "coin" } },
        { tool: "inspect_part", args: { entity_id: "coin", part_id: "edge" } },
      ],
    });
    expect(turn.body.steps.map((s) => [s.turn, s.tool, s.valid])).toEqual([
      [1, "inspect_entity", true],
      [1, "inspect_part", true],
    ]);
    expect(turn.body.observations[1]!.images[0]!.url).toMatch(/\/views\/coin\/edge\?v=/);
    await step(id, {
      tool: "assess_part",
      args: {
        entity_id: "coin",
        part_id: "edge",
        suitable: true,
        observed_attributes: [{ name: "thickness", value: "thin" }],
        rationale: "Thin and metal.",
      },
    });
    const done = await step(id, {
      tool: "submit_answer",
      args: {
        entity_id: "coin",
        part_id: "edge",
        affordance: "pry open a lid",
        attributes_used: [{ name: "thickness", value: "slim" }],
        how_to_use: "Wedge it under the rim and twist.",
      },
    });
    expect(done.res.status).toBe(200);
    expect(done.body.budget).toMatchObject({ ended: true, endReason: "answer", turn: 3 });
    expect(done.body.score?.metrics).toMatchObject({
      gold_correct: true,
      entity_correct: true,
      affordance_correct: true,
      relation: "gold",
      hallucinated: 0,
      turns: 3,
    });
    expect(done.body.score?.claims.map((c) => c.class)).toEqual(["grounded", "grounded"]);
    const stored = await getDb().episode.findUnique({ where: { id }, include: { score: true } });
    expect(stored?.status).toBe("done");
    expect(stored?.endReason).toBe("answer");
    expect(stored?.score?.goldCorrect).toBe(true);

    const after = await step(id, { tool: "view_scene", args: {} });
    expect(after.res.status).toBe(409);
    expect(after.body.error?.code).toBe("conflict");
    expect(after.body.error?.message).toMatch(/has ended/);

    const { res, body } = await get(id);
    expect(res.status).toBe(200);
    expect(body.steps).toHaveLength(4);
    expect(body.episode.status).toBe("done");
    expect(body.score?.metrics.gold_correct).toBe(true);
    expect(body.urls.replay).toBe(`/runs/${ep.episode.runId}/episodes/${encodeURIComponent(id)}`);
  });

  it("on the final turn only submit_answer is accepted; spending the budget ends and scores the episode", async () => {
    const { body: ep } = await create({ scenarioId: "pry-lid", maxTurns: 2 });
    const first = await step(ep.episode.id, { tool: "view_scene" });
    expect(first.body.budget).toMatchObject({ turn: 1, finalTurn: true, ended: false });
    const last = await step(ep.episode.id, { tool: "inspect_entity", args: { entity_id: "coin" } });
    expect(last.body.steps[0]).toMatchObject({ valid: false });
    expect(last.body.steps[0]!.error).toMatch(/final turn/);
    expect(last.body.budget).toMatchObject({ ended: true, endReason: "budget", turnsLeft: 0 });
    expect(last.body.score?.metrics.relation).toBe("no_answer");
    const after = await step(ep.episode.id, { tool: "view_scene" });
    expect(after.res.status).toBe(409);
  });

  it("refuses another annotator's episode with a clear sentence", async () => {
    const { body: ep } = await create();
    const { res, body } = await step(ep.episode.id, { tool: "view_scene" }, { "x-mmcb-annotator": "Bob" });
    expect(res.status).toBe(403);
    expect(body.error?.message).toMatch(/being played by "Ada L"/);
    expect(await getDb().step.count({ where: { episodeId: ep.episode.id } })).toBe(0);
  });

  it("404s an unknown episode", async () => {
    const s = await step("human-000000000000:pry-lid:99", { tool: "view_scene" });
    expect(s.res.status).toBe(404);
    expect(s.body.error?.code).toBe("episode:not_found");
    const g = await get("nope");
    expect(g.res.status).toBe(404);
  });

  it("serialises concurrent steps of one episode (no lost or clashing step)", async () => {
    const { body: ep } = await create();
    const results = await Promise.all(
      ["coin", "spoon", "coin"].map((e) => step(ep.episode.id, { tool: "inspect_entity", args: { entity_id: e } })),
    );
    expect(results.map((r) => r.res.status)).toEqual([200, 200, 200]);
    const stored = await getDb().step.findMany({ where: { episodeId: ep.episode.id }, orderBy: { index: "asc" } });
    expect(stored.map((s) => s.turn)).toEqual([1, 2, 3]);
  });
});

describe("with MMCB_TOKEN set", () => {
  it("creating and stepping require the token; reading does not", async () => {
    const { body: ep } = await create();
    process.env.MMCB_TOKEN = "play-secret";
    const denied = await create();
    expect(denied.res.status).toBe(401);
    expect(denied.body.error?.code).toBe("auth:required");
    const deniedStep = await step(ep.episode.id, { tool: "view_scene" });
    expect(deniedStep.res.status).toBe(401);
    const allowed = await create(undefined, { authorization: "Bearer play-secret" });
    expect(allowed.res.status).toBe(201);
    const allowedStep = await step(ep.episode.id, { tool: "view_scene" }, { authorization: "Bearer play-secret" });
    expect(allowedStep.res.status).toBe(200);
    expect((await get(ep.episode.id)).res.status).toBe(200);
  });
});

describe("leaderboard", () => {
  it("lists human-play runs as a human baseline, labelled by how many annotators played", async () => {
    const grace = { "x-mmcb-annotator": "Grace" };
    const short = await create({ scenarioId: "pry-lid", maxTurns: 3 }, grace);
    for (let i = 0; i < 3; i++) await step(short.body.episode.id, { tool: "view_scene" }, grace);
    const main = await create({ scenarioId: "pry-lid" }, grace);
    const answer = { entity_id: "spoon", part_id: "bowl", affordance: "scoop", attributes_used: [], how_to_use: "x" };
    await step(main.body.episode.id, { tool: "submit_answer", args: answer }, grace);

    const { loadLeaderboard } = await import("@/lib/leaderboard/runs");
    const runs = (await loadLeaderboard()).groups.flatMap((g) => g.runs);
    const shortRow = runs.find((r) => r.id === short.body.episode.runId);
    expect(shortRow).toMatchObject({
      solverKind: "human",
      solver: "Human (1 annotator)",
      episodes: 1,
      scenarioCount: 1,
    });
    // the default setting's run: Ada's scored episode from above and Grace's
    const mainRow = runs.find((r) => r.id === main.body.episode.runId);
    expect(mainRow?.solver).toBe("Human (2 annotators)");
    expect(mainRow?.episodes).toBe(2);
    expect(mainRow?.metrics.gold_correct.mean).toBe(0.5);
  });
});
