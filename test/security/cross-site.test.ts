// Issue #13 §2 and §5: every route file under app/api is found on disk (so routes added later are covered
// without editing this test). Each mutating export refuses, token or not, a cross-site HTML form post
// (403 auth:cross_site), a JSON post whose Origin is another site, and a same-site `text/plain` post
// (415); and every method a route file does not implement answers a 405 JSON error with `Allow`, not
// Next's empty 405.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/lib/db/client";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { routeFiles, type RouteFile } from "./routes";

vi.mock("server-only", () => ({}));

type Handler = (request: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const TOKEN = "cross-site-token-Pw4";
const HOST = "127.0.0.1:3000";
let work: string;
const saved = { ...process.env };

beforeAll(async () => {
  work = tempDir("mmcb-cross-site-");
  await writeFixtureScenario(path.join(work, "scenarios"), fixtureScenario("pry-lid"));
  process.env.MMCB_DATA_DIR = path.join(work, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(work, "scenarios");
  delete process.env.MMCB_TOKEN;
  delete process.env.DATABASE_URL;
});
afterAll(async () => {
  await closeDb();
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

const routes = routeFiles("pry-lid");
const mutatingCalls = routes.flatMap((route) =>
  route.mutating.map((method) => [`${method} ${route.relative}`, route, method] as const),
);

async function handler(route: RouteFile, method: string): Promise<Handler> {
  const mod = (await import(route.file)) as Record<string, Handler | undefined>;
  const fn = mod[method];
  if (typeof fn !== "function") throw new Error(`${route.relative} does not export ${method}`);
  return fn;
}

async function send(route: RouteFile, method: string, headers: Record<string, string>, body: string | null) {
  const request = new Request(`http://${HOST}${route.url}`, {
    method,
    headers: { host: HOST, "x-mmcb-annotator": "Mallory", ...headers },
    body: method === "GET" ? null : body,
  });
  return (await handler(route, method))(request, { params: Promise.resolve(route.params) });
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

/** What an HTML form on another site makes the browser send. */
const FORM_POST = {
  "content-type": "application/x-www-form-urlencoded",
  origin: "http://evil.example",
  "sec-fetch-site": "cross-site",
  "sec-fetch-mode": "navigate",
};

describe.each([
  ["without a token configured", undefined],
  ["with MMCB_TOKEN set (and sent)", TOKEN],
])("%s", (_label, token) => {
  beforeAll(() => {
    if (token) process.env.MMCB_TOKEN = token;
    else delete process.env.MMCB_TOKEN;
  });
  afterAll(() => {
    delete process.env.MMCB_TOKEN;
  });
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};

  it("finds the mutating routes", () => {
    expect(mutatingCalls.map(([n]) => n)).toEqual(
      expect.arrayContaining([
        "POST app/api/runs/[id]/rescore/route.ts",
        "POST app/api/exports/route.ts",
        "POST app/api/exports/count/route.ts",
        "POST app/api/scenarios/uploads/route.ts",
      ]),
    );
  });

  it.each(mutatingCalls)("%s refuses a cross-site HTML form post (403 auth:cross_site)", async (_n, route, method) => {
    const res = await send(route, method, { ...FORM_POST, ...auth }, "runs=all&seeds=1");
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("auth:cross_site");
  });

  it.each(mutatingCalls)("%s refuses a cross-site multipart form post", async (_n, route, method) => {
    const res = await send(
      route,
      method,
      { ...FORM_POST, "content-type": "multipart/form-data; boundary=x", ...auth },
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    );
    expect(res.status).toBe(403);
  });

  it.each(mutatingCalls)("%s refuses JSON from another origin, another port, or Origin: null", async (_n, route, m) => {
    for (const origin of [
      "https://evil.example",
      "http://127.0.0.1:4000",
      "null",
      "http://127.0.0.1.evil.example:3000",
    ]) {
      const res = await send(route, m, { "content-type": "application/json", origin, ...auth }, "{}");
      expect(res.status, origin).toBe(403);
      expect((await errorOf(res)).code).toBe("auth:cross_site");
    }
    const sameSite = await send(
      route,
      m,
      { "content-type": "application/json", "sec-fetch-site": "same-site", ...auth },
      "{}",
    );
    expect(sameSite.status).toBe(403);
  });

  it.each(mutatingCalls)("%s refuses a text/plain post from this server's own origin (415)", async (_n, route, m) => {
    const res = await send(route, m, { "content-type": "text/plain", origin: `http://${HOST}`, ...auth }, "{}");
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("input:unsupported_type");
  });

  it.each(mutatingCalls)("%s lets its own pages and Origin-less programs through", async (_n, route, method) => {
    const type = route.relative.includes("uploads") ? "multipart/form-data; boundary=x" : "application/json";
    const body = type.startsWith("multipart") ? "--x--" : "{}";
    for (const extra of [{ origin: `http://${HOST}`, "sec-fetch-site": "same-origin" }, {}] as Record<
      string,
      string
    >[]) {
      const res = await send(route, method, { "content-type": type, ...extra, ...auth }, body);
      expect([401, 403, 415], JSON.stringify(extra)).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe("methods a route does not implement", () => {
  const missing = routes.map((route) => [route.relative, route] as const);

  it.each(missing)("%s exports every method, the missing ones as 405 JSON with Allow", async (_name, route) => {
    const mod = (await import(route.file)) as Record<string, unknown>;
    const real = METHODS.filter((m) =>
      new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(route.source),
    );
    expect(real.length, "a route file implements at least one method").toBeGreaterThan(0);
    for (const method of METHODS) {
      expect(typeof mod[method], `${route.relative} ${method}`).toBe("function");
      if (real.includes(method)) continue;
      const res = await send(route, method, { "content-type": "application/json" }, "{}");
      expect(res.status, `${method} ${route.relative}`).toBe(405);
      const error = await errorOf(res);
      expect(error.code).toBe("route:method_not_allowed");
      expect(error.message).toContain(method);
      const allow = res.headers.get("allow") ?? "";
      for (const m of real) expect(allow).toContain(m);
      expect(allow).not.toContain(method);
    }
  });
});

describe("the 403 for another annotator's episode", () => {
  it("carries an auth code, not input:invalid", async () => {
    const start = routes.find((r) => r.relative === "app/api/episodes/route.ts")!;
    const created = await send(
      start,
      "POST",
      { "content-type": "application/json", "x-mmcb-annotator": "Alice" },
      JSON.stringify({ scenarioId: "pry-lid" }),
    );
    expect(created.status).toBe(201);
    const { episode } = (await created.json()) as { episode: { id: string } };
    const steps = routes.find((r) => r.relative === "app/api/episodes/[id]/steps/route.ts")!;
    const request = new Request(`http://${HOST}/api/episodes/${encodeURIComponent(episode.id)}/steps`, {
      method: "POST",
      headers: { host: HOST, "content-type": "application/json", "x-mmcb-annotator": "Mallory" },
      body: JSON.stringify({ tool: "inspect_entity", args: { entity_id: "coin" } }),
    });
    const res = await (await handler(steps, "POST"))(request, { params: Promise.resolve({ id: episode.id }) });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("auth:forbidden");
  });
});
