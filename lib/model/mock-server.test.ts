// The mock OpenAI-compatible server, through the official `openai` client over real HTTP on 127.0.0.1:
// response shape, every fault kind, errors, determinism, and whole episodes through the real solver,
// engine and scorer.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SYSTEM_PROMPT, initialMessage, runEpisode, type EngineConfig } from "@/core/engine";
import type { Scenario } from "@/core/scenario";
import { scoreEpisode } from "@/core/scoring";
import { openAiTools, parseToolCall } from "@/core/tools";
import { defaultScenariosDir } from "@/lib/config";
import { loadScenarioStore } from "@/lib/scenarios/load";
import { IMAGE_TOKENS, startMockServer, type MockServer, type MockServerOptions } from "./mock-server";
import { openAiSolver, type ModelSettings } from "./openai-solver";

const TINY_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const ENGINE: EngineConfig = { maxTurns: 15, observation: "image" };

let scenarios: Scenario[];
const servers: MockServer[] = [];

beforeAll(async () => {
  const store = await loadScenarioStore(defaultScenariosDir());
  scenarios = store.scenarios.map((s) => s.scenario);
  expect(scenarios.length).toBeGreaterThan(0);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer({ scenarios, ...options });
  servers.push(server);
  return server;
}

const client = (server: MockServer, timeout = 10_000) =>
  new OpenAI({ baseURL: server.url, apiKey: "test", maxRetries: 0, timeout });

/** The opening request of an episode, as the solver sends it. */
function firstRequest(
  scenario: Scenario,
  model: string,
  extra: Partial<ChatCompletionCreateParamsNonStreaming> = {},
): ChatCompletionCreateParamsNonStreaming {
  const opening = initialMessage(scenario, ENGINE);
  return {
    model,
    messages: [
      { role: "system", content: DEFAULT_SYSTEM_PROMPT },
      {
        role: "user",
        content: [
          { type: "text", text: opening.text },
          { type: "text", text: "Image of the scene:" },
          { type: "image_url", image_url: { url: TINY_PNG } },
        ],
      },
    ],
    tools: openAiTools() as ChatCompletionCreateParamsNonStreaming["tools"],
    tool_choice: "auto",
    ...extra,
  };
}

/** Expects `promise` to reject with an instance of `type`, and returns the error. */
async function rejection<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

describe("mock server: OpenAI shape", () => {
  it("answers a chat completion in the exact chat.completion shape, with tool calls the registry parses", async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const scenario = scenarios[0]!;
    const completion = await client(server).chat.completions.create(firstRequest(scenario, "mock-oracle"));
    expect(completion).toMatchObject({ object: "chat.completion", model: "mock-oracle", created: expect.any(Number) });
    expect(completion.id).toMatch(/^chatcmpl-/);
    const choice = completion.choices[0]!;
    expect(choice).toMatchObject({ index: 0, finish_reason: "tool_calls", message: { role: "assistant" } });
    const calls = choice.message.tool_calls ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.type).toBe("function");
      expect(call.id).toMatch(/^call_/);
      if (call.type !== "function") continue;
      const parsed = parseToolCall(call.function.name, call.function.arguments);
      expect(parsed.ok).toBe(true);
    }
    const names = calls.map((c) => (c.type === "function" ? c.function.name : ""));
    expect(names).toEqual(["plan_exploration", "inspect_entity"]);
    const usage = completion.usage!;
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(usage.completion_tokens).toBeGreaterThan(0);

    // one image part more costs exactly IMAGE_TOKENS more prompt tokens
    const request = firstRequest(scenario, "mock-oracle");
    const opening = request.messages[1]!;
    const withTwo = {
      ...request,
      messages: [
        request.messages[0]!,
        {
          ...opening,
          content: [...(opening.content as object[]), { type: "image_url", image_url: { url: TINY_PNG } }],
        } as typeof opening,
      ],
    };
    const more = await client(server).chat.completions.create(withTwo);
    expect(more.usage!.prompt_tokens - usage.prompt_tokens).toBe(IMAGE_TOKENS);
  });

  it("lists the mock models", async () => {
    const server = await start();
    const page = await client(server).models.list();
    expect(page.data.map((m) => m.id)).toEqual(["mock-oracle", "mock-random", "mock-hallucinator"]);
    expect(page.data[0]).toMatchObject({ object: "model", owned_by: expect.any(String) });
  });

  it("refuses an unknown model with a 404 model_not_found error", async () => {
    const server = await start();
    const error = await rejection(
      client(server).chat.completions.create(firstRequest(scenarios[0]!, "gpt-9")),
      APIError,
    );
    expect(error.status).toBe(404);
    expect(error.code).toBe("model_not_found");
    expect(error.type).toBe("invalid_request_error");
    expect(error.message).toContain("gpt-9");
    expect(server.stats().models["gpt-9"]).toBe(1);
  });

  it("refuses stream: true with a 400 OpenAI-style error", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...firstRequest(scenarios[0]!, "mock-oracle"), stream: true }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; type: string; param: string } };
    expect(body.error).toMatchObject({ type: "invalid_request_error", param: "stream" });
    // and a body that is not a chat request
    const bad = await fetch(`${server.url}/chat/completions`, { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("listens on 127.0.0.1 only", async () => {
    await expect(startMockServer({ scenarios, host: "0.0.0.0" })).rejects.toThrow(/only listens on 127\.0\.0\.1/);
    await expect(startMockServer({ scenarios, host: "localhost" })).rejects.toThrow(/only listens on 127\.0\.0\.1/);
    const busy = await start();
    await expect(startMockServer({ scenarios, port: busy.port })).rejects.toThrow(
      `port ${busy.port} is already in use`,
    );
  });

  it("forces submit_answer when tool_choice names it, and answers an unknown scene with a made-up part", async () => {
    const server = await start();
    const forced = { type: "function", function: { name: "submit_answer" } } as const;
    for (const model of ["mock-oracle", "mock-random", "mock-hallucinator"]) {
      const completion = await client(server).chat.completions.create(
        firstRequest(scenarios[0]!, model, { tool_choice: forced }),
      );
      const calls = completion.choices[0]!.message.tool_calls ?? [];
      expect(calls.map((c) => (c.type === "function" ? c.function.name : c.type))).toEqual(["submit_answer"]);
    }
    const unknown = { ...scenarios[0]!, task: "Nothing in the store looks like this task." } as Scenario;
    const reply = await client(server).chat.completions.create(firstRequest(unknown, "mock-oracle"));
    const call = reply.choices[0]!.message.tool_calls![0]!;
    expect(call.type === "function" && call.function.name).toBe("submit_answer");
    const args = JSON.parse(call.type === "function" ? call.function.arguments : "{}") as {
      entity_id: string;
      part_id: string;
    };
    expect(args.entity_id).toBe(scenarios[0]!.entities[0]!.id);
    expect(args.part_id).toBe("made-up-part");
  });

  it("gives the same reply to the same request, and replies differently per request content", async () => {
    const server = await start({ seed: 3 });
    const api = client(server);
    for (const scenario of scenarios) {
      const request = firstRequest(scenario, "mock-random");
      const a = await api.chat.completions.create(request);
      const b = await api.chat.completions.create(request);
      expect(b).toEqual(a);
    }
    const replies = await Promise.all(
      scenarios.map((s) => api.chat.completions.create(firstRequest(s, "mock-random"))),
    );
    expect(new Set(replies.map((r) => r.id)).size).toBe(scenarios.length);
    // a second server with the same seed gives byte-identical replies
    const twin = await start({ seed: 3 });
    const again = await client(twin).chat.completions.create(firstRequest(scenarios[0]!, "mock-random"));
    expect(again).toEqual(replies[0]);
  });

  it("adds the configured latency to every response", async () => {
    const server = await start({ latencyMs: 150 });
    const started = Date.now();
    await client(server).chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("mock server: faults, as the openai client sees them", () => {
  it("429 carries Retry-After and a rate_limit_exceeded code", async () => {
    const server = await start({ faults: { "429": { every: 1 } }, retryAfterSeconds: 1 });
    const error = await rejection(
      client(server).chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle")),
      OpenAI.RateLimitError,
    );
    expect(error.status).toBe(429);
    expect(error.headers?.get("retry-after")).toBe("1");
    expect(error.code).toBe("rate_limit_exceeded");
    expect(server.stats().faults["429"]).toBe(1);
  });

  it("500 is an InternalServerError", async () => {
    const server = await start({ faults: { "500": { every: 1 } } });
    const error = await rejection(
      client(server).chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle")),
      OpenAI.InternalServerError,
    );
    expect(error.status).toBe(500);
    expect(server.stats().faults["500"]).toBe(1);
  });

  it("drop surfaces as a connection error (not a timeout)", async () => {
    const server = await start({ faults: { drop: { every: 1 } } });
    const error = await rejection(
      client(server).chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle")),
      APIConnectionError,
    );
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.status).toBeUndefined();
    expect(server.stats()).toMatchObject({ faults: { drop: 1 }, statuses: { dropped: 1 } });
  });

  it("slow runs past the client's timeout", async () => {
    const server = await start({ faults: { slow: { every: 1 } }, slowMs: 2000 });
    await rejection(
      client(server, 300).chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle")),
      APIConnectionTimeoutError,
    );
    expect(server.stats().faults.slow).toBe(1);
  });

  it("malformed sends tool arguments that are not JSON", async () => {
    const server = await start({ faults: { malformed: { every: 1 } } });
    const completion = await client(server).chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle"));
    const call = completion.choices[0]!.message.tool_calls![0]!;
    if (call.type !== "function") throw new Error("expected a function call");
    expect(() => JSON.parse(call.function.arguments)).toThrow();
    const parsed = parseToolCall(call.function.name, call.function.arguments);
    expect(parsed.ok).toBe(false);
    expect(server.stats().faults.malformed).toBe(1);
  });

  it("no-tool replies with text and no tool call", async () => {
    const server = await start({ faults: { "no-tool": { every: 1 } } });
    const completion = await client(server).chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle"));
    const choice = completion.choices[0]!;
    expect(choice.message.tool_calls ?? []).toHaveLength(0);
    expect(choice.message.content).toMatch(/\w+/);
    expect(choice.finish_reason).toBe("stop");
  });

  it("every:N hits exactly every Nth chat request, and rates are reproducible from the seed", async () => {
    const server = await start({ faults: { "500": { every: 3 } } });
    const outcomes: string[] = [];
    for (let i = 0; i < 9; i++) {
      outcomes.push(
        await client(server)
          .chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle"))
          .then(
            () => "ok",
            (e: APIError) => String(e.status),
          ),
      );
    }
    expect(outcomes).toEqual(["ok", "ok", "500", "ok", "ok", "500", "ok", "ok", "500"]);

    const pattern = async (seed: number) => {
      const s = await start({ seed, faults: { "429": 0.5 }, retryAfterSeconds: 0 });
      const seen: string[] = [];
      for (let i = 0; i < 24; i++) {
        seen.push(
          await client(s)
            .chat.completions.create(firstRequest(scenarios[0]!, "mock-oracle"))
            .then(
              () => ".",
              () => "x",
            ),
        );
      }
      return seen.join("");
    };
    const first = await pattern(7);
    expect(await pattern(7)).toBe(first);
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
  });
});

describe("mock server: whole episodes through the real openai solver, engine and scorer", () => {
  const settings = (server: MockServer, model: string, maxRetries = 0): ModelSettings => ({
    baseUrl: server.url,
    model,
    apiKeyEnv: "MMCB_MOCK_TEST_KEY_UNSET",
    temperature: null,
    topP: null,
    seed: null,
    maxTokens: null,
    timeoutMs: 10_000,
    systemPrompt: DEFAULT_SYSTEM_PROMPT,
    imageHistory: "last",
    reasoningHistory: "keep",
    maxImageSide: 512,
    retry: { maxRetries, baseDelayMs: 1, maxDelayMs: 5 },
  });

  async function play(
    server: MockServer,
    model: string,
    scenario: Scenario,
    engine: EngineConfig = ENGINE,
    maxRetries = 0,
  ) {
    const s = settings(server, model, maxRetries);
    const api = new OpenAI({ baseURL: s.baseUrl, apiKey: "test", maxRetries: 0, timeout: s.timeoutMs });
    const solver = openAiSolver({
      client: api,
      settings: s,
      episodeSeed: 1,
      scenario,
      engine,
      resolveImage: async () => TINY_PNG,
      imageKey: (ref) => JSON.stringify(ref),
    });
    const { trace, error } = await runEpisode({
      scenario,
      solver,
      engine,
      episodeId: `${model}:${scenario.id}`,
      seed: 1,
    });
    expect(error).toBeUndefined();
    return { trace, metrics: scoreEpisode(scenario, trace).metrics };
  }

  it("mock-oracle scores gold on every bundled scenario with no hallucination", async () => {
    const server = await start();
    for (const scenario of scenarios) {
      const { trace, metrics } = await play(server, "mock-oracle", scenario);
      expect(trace.endReason).toBe("answer");
      expect(metrics.gold_correct).toBe(true);
      expect(metrics.hallucination_rate).toBe(0);
      expect(metrics.claims.grounded).toBeGreaterThan(0);
      expect(metrics.invalid_calls).toBe(0);
      expect(metrics.gold_part_explored).toBe(true);
    }
    expect(server.stats().models["mock-oracle"]).toBe(scenarios.length * 3);
  });

  it("mock-oracle packs its path into short budgets", async () => {
    const server = await start();
    const scenario = scenarios[0]!;
    for (const maxTurns of [1, 2, 3]) {
      const { metrics } = await play(server, "mock-oracle", scenario, { ...ENGINE, maxTurns });
      expect(metrics.gold_correct).toBe(true);
      expect(metrics.turns).toBe(maxTurns);
      expect(metrics.hallucinated).toBe(0);
    }
  });

  it("mock-hallucinator produces unseen and contradicted claims and misses gold", async () => {
    const server = await start();
    for (const scenario of scenarios) {
      const { metrics } = await play(server, "mock-hallucinator", scenario);
      expect(metrics.hallucinated).toBeGreaterThan(0);
      expect(metrics.claims.unseen).toBeGreaterThan(0);
      expect(metrics.claims.contradicted).toBeGreaterThan(0);
      expect(metrics.hallucination_rate).toBeGreaterThan(0.5);
      expect(metrics.gold_correct).toBe(false);
      expect(["similar", "not_similar"]).toContain(metrics.relation);
    }
  });

  it("mock-random explores validly, answers a real part, and replays identically", async () => {
    const server = await start({ seed: 5 });
    for (const scenario of scenarios) {
      const first = await play(server, "mock-random", scenario);
      expect(first.trace.endReason).toBe("answer");
      expect(first.metrics.invalid_calls).toBe(0);
      expect(first.metrics.relation).not.toBe("nonexistent");
      const again = await play(server, "mock-random", scenario);
      expect(again.trace.steps.map((s) => s.call)).toEqual(first.trace.steps.map((s) => s.call));
    }
  });

  it("mock-oracle still reaches gold through malformed, no-tool, 429 and 500 faults (the solver retries)", async () => {
    const server = await start({
      seed: 11,
      retryAfterSeconds: 0,
      faults: { malformed: { every: 4 }, "no-tool": { every: 7 }, "429": 0.15, "500": 0.1 },
    });
    for (const scenario of scenarios) {
      const { trace, metrics } = await play(server, "mock-oracle", scenario, ENGINE, 8);
      expect(trace.endReason).toBe("answer");
      expect(metrics.gold_correct).toBe(true);
      expect(metrics.hallucination_rate).toBe(0);
    }
    const { faults } = server.stats();
    expect(faults.malformed).toBeGreaterThan(0);
    expect(faults["no-tool"]).toBeGreaterThan(0);
    expect(faults["429"] + faults["500"]).toBeGreaterThan(0);
  });
});
