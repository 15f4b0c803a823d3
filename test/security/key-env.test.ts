// Issue #13 §1 and §7 through the route handlers: POST /api/runs may name only an allowed key variable
// (OPENAI_API_KEY, *_API_KEY, MMCB_KEY_ENVS; never MMCB_*), a refused name and an unset one get the same
// sentence, and nothing is sent to the endpoint for either. A provider that echoes the key in OpenAI's
// short form (`sk-canar...Z123`) has it redacted from everything stored and shown: the run's status, the
// episode's trace, the run page's data and every file of the data folder.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KEY_ENV_REFUSED } from "@/lib/secrets";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

const KEY = "sk-canary-4fJ9tLqWmZ0pXc7vB2nR8sYZ123";
const SHORT = `${KEY.slice(0, 8)}...${KEY.slice(-4)}`; // how OpenAI quotes a wrong key
const REFUSED = "sk-refused-9Qw2ErTy5UiOp3AsDf7Gh";
const SECRETS = {
  MMCB_TOKEN: "mmcb-token-canary-5Tg",
  MMCB_CANARY_SECRET: "mmcb-canary-secret-8Kd",
  OTHER_SECRET: "other-canary-secret-2Lp",
};
let root: string;
let capture: Server;
let captureUrl: string;
const received: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const saved = { ...process.env };

type Handler = (request: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
let runs: { GET: Handler; POST: Handler };
let run: { GET: Handler };
let episode: { GET: Handler };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  root = tempDir("mmcb-key-env-");
  process.env.MMCB_DATA_DIR = path.join(root, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(root, "scenarios");
  delete process.env.DATABASE_URL;
  delete process.env.MMCB_KEY_ENVS;
  Object.assign(process.env, SECRETS, { CANARY_API_KEY: KEY, REFUSED_API_KEY: REFUSED });
  await writeFixtureScenario(path.join(root, "scenarios"), fixtureScenario("pry-lid"));
  // A careless provider: refuses every request, quoting the key it was sent in OpenAI's short form.
  capture = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers, body });
      // The model list answers (so the preflight passes) unless the key is the one this provider refuses
      // outright; chat completions always quote the key back.
      if (req.method === "GET" && req.url?.endsWith("/models") && req.headers.authorization !== `Bearer ${REFUSED}`) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", data: [{ id: "m", object: "model" }] }));
        return;
      }
      const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
      const short = sent.length > 12 ? `${sent.slice(0, 8)}...${sent.slice(-4)}` : sent;
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: {
            message: `Incorrect API key provided: ${short}. You can find your API key at …`,
            code: "invalid_api_key",
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, "127.0.0.1", resolve));
  captureUrl = `http://127.0.0.1:${(capture.address() as { port: number }).port}/v1`;
  runs = (await import("@/app/api/runs/route")) as unknown as typeof runs;
  run = (await import("@/app/api/runs/[id]/route")) as unknown as typeof run;
  episode = (await import("@/app/api/runs/[id]/episodes/[episodeId]/route")) as unknown as typeof episode;
});

afterAll(async () => {
  await (await import("@/lib/db/client")).closeDb();
  await new Promise((resolve) => capture.close(resolve));
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

function startRun(apiKeyEnv: string, baseUrl = captureUrl): Promise<Response> {
  return runs.POST(
    new Request("http://127.0.0.1/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${SECRETS.MMCB_TOKEN}` },
      body: JSON.stringify({
        solver: "openai",
        scenarios: ["pry-lid"],
        seeds: "1",
        maxTurns: 3,
        observation: "text",
        openai: {
          baseUrl,
          model: "m",
          apiKeyEnv,
          temperature: null,
          imageHistory: "last",
          concurrency: 1,
          useCache: false,
        },
      }),
    }),
    ctx(),
  );
}

describe("POST /api/runs and the key variable", () => {
  it.each(["MMCB_TOKEN", "MMCB_CANARY_SECRET", "MMCB_X_API_KEY", "OTHER_SECRET", "PATH", "HOME"])(
    "%s: refused with the one sentence, and nothing is sent anywhere",
    async (name) => {
      received.length = 0;
      const res = await startRun(name);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string; fields: Record<string, string> } };
      expect(body.error.fields["openai.apiKeyEnv"]).toBe(KEY_ENV_REFUSED);
      expect(JSON.stringify(body)).not.toContain(name);
      expect(received).toEqual([]);
    },
  );

  it("an allowed name that is not set gets the same sentence (for an endpoint that needs a key)", async () => {
    const res = await startRun("UNSET_API_KEY", "https://example.invalid/v1");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields["openai.apiKeyEnv"]).toBe(KEY_ENV_REFUSED);
  });

  it("MMCB_KEY_ENVS adds names, never MMCB_* ones", async () => {
    process.env.MMCB_KEY_ENVS = "OTHER_SECRET,MMCB_TOKEN";
    try {
      expect((await startRun("MMCB_TOKEN")).status).toBe(400);
      const allowed = await startRun("OTHER_SECRET");
      expect(allowed.status).toBe(201);
    } finally {
      delete process.env.MMCB_KEY_ENVS;
    }
  });

  it("a key the endpoint refuses fails the start at once (the preflight) with a model error and no key in it", async () => {
    received.length = 0;
    const res = await startRun("REFUSED_API_KEY");
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("model:auth_failed");
    expect(body.error.message).toMatch(/REFUSED_API_KEY/);
    expect(received.some((r) => r.headers.authorization === `Bearer ${REFUSED}`)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(REFUSED.slice(0, 8));
    expect(JSON.stringify(body)).not.toContain(REFUSED.slice(-4));
  });

  it("an allowed, set key reaches its endpoint; its short form in the provider's error is stored nowhere", async () => {
    received.length = 0;
    const res = await startRun("CANARY_API_KEY");
    expect(res.status).toBe(201);
    const { runId } = (await res.json()) as { runId: string };
    let status = "running";
    for (let i = 0; i < 200 && status === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const body = (await (await run.GET(new Request("http://127.0.0.1"), ctx({ id: runId }))).json()) as {
        progress: { status: string };
      };
      status = body.progress.status;
    }
    expect(status).not.toBe("running");
    expect(received.length).toBeGreaterThan(0);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${KEY}`); // the capture works
    const shown = [
      await (await run.GET(new Request("http://127.0.0.1"), ctx({ id: runId }))).text(),
      await (
        await episode.GET(new Request("http://127.0.0.1"), ctx({ id: runId, episodeId: `${runId}:pry-lid:1` }))
      ).text(),
      JSON.stringify(await (await import("@/lib/runs/run-view")).loadRunPage(runId)),
    ];
    const { closeDb } = await import("@/lib/db/client");
    await closeDb(); // flush the database file
    const stored = filesUnder(path.join(root, "data")).map((f) => readFileSync(f).toString("latin1"));
    // The provider's own message (which quotes the key) is recorded as mmcb's sentence about it.
    expect(shown.join("")).toMatch(/refused the API key in CANARY_API_KEY/);
    for (const text of [...shown, ...stored]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(SHORT);
      expect(text).not.toContain(KEY.slice(0, 8));
    }
  }, 30_000);
});
