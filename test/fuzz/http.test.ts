// Fuzzed HTTP requests (issues #8, #13): every route handler under app/api (found on disk, so routes added
// later are covered) is called directly with fuzzed JSON, non-JSON text, wrong content types, huge
// bodies (declared and streamed), JSON nested past the depth limit, cross-site headers, every method
// (implemented or not) and odd path parameters. A bad request is always a 4xx JSON
// `{ error: { code, message } }` — never a 500, never a stack trace, never the submitted value echoed
// back at length. The suite prints its figures (requests, 5xx, non-JSON answers) when it ends; the
// over-HTTP half (bad escapes, unknown paths, a real `next start`) is e2e/http-security.spec.ts. On SQLite always and,
// with fewer runs, on PostgreSQL when MMCB_TEST_PG_URL names a cluster (npm test and .ci/run start one):
// the handlers reach the database, and PostgreSQL refuses some values SQLite takes (a NUL in a string).
import { rmSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/lib/db/client";
import { createTestDatabase, TEST_PG_URL, type TestDatabase } from "@/lib/db/pg-testing";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";
import { routeFiles, type RouteFile } from "../security/routes";
import { fuzzOptions, nastyValue } from "./mutate";

vi.mock("server-only", () => ({}));

type RawHandler = (request: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
type Handler = RawHandler;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** The suite's figures: every request made, the 5xx answers and the answers that were not JSON. */
const figures = { requests: 0, serverErrors: 0, nonJson: 0 };
/** Answers that are legitimately not JSON: images, zips and 304s of successful reads. */
const binaryOk = (res: Response) =>
  res.status === 304 || (res.status < 300 && /^(image\/|application\/zip)/.test(res.headers.get("content-type") ?? ""));
function counted(fn: RawHandler): Handler {
  return async (request, ctx) => {
    const res = await fn(request, ctx);
    figures.requests++;
    if (res.status >= 500) figures.serverErrors++;
    if (!binaryOk(res) && !/application\/json/.test(res.headers.get("content-type") ?? "")) figures.nonJson++;
    return res;
  };
}
afterAll(() => {
  console.log(
    `fuzz http (route handlers): ${figures.requests} requests, 5xx: ${figures.serverErrors}, non-JSON under /api: ${figures.nonJson}`,
  );
  expect(figures.serverErrors).toBe(0);
  expect(figures.nonJson).toBe(0);
});
let work: string;
const saved = { ...process.env };

beforeAll(async () => {
  work = tempDir("mmcb-fuzz-http-");
  await writeFixtureScenario(path.join(work, "scenarios"), fixtureScenario("pry-lid"));
  process.env.MMCB_DATA_DIR = path.join(work, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(work, "scenarios");
  process.env.MMCB_DEMO = "0";
  delete process.env.MMCB_TOKEN;
  delete process.env.DATABASE_URL;
});
afterAll(async () => {
  await closeDb();
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

// The store behind the handlers: SQLite (the default file under the data folder) always; PostgreSQL, a
// fresh database, when a cluster is there — left out, not skipped, without one. `runs` scales the fuzz.
const backends: { name: string; runs: number; url: () => Promise<string | undefined> }[] = [
  { name: "sqlite", runs: 1, url: async () => undefined },
];
if (TEST_PG_URL) {
  let pgDb: TestDatabase | undefined;
  backends.push({
    name: "postgres",
    runs: 0.25,
    url: async () => (pgDb = await createTestDatabase("mmcb_fuzz_http")).url,
  });
  afterAll(async () => {
    await closeDb();
    await pgDb?.drop();
  });
}

const routes = routeFiles("pry-lid");

async function handlers(route: RouteFile): Promise<[string, Handler][]> {
  const mod = (await import(route.file)) as Record<string, unknown>;
  return METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, counted(mod[m] as RawHandler)]);
}

interface Body {
  readonly contentType: string | null;
  readonly body: string | Uint8Array;
}

const HUGE = "x".repeat(2 * 1024 * 1024);
const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  // JSON of any shape, and JSON shaped like the real requests but with nasty values
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ contentType: "application/json", body: JSON.stringify(v) ?? "null" })),
  fc
    .dictionary(
      fc.constantFrom(
        "solver",
        "model",
        "scenarios",
        "seeds",
        "runs",
        "format",
        "kind",
        "id",
        "name",
        "entities",
        "file",
        "__proto__",
      ),
      nastyValue,
    )
    .map((v) => ({ contentType: "application/json", body: JSON.stringify(v) ?? "{}" })),
  // not JSON at all, or JSON under the wrong content type
  fc.string({ unit: "binary", maxLength: 200 }).map((s) => ({ contentType: "application/json", body: s })),
  fc.constantFrom<Body>(
    { contentType: "application/json", body: "" },
    { contentType: "application/json", body: "{" },
    { contentType: "application/json", body: '{"a":1}garbage' },
    { contentType: "application/json; charset=utf-16", body: "{}" },
    { contentType: "text/plain", body: "{}" },
    { contentType: "application/x-www-form-urlencoded", body: "a=1&b=2" },
    {
      contentType: "multipart/form-data; boundary=x",
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    },
    { contentType: "multipart/form-data", body: "not multipart" },
    { contentType: null, body: "{}" },
    { contentType: "image/png", body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
    { contentType: "application/json", body: `"${HUGE}"` },
    { contentType: "application/json", body: `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}` },
  ),
);

/** Headers a browser on another site, a sandboxed page or a plain program would send. */
const headerArb: fc.Arbitrary<Record<string, string>> = fc.constantFrom<Record<string, string>>(
  {},
  { origin: "http://127.0.0.1" },
  { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  { origin: "null" },
  { "sec-fetch-site": "same-site" },
  { "sec-fetch-site": "same-origin" },
  { origin: "not a url" },
);

const paramArb = fc.oneof(
  fc.constantFrom(
    "pry-lid",
    "coin",
    "edge",
    "..",
    "%2e%2e",
    "..%2f..%2fetc",
    "/etc/passwd",
    "a/../../b",
    "%00",
    "PRY-LID",
    "",
    "x".repeat(400),
  ),
  fc.string({ maxLength: 30 }),
);

function paramsFor(route: RouteFile, values: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  Object.entries(route.params).forEach(([key, example], i) => {
    const v = values[i % values.length] ?? "x";
    out[key] = Array.isArray(example) ? v.split("/") : v;
  });
  return out;
}

/** Checks a 4xx answer (or a valid one) and returns its JSON body (null for an image, zip or 304). */
async function expectClientError(
  res: Response,
  what: string,
): Promise<{ error?: { code?: unknown; message?: unknown } } | null> {
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400 && binaryOk(res)) return null; // a read that happened to be valid
  expect(res.headers.get("content-type"), what).toMatch(/application\/json/);
  if (res.status < 400) return (await res.json()) as object; // a request that happened to be valid
  expect(res.headers.get("content-type"), what).toMatch(/application\/json/);
  const text = await res.text();
  expect(text, what).not.toMatch(/\n\s+at |\.ts:\d+:\d+|node_modules/);
  expect(text.length, what).toBeLessThan(4000);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, what).toBe("string");
  expect(typeof body.error?.message, what).toBe("string");
  expect((body.error!.message as string).length, what).toBeGreaterThan(0);
  return body;
}

let quietError: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  quietError = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => quietError.mockRestore());

it("finds the routes", () => {
  expect(routes.length).toBeGreaterThanOrEqual(10);
});

describe.each(backends)("route handlers under fuzzed requests on $name", (backend) => {
  beforeAll(async () => {
    await closeDb();
    const url = await backend.url();
    if (url) process.env.DATABASE_URL = url;
    else delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    await closeDb();
    delete process.env.DATABASE_URL;
  });
  const runs = (n: number) => Math.max(5, Math.round(n * backend.runs));

  it.each(routes.map((r) => [r.relative, r] as const))(
    "%s: bodies never cause a 5xx",
    async (_name, route) => {
      const list = await handlers(route);
      expect(list.length).toBeGreaterThan(0);
      for (const [method, handler] of list) {
        if (method === "GET") continue;
        await fc.assert(
          fc.asyncProperty(bodyArb, headerArb, async ({ contentType, body }, extra) => {
            const headers: Record<string, string> = { "x-mmcb-annotator": "fuzz", ...extra };
            if (contentType) headers["content-type"] = contentType;
            const request = new Request(`http://127.0.0.1${route.url}`, { method, headers, body: body as BodyInit });
            const res = await handler(request, { params: Promise.resolve(route.params) });
            await expectClientError(res, `${method} ${route.url} ${contentType} ${String(body).slice(0, 80)}`);
          }),
          fuzzOptions(runs(40)),
        );
      }
    },
    120_000,
  );

  it.each(routes.filter((r) => Object.keys(r.params).length > 0).map((r) => [r.relative, r] as const))(
    "%s: odd path parameters are a 4xx",
    async (_name, route) => {
      for (const [method, handler] of await handlers(route)) {
        await fc.assert(
          fc.asyncProperty(fc.array(paramArb, { minLength: 1, maxLength: 4 }), async (values) => {
            const params = paramsFor(route, values);
            const init: RequestInit = {
              method,
              headers: { "content-type": "application/json", "x-mmcb-annotator": "fuzz" },
            };
            if (method !== "GET" && method !== "DELETE") init.body = "{}";
            const res = await handler(new Request(`http://127.0.0.1${route.url}`, init), {
              params: Promise.resolve(params),
            });
            await expectClientError(res, `${method} ${route.relative} ${JSON.stringify(params).slice(0, 120)}`);
          }),
          fuzzOptions(runs(25)),
        );
      }
    },
    120_000,
  );

  it("an oversized JSON body is a 413 input:too_large, declared or streamed without a length", async () => {
    const route = routes.find((r) => r.relative === "app/api/runs/route.ts")!;
    const [, post] = (await handlers(route)).find(([m]) => m === "POST")!;
    const big = new TextEncoder().encode(JSON.stringify({ pad: HUGE }));
    const declared = new Request("http://127.0.0.1/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(big.byteLength) },
      body: big,
    });
    const streamed = new Request("http://127.0.0.1/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 64; i++) controller.enqueue(big.subarray(i * 32768, (i + 1) * 32768));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    for (const request of [declared, streamed]) {
      const res = await post(request, { params: Promise.resolve({}) });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("input:too_large");
    }
  });

  /** A chunked body of `total` bytes made of `chunk`-byte pieces; `pulled()` says how much was read. */
  function chunked(total: number, piece = 64 * 1024) {
    let sent = 0;
    const part = new TextEncoder().encode(`{"pad":"${"x".repeat(piece)}`).subarray(0, piece);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        sent += part.byteLength;
        controller.enqueue(part);
      },
    });
    return { stream, pulled: () => sent };
  }

  const mutatingCalls = routes.flatMap((route) =>
    route.mutating.map((m) => [`${m} ${route.relative}`, route, m] as const),
  );
  /** Routes that read a JSON body here (the rest refuse or ignore one; PATCH /api/flags/<id> answers 404 first). */
  const JSON_ROUTES = [
    "POST app/api/runs/route.ts",
    "POST app/api/episodes/route.ts",
    "POST app/api/episodes/[id]/steps/route.ts",
    "POST app/api/exports/route.ts",
    "POST app/api/exports/count/route.ts",
    "POST app/api/flags/route.ts",
    "POST app/api/pairs/route.ts",
    "POST app/api/reviews/route.ts",
    "POST app/api/reviews/attribute/route.ts",
    "POST app/api/scenarios/route.ts",
    "PUT app/api/scenarios/[id]/route.ts",
  ];

  it("knows the JSON routes it names", () => {
    expect(mutatingCalls.map(([n]) => n)).toEqual(expect.arrayContaining(JSON_ROUTES));
  });

  it.each(mutatingCalls)(
    "%s: a chunked 10 MB body is cut off while it streams, never echoed",
    async (name, route, method) => {
      const [, handler] = (await handlers(route)).find(([m]) => m === method)!;
      const body = chunked(10 * 1024 * 1024);
      const res = await handler(
        new Request(`http://127.0.0.1${route.url}`, {
          method,
          headers: { "content-type": "application/json", "x-mmcb-annotator": "fuzz" },
          body: body.stream,
          duplex: "half",
        } as RequestInit),
        { params: Promise.resolve(route.params) },
      );
      const answer = await expectClientError(res, name);
      expect(body.pulled(), `${name} read ${body.pulled()} bytes`).toBeLessThanOrEqual(1024 * 1024);
      if (JSON_ROUTES.includes(name)) {
        expect(res.status, name).toBe(413);
        expect(answer?.error?.code).toBe("input:too_large");
      }
    },
  );

  it.each(mutatingCalls)("%s: JSON nested past the depth limit is a 400 that names it", async (name, route, method) => {
    const [, handler] = (await handlers(route)).find(([m]) => m === method)!;
    for (const depth of [33, 4200]) {
      const body = `{"args":${"[".repeat(depth)}${"]".repeat(depth)}}`;
      const res = await handler(
        new Request(`http://127.0.0.1${route.url}`, {
          method,
          headers: { "content-type": "application/json", "x-mmcb-annotator": "fuzz" },
          body,
        }),
        { params: Promise.resolve(route.params) },
      );
      const answer = await expectClientError(res, `${name} depth ${depth}`);
      if (JSON_ROUTES.includes(name)) {
        expect(res.status, `${name} depth ${depth}`).toBe(400);
        expect(answer?.error?.message).toMatch(/32 levels/);
      }
    }
    // 32 levels are still read (the limit is inclusive)
    if (name === "POST app/api/episodes/[id]/steps/route.ts" || !JSON_ROUTES.includes(name)) return;
    const ok = `{"args":${"[".repeat(31)}${"]".repeat(31)}}`;
    const res = await handler(
      new Request(`http://127.0.0.1${route.url}`, {
        method,
        headers: { "content-type": "application/json", "x-mmcb-annotator": "fuzz" },
        body: ok,
      }),
      { params: Promise.resolve(route.params) },
    );
    const answer = await expectClientError(res, `${name} depth 32`);
    expect(String(answer?.error?.message ?? "")).not.toMatch(/levels/);
  });

  it("a bad annotator header is a 400 with a sentence, not a crash", async () => {
    const route = routes.find((r) => r.relative === "app/api/runs/route.ts")!;
    const [, post] = (await handlers(route)).find(([m]) => m === "POST")!;
    for (const name of ["%E0%A4%A", "", "x".repeat(500)]) {
      const res = await post(
        new Request("http://127.0.0.1/api/runs", {
          method: "POST",
          headers: { "content-type": "application/json", "x-mmcb-annotator": name },
          body: "{}",
        }),
        { params: Promise.resolve({}) },
      );
      await expectClientError(res, name);
    }
  });

  it("an annotator name the database cannot store (NUL, control characters) is a 400 naming the header", async () => {
    const route = routes.find((r) => r.relative === "app/api/pairs/route.ts")!;
    const [, get] = (await handlers(route)).find(([m]) => m === "GET")!;
    for (const name of ["a%00b", "%00", "a%07b", "%E0%A4%A", "x".repeat(500)]) {
      const res = await get(new Request("http://127.0.0.1/api/pairs", { headers: { "x-mmcb-annotator": name } }), {
        params: Promise.resolve({}),
      });
      expect(res.status, name).toBe(400);
      await expectClientError(res, name);
    }
    // a plain name still works, so the 400s above are about the name
    const ok = await get(new Request("http://127.0.0.1/api/pairs", { headers: { "x-mmcb-annotator": "Fuzz%20Ada" } }), {
      params: Promise.resolve({}),
    });
    expect(ok.status).toBe(200);
  });
});
