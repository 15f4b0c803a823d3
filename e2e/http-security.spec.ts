// Issue #13 acceptance, over real HTTP: this spec starts its own `next start` (the e2e build) with canary
// variables in its environment — MMCB_TOKEN, MMCB_CANARY_SECRET, MMCB_CANARY_API_KEY (an *_API_KEY name
// that is still MMCB_*), CANARY_SECRET — and a capture HTTP server on 127.0.0.1. Every route file under
// app/api (found on disk, so routes added later are covered) gets every method with bodies and query
// strings that name the canary variables in every field that could carry a variable name or a URL (and
// point every URL at the capture server). The capture server must never receive a canary value, no
// answer may contain one, and every answer under /api is JSON. A control variable that IS allowed
// (CONTROL_API_KEY) shows that the capture server does receive what a permitted run sends.
// Then a cross-site HTML form post and a text/plain post (cross-site and same-origin) to each mutating
// route are refused, with a token configured and without; and the over-HTTP edge cases the handlers
// cannot see (bad escapes, dot segments, unknown /api paths) answer JSON. The figures are printed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { routeFiles, ROOT } from "../test/security/routes";

test.describe.configure({ mode: "serial", timeout: 300_000 });

const CANARIES: Record<string, string> = {
  MMCB_CANARY_SECRET: "canary-secret-value-Qz81",
  MMCB_CANARY_API_KEY: "sk-canary-mmcb-api-key-Vb62WnT0",
  CANARY_SECRET: "canary-plain-secret-Lk47",
};
const TOKEN = "canary-token-value-Hj39";
const CONTROL = { name: "CONTROL_API_KEY", value: "sk-control-key-allowed-Ma55Ro" };
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const SCENARIO = "bathroom-door-lock";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const figures = { requests: 0, serverErrors: 0, nonJson: 0 };
const binaryOk = (a: Answer) =>
  a.status === 304 || (a.status < 300 && /^(image\/|application\/zip)/.test(String(a.headers["content-type"] ?? "")));

/** A raw request: the path goes out exactly as written (no URL normalisation, unlike fetch). */
function send(
  port: number,
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
  body: string | null = null,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method,
        path: rawPath,
        // Node sends a DELETE body with neither Content-Length nor chunked framing unless told the length
        headers: {
          host: `127.0.0.1:${port}`,
          ...(body !== null ? { "content-length": String(Buffer.byteLength(body)) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const answer = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() };
          figures.requests++;
          if (answer.status >= 500) figures.serverErrors++;
          const api = rawPath === "/api" || rawPath.startsWith("/api/") || rawPath.startsWith("/api?");
          if (api && !binaryOk(answer) && !/application\/json/.test(String(res.headers["content-type"] ?? "")))
            figures.nonJson++;
          resolve(answer);
        });
      },
    );
    req.on("error", reject);
    if (body !== null) req.write(body);
    req.end();
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Our own server: `next start` on the e2e build with the canaries (and optionally a token) set. */
async function startServer(port: number, token: string | null) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mmcb-http-security-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...CANARIES,
    [CONTROL.name]: CONTROL.value,
    MMCB_DATA_DIR: dataDir,
    MMCB_NEXT_DIST_DIR: process.env.MMCB_NEXT_DIST_DIR ?? ".next-e2e",
    MMCB_DEMO: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  delete env.MMCB_KEY_ENVS;
  if (token) env.MMCB_TOKEN = token;
  else delete env.MMCB_TOKEN;
  const prep = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/prepare-data.ts"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  expect(prep.status, prep.stderr).toBe(0);
  const child: ChildProcess = spawn(
    path.join(ROOT, "node_modules", ".bin", "next"),
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  for (let i = 0; ; i++) {
    try {
      const res = await send(port, "GET", "/api/scenarios", token ? { authorization: `Bearer ${token}` } : {});
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 240 || child.exitCode !== null) throw new Error(`next start did not come up:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    dataDir,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The capture server: records everything it receives; answers like an OpenAI-compatible endpoint would. */
async function startCapture() {
  const received: Captured[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (req.method === "GET" && req.url?.endsWith("/models")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", data: [{ id: "m", object: "model" }] }));
        return;
      }
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "no", code: "invalid_api_key" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { received, url, close: () => new Promise((r) => server.close(r)) };
}

/** A body naming the canaries (and the capture server) in every field that could carry a name or a URL. */
function poison(captureUrl: string, name: string): Record<string, unknown> {
  const v1 = `${captureUrl}/v1`;
  const refs = [name, `$${name}`, `\${${name}}`, `process.env.${name}`, `%${name}%`];
  const env = { apiKeyEnv: name, keyEnv: name, env: name, envVar: name, variable: name, apiKey: `$${name}` };
  const urls = { baseUrl: v1, url: v1, endpoint: v1, callback: v1, webhook: v1, href: v1, source: v1, image: v1 };
  return {
    ...env,
    ...urls,
    openai: { baseUrl: v1, model: "m", apiKeyEnv: name, temperature: null, imageHistory: "last", concurrency: 1 },
    model: { baseUrl: v1, apiKeyEnv: name, name: refs[1] },
    solver: "openai",
    scenarios: [SCENARIO],
    scenarioId: SCENARIO,
    seeds: "1",
    maxTurns: 2,
    observation: "text",
    runIds: [refs[2]],
    kind: "pairs",
    format: "trl-text-tools",
    tool: "inspect_entity",
    args: { entity_id: refs[0], url: v1, ...env },
    note: refs.join(" "),
    annotator: refs[3],
    nested: [{ ...env, ...urls, deeper: { ...env, ...urls } }],
  };
}

/** The run form's own body with the openai block pointing at the capture server and naming `name`. */
const runBody = (captureUrl: string, name: string) =>
  JSON.stringify({
    solver: "openai",
    scenarios: [SCENARIO],
    seeds: "1",
    maxTurns: 2,
    observation: "text",
    openai: {
      baseUrl: `${captureUrl}/v1`,
      model: "m",
      apiKeyEnv: name,
      temperature: null,
      imageHistory: "last",
      concurrency: 1,
      useCache: false,
    },
  });

const routes = routeFiles("x");
const mutatingCalls = routes.flatMap((r) => r.mutating.map((m) => ({ route: r, method: m })));
const secretValues = [...Object.values(CANARIES), TOKEN];

function leaks(text: string): string[] {
  return secretValues.filter((v) => text.includes(v) || text.includes(v.slice(0, 12)) || text.includes(v.slice(-8)));
}

/** Its own ports (E2E_SECURITY_PORT and the next one), apart from the shared e2e server's. */
const BASE_PORT = Number(process.env.E2E_SECURITY_PORT ?? 3391);
for (const [label, token, port] of [
  ["without a token", null, BASE_PORT],
  ["with MMCB_TOKEN set (and sent)", TOKEN, BASE_PORT + 1],
] as const) {
  test.describe(`a real server ${label}`, () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let capture: Awaited<ReturnType<typeof startCapture>>;
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const json = { "content-type": "application/json", ...auth };
    const answers: { what: string; answer: Answer }[] = [];
    const ids: Record<string, string> = {};

    test.beforeAll(async () => {
      capture = await startCapture();
      server = await startServer(port, token);
    });
    test.afterAll(async () => {
      await server?.stop();
      await capture?.close();
    });

    /** Real ids for path parameters, so handlers get past "not found" and into their work. */
    async function realIds() {
      const run = await send(
        port,
        "POST",
        "/api/runs",
        json,
        JSON.stringify({ solver: "oracle", scenarios: [SCENARIO], seeds: "1", maxTurns: 5, observation: "text" }),
      );
      expect(run.status, run.body).toBe(201);
      ids.run = (JSON.parse(run.body) as { runId: string }).runId;
      for (let i = 0; i < 100; i++) {
        const status = JSON.parse((await send(port, "GET", `/api/runs/${ids.run}`, auth)).body) as {
          progress: { status: string };
        };
        if (status.progress.status !== "running" && status.progress.status !== "pending") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      ids.runEpisode = `${ids.run}:${SCENARIO}:1`;
      const episode = await send(
        port,
        "POST",
        "/api/episodes",
        { ...json, "x-mmcb-annotator": "Canary" },
        JSON.stringify({ scenarioId: SCENARIO }),
      );
      expect(episode.status, episode.body).toBe(201);
      ids.episode = (JSON.parse(episode.body) as { episode: { id: string } }).episode.id;
    }

    function urlFor(relative: string): string {
      const dir = relative.replace(/^app\/api\/?/, "").replace(/\/?route\.ts$/, "");
      const segments = dir ? dir.split("/") : [];
      const out = segments.map((seg, i) => {
        if (!seg.startsWith("[")) return seg;
        const parent = segments[i - 1];
        if (seg === "[[...rest]]") return "canary-nope";
        if (parent === "runs") return ids.run!;
        if (parent === "episodes" && segments[0] === "runs") return encodeURIComponent(ids.runEpisode!);
        if (parent === "episodes") return encodeURIComponent(ids.episode!);
        if (parent === "scenarios") return SCENARIO;
        if (seg === "[entityId]") return "toothbrush";
        if (seg === "[...file]") return "scene.png";
        return "x";
      });
      return `/api${out.length ? `/${out.join("/")}` : ""}`;
    }

    test("no route, method or body makes the server send a canary anywhere, or answer with one", async () => {
      await realIds();
      // method by method, DELETE last, so the run and episode stay there for every other call
      for (const method of METHODS) {
        for (const route of routes) {
          const url = urlFor(route.relative);
          for (const name of [...Object.keys(CANARIES), "MMCB_TOKEN"]) {
            const query = new URLSearchParams({
              apiKeyEnv: name,
              baseUrl: `${capture.url}/v1`,
              url: `${capture.url}/x`,
              env: name,
              q: `$${name}`,
            });
            if (method === "GET") {
              const a = await send(port, "GET", `${url}?${query}`, { ...auth, "x-mmcb-annotator": "Canary" });
              answers.push({ what: `GET ${url}?…${name}`, answer: a });
              continue;
            }
            for (const body of [JSON.stringify(poison(capture.url, name)), runBody(capture.url, name)]) {
              const a = await send(port, method, `${url}?${query}`, { ...json, "x-mmcb-annotator": "Canary" }, body);
              answers.push({ what: `${method} ${url} (${name})`, answer: a });
            }
          }
        }
      }
      // the refusal for a canary name is the one sentence (issue #13 §1), naming nothing
      const refused = await send(port, "POST", "/api/runs", json, runBody(capture.url, "MMCB_CANARY_SECRET"));
      expect(refused.status).toBe(400);
      expect(refused.body).not.toContain("MMCB_CANARY_SECRET");

      // control: an allowed variable does reach the capture server, so the capture would see a leak
      const control = await send(port, "POST", "/api/runs", json, runBody(capture.url, CONTROL.name));
      expect(control.status, control.body).toBeLessThan(600);
      expect(capture.received.some((r) => r.headers.authorization === `Bearer ${CONTROL.value}`)).toBe(true);
      expect(control.body).not.toContain(CONTROL.value);

      for (const r of capture.received) {
        const seen = `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
        expect(leaks(seen), `the capture server received a canary: ${seen.slice(0, 300)}`).toEqual([]);
      }
      for (const { what, answer } of answers) {
        expect(leaks(JSON.stringify(answer.headers) + answer.body), what).toEqual([]);
        expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
        if (!binaryOk(answer)) expect(String(answer.headers["content-type"]), what).toMatch(/application\/json/);
      }
      expect(leaks(server.log()), "server log").toEqual([]);
      for (const file of filesUnder(server.dataDir))
        expect(leaks(readFileSync(file).toString("latin1")), file).toEqual([]);
      expect(answers.length).toBeGreaterThan(routes.length * METHODS.length);
    });

    test("a cross-site HTML form post and a text/plain post to each mutating route are refused", async () => {
      expect(mutatingCalls.length).toBeGreaterThan(10);
      const outcomes: string[] = [];
      for (const { route, method } of mutatingCalls) {
        const url = urlFor(route.relative);
        const what = `${method} ${route.relative}`;
        const form = await send(
          port,
          method,
          url,
          {
            ...auth,
            "content-type": "application/x-www-form-urlencoded",
            origin: "http://evil.example",
            "sec-fetch-site": "cross-site",
            "sec-fetch-mode": "navigate",
          },
          `solver=oracle&scenarios=all&seeds=1&apiKeyEnv=MMCB_CANARY_SECRET`,
        );
        const crossText = await send(
          port,
          method,
          url,
          { ...auth, "content-type": "text/plain", origin: "http://evil.example", "sec-fetch-site": "cross-site" },
          "{}",
        );
        const ownText = await send(
          port,
          method,
          url,
          {
            ...auth,
            "content-type": "text/plain",
            origin: `http://127.0.0.1:${port}`,
            "sec-fetch-site": "same-origin",
          },
          "{}",
        );
        for (const [kind, a, status, code] of [
          ["form post", form, 403, "auth:cross_site"],
          ["cross-site text/plain", crossText, 403, "auth:cross_site"],
          ["same-origin text/plain", ownText, 415, "input:unsupported_type"],
        ] as const) {
          const error = (JSON.parse(a.body) as { error?: { code?: string } }).error;
          outcomes.push(`${what} ${kind}: ${a.status} ${error?.code}`);
          expect(a.status, `${what} ${kind}`).toBe(status);
          expect(error?.code, `${what} ${kind}`).toBe(code);
        }
      }
      expect(outcomes.length).toBe(mutatingCalls.length * 3);
    });

    test("bad escapes, dot segments, unknown paths and missing methods answer JSON under /api", async () => {
      const cases: [string, string, number, string | null][] = [
        ["GET", "/api/runs/%zz", 400, "input:invalid"],
        ["GET", "/api/scenarios/%", 400, "input:invalid"],
        ["GET", `/api/scenarios/${SCENARIO}/files/%E0%A4%A`, 400, "input:invalid"],
        // encoded dot segments are resolved before any handler (RFC 3986): this one names /api itself
        ["GET", "/api/scenarios/%2e%2e", 404, "route:not_found"],
        ["GET", "/api/scenarios/a%2Fb", 400, "input:invalid"],
        ["GET", "/api/nope", 404, "route:not_found"],
        ["GET", "/api/./nope", 404, "route:not_found"],
        ["GET", "/api/runs/../nope", 404, "route:not_found"],
        ["POST", "/api/nope", 404, "route:not_found"],
        ["PUT", "/api/scenarios", 405, "route:method_not_allowed"],
        ["DELETE", "/api/session", 405, "route:method_not_allowed"],
        ["GET", "/api/scenarios/", 200, null],
      ];
      for (const [method, p, status, code] of cases) {
        const a = await send(port, method, p, method === "GET" ? auth : json, method === "GET" ? null : "{}");
        expect(a.status, `${method} ${p}: ${a.body.slice(0, 200)}`).toBe(status);
        expect(String(a.headers["content-type"]), `${method} ${p}`).toMatch(/application\/json/);
        if (code) expect((JSON.parse(a.body) as { error: { code: string } }).error.code, `${method} ${p}`).toBe(code);
      }
      // pages: a bad escape is the not-found page, not a plain-text 500
      const page = await send(port, "GET", "/scenarios/%zz", auth);
      expect(page.status).toBe(404);
      expect(String(page.headers["content-type"])).toMatch(/text\/html/);
    });
  });
}

test.afterAll(() => {
  console.log(
    `http security (real next start): ${figures.requests} requests, 5xx: ${figures.serverErrors}, non-JSON under /api: ${figures.nonJson}`,
  );
  expect(figures.serverErrors).toBe(0);
  expect(figures.nonJson).toBe(0);
});
