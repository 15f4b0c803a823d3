import { describe, expect, it } from "vitest";
import { parseRunRequest, summarizeFieldErrors } from "./run-request";

const baseline = { solver: "lexical", scenarios: "all", seeds: "1-3", maxTurns: 15, observation: "image" };
const openai = {
  baseUrl: "http://127.0.0.1:8000/v1",
  model: "qwen2.5-vl",
  apiKeyEnv: "OPENAI_API_KEY",
  temperature: null,
  imageHistory: "last",
  concurrency: 4,
};

describe("parseRunRequest", () => {
  it("accepts a baseline run and an openai run with defaults filled in", () => {
    expect(parseRunRequest(baseline)).toEqual({ ok: true, request: baseline });
    const parsed = parseRunRequest({ ...baseline, solver: "openai", scenarios: ["a-b", "c"], openai });
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.request.openai).toEqual({
        ...openai,
        reasoningHistory: "keep",
        entityLabels: "names",
        useCache: true,
      });
    const marks = parseRunRequest({ ...baseline, solver: "openai", openai: { ...openai, entityLabels: "marks" } });
    expect(marks.ok && marks.request.openai?.entityLabels).toBe("marks");
    const bad = parseRunRequest({ ...baseline, solver: "openai", openai: { ...openai, entityLabels: "numbers" } });
    expect(bad).toEqual({ ok: false, fields: { "openai.entityLabels": "entity labels must be names or marks" } });
  });

  it("reports a message per field", () => {
    const parsed = parseRunRequest({ ...baseline, seeds: "one", maxTurns: 0, scenarios: [], observation: "video" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fields).sort()).toEqual(["maxTurns", "observation", "scenarios", "seeds"]);
    expect(parsed.fields.seeds).toMatch(/1-5/);
    expect(summarizeFieldErrors(parsed.fields)).toMatch(/^scenarios: .*; seeds: /);
  });

  it("needs endpoint settings for the openai solver and checks them", () => {
    const missing = parseRunRequest({ ...baseline, solver: "openai" });
    expect(missing).toMatchObject({ ok: false, fields: { openai: expect.any(String) } });
    const bad = parseRunRequest({
      ...baseline,
      solver: "openai",
      openai: { ...openai, baseUrl: "ftp://x", model: " ", temperature: 3, concurrency: 0 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(Object.keys(bad.fields).sort()).toEqual([
        "openai.baseUrl",
        "openai.concurrency",
        "openai.model",
        "openai.temperature",
      ]);
  });

  it("takes only the NAME of the key's variable and never echoes a pasted key", () => {
    const secret = "sk-proj-abcdefghijklmnop";
    const pasted = parseRunRequest({ ...baseline, solver: "openai", openai: { ...openai, apiKeyEnv: secret } });
    expect(pasted.ok).toBe(false);
    if (!pasted.ok) {
      expect(pasted.fields["openai.apiKeyEnv"]).toMatch(/NAME/);
      expect(JSON.stringify(pasted.fields)).not.toContain(secret);
    }
    const sent = parseRunRequest({ ...baseline, solver: "openai", openai: { ...openai, apiKey: secret } });
    expect(sent.ok).toBe(false);
    if (!sent.ok) {
      expect(sent.fields["openai.apiKeyEnv"]).toMatch(/never send an API key/);
      expect(JSON.stringify(sent.fields)).not.toContain(secret);
    }
    expect(parseRunRequest({ ...baseline, extra: 1 })).toMatchObject({
      ok: false,
      fields: { "": "unknown field: extra" },
    });
    expect(parseRunRequest([])).toMatchObject({ ok: false, fields: { "": expect.any(String) } });
  });
});
