// SPEC §9 "mutating routes require a token when one is configured": every route file under app/api is
// found on disk (so routes added later are covered without editing this test), every exported
// POST/PUT/PATCH/DELETE is called without the token (401 auth:required) and with it (anything but 401),
// and a static check insists each one is declared as `export const X = mutating(…)`.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { MUTATING_METHODS, routeFiles, wrappingProblem, type RouteFile } from "./routes";

vi.mock("server-only", () => ({}));

const TOKEN = "test-token-Zq8";

type Handler = (request: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
let work: string;
const saved = { ...process.env };

beforeAll(async () => {
  work = tempDir("mmcb-token-");
  await writeFixtureScenario(path.join(work, "scenarios"), fixtureScenario("pry-lid"));
  process.env.MMCB_DATA_DIR = path.join(work, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(work, "scenarios");
  process.env.MMCB_TOKEN = TOKEN;
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

const routes = routeFiles("pry-lid");
// Every mutating export, with no exemption: even the dry-run export count reads every run it names.
const calls = routes.flatMap((route) =>
  route.mutating.map((method) => [`${method} ${route.relative}`, route, method] as const),
);

function request(route: RouteFile, method: string, headers: Record<string, string>): Request {
  return new Request(`http://127.0.0.1${route.url}`, {
    method,
    headers: { "content-type": "application/json", "x-mmcb-annotator": "fuzz%20tester", ...headers },
    body: method === "DELETE" ? null : "{}",
  });
}

async function call(route: RouteFile, method: string, headers: Record<string, string>): Promise<Response> {
  const mod = (await import(route.file)) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (typeof handler !== "function") throw new Error(`${route.relative} does not export ${method} at runtime`);
  return handler(request(route, method, headers), { params: Promise.resolve(route.params) });
}

describe("route inventory", () => {
  it("finds the API routes, including the mutating ones", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(calls.map(([name]) => name)).toContain("POST app/api/runs/route.ts");
    expect(calls.map(([name]) => name)).toContain("POST app/api/exports/route.ts");
    expect(calls.map(([name]) => name)).toContain("POST app/api/exports/count/route.ts");
  });
});

describe("static check: every mutating export is wrapped in mutating(…)", () => {
  it.each(calls)("%s", (_name, route, method) => {
    expect(wrappingProblem(route.source, method)).toBeNull();
  });

  it("the check itself rejects unwrapped handlers", () => {
    expect(wrappingProblem("export const POST = mutating(async () => x)", "POST")).toBeNull();
    expect(wrappingProblem("export const POST = handle(async () => x)", "POST")).toMatch(/handle/);
    expect(wrappingProblem("export async function DELETE(req) {}", "DELETE")).toMatch(/plain function/);
    expect(wrappingProblem("export { POST } from './x'", "POST")).toMatch(/not recognise/);
  });
});

describe("with MMCB_TOKEN set", () => {
  it.each(calls)("%s: 401 auth:required without the token", async (_name, route, method) => {
    const res = await call(route, method, {});
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("auth:required");
    expect(body.error.message).toMatch(/token/);
  });

  it.each(calls)("%s: 401 with a wrong token", async (_name, route, method) => {
    const res = await call(route, method, { authorization: `Bearer ${TOKEN}x` });
    expect(res.status).toBe(401);
  });

  it.each(calls)("%s: not 401 with the token (Bearer or X-Mmcb-Token)", async (_name, route, method) => {
    const variants: Record<string, string>[] = [{ authorization: `Bearer ${TOKEN}` }, { "x-mmcb-token": TOKEN }];
    for (const headers of variants) {
      const res = await call(route, method, headers);
      expect(res.status, JSON.stringify(headers)).not.toBe(401);
      expect(res.status).toBeLessThan(500);
    }
  });
});

it("covers each of the four mutating methods the check looks for", () => {
  expect(MUTATING_METHODS).toEqual(["POST", "PUT", "PATCH", "DELETE"]);
});
