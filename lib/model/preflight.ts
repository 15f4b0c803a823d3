/**
 * The preflight (SPEC §6): one cheap request before the first episode, so a run against an endpoint that
 * is down, refuses the key or lacks the model fails at once with one sentence instead of playing every
 * episode into an error.
 *
 * `GET {baseUrl}/models` first: OpenAI, vLLM, Ollama, LM Studio and most gateways serve it, it costs no
 * tokens, and it needs the key wherever requests do (OpenAI, vLLM with `--api-key`), so it tells
 * unreachable / 401 / 403 apart. When the model is listed, that is all. When it is not listed — an alias
 * (Ollama's `llama3` for `llama3:latest`), a gateway that routes more models than it lists — or the
 * endpoint has no model list (404/405), one chat completion of at most one token settles it: 404 means
 * the model is unknown; any other refusal of the probe itself (say a reasoning model that rejects
 * `max_tokens`) still shows the endpoint knows the model, so the run goes ahead.
 */
import { APIError, type OpenAI } from "openai";
import { describeModelError, type ModelErrorContext } from "./errors";
import { withRetries, type RetryPolicy } from "./retry";

/** Few, quick retries: a preflight is meant to fail fast. */
export const PREFLIGHT_RETRY: RetryPolicy = { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 2000 };

export interface PreflightSettings {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKeyEnv: string;
  readonly timeoutMs: number;
}

export interface PreflightResult {
  /** How the model was confirmed. */
  readonly checkedBy: "models" | "chat";
}

/** Throws an MmcbError (`model:*`) with one sentence when the endpoint cannot run the model. */
export async function preflight(
  client: OpenAI,
  settings: PreflightSettings,
  options: { readonly retry?: RetryPolicy; readonly signal?: AbortSignal } = {},
): Promise<PreflightResult> {
  const policy = options.retry ?? PREFLIGHT_RETRY;
  const timeout = Math.min(settings.timeoutMs, 30_000);
  let retries = 0;
  const count = () => void retries++;
  const ctx = (extra: Partial<ModelErrorContext> = {}): ModelErrorContext => ({ ...settings, retries, ...extra });
  const request = { timeout, ...(options.signal ? { signal: options.signal } : {}) };

  let listed: string[] | null = null;
  try {
    const page = await withRetries(() => client.models.list(request), policy, count);
    listed = page.data.map((m) => m.id);
  } catch (error) {
    const noList = error instanceof APIError && (error.status === 404 || error.status === 405);
    if (!noList) throw describeModelError(error, ctx());
  }
  if (listed?.includes(settings.model)) return { checkedBy: "models" };

  retries = 0;
  try {
    await withRetries(
      () =>
        client.chat.completions.create(
          { model: settings.model, messages: [{ role: "user", content: "ping" }], max_tokens: 1 },
          request,
        ),
      policy,
      count,
    );
  } catch (error) {
    const status = error instanceof APIError ? error.status : undefined;
    const probeRefused =
      status !== undefined && status >= 400 && status < 500 && ![401, 403, 404, 408, 429].includes(status);
    if (!probeRefused) throw describeModelError(error, ctx({ listed }));
  }
  return { checkedBy: "chat" };
}
