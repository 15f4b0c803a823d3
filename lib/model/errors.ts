/**
 * Turning what the OpenAI client throws into one sentence a researcher can act on, with a stable code:
 * the endpoint cannot be reached (`model:unreachable`), it refused the key (`model:auth_failed`), it has no
 * such model (`model:not_found`), it kept rate-limiting (`model:rate_limited`), or it failed otherwise
 * (`model:failed`). These are infrastructure errors: an episode that ends in one is not an answer (SPEC §5).
 *
 * A provider's own message is quoted only where it helps (server errors, refused requests) and never for
 * 401/403, whose messages tend to echo the key; callers still redact the key from anything they store.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { MmcbError } from "@/core/errors";

export interface ModelErrorContext {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKeyEnv: string;
  readonly timeoutMs: number;
  /** Retries made before giving up (0 when the error was not retried). */
  readonly retries?: number;
  /** Model ids the endpoint lists, when known (named in the not-found sentence). */
  readonly listed?: readonly string[] | null;
}

/** The system error code behind a failed connection (ECONNREFUSED, ENOTFOUND…), if any. */
function connectionCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const oneLine = (text: string, max = 240) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The provider's message without the client's "<status> " prefix. */
function providerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const text = typeof body?.message === "string" ? body.message : error.message.replace(/^\d{3}\s+/, "");
  return oneLine(text || "no message");
}

const afterRetries = (n: number | undefined) => (n ? ` after ${n} retr${n === 1 ? "y" : "ies"}` : "");

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** An MmcbError with one sentence for a failed model request (an MmcbError passes through unchanged). */
export function describeModelError(error: unknown, ctx: ModelErrorContext): MmcbError {
  if (error instanceof MmcbError) return error;
  const host = hostOf(ctx.baseUrl);
  const retried = afterRetries(ctx.retries);
  if (error instanceof APIUserAbortError) return new MmcbError("run:cancelled", "the request was cancelled");
  if (error instanceof APIConnectionTimeoutError)
    return new MmcbError(
      "model:unreachable",
      `${host} did not answer within ${Math.round(ctx.timeoutMs / 100) / 10} s${retried} (raise --timeout for a slow model)`,
      { cause: error },
    );
  if (error instanceof APIConnectionError) {
    const code = connectionCode(error);
    const why =
      code === "ECONNREFUSED"
        ? "connection refused (is the server running and is the port right?)"
        : code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? `the host name ${new URL(ctx.baseUrl).hostname} does not resolve`
          : code === "ECONNRESET"
            ? "the connection was dropped"
            : code
              ? `connection failed (${code})`
              : "connection failed";
    return new MmcbError("model:unreachable", `cannot reach ${ctx.baseUrl}: ${why}${retried}`, { cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    if (status === 401)
      return new MmcbError(
        "model:auth_failed",
        `${host} refused the API key in ${ctx.apiKeyEnv} (HTTP 401): check that the variable holds a valid key for this endpoint`,
        { cause: error },
      );
    if (status === 403)
      return new MmcbError(
        "model:auth_failed",
        `${host} refused access (HTTP 403): the key in ${ctx.apiKeyEnv} may not be allowed to use model "${ctx.model}"`,
        { cause: error },
      );
    if (status === 404) {
      const listed = ctx.listed?.length
        ? `; it lists ${ctx.listed.slice(0, 8).join(", ")}${ctx.listed.length > 8 ? ", …" : ""}`
        : " (or the base URL is not the API root: most end in /v1)";
      return new MmcbError("model:not_found", `${host} has no model "${ctx.model}" (HTTP 404)${listed}`, {
        cause: error,
      });
    }
    if (status === 429)
      return new MmcbError(
        "model:rate_limited",
        `${host} kept rate-limiting the requests (HTTP 429)${retried}: lower --concurrency or try later`,
        { cause: error },
      );
    if (status >= 500)
      return new MmcbError("model:failed", `${host} answered HTTP ${status}${retried}: ${providerMessage(error)}`, {
        cause: error,
      });
    return new MmcbError("model:failed", `${host} refused the request (HTTP ${status}): ${providerMessage(error)}`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new MmcbError("model:failed", `the request to ${host} failed: ${oneLine(message)}`, { cause: error });
}
