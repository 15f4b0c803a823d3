/**
 * Retries for model calls: 429, 5xx, timeouts and dropped connections are retried with exponential
 * backoff and jitter, honouring `Retry-After` (seconds or an HTTP date, capped). Other errors (400, 401,
 * 404…) are not retried: they will not get better.
 */
import { APIConnectionError, APIError, APIUserAbortError } from "openai";

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Whether an error from the OpenAI client is worth retrying. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true; // includes timeouts
  if (error instanceof APIError)
    return error.status === 408 || error.status === 409 || error.status === 429 || (error.status ?? 0) >= 500;
  return false;
}

/** The delay a server asked for, in ms, or null. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof APIError) || !error.headers) return null;
  const ms = error.headers.get("retry-after-ms");
  if (ms && !Number.isNaN(Number(ms))) return Number(ms);
  const value = error.headers.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Runs `fn`, retrying retryable failures; reports each retry. */
export async function withRetries<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= policy.maxRetries || !isRetryable(error)) throw error;
      const asked = retryAfterMs(error);
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);
      const delayMs = Math.min(policy.maxDelayMs, asked ?? backoff);
      onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** A sleep for {@link withRetries} that ends early, with the abort's error, when `signal` aborts. */
export function abortableSleep(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new APIUserAbortError());
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new APIUserAbortError());
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });
}
