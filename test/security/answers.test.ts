// Issue #13 §8 and the 422/exports paths of its "CLI and files" section, through the route handlers.
// With MMCB_TOKEN set, a scenario's gold and similar[] reach only requests carrying the token (an agent
// playing through the API must not read the answer), the scenario zip likewise; the play and episode
// APIs never carry them, token or not. Error sentences and the export list show paths relative to the
// data folder, never the server's absolute ones.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

const TOKEN = "answers-token-Hk3";
let root: string;
const saved = { ...process.env };
type Handler = (request: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
type Module = Record<string, Handler>;
let scenario: Module;
let scenarioZip: Module;
let episodes: Module;
let episode: Module;
let steps: Module;
let exportsList: Module;

beforeAll(async () => {
  root = tempDir("mmcb-answers-");
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(root, "scenarios");
  delete process.env.DATABASE_URL;
  delete process.env.MMCB_TOKEN;
  await writeFixtureScenario(path.join(root, "scenarios"), fixtureScenario("pry-lid"));
  scenario = (await import("@/app/api/scenarios/[id]/route")) as unknown as Module;
  scenarioZip = (await import("@/app/api/scenarios/[id]/export/route")) as unknown as Module;
  episodes = (await import("@/app/api/episodes/route")) as unknown as Module;
  episode = (await import("@/app/api/episodes/[id]/route")) as unknown as Module;
  steps = (await import("@/app/api/episodes/[id]/steps/route")) as unknown as Module;
  exportsList = (await import("@/app/api/exports/route")) as unknown as Module;
});
afterAll(async () => {
  await (await import("@/lib/db/client")).closeDb();
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1${url}`, { headers });
const post = (url: string, body: unknown, headers: Record<string, string> = {}, method = "POST") =>
  new Request(`http://127.0.0.1${url}`, {
    method,
    headers: { "content-type": "application/json", "x-mmcb-annotator": "Agent%20Smith", ...headers },
    body: JSON.stringify(body),
  });

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

describe("with MMCB_TOKEN set", () => {
  beforeAll(() => {
    process.env.MMCB_TOKEN = TOKEN;
  });
  afterAll(() => {
    delete process.env.MMCB_TOKEN;
  });
  const auth = { authorization: `Bearer ${TOKEN}` };

  it("GET /api/scenarios/<id> withholds gold and similar[] without the token", async () => {
    const res = await scenario.GET!(get("/api/scenarios/pry-lid"), ctx({ id: "pry-lid" }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { scenario: Record<string, unknown>; answersWithheld?: boolean };
    expect(body.scenario).not.toHaveProperty("gold");
    expect(body.scenario).not.toHaveProperty("similar");
    expect(body.answersWithheld).toBe(true);
    expect(body.scenario.entities).toBeDefined();
    const wrong = await scenario.GET!(
      get("/api/scenarios/pry-lid", { authorization: "Bearer nope" }),
      ctx({ id: "pry-lid" }),
    );
    expect(((await wrong.json()) as { scenario: object }).scenario).not.toHaveProperty("gold");
  });

  it("GET /api/scenarios/<id> serves them with the token (Bearer or X-Mmcb-Token)", async () => {
    for (const headers of [auth, { "x-mmcb-token": TOKEN }]) {
      const res = await scenario.GET!(get("/api/scenarios/pry-lid", headers), ctx({ id: "pry-lid" }));
      const body = (await res.json()) as {
        scenario: { gold: unknown[]; similar: unknown[] };
        answersWithheld?: boolean;
      };
      expect(body.scenario.gold.length).toBeGreaterThan(0);
      expect(body.scenario.similar.length).toBeGreaterThan(0);
      expect(body.answersWithheld).toBeUndefined();
    }
  });

  it("the scenario zip (which holds scenario.json with its gold) needs the token", async () => {
    const res = await scenarioZip.GET!(get("/api/scenarios/pry-lid/export"), ctx({ id: "pry-lid" }));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("auth:required");
    const ok = await scenarioZip.GET!(get("/api/scenarios/pry-lid/export", auth), ctx({ id: "pry-lid" }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/zip");
    await ok.arrayBuffer();
  });

  it("the play and episode APIs carry neither gold nor similar, before or after the answer", async () => {
    const created = await episodes.POST!(post("/api/episodes", { scenarioId: "pry-lid" }, auth), ctx());
    expect(created.status).toBe(201);
    const doc = (await created.json()) as { episode: { id: string } };
    const id = doc.episode.id;
    const bodies: unknown[] = [doc];
    bodies.push(await (await episode.GET!(get(`/api/episodes/${id}`), ctx({ id }))).json());
    const answer = {
      tool: "submit_answer",
      args: { entity_id: "coin", part_id: "edge", affordance: "prying", how_to_use: "lever the lid", claims: [] },
    };
    const stepped = await steps.POST!(post(`/api/episodes/${id}/steps`, answer, auth), ctx({ id }));
    expect(stepped.status).toBe(200);
    bodies.push(await stepped.json());
    bodies.push(await (await episode.GET!(get(`/api/episodes/${id}`), ctx({ id }))).json());
    for (const body of bodies) {
      const keys = keysOf(body);
      expect(keys.has("gold"), JSON.stringify(body).slice(0, 200)).toBe(false);
      expect(keys.has("similar")).toBe(false);
    }
  });
});

describe("without a token configured", () => {
  it("GET /api/scenarios/<id> serves the answers as before", async () => {
    const res = await scenario.GET!(get("/api/scenarios/pry-lid"), ctx({ id: "pry-lid" }));
    expect(((await res.json()) as { scenario: object }).scenario).toHaveProperty("gold");
  });
});

describe("paths in answers", () => {
  it("a 422 names the file relative to the data folder, not by its absolute path", async () => {
    const doc = { ...fixtureScenario("new-one"), gold: [] };
    const res = await (await import("@/app/api/scenarios/route")).POST(post("/api/scenarios", { scenario: doc }));
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain("scenario.json");
    expect(text).not.toContain(root);
    expect(text).not.toContain(process.cwd());
  });

  it("GET /api/exports shows an export's folders relative to the data folder", async () => {
    const { createExportRecord } = await import("@/lib/db/exports");
    const { getDb } = await import("@/lib/db/client");
    await createExportRecord(getDb(), {
      id: "cli-export-1",
      kind: "pairs",
      format: "trl-text-tools",
      params: {
        kind: "pairs",
        scenariosDir: path.join(root, "data", "scenarios"),
        other: path.join(root, "elsewhere"),
      },
      runIds: [],
    });
    const res = await exportsList.GET!(get("/api/exports"), ctx());
    const text = await res.text();
    expect(text).toContain("cli-export-1");
    expect(text).not.toContain(root);
    const body = JSON.parse(text) as { exports: { params: Record<string, string> }[] };
    expect(body.exports[0]!.params.scenariosDir).toBe("scenarios");
    expect(body.exports[0]!.params.other).toBe("elsewhere");
  });
});
