// proxy.ts (issue #13 §4, §5) in process: which paths it answers itself. The same paths over real HTTP,
// where the proxy runs before Next's own decoding, are in e2e/http-security.spec.ts.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { pathProblem, proxy } from "@/proxy";

const at = (path: string) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`));

describe("pathProblem", () => {
  it("finds malformed escapes and encoded dot segments, and leaves good paths alone", () => {
    for (const p of ["/api/runs/%zz", "/api/scenarios/%", "/scenarios/%zz", "/api/x/%E0%A4%A", "/a/%C0%AF"])
      expect(pathProblem(p), p).toBe("bad_escape");
    for (const p of ["/api/%2e%2e/x", "/api/runs/%2E", "/api/scenarios/a%2Fb", "/api/x/..%5C"])
      expect(pathProblem(p), p).toBe("dot_segment");
    for (const p of ["/", "/api/runs", "/api/runs/run%3A1%3Aa", "/scenarios/pry-lid", "/api/scenarios/a%20b"])
      expect(pathProblem(p), p).toBeNull();
  });
});

describe("proxy", () => {
  it("answers a bad /api path with a 400 JSON error", async () => {
    for (const p of ["/api/runs/%zz", "/api/scenarios/a%2Fb"]) {
      const res = at(p);
      expect(res.status, p).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("input:invalid");
      expect(body.error.message).toMatch(/path/);
    }
  });

  it("rewrites a page path with a bad escape to the not-found page", () => {
    const res = at("/scenarios/%zz");
    expect(res.headers.get("x-middleware-rewrite")).toMatch(/\/_mmcb\/not-found$/);
  });

  it("serves /api paths with a trailing slash as the path without it; pages redirect", () => {
    expect(new URL(at("/api/runs/").headers.get("x-middleware-rewrite")!).pathname).toBe("/api/runs");
    const page = at("/scenarios/?q=coin");
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toBe("/scenarios?q=coin");
  });

  it("passes everything else through", () => {
    expect(at("/api/runs").headers.get("x-middleware-next")).toBe("1");
    expect(at("/scenarios/pry-lid").headers.get("x-middleware-next")).toBe("1");
  });
});
