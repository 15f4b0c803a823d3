/**
 * The `openai` solver: any OpenAI-compatible chat-completions endpoint with tool calling and image inputs
 * (SPEC §6). It only talks to the model; the engine interprets every call. The API key is read from the
 * named environment variable when the client is made and is never stored, logged or exported.
 */
import OpenAI from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageToolCall,
} from "openai/resources/chat/completions";
import { initialMessage, type EngineConfig, type ImageRef, type RawCall, type TurnInput } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import type { Scenario } from "@/core/scenario";
import type { Solver, SolverView } from "@/core/solvers";
import { openAiTools } from "@/core/tools";
import { ResponseCache } from "./cache";
import { Conversation, type ImageHistory, type ReasoningHistory } from "./conversation";
import { describeModelError } from "./errors";
import { abortableSleep, DEFAULT_RETRY, withRetries, type RetryPolicy } from "./retry";
import { splicingFetch } from "./wire-images";

export interface ModelSettings {
  readonly baseUrl: string;
  readonly model: string;
  /** Name of the environment variable that holds the key (the key itself is never passed around). */
  readonly apiKeyEnv: string;
  readonly temperature: number | null;
  readonly topP: number | null;
  /**
   * The base of the sampling seed (`--sample-seed`; null = 0). Each episode sends base + its episode seed
   * (see {@link episodeSettings}), so k seeds are k independent samples.
   */
  readonly seed: number | null;
  /** Send the `seed` field (default true); false for endpoints that reject it (`--no-send-seed`). */
  readonly sendSeed?: boolean;
  readonly maxTokens: number | null;
  readonly timeoutMs: number;
  readonly systemPrompt: string;
  readonly imageHistory: ImageHistory;
  readonly reasoningHistory: ReasoningHistory;
  readonly maxImageSide: number;
  readonly retry?: RetryPolicy;
}

/** Makes a client for the settings; a missing key variable is an error unless the endpoint is local. */
export function createClient(settings: ModelSettings): OpenAI {
  const apiKey = process.env[settings.apiKeyEnv];
  const local = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(settings.baseUrl);
  if (!apiKey && !local) {
    throw new MmcbError(
      "input:invalid",
      `environment variable ${settings.apiKeyEnv} is not set (it should hold the API key for ${hostOf(settings.baseUrl)})`,
    );
  }
  return new OpenAI({
    baseURL: settings.baseUrl,
    apiKey: apiKey || "not-needed",
    timeout: settings.timeoutMs,
    maxRetries: 0,
    // request bodies go out as bytes, with image tokens (see wire-images.ts) replaced by the images
    fetch: splicingFetch,
  });
}

let toolDefinitions: ChatCompletionCreateParamsNonStreaming["tools"] | null = null;
/** The tool definitions, derived from the registry once per process (zod → JSON Schema is not free). */
function tools(): ChatCompletionCreateParamsNonStreaming["tools"] {
  return (toolDefinitions ??= openAiTools() as ChatCompletionCreateParamsNonStreaming["tools"]);
}

/**
 * The settings one episode's requests use: the sampling seed is the base plus the episode seed, or none at
 * all when the endpoint must not be sent one. (The response cache is keyed on the episode seed either way.)
 */
export function episodeSettings(settings: ModelSettings, episodeSeed: number): ModelSettings {
  return { ...settings, seed: settings.sendSeed === false ? null : (settings.seed ?? 0) + episodeSeed };
}

/** The host of an endpoint URL (what the run configuration records). */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    throw new MmcbError("input:invalid", `--base-url "${baseUrl}" is not a URL`);
  }
}

export interface OpenAiSolverDeps {
  readonly client: OpenAI;
  /** The episode's settings (see {@link episodeSettings}). */
  readonly settings: ModelSettings;
  /** The episode seed: part of every cache key, so seeds never share cached responses. */
  readonly episodeSeed: number;
  /** Aborts the request in flight and any retry wait (a cancelled run). */
  readonly signal?: AbortSignal;
  readonly scenario: Scenario;
  readonly engine: EngineConfig;
  /** Image ref → data URL, or a token from `imageToken` (the client from `createClient` splices it in). */
  readonly resolveImage: (ref: ImageRef) => Promise<string>;
  /** Image ref → a stable name of its content (for cache keys), e.g. content hash + ref + size. */
  readonly imageKey: (ref: ImageRef) => string;
  readonly cache?: ResponseCache;
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Called with each response's usage and whether it came from the cache. */
  readonly onResponse?: (info: { promptTokens: number; completionTokens: number; cached: boolean }) => void;
}

/** The request body for a turn (also the cache key material). */
export function requestBody(
  settings: ModelSettings,
  messages: ChatCompletionCreateParamsNonStreaming["messages"],
  finalTurn: boolean,
): ChatCompletionCreateParamsNonStreaming {
  return {
    model: settings.model,
    messages,
    tools: tools(),
    tool_choice: finalTurn ? { type: "function", function: { name: "submit_answer" } } : "auto",
    ...(settings.temperature !== null ? { temperature: settings.temperature } : {}),
    ...(settings.topP !== null ? { top_p: settings.topP } : {}),
    ...(settings.seed !== null ? { seed: settings.seed } : {}),
    ...(settings.maxTokens !== null ? { max_tokens: settings.maxTokens } : {}),
  };
}

export function openAiSolver(deps: OpenAiSolverDeps): Solver {
  const { settings } = deps;
  const conversation = new Conversation(
    {
      systemPrompt: settings.systemPrompt,
      imageHistory: settings.imageHistory,
      reasoningHistory: settings.reasoningHistory,
    },
    initialMessage(deps.scenario, deps.engine),
  );
  return {
    agent: { kind: "model", name: settings.model },
    async nextTurn(view: SolverView): Promise<TurnInput> {
      const previous = view.history.at(-1);
      if (previous && conversation.length === view.history.length) conversation.addObservations(previous.observations);
      // The cache key is computed over the request with images named by content (scenario hash, ref,
      // size) instead of their bytes: the same key, far cheaper than hashing megabytes of base64.
      let key: string | null = null;
      if (deps.cache) {
        const named = await conversation.messages(async (ref) => `image:${deps.imageKey(ref)}`);
        key = ResponseCache.key({
          episodeSeed: deps.episodeSeed,
          request: requestBody(settings, named, view.finalTurn),
        });
      }
      const started = Date.now();
      let response = key && deps.cache ? await deps.cache.get<ChatCompletion>(key) : null;
      const cached = response !== null;
      if (!response) {
        const body = requestBody(settings, await conversation.messages(deps.resolveImage), view.finalTurn);
        let retries = 0;
        // a signal per request, linked to the run's: the client adds an abort listener to the signal it is
        // given and never removes it, so handing it the run's signal would pile one up per request
        const create = async (b: typeof body) => {
          if (!deps.signal) return deps.client.chat.completions.create(b);
          const own = new AbortController();
          const onAbort = () => own.abort();
          if (deps.signal.aborted) own.abort();
          else deps.signal.addEventListener("abort", onAbort, { once: true });
          try {
            return await deps.client.chat.completions.create(b, { signal: own.signal });
          } finally {
            deps.signal.removeEventListener("abort", onAbort);
          }
        };
        try {
          response = await withRetries(
            () => create(body),
            settings.retry ?? DEFAULT_RETRY,
            (info) => {
              retries++;
              deps.onRetry?.(info);
            },
            deps.signal ? abortableSleep(deps.signal) : undefined,
          );
        } catch (error) {
          // one sentence (unreachable, key refused, no such model, …) for the episode's error
          throw describeModelError(error, { ...settings, retries });
        }
        // written in the background: the episode does not wait for the disk (runModelEval flushes at the end)
        if (key && deps.cache && response.choices?.length) deps.cache.setInBackground(key, response);
      }
      const latencyMs = cached ? 0 : Date.now() - started;
      const message = response.choices?.[0]?.message;
      const toolCalls = (message?.tool_calls ?? []).filter(
        (c): c is Extract<ChatCompletionMessageToolCall, { type: "function" }> => c.type === "function",
      );
      const assistantText = message?.content ?? null;
      conversation.addReply(assistantText, toolCalls);
      const usage = {
        promptTokens: response.usage?.prompt_tokens ?? 0,
        completionTokens: response.usage?.completion_tokens ?? 0,
      };
      deps.onResponse?.({ ...usage, cached });
      const calls: RawCall[] = toolCalls.map((c) => ({
        tool: c.function.name,
        args: c.function.arguments,
        raw: c.function.arguments,
      }));
      return { calls, ...(assistantText ? { assistantText } : {}), usage, latencyMs };
    },
  };
}
