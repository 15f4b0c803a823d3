import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

const { closeDb } = await import("@/lib/db/client");
const { getPublishedStore, getScenarioStore, draftScenariosDir, userScenariosDir } =
  await import("@/lib/scenarios/store");
const collection = await import("./route");
const item = await import("./[id]/route");
const publish = await import("./[id]/publish/route");
const runsRoute = await import("@/app/api/runs/route");
const { getDb } = await import("@/lib/db/client");
const { getRun } = await import("@/lib/db/runs");
const { prepareReplay } = await import("@/lib/eval/launch");
const { getReplayStore } = await import("@/lib/scenarios/store");

let root: string;
const saved = { ...process.env };
beforeAll(async () => {
  root = tempDir("mmcb-publish-route-");
  await writeFixtureScenario(path.join(root, "bundled"), fixtureScenario("pry-lid"));
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(root, "bundled");
  delete process.env.DATABASE_URL;
  delete process.env.MMCB_TOKEN;
});
afterAll(async () => {
  await closeDb();
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const headers = { "content-type": "application/json", "x-mmcb-annotator": "Ann" };
const put = (id: string, body: unknown) =>
  item.PUT(
    new Request(`http://x/api/scenarios/${id}`, { method: "PUT", headers, body: JSON.stringify(body) }),
    params(id),
  );
const post = (id: string) =>
  publish.POST(new Request(`http://x/api/scenarios/${id}/publish`, { method: "POST", headers }), params(id));
const withCup = () => {
  const doc = fixtureScenario("pry-lid") as { entities: unknown[] };
  doc.entities.push({
    id: "cup",
    name: "Cup",
    region: { box: [250, 150, 80, 80] },
    description: "A paper cup",
    parts: [
      { id: "rim", name: "Rim", region: { box: [250, 150, 80, 12] }, description: "", attributes: [], affordances: [] },
    ],
  });
  return doc;
};
const summaries = async () =>
  (
    (await (await collection.GET()).json()) as {
      scenarios: { id: string; version: number; draft: boolean }[];
    }
  ).scenarios;

describe("drafts and POST /api/scenarios/[id]/publish", () => {
  it("keeps an edit as a draft: listed with draft: true, left out of the published set", async () => {
    expect((await put("pry-lid", { scenario: fixtureScenario("pry-lid"), baseVersion: 1 })).status).toBe(200);
    expect(existsSync(path.join(draftScenariosDir(), "pry-lid", "scenario.json"))).toBe(true);
    expect(await summaries()).toEqual([expect.objectContaining({ id: "pry-lid", version: 2, draft: true })]);
    // a draft that shadows the bundled version is not counted as a skipped (invalid) scenario
    const listed = (await (await collection.GET()).json()) as { skipped: number };
    expect(listed.skipped).toBe(0);
    // the benchmark's "All" still has the published (bundled) version 1
    const published = await getPublishedStore();
    expect(published.scenarios.map((s) => [s.scenario.id, s.scenario.version, s.draft ?? false])).toEqual([
      ["pry-lid", 1, false],
    ]);
  });

  it("a web run over all scenarios plays the published version, named bundled; a named draft runs as custom", async () => {
    const start = async (scenarios: unknown) => {
      const res = await runsRoute.POST(
        new Request("http://127.0.0.1/api/runs", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ solver: "lexical", scenarios, seeds: "1", maxTurns: 3, observation: "text" }),
        }),
      );
      expect(res.status, await res.clone().text()).toBe(201);
      const { runId } = (await res.json()) as { runId: string };
      return (await getRun(getDb(), runId))!;
    };
    const all = await start("all");
    expect(all.config.scenarios.map((s) => [s.id, s.version])).toEqual([["pry-lid", 1]]);
    expect(all.benchmarkSet).toEqual({ name: "bundled", count: 1, hash: expect.stringMatching(/^[0-9a-f]{6}$/) });
    const named = await start(["pry-lid"]);
    expect(named.config.scenarios.map((s) => [s.id, s.version])).toEqual([["pry-lid", 2]]);
    expect(named.benchmarkSet).toMatchObject({ name: "custom", count: 1 });
    expect(named.benchmarkSet!.hash).not.toBe(all.benchmarkSet!.hash);

    // the run over the published version still replays while a newer draft of the same id exists
    for (let i = 0; i < 200 && (await getRun(getDb(), all.id))?.status === "running"; i++)
      await new Promise((r) => setTimeout(r, 25));
    const replay = await prepareReplay(all.id, getReplayStore);
    expect(replay.scenarios.map((l) => [l.scenario.id, l.scenario.version])).toEqual([["pry-lid", 1]]);
  });

  it("refuses to publish a draft that fails a readiness check, naming each failed check in a sentence", async () => {
    const res = await post("pry-lid");
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; message: string; failed: string[]; checks: { id: string; ok: boolean }[] };
    };
    expect(body.error.code).toBe("scenario:not_ready");
    expect(body.error.failed).toEqual([
      "The scenario has 2 candidate entities; a published scenario needs at least 3.",
      "The tier is mixed but 1 of 1 non-gold entity has a part in similar[]; mixed needs some non-gold entities with a similar part and some without.",
    ]);
    expect(body.error.message).toMatch(/^"pry-lid" is not ready to publish \(2 checks failed\): The scenario has 2/);
    expect(body.error.checks.map((c) => c.id)).toEqual(["entities", "tier", "gold-inspectable", "validator"]);
    expect((await getScenarioStore()).scenarios[0]!.draft).toBe(true);
  });

  it("publishes a ready draft: moved to the published folder, joins the published set, no draft left", async () => {
    expect((await put("pry-lid", { scenario: withCup(), baseVersion: 2 })).status).toBe(200);
    const res = await post("pry-lid");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: number; checks: { ok: boolean }[] };
    expect(body.version).toBe(3);
    expect(body.checks.every((c) => c.ok)).toBe(true);
    expect(existsSync(path.join(draftScenariosDir(), "pry-lid"))).toBe(false);
    expect(existsSync(path.join(userScenariosDir(), "pry-lid", "scenario.json"))).toBe(true);
    expect(await summaries()).toEqual([expect.objectContaining({ id: "pry-lid", version: 3, draft: false })]);
    const published = await getPublishedStore();
    expect(published.scenarios.map((s) => [s.scenario.id, s.scenario.version])).toEqual([["pry-lid", 3]]);
    // a further edit is a draft again, and the published version 3 stays in "All"
    expect((await put("pry-lid", { scenario: withCup(), baseVersion: 3 })).status).toBe(200);
    expect((await getPublishedStore()).scenarios.map((s) => s.scenario.version)).toEqual([3]);
    expect((await getScenarioStore()).scenarios.map((s) => [s.scenario.version, s.draft])).toEqual([[4, true]]);
  });

  it("answers 409 when there is no draft and 404 for an unknown id", async () => {
    expect((await post("pry-lid")).status).toBe(200); // publishes version 4
    const again = await post("pry-lid");
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe(
      'scenario "pry-lid" has no draft to publish; version 4 is already published',
    );
    expect((await post("nope")).status).toBe(404);
  });
});
