import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

const { closeDb } = await import("@/lib/db/client");
const collection = await import("./route");
const item = await import("./[id]/route");

let root: string;
const saved = { ...process.env };
beforeAll(async () => {
  root = tempDir("mmcb-save-route-");
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
function put(id: string, body: unknown, headers: Record<string, string> = {}) {
  return item.PUT(
    new Request(`http://x/api/scenarios/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-mmcb-annotator": "Ann", ...headers },
      body: JSON.stringify(body),
    }),
    params(id),
  );
}

describe("PUT /api/scenarios/[id]", () => {
  it("saves version base+1, then answers 409 with both versions for a stale base", async () => {
    const first = await put("pry-lid", { scenario: { ...fixtureScenario("pry-lid"), title: "One" }, baseVersion: 1 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 2, scenario: { title: "One" } });
    const stale = await put("pry-lid", { scenario: { ...fixtureScenario("pry-lid"), title: "Two" }, baseVersion: 1 });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as {
      error: { code: string };
      conflict: { latest: { version: number; scenario: { title: string } }; yours: { title: string }; draftId: number };
    };
    expect(body.error.code).toBe("conflict");
    expect(body.conflict.latest).toMatchObject({ version: 2, scenario: { title: "One" } });
    expect(body.conflict.yours.title).toBe("Two");
    expect(body.conflict.draftId).toBeGreaterThan(0);
  });

  it("answers 422 with field-addressed validator lines, 400 for a bad body or a changed id, 404 for an unknown id", async () => {
    const doc = { ...fixtureScenario("pry-lid"), setting: "Not A Slug" };
    const invalid = await put("pry-lid", { scenario: doc, baseVersion: 2 });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as {
      error: { code: string; issues: string[]; fields: Record<string, string> };
    };
    expect(body.error.code).toBe("scenario:invalid");
    expect(body.error.issues[0]).toMatch(/scenario\.json: setting: expected a setting such as kitchen/);
    expect(Object.keys(body.error.fields)).toEqual(["setting"]);

    expect((await put("pry-lid", { scenario: fixtureScenario("pry-lid") })).status).toBe(400);
    expect((await put("pry-lid", { scenario: fixtureScenario("other"), baseVersion: 2 })).status).toBe(400);
    expect((await put("pry-lid", { nope: 1 })).status).toBe(400);
    expect((await put("nope", { scenario: fixtureScenario("nope"), baseVersion: 1 })).status).toBe(404);
  });

  it("needs an annotator, and the token when the server has one", async () => {
    const anonymous = await item.PUT(
      new Request("http://x/api/scenarios/pry-lid", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenario: fixtureScenario("pry-lid"), baseVersion: 2 }),
      }),
      params("pry-lid"),
    );
    expect(anonymous.status).toBe(400);
    process.env.MMCB_TOKEN = "secret";
    try {
      expect((await put("pry-lid", { scenario: fixtureScenario("pry-lid"), baseVersion: 2 })).status).toBe(401);
      const ok = await put(
        "pry-lid",
        { scenario: fixtureScenario("pry-lid"), baseVersion: 2 },
        { authorization: "Bearer secret" },
      );
      expect(ok.status).toBe(200);
    } finally {
      delete process.env.MMCB_TOKEN;
    }
  });
});

describe("POST /api/scenarios", () => {
  it("refuses an id that exists (409 scenario:duplicate_id)", async () => {
    const res = await collection.POST(
      new Request("http://x/api/scenarios", {
        method: "POST",
        headers: { "content-type": "application/json", "x-mmcb-annotator": "Ann" },
        body: JSON.stringify({ scenario: fixtureScenario("pry-lid") }),
      }),
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("scenario:duplicate_id");
  });
});
