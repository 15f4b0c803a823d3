/**
 * A mock OpenAI-compatible chat-completions server for tests, benchmarks and the demo (plain node:http).
 * It serves scripted solvers (`mock-policies.ts`) chosen by the request's `model`, is stateless (the
 * scenario is found from the opening `Task:` line, progress from the transcript), and can inject faults
 * — 429 with Retry-After, 500, slow replies, malformed tool arguments, replies without a tool call, and
 * dropped connections — deterministically from a seed. It listens on 127.0.0.1 only.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { z } from "zod";
import { MmcbError } from "@/core/errors";
import { createRng, deriveSeed } from "@/core/random";
import type { Scenario } from "@/core/scenario";
import { defaultScenariosDir } from "@/lib/config";
import { loadScenarioStore } from "@/lib/scenarios/load";
import {
  identifyScenario,
  isMockModel,
  MOCK_MODELS,
  MOCK_POLICIES,
  readTranscript,
  unknownScenarioReply,
  type PolicyReply,
} from "./mock-policies";

export const FAULT_KINDS = ["drop", "429", "500", "malformed", "no-tool", "slow"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault's frequency: a rate in [0, 1] (seeded draw per request) or every Nth chat request. */
export type FaultSpec = number | { readonly every: number };

export interface MockServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Only "127.0.0.1" is accepted: the mock never listens beyond loopback. */
  readonly host?: string;
  /** Folder of scenario folders; default the app's scenario store. Ignored when `scenarios` is given. */
  readonly scenariosDir?: string;
  /** Scenarios already loaded (tests). */
  readonly scenarios?: readonly Scenario[];
  /** Delay added to every response, ms. */
  readonly latencyMs?: number;
  readonly faults?: Partial<Readonly<Record<FaultKind, FaultSpec>>>;
  /** Seeds fault draws and `mock-random`. Default 1. */
  readonly seed?: number;
  /** Extra delay of a `slow` reply, ms (default 5000): set it beyond the client's timeout. */
  readonly slowMs?: number;
  /** Retry-After of a 429, seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** One line per request (method, path, model, status, fault), for the CLI. */
  readonly log?: (line: string) => void;
}

export interface MockServerStats {
  /** Every HTTP request received. */
  readonly requests: number;
  /** Chat-completions requests that were well-formed and named a mock model (the ones faults apply to). */
  readonly completions: number;
  readonly faults: Readonly<Record<FaultKind, number>>;
  /** Chat-completions requests by `model` (unknown names included). */
  readonly models: Readonly<Record<string, number>>;
  /** Responses by HTTP status; "dropped" for injected drops, "aborted" when the client left first. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Chat-completions requests by the `seed` field they carried ("none" without one). */
  readonly seeds: Readonly<Record<string, number>>;
}

export interface MockServer {
  /** The base URL for an OpenAI client, e.g. `http://127.0.0.1:8089/v1`. */
  readonly url: string;
  readonly port: number;
  readonly models: readonly string[];
  /** Number of scenarios the mock knows. */
  readonly scenarioCount: number;
  close(): Promise<void>;
  stats(): MockServerStats;
}

/** Fixed `created` of every response (2026-01-01T00:00:00Z): replies are byte-for-byte reproducible. */
export const MOCK_CREATED = 1_767_225_600;
/** Prompt tokens counted per image part. */
export const IMAGE_TOKENS = 765;
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const LOOPBACK = "127.0.0.1";

const faultSpecSchema = z.union([z.number().min(0).max(1), z.strictObject({ every: z.number().int().min(1) })]);

const messageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: z.unknown().optional(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string(),
        type: z.literal("function"),
        function: z.looseObject({ name: z.string(), arguments: z.string() }),
      }),
    )
    .optional(),
  tool_call_id: z.string().optional(),
});

const requestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  tools: z.array(z.unknown()).optional(),
  tool_choice: z
    .union([
      z.enum(["auto", "none", "required"]),
      z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string() }) }),
    ])
    .optional(),
  stream: z.boolean().nullable().optional(),
});
type ChatRequest = z.infer<typeof requestSchema>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const emptyFaults = (): Record<FaultKind, number> =>
  Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

/** Starts the server; resolves once it listens. Scenarios are loaded first (invalid ones skipped). */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK)
    throw new MmcbError("input:invalid", `the mock server only listens on ${LOOPBACK}, not "${host}"`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new MmcbError("input:invalid", `port must be an integer from 0 to 65535, not ${port}`);
  const faults: Partial<Record<FaultKind, FaultSpec>> = {};
  for (const [kind, spec] of Object.entries(options.faults ?? {})) {
    if (!(FAULT_KINDS as readonly string[]).includes(kind))
      throw new MmcbError("input:invalid", `unknown fault kind "${kind}"; kinds: ${FAULT_KINDS.join(", ")}`);
    if (spec === undefined) continue;
    if (!faultSpecSchema.safeParse(spec).success)
      throw new MmcbError("input:invalid", `fault ${kind} must be a rate from 0 to 1 or { every: N } with N ≥ 1`);
    faults[kind as FaultKind] = spec;
  }
  const seed = options.seed ?? 1;
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const slowMs = Math.max(0, options.slowMs ?? 5000);
  const retryAfterSeconds = Math.max(0, options.retryAfterSeconds ?? 1);
  const scenarios =
    options.scenarios ??
    (await loadScenarioStore(options.scenariosDir ?? defaultScenariosDir())).scenarios.map((s) => s.scenario);

  const counts = {
    requests: 0,
    completions: 0,
    faults: emptyFaults(),
    models: {} as Record<string, number>,
    statuses: {} as Record<string, number>,
    seeds: {} as Record<string, number>,
  };
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closing = false;

  /** Waits, unless the server closes first. */
  const sleep = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
          timers.add(entry);
        });

  /** The fault for the n-th completion, if any: at most one of the exclusive kinds, plus maybe `slow`. */
  const drawFaults = (n: number): { kind: Exclude<FaultKind, "slow"> | null; slow: boolean } => {
    const hit = (kind: FaultKind) => {
      const spec = faults[kind];
      if (spec === undefined) return false;
      if (typeof spec === "number") return spec > 0 && createRng(deriveSeed(seed, kind, n)).next() < spec;
      return n % spec.every === 0;
    };
    const kind = (["drop", "429", "500", "malformed", "no-tool"] as const).find(hit) ?? null;
    return { kind, slow: hit("slow") };
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed || res.writableEnded) {
      counts.statuses.aborted = (counts.statuses.aborted ?? 0) + 1; // the client gave up (e.g. its timeout)
      return;
    }
    counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    counts.requests++;
    const url = new URL(req.url ?? "/", `http://${LOOPBACK}`);
    const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
    if (route === "GET /v1/models") {
      await sleep(latencyMs);
      send(res, 200, { object: "list", data: MOCK_MODELS.map((id) => modelObject(id)) });
      return "200";
    }
    const single = /^GET \/v1\/models\/([^/]+)$/.exec(route);
    if (single) {
      await sleep(latencyMs);
      const id = decodeURIComponent(single[1]!);
      if (!isMockModel(id)) throw modelNotFound(id);
      send(res, 200, modelObject(id));
      return "200";
    }
    if (route !== "POST /v1/chat/completions") {
      throw new HttpError(
        404,
        `Unknown request URL: ${req.method} ${url.pathname}. The mock serves POST /v1/chat/completions and GET /v1/models.`,
        "invalid_request_error",
        "unknown_url",
      );
    }

    const raw = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new HttpError(400, "We could not parse the JSON body of your request.", "invalid_request_error", null);
    }
    if (json && typeof json === "object" && typeof (json as { model?: unknown }).model === "string") {
      const model = (json as { model: string }).model;
      counts.models[model] = (counts.models[model] ?? 0) + 1;
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const param = issue.path.map(String).join(".") || null;
      throw new HttpError(
        400,
        `Invalid request${param ? ` at ${param}` : ""}: ${issue.message}`,
        "invalid_request_error",
        "invalid_value",
        param,
      );
    }
    const body = parsed.data;
    if (body.stream)
      throw new HttpError(
        400,
        "The mock server does not support stream: true; send a non-streaming request.",
        "invalid_request_error",
        "unsupported_value",
        "stream",
      );
    if (!isMockModel(body.model)) throw modelNotFound(body.model);

    const n = ++counts.completions;
    const sent = (json as { seed?: unknown }).seed;
    const seedKey = sent === undefined || sent === null ? "none" : String(sent);
    counts.seeds[seedKey] = (counts.seeds[seedKey] ?? 0) + 1;
    const fault = drawFaults(n);
    await sleep(latencyMs);
    if (fault.slow) {
      counts.faults.slow++;
      await sleep(slowMs);
    }
    if (closing) return "closed";
    if (fault.kind) counts.faults[fault.kind]++;
    const tag = [fault.slow ? "slow" : null, fault.kind].filter(Boolean).join("+");
    switch (fault.kind) {
      case "drop":
        counts.statuses.dropped = (counts.statuses.dropped ?? 0) + 1;
        req.socket.destroy();
        return `dropped [fault: ${tag}]`;
      case "429":
        throw new HttpError(
          429,
          `Rate limit reached for ${body.model} (mock). Please try again in ${retryAfterSeconds}s.`,
          "requests",
          "rate_limit_exceeded",
          null,
          {
            "retry-after": String(retryAfterSeconds),
          },
        );
      case "500":
        throw new HttpError(
          500,
          "The server had an error while processing your request (mock fault).",
          "server_error",
          null,
        );
    }
    const completion = complete(body, scenarios, seed, fault.kind);
    send(res, 200, completion);
    return `200${tag ? ` [fault: ${tag}]` : ""}`;
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    const label = `${req.method} ${req.url}`;
    handle(req, res)
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          send(
            res,
            error.status,
            { error: { message: error.message, type: error.type, param: error.param, code: error.code } },
            error.headers,
          );
          return `${error.status}${error.status === 429 || error.status === 500 ? " [fault]" : ""}`;
        }
        send(res, 500, {
          error: {
            message: `mock server error: ${error instanceof Error ? error.message : String(error)}`,
            type: "server_error",
            param: null,
            code: null,
          },
        });
        return "500 [internal]";
      })
      .then((outcome) => options.log?.(`${label} → ${outcome} in ${Date.now() - started} ms`));
  });
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new MmcbError(
          "io:failed",
          error.code === "EADDRINUSE"
            ? `port ${port} is already in use on ${LOOPBACK}`
            : `the mock server cannot listen: ${error.message}`,
        ),
      ),
    );
    server.listen(port, LOOPBACK, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${actualPort}/v1`,
    port: actualPort,
    models: MOCK_MODELS,
    scenarioCount: scenarios.length,
    stats: () => ({
      requests: counts.requests,
      completions: counts.completions,
      faults: { ...counts.faults },
      models: { ...counts.models },
      statuses: { ...counts.statuses },
      seeds: { ...counts.seeds },
    }),
    close: () => {
      closing = true;
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

function modelObject(id: string) {
  return { id, object: "model", created: MOCK_CREATED, owned_by: "mmcb-mock" };
}

function modelNotFound(model: string): HttpError {
  return new HttpError(
    404,
    `The model \`${model}\` does not exist on the mock server; available models: ${MOCK_MODELS.join(", ")}.`,
    "invalid_request_error",
    "model_not_found",
    "model",
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new HttpError(
            413,
            `Request body larger than ${MAX_BODY_BYTES} bytes.`,
            "invalid_request_error",
            "request_too_large",
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The assistant's reply to a well-formed request, as an OpenAI chat.completion object. */
function complete(
  body: ChatRequest,
  scenarios: readonly Scenario[],
  seed: number,
  fault: "malformed" | "no-tool" | null,
) {
  const hash = createHash("sha256")
    .update(`${seed}\u0000${JSON.stringify(body)}`)
    .digest("hex");
  const transcript = readTranscript(body.messages);
  const choice = body.tool_choice;
  const forceSubmit = typeof choice === "object" && choice.function.name === "submit_answer";
  const offersTools = (body.tools?.length ?? 0) > 0 && choice !== "none";

  let reply: PolicyReply;
  if (!offersTools) {
    reply = {
      content: "No tools were offered, so I can only answer in words: I would need to inspect the scene first.",
      calls: [],
    };
  } else {
    const scenario = identifyScenario(transcript.openingText, scenarios);
    if (!scenario) {
      reply = unknownScenarioReply(transcript.openingText);
    } else {
      const policy = MOCK_POLICIES[body.model as keyof typeof MOCK_POLICIES];
      reply = policy({
        scenario,
        transcript,
        forceSubmit,
        rng: createRng(Number.parseInt(hash.slice(0, 8), 16)),
        episodeRng: createRng(deriveSeed(seed, body.model, transcript.openingText)),
      });
    }
  }
  if (fault === "no-tool")
    reply = { content: "Let me think about which object could work here before I use any tool.", calls: [] };

  const toolCalls = reply.calls.map((call, i) => {
    let args = JSON.stringify(call.arguments);
    // a truncated object, as a model cut off mid-generation would send
    if (fault === "malformed" && i === 0) args = args.slice(0, Math.max(1, Math.floor(args.length / 2))) + '"';
    return {
      id: `call_${hash.slice(8, 24)}_${i}`,
      type: "function" as const,
      function: { name: call.name, arguments: args },
    };
  });
  const completionText = (reply.content ?? "") + toolCalls.map((c) => c.function.name + c.function.arguments).join("");
  const promptTokens = estimatePromptTokens(body);
  const completionTokens = Math.max(1, Math.ceil(completionText.length / 4));
  return {
    id: `chatcmpl-mock${hash.slice(24, 48)}`,
    object: "chat.completion",
    created: MOCK_CREATED,
    model: body.model,
    system_fingerprint: "fp_mmcb_mock",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: reply.content,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toolCalls.length > 0 ? "tool_calls" : "stop",
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/** About four characters per token for text; a fixed count per image part. */
export function estimatePromptTokens(body: { messages: readonly unknown[]; tools?: readonly unknown[] }): number {
  let chars = 0;
  let images = 0;
  const walk = (value: unknown): void => {
    if (typeof value === "string") chars += value.length;
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (record.type === "image_url") {
        images++;
        return;
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(body.messages);
  if (body.tools) chars += JSON.stringify(body.tools).length;
  return Math.ceil(chars / 4) + images * IMAGE_TOKENS;
}
