// The review API end to end against a real (temporary) database: claim re-judging, blind pairs with
// agreement, scenario flags and re-scoring, each through the route handlers as the browser calls them.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

let root: string;
let scenariosDir: string;
const saved = { ...process.env };

type Routes = {
  reviews: typeof import("./route");
  pairs: typeof import("../pairs/route");
  agreement: typeof import("../pairs/agreement/route");
  flags: typeof import("../flags/route");
  flag: typeof import("../flags/[id]/route");
  rescore: typeof import("../runs/[id]/rescore/route");
  attribute: typeof import("./attribute/route");
};
let r: Routes;
let db: import("@/lib/db/client").Db;
let invalidate: () => void;

beforeAll(async () => {
  root = tempDir("mmcb-review-");
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  process.env.DATABASE_URL = `file:${path.join(root, "data", "mmcb.db")}`;
  scenariosDir = path.join(root, "scenarios");
  process.env.MMCB_SCENARIOS_DIR = scenariosDir;
  delete process.env.MMCB_TOKEN;
  for (const id of ["pry-lid", "pry-lid-b"]) await writeFixtureScenario(scenariosDir, fixtureScenario(id));
  const { loadScenarioStore } = await import("@/lib/scenarios/load");
  const { runBaselineEval } = await import("@/lib/eval/baselines");
  const { scenarios } = await loadScenarioStore(scenariosDir);
  const common = { scenarios, maxTurns: 8, observation: "image" as const };
  await runBaselineEval({ ...common, solver: "oracle", seeds: [1], runId: "oracle-run" });
  await runBaselineEval({ ...common, solver: "random", seeds: [1], runId: "random-run" });
  r = {
    reviews: await import("./route"),
    pairs: await import("../pairs/route"),
    agreement: await import("../pairs/agreement/route"),
    flags: await import("../flags/route"),
    flag: await import("../flags/[id]/route"),
    rescore: await import("../runs/[id]/rescore/route"),
    attribute: await import("./attribute/route"),
  };
  db = (await import("@/lib/db/client")).getDb();
  invalidate = (await import("@/lib/scenarios/store")).invalidateScenarioStore;
}, 60_000);

afterAll(async () => {
  await (await import("@/lib/db/client")).closeDb();
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

const URL_BASE = "http://localhost";
function req(
  pathname: string,
  init: { method?: string; body?: unknown; annotator?: string; token?: string } = {},
): Request {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.annotator) headers["x-mmcb-annotator"] = encodeURIComponent(init.annotator);
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return new Request(`${URL_BASE}${pathname}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}
const params = <T>(p: T) => ({ params: Promise.resolve(p) });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => res.json();

describe("claim reviews", () => {
  const episodeId = "oracle-run:pry-lid:1";

  it("stores a re-judgment with its annotator and lists it for the episode", async () => {
    const { claimReviews } = await import("@/lib/db/reviews");
    const { episodeClaims } = await import("@/lib/review/claims");
    const found = await episodeClaims(episodeId);
    const claim = found!.claims[0]!;
    const res = await r.reviews.POST(
      req("/api/reviews", {
        method: "POST",
        annotator: "Ana Reviewer",
        body: {
          episodeId,
          stepIndex: claim.stepIndex,
          claimIndex: claim.claimIndex,
          verdict: "hallucinated",
          note: "edge looks rounded",
        },
      }),
    );
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.review).toMatchObject({
      verdict: "hallucinated",
      annotatorName: "Ana Reviewer",
      note: "edge looks rounded",
    });
    expect((await claimReviews(db, episodeId)).length).toBe(1);
    const list = await json(await r.reviews.GET(req(`/api/reviews?episodeId=${encodeURIComponent(episodeId)}`)));
    expect(list.reviews[0].stepIndex).toBe(claim.stepIndex);
  });

  it("refuses a claim that does not exist, a bad verdict, and a missing annotator, with sentences", async () => {
    const missing = await r.reviews.POST(
      req("/api/reviews", {
        method: "POST",
        annotator: "Ana",
        body: { episodeId, stepIndex: 0, claimIndex: 99, verdict: "grounded" },
      }),
    );
    expect(missing.status).toBe(400);
    expect((await json(missing)).error.message).toMatch(/has no claim 99 at step 1/);
    const bad = await r.reviews.POST(
      req("/api/reviews", {
        method: "POST",
        annotator: "Ana",
        body: { episodeId, stepIndex: 0, claimIndex: 0, verdict: "maybe" },
      }),
    );
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.fields.verdict).toBeTruthy();
    const anonymous = await r.reviews.POST(
      req("/api/reviews", { method: "POST", body: { episodeId, stepIndex: 0, claimIndex: 0, verdict: "grounded" } }),
    );
    expect(anonymous.status).toBe(400);
    expect((await json(anonymous)).error.message).toMatch(/annotator/);
    const unknown = await r.reviews.POST(
      req("/api/reviews", {
        method: "POST",
        annotator: "Ana",
        body: { episodeId: "nope:x:1", stepIndex: 0, claimIndex: 0, verdict: "grounded" },
      }),
    );
    expect(unknown.status).toBe(404);
  });

  it("requires the token when one is configured", async () => {
    const { episodeClaims } = await import("@/lib/review/claims");
    const claim = (await episodeClaims(episodeId))!.claims[0]!;
    process.env.MMCB_TOKEN = "s3cret";
    try {
      const body = { episodeId, stepIndex: claim.stepIndex, claimIndex: claim.claimIndex, verdict: "grounded" };
      const denied = await r.reviews.POST(req("/api/reviews", { method: "POST", annotator: "Ana", body }));
      expect(denied.status).toBe(401);
      expect((await json(denied)).error.code).toBe("auth:required");
      for (const res of [
        await r.pairs.POST(
          req("/api/pairs", { method: "POST", annotator: "Ana", body: { key: "x.y", verdict: "tie" } }),
        ),
        await r.flags.POST(
          req("/api/flags", { method: "POST", annotator: "Ana", body: { scenarioId: "pry-lid", reason: "other" } }),
        ),
        await r.flag.PATCH(
          req("/api/flags/1", { method: "PATCH", annotator: "Ana", body: { status: "resolved" } }),
          params({ id: "1" }),
        ),
        await r.rescore.POST(
          req("/api/runs/oracle-run/rescore", { method: "POST", body: {} }),
          params({ id: "oracle-run" }),
        ),
      ])
        expect(res.status).toBe(401);
      const allowed = await r.reviews.POST(
        req("/api/reviews", { method: "POST", annotator: "Ana", token: "s3cret", body }),
      );
      expect(allowed.status).toBe(201);
    } finally {
      delete process.env.MMCB_TOKEN;
    }
  });
});

describe("blind pairs", () => {
  it("serves a pair without solver names or ids, stores verdicts, and measures agreement", async () => {
    const first = await json(await r.pairs.GET(req("/api/pairs", { annotator: "Ana" })));
    expect(first.pair).not.toBeNull();
    const text = JSON.stringify(first.pair);
    for (const secret of ["oracle-run", "random-run", "oracle", "random"]) expect(text).not.toContain(secret);
    // blind to the scorer too: no claim class, annotated value or per-class counts reach the reviewer
    // (the side order is random per reviewer: the oracle's answer, which claims attributes, is on either side)
    const answerClaims = [first.pair.left, first.pair.right].map((side) => side.answer?.claims.length ?? 0);
    expect(Math.max(...answerClaims)).toBeGreaterThan(0);
    expect(text).not.toMatch(/grounded|contradicted|unseen|nonexistent|unannotated|"annotated"|"class"|"exists"/);
    expect(first.pair.left.steps.length).toBeGreaterThan(0);
    expect(first.pair.remaining).toBe(2); // two scenarios, one pair each

    const stored = await r.pairs.POST(
      req("/api/pairs", { method: "POST", annotator: "Ana", body: { key: first.pair.key, verdict: "left" } }),
    );
    expect(stored.status).toBe(201);
    expect(JSON.stringify(await json(stored))).not.toContain("run");
    const rows = await db.pairVerdict.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.verdict).toBe("left");
    expect(new Set([rows[0]!.leftEpisodeId, rows[0]!.rightEpisodeId]).size).toBe(2);

    // Ana's queue moves on; Bob is offered the pair Ana judged first (so they can be compared)
    const anaNext = await json(await r.pairs.GET(req("/api/pairs", { annotator: "Ana" })));
    expect(anaNext.pair.key).not.toBe(first.pair.key);
    expect(anaNext.pair.remaining).toBe(1);
    const bob = await json(await r.pairs.GET(req("/api/pairs", { annotator: "Bob" })));
    expect(bob.pair.judgedByOthers).toBe(1);
    const bobKey: string = bob.pair.key;
    const sameOrientation = bobKey === first.pair.key;
    // Bob prefers the same episode as Ana
    await r.pairs.POST(
      req("/api/pairs", {
        method: "POST",
        annotator: "Bob",
        body: { key: bobKey, verdict: sameOrientation ? "left" : "right" },
      }),
    );
    const agreement = (await json(await r.agreement.GET())).agreement;
    expect(agreement.raters).toBe(2);
    expect(agreement.sharedPairs).toBe(1);
    expect(agreement.kappas[0]).toMatchObject({ n: 1, observed: 1 });
    expect([agreement.kappas[0].raterA, agreement.kappas[0].raterB].sort()).toEqual(["Ana", "Bob"]);
  });

  it("keeps one verdict per reviewer and pair: a changed verdict replaces the first, and agreement uses it", async () => {
    const { pairKeyFor } = await import("@/lib/review/pairs");
    const ana = (await db.annotator.findUnique({ where: { name: "Ana" } }))!;
    const bobRow = (await db.annotator.findUnique({ where: { name: "Bob" } }))!;
    const bobVerdict = (await db.pairVerdict.findFirst({ where: { annotatorId: bobRow.id } }))!;
    const anaVerdict = (await db.pairVerdict.findFirst({
      where: {
        annotatorId: ana.id,
        OR: [
          { leftEpisodeId: bobVerdict.leftEpisodeId, rightEpisodeId: bobVerdict.rightEpisodeId },
          { leftEpisodeId: bobVerdict.rightEpisodeId, rightEpisodeId: bobVerdict.leftEpisodeId },
        ],
      },
    }))!;
    expect(anaVerdict.verdict).toBe("left");
    const scenarioId = anaVerdict.leftEpisodeId.split(":")[1]!;
    const key = pairKeyFor(scenarioId, anaVerdict.leftEpisodeId, anaVerdict.rightEpisodeId);
    const before = await db.pairVerdict.count();
    // Ana changes her mind before moving on: left → tie → right (the last one counts)
    for (const verdict of ["tie", "right"]) {
      const res = await r.pairs.POST(req("/api/pairs", { method: "POST", annotator: "Ana", body: { key, verdict } }));
      expect(res.status).toBe(201);
      expect((await json(res)).verdict.verdict).toBe(verdict);
    }
    expect(await db.pairVerdict.count()).toBe(before);
    const mine = await db.pairVerdict.findMany({
      where: {
        annotatorId: ana.id,
        leftEpisodeId: anaVerdict.leftEpisodeId,
        rightEpisodeId: anaVerdict.rightEpisodeId,
      },
    });
    expect(mine.map((v) => v.verdict)).toEqual(["right"]);
    // Bob agreed with Ana's first verdict; against her latest they now disagree
    const agreement = (await json(await r.agreement.GET())).agreement;
    expect(agreement.verdicts).toBe(before);
    expect(agreement.kappas[0]).toMatchObject({ n: 1, observed: 0 });
  });

  it("refuses an unknown pair key and a bad verdict", async () => {
    const unknown = await r.pairs.POST(
      req("/api/pairs", {
        method: "POST",
        annotator: "Ana",
        body: { key: `pry-lid.${"0".repeat(32)}`, verdict: "tie" },
      }),
    );
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.message).toMatch(/unknown/);
    const bad = await r.pairs.POST(
      req("/api/pairs", { method: "POST", annotator: "Ana", body: { key: "x", verdict: "meh" } }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await json(bad)).error.fields).sort()).toEqual(["key", "verdict"]);
  });

  it("keeps the human-pairs export source working (verdicts are read by run)", async () => {
    const { pairVerdictsFor } = await import("@/lib/db/exports");
    expect((await pairVerdictsFor(db, ["oracle-run", "random-run"])).length).toBe(2);
  });
});

describe("flags and re-scoring", () => {
  it("files a flag from a replay, lists it with the runs to re-score, and resolves it once", async () => {
    const filed = await r.flags.POST(
      req("/api/flags", {
        method: "POST",
        annotator: "Ana",
        body: {
          scenarioId: "pry-lid",
          reason: "wrong_gold",
          note: "the spoon works better",
          episodeId: "oracle-run:pry-lid:1",
        },
      }),
    );
    expect(filed.status).toBe(201);
    const flag = (await json(filed)).flag;
    expect(flag).toMatchObject({ scenarioVersion: 1, status: "open", reason: "wrong_gold", annotatorName: "Ana" });

    const wrongScenario = await r.flags.POST(
      req("/api/flags", {
        method: "POST",
        annotator: "Ana",
        body: { scenarioId: "pry-lid-b", reason: "other", episodeId: "oracle-run:pry-lid:1" },
      }),
    );
    expect(wrongScenario.status).toBe(400);
    const missing = await r.flags.POST(
      req("/api/flags", { method: "POST", annotator: "Ana", body: { scenarioId: "no-such", reason: "other" } }),
    );
    expect(missing.status).toBe(404);

    const open = (await json(await r.flags.GET(req("/api/flags?status=open")))).flags;
    expect(open).toHaveLength(1);
    expect(open[0].runs.map((x: { runId: string }) => x.runId).sort()).toEqual(["oracle-run", "random-run"]);
    expect(open[0].episodeRunId).toBe("oracle-run");

    const resolve = () =>
      r.flag.PATCH(
        req(`/api/flags/${flag.id}`, {
          method: "PATCH",
          annotator: "Maya",
          body: { status: "resolved", resolution: "gold fixed in v2" },
        }),
        params({ id: String(flag.id) }),
      );
    const resolved = await resolve();
    expect(resolved.status).toBe(200);
    expect((await json(resolved)).flag).toMatchObject({
      status: "resolved",
      resolvedBy: "Maya",
      resolution: "gold fixed in v2",
    });
    expect((await resolve()).status).toBe(409);
    expect((await json(await r.flags.GET(req("/api/flags?status=open")))).flags).toHaveLength(0);
  });

  it("re-scores a run against the current scenario version, showing old vs new and keeping the old scores", async () => {
    // fix the scenario: the spoon's handle tip becomes gold too → v2
    const file = path.join(scenariosDir, "pry-lid", "scenario.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    doc.version = 2;
    doc.gold = [
      {
        ...doc.gold[0],
        entity: "spoon",
        part: "handle-tip",
        affordance: "pry open a lid",
        requiredAttributes: [{ name: "shape", value: "flat" }], // what the handle tip has (the validator checks)
      },
    ];
    doc.similar = [{ entity: "coin", part: "edge", difficulty: 2 }];
    writeFileSync(file, JSON.stringify(doc, null, 2));
    invalidate();

    const preview = await json(await r.rescore.GET(req("/api/runs/oracle-run/rescore"), params({ id: "oracle-run" })));
    const row = preview.rows.find((x: { scenarioId: string }) => x.scenarioId === "pry-lid");
    expect(row.old).toMatchObject({ scenarioVersion: 1, metrics: { gold_correct: true } });
    expect(row.next).toMatchObject({ scenarioVersion: 2, metrics: { gold_correct: false, relation: "similar" } });
    expect(row.changed).toContain("gold_correct");
    expect(preview.summary).toMatchObject({
      episodes: 2,
      toUpdate: 1,
      changedGold: 1,
      goldMeanOld: 1,
      goldMeanNew: 0.5,
    });
    // a preview writes nothing
    expect((await db.score.findUnique({ where: { episodeId: "oracle-run:pry-lid:1" } }))!.scenarioVersion).toBe(1);

    const applied = await json(
      await r.rescore.POST(
        req("/api/runs/oracle-run/rescore", { method: "POST", annotator: "Maya", body: {} }),
        params({ id: "oracle-run" }),
      ),
    );
    expect(applied.updated).toBe(1);
    const score = await db.score.findUnique({ where: { episodeId: "oracle-run:pry-lid:1" } });
    expect(score).toMatchObject({ scenarioVersion: 2, goldCorrect: false });
    const history = await db.scoreHistory.findMany({ where: { episodeId: "oracle-run:pry-lid:1" } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      scenarioVersion: 1,
      newScenarioVersion: 2,
      goldCorrect: true,
      rescoreId: applied.rescoreId,
    });

    const again = await json(await r.rescore.GET(req("/api/runs/oracle-run/rescore"), params({ id: "oracle-run" })));
    expect(again.summary.toUpdate).toBe(0);
    const unknownRun = await r.rescore.GET(req("/api/runs/nope/rescore"), params({ id: "nope" }));
    expect(unknownRun.status).toBe(404);
  });
});

describe("adding an unannotated claim to the scenario", () => {
  it("saves the attribute (canonical value) as a new scenario version and refuses other claims", async () => {
    const { startEpisode, appendSteps, finishEpisode } = await import("@/lib/db/runs");
    const { getScenario } = await import("@/lib/scenarios/store");
    const { scoreEpisode } = await import("@/core/scoring");
    const loaded = (await getScenario("pry-lid-b"))!;
    const episodeId = "oracle-run:pry-lid-b:99";
    await startEpisode(db, {
      id: episodeId,
      runId: "oracle-run",
      scenarioId: "pry-lid-b",
      scenarioVersion: loaded.scenario.version,
      scenarioHash: loaded.contentHash,
      imageHashes: { ...loaded.imageHashes },
      seed: 99,
      agentKind: "baseline",
      agentName: "oracle",
    });
    const steps = [
      { turn: 1, call: { tool: "inspect_part", args: { entity_id: "coin", part_id: "face" } }, valid: true },
      {
        turn: 2,
        call: {
          tool: "assess_part",
          args: {
            entity_id: "coin",
            part_id: "face",
            suitable: false,
            // material is not annotated on the face; shape is (flat)
            observed_attributes: [
              { name: "shape", value: "flat" },
              { name: "material", value: "metallic" },
            ],
            rationale: "flat and metal",
          },
        },
        valid: true,
      },
    ];
    await appendSteps(db, episodeId, 0, steps);
    const { metrics } = scoreEpisode(loaded.scenario, { scenarioId: "pry-lid-b", steps, endReason: "budget" } as never);
    await finishEpisode(db, episodeId, { endReason: "budget", scenarioVersion: 1, metrics });

    const add = (claimIndex: number) =>
      r.attribute.POST(
        req("/api/reviews/attribute", {
          method: "POST",
          annotator: "Maya",
          body: { episodeId, stepIndex: 1, claimIndex },
        }),
      );
    const grounded = await add(0);
    expect(grounded.status).toBe(400);
    expect((await json(grounded)).error.message).toMatch(/only an unannotated claim.*grounded/);

    const res = await add(1);
    expect(res.status).toBe(201);
    expect((await json(res)).added).toMatchObject({
      scenarioId: "pry-lid-b",
      version: 2,
      attribute: { name: "material", value: "metal" },
    });
    invalidate();
    const now = (await getScenario("pry-lid-b"))!;
    expect(now.scenario.version).toBe(2);
    const face = now.scenario.entities.find((e) => e.id === "coin")!.parts.find((p) => p.id === "face")!;
    expect(face.attributes).toContainEqual(expect.objectContaining({ name: "material", value: "metal" }));
    // a second add of the same attribute is a conflict, not a duplicate annotation
    expect((await add(1)).status).toBe(409);
  });
});
