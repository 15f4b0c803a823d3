// API keys (issue #13 §1, §7): the key-variable allow-list for runs started over HTTP, and the redaction of
// every recognisable key form from stored errors and logs.
import { describe, expect, it } from "vitest";
import { checkRequestKeyEnv, KEY_ENV_REFUSED, keyEnvAllowed, redactSecret } from "./secrets";

describe("keyEnvAllowed", () => {
  it("allows OPENAI_API_KEY and names ending in _API_KEY", () => {
    for (const name of ["OPENAI_API_KEY", "GROQ_API_KEY", "MY_LOCAL_2_API_KEY"])
      expect(keyEnvAllowed(name, {})).toBe(true);
  });

  it("refuses every other name, and MMCB_* always, even when listed in MMCB_KEY_ENVS", () => {
    const env = { MMCB_KEY_ENVS: "VLLM_TOKEN, MMCB_TOKEN,HF_TOKEN" };
    for (const name of ["MMCB_TOKEN", "MMCB_API_KEY", "MMCB_X_API_KEY", "PATH", "HOME", "AWS_SECRET_ACCESS_KEY"])
      expect(keyEnvAllowed(name, env), name).toBe(false);
    for (const name of ["_API_KEY", "api_key", "OPENAI_API_KEY ", "sk-abc"])
      expect(keyEnvAllowed(name, env), name).toBe(false);
  });

  it("allows the names listed in MMCB_KEY_ENVS (comma-separated)", () => {
    const env = { MMCB_KEY_ENVS: "VLLM_TOKEN, HF_TOKEN" };
    expect(keyEnvAllowed("VLLM_TOKEN", env)).toBe(true);
    expect(keyEnvAllowed("HF_TOKEN", env)).toBe(true);
    expect(keyEnvAllowed("VLLM_TOKEN", {})).toBe(false);
  });
});

describe("checkRequestKeyEnv", () => {
  const env = { MMCB_TOKEN: "t", SET_API_KEY: "k", PATH: "/bin" };
  const refusal = (name: string, local: boolean): string | null => {
    try {
      checkRequestKeyEnv(name, { local, env });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("gives one sentence for a refused name and for an allowed name that is not set", () => {
    const answers = ["MMCB_TOKEN", "PATH", "UNSET_API_KEY", "NOPE"].map((n) => refusal(n, false));
    expect(new Set(answers)).toEqual(new Set([KEY_ENV_REFUSED]));
    expect(KEY_ENV_REFUSED).not.toMatch(/MMCB_TOKEN|PATH|UNSET/);
  });

  it("accepts an allowed, set name; an allowed unset name only for an endpoint on this machine", () => {
    expect(refusal("SET_API_KEY", false)).toBeNull();
    expect(refusal("UNSET_API_KEY", true)).toBeNull();
    expect(refusal("MMCB_TOKEN", true)).toBe(KEY_ENV_REFUSED);
  });
});

describe("redactSecret", () => {
  it("removes every occurrence of the secret and ignores empty ones", () => {
    expect(redactSecret("401: key sk-abcdef rejected (sk-abcdef)", "sk-abcdef")).toBe(
      "401: key [redacted] rejected ([redacted])",
    );
    expect(redactSecret("nothing", undefined)).toBe("nothing");
    expect(redactSecret("a b", "")).toBe("a b");
  });

  const KEY = "sk-canary-7Hq2LmN0pQrStUvWxYZ123";

  it("removes OpenAI's shortened forms of the key (prefix...suffix, prefix****suffix)", () => {
    for (const short of ["sk-canar...Z123", "sk-canar…Z123", "sk-can************Z123"]) {
      const out = redactSecret(`Incorrect API key provided: ${short}. You can find your key at …`, KEY);
      expect(out, short).not.toContain("Z123");
      expect(out).toContain("[redacted]");
      expect(out).toMatch(/\[redacted\]\. You can find/);
    }
  });

  it("removes pieces of the key without the sk- prefix and keys it does not know", () => {
    expect(redactSecret("got 7Hq2LmN0pQrS in header", KEY)).toBe("got [redacted] in header");
    expect(redactSecret("other key sk-proj-AbCdEf123456 refused", KEY)).toBe("other key [redacted] refused");
    expect(redactSecret("key sk-abcd...wxyz refused")).toBe("key [redacted] refused");
    expect(redactSecret("AIzaSyA1234567890abcdefghijklmnop is a Google key")).toBe("[redacted] is a Google key");
    expect(redactSecret('sent "Authorization: Bearer abc.def-ghi" upstream')).toBe(
      'sent "Authorization: Bearer [redacted]" upstream',
    );
  });

  it("leaves ordinary text alone", () => {
    const text = "task-solving failed after 3 attempts: 429 rate limited (retry in 2 s) at http://127.0.0.1:8000/v1";
    expect(redactSecret(text, KEY)).toBe(text);
    expect(redactSecret("the risk-free path", KEY)).toBe("the risk-free path");
  });
});
