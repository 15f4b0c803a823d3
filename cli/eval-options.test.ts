// Issue 13 "CLI and files": the flags of `mmcb eval` that used to run the wrong thing or explain the wrong
// problem, parsed directly (the spawned CLI is covered once in eval-score.test.ts).
import { describe, expect, it } from "vitest";
import { MmcbError } from "@/core/errors";
import { parseEvalOptions } from "./eval-options";

/** What commander hands the action with the defaults of `mmcb eval`. */
const defaults = {
  solver: "random",
  scenarios: "scenarios",
  seeds: "1",
  maxTurns: "15",
  observation: "image",
  imageHistory: "last",
  reasoningHistory: "keep",
  entityLabels: "names",
  apiKeyEnv: "OPENAI_API_KEY",
  concurrency: "4",
  timeout: "120",
  maxImageSide: "1024",
  cache: true,
  sendSeed: true,
  preflight: true,
};
const openai = { solver: "openai", model: "m", baseUrl: "http://127.0.0.1:8000/v1" };

function refusal(flags: Record<string, unknown>): string {
  try {
    parseEvalOptions({ ...defaults, ...flags });
  } catch (error) {
    expect(error).toBeInstanceOf(MmcbError);
    expect((error as MmcbError).code).toBe("input:invalid");
    return (error as MmcbError).message;
  }
  throw new Error(`accepted ${JSON.stringify(flags)}`);
}

describe("parseEvalOptions", () => {
  it("accepts the defaults and expands seeds and --only", () => {
    const opts = parseEvalOptions({ ...defaults, seeds: "3,1-2", only: " a, b ,a" });
    expect(opts.seedList).toEqual([1, 2, 3]);
    expect(opts.onlyIds).toEqual(["a", "b"]);
    expect(opts).toMatchObject({ maxTurns: 15, concurrency: 4, timeout: 120, sendSeed: true, preflight: true });
    expect(parseEvalOptions({ ...defaults, ...openai, sendSeed: false }).sendSeed).toBe(false);
    expect(parseEvalOptions({ ...defaults, ...openai, costCap: "0", timeout: "0.5" })).toMatchObject({
      costCap: 0,
      timeout: 0.5,
    });
  });

  it("refuses a seed range that counts down instead of running it", () => {
    expect(refusal({ seeds: "5-1" })).toBe("--seeds: the seed range 5-1 counts down; write it as 1-5");
  });

  it("refuses an empty --only instead of running every scenario", () => {
    for (const only of ["", " ", ",", " , "])
      expect(refusal({ only })).toBe(
        "--only needs at least one scenario id (leave the flag out to run every scenario)",
      );
  });

  it("refuses a base URL that is not http(s) with a sentence about the URL, not the key", () => {
    for (const baseUrl of ["file:///etc/passwd", "ftp://host/v1", "nope", "http://", "javascript:alert(1)"])
      expect(refusal({ ...openai, baseUrl })).toBe(
        "--base-url must be http(s)://host[:port]/path, e.g. http://127.0.0.1:8000/v1",
      );
    expect(parseEvalOptions({ ...defaults, ...openai, baseUrl: "HTTPS://api.example.com/v1" }).baseUrl).toBe(
      "HTTPS://api.example.com/v1",
    );
  });

  it("says what is wrong with a number, not only that it must be one", () => {
    expect(refusal({ ...openai, costCap: "-1" })).toBe("--cost-cap must be ≥ 0 (USD)");
    expect(refusal({ ...openai, timeout: "0" })).toBe("--timeout must be > 0 (seconds)");
    expect(refusal({ ...openai, timeout: "-3" })).toBe("--timeout must be > 0 (seconds)");
    expect(refusal({ ...openai, timeout: "soon" })).toBe("--timeout must be a number");
    expect(refusal({ ...openai, costCap: "" })).toBe("--cost-cap must be a number");
    expect(refusal({ ...openai, temperature: "3" })).toBe("--temperature must be ≤ 2");
    expect(refusal({ ...openai, topP: "0" })).toBe("--top-p must be > 0");
    expect(refusal({ ...openai, pricePrompt: "-0.1" })).toBe("--price-prompt must be ≥ 0 (USD per 1M tokens)");
    expect(refusal({ concurrency: "0" })).toBe("--concurrency must be at least 1");
    expect(refusal({ concurrency: "2.5" })).toBe("--concurrency must be a whole number");
    expect(refusal({ maxTurns: "0" })).toBe("--max-turns must be at least 1");
    expect(refusal({ ...openai, sampleSeed: "1.5" })).toBe("--sample-seed must be a whole number");
  });

  it("refuses flags that do not go together, one sentence each", () => {
    expect(refusal({ resume: true })).toMatch(/^--resume needs the --run-id/);
    expect(refusal({ solver: "openai" })).toBe("--solver openai needs --model and --base-url");
    expect(refusal({ wait: true })).toBe("--wait goes with --distributed");
    expect(refusal({ distributed: true, costCap: "5" })).toMatch(/^--cost-cap is not supported with --distributed/);
  });
});
