import { APIConnectionError, APIConnectionTimeoutError, APIError, BadRequestError, RateLimitError } from "openai";
import { describe, expect, it } from "vitest";
import { isRetryable, retryAfterMs, withRetries } from "./retry";

const headers = (h: Record<string, string>) => new Headers(h);

describe("retries", () => {
  it("retries 429, 5xx, timeouts and dropped connections; not 400", () => {
    expect(isRetryable(new RateLimitError(429, undefined, "slow down", headers({})))).toBe(true);
    expect(isRetryable(APIError.generate(503, undefined, "busy", headers({})))).toBe(true);
    expect(isRetryable(new APIConnectionTimeoutError())).toBe(true);
    expect(isRetryable(new APIConnectionError({ message: "socket hang up" }))).toBe(true);
    expect(isRetryable(new BadRequestError(400, undefined, "bad", headers({})))).toBe(false);
    expect(isRetryable(new Error("other"))).toBe(false);
  });

  it("reads Retry-After as seconds, milliseconds or an HTTP date", () => {
    expect(retryAfterMs(new RateLimitError(429, undefined, "x", headers({ "retry-after": "2" })))).toBe(2000);
    expect(retryAfterMs(new RateLimitError(429, undefined, "x", headers({ "retry-after-ms": "150" })))).toBe(150);
    const now = Date.parse("2026-11-24T10:00:00Z");
    expect(
      retryAfterMs(
        new RateLimitError(429, undefined, "x", headers({ "retry-after": "Tue, 24 Nov 2026 10:00:03 GMT" })),
        now,
      ),
    ).toBe(3000);
    expect(retryAfterMs(new Error("x"))).toBeNull();
  });

  it("honours Retry-After, backs off exponentially otherwise, and gives up after maxRetries", async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls === 1) throw new RateLimitError(429, undefined, "x", headers({ "retry-after": "1" }));
        if (calls === 2) throw APIError.generate(500, undefined, "boom", headers({}));
        return "ok";
      },
      { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 5000 },
      undefined,
      async (ms) => void delays.push(ms),
    );
    expect(result).toBe("ok");
    expect(delays[0]).toBe(1000);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);

    let attempts = 0;
    await expect(
      withRetries(
        async () => {
          attempts++;
          throw APIError.generate(502, undefined, "bad gateway", headers({}));
        },
        { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 },
        undefined,
        async () => undefined,
      ),
    ).rejects.toThrow(/bad gateway/);
    expect(attempts).toBe(3);
  });

  it("does not retry a 400", async () => {
    let attempts = 0;
    await expect(
      withRetries(
        async () => {
          attempts++;
          throw new BadRequestError(400, undefined, "bad request", headers({}));
        },
        { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 1 },
        undefined,
        async () => undefined,
      ),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
