import { expect, test } from "@playwright/test";
import { getScenario, listScenarios } from "./support/scenarios";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.describe("scenario API", () => {
  test("GET /api/scenarios lists summaries and issues", async ({ request }) => {
    const { scenarios, issues } = await listScenarios(request);
    expect(Array.isArray(issues)).toBe(true);
    for (const s of scenarios) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(["dissimilar", "mixed", "similar"]).toContain(s.distractorSimilarity);
    }
  });

  test("GET /api/scenarios/[id] returns the document; unknown ids are a JSON 404", async ({ request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario, contentHash } = await getScenario(request, scenarios[0]!.id);
    expect(scenario.id).toBe(scenarios[0]!.id);
    expect(contentHash).toBe(scenarios[0]!.contentHash);

    const missing = await request.get("/api/scenarios/no-such-scenario");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "scenario:not_found", message: expect.any(String) } });
  });

  test("the views route returns the view image (PNG or WebP, by its bytes) with a strong ETag and answers If-None-Match with 304", async ({
    request,
  }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario, contentHash } = await getScenario(request, scenarios[0]!.id);
    const entity = scenario.entities[0]!;
    const url = `/api/scenarios/${scenario.id}/views/${entity.id}?v=${contentHash.slice(0, 16)}`;

    const res = await request.get(url);
    expect(res.status()).toBe(200);
    const body = await res.body();
    expect(res.headers()["content-type"]).toBe(imageType(body));
    const etag = res.headers()["etag"];
    expect(etag).toMatch(/^"[^"]+"$/); // strong: quoted, no W/
    expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

    const again = await request.get(url, { headers: { "If-None-Match": etag! } });
    expect(again.status()).toBe(304);
    expect(again.headers()["etag"]).toBe(etag);
    expect((await again.body()).length).toBe(0);

    const part = entity.parts[0]!;
    const partRes = await request.get(`/api/scenarios/${scenario.id}/views/${entity.id}/${part.id}`);
    expect(partRes.status()).toBe(200);
    expect(partRes.headers()["content-type"]).toBe(imageType(await partRes.body()));
    // without the content-hash version the browser must revalidate
    expect(partRes.headers()["cache-control"]).toBe("no-cache");

    const stale = await request.get(`/api/scenarios/${scenario.id}/views/${entity.id}?v=0000000000000000`);
    expect(stale.headers()["cache-control"]).toBe("no-cache");

    expect((await request.get(`/api/scenarios/${scenario.id}/views/no-such-entity`)).status()).toBe(404);
    expect((await request.get(`/api/scenarios/${scenario.id}/views/${entity.id}/no-such-part`)).status()).toBe(404);
  });

  test("the files route serves referenced images only", async ({ request }) => {
    const { scenarios } = await listScenarios(request);
    const { scenario } = await getScenario(request, scenarios[0]!.id);
    const scene = await request.get(`/api/scenarios/${scenario.id}/files/${scenario.scene.image}`);
    expect(scene.status()).toBe(200);
    expect(scene.headers()["etag"]).toMatch(/^"[0-9a-f]+"$/);
    expect(scene.headers()["content-type"]).toMatch(/^image\//);

    // Not an image of the scenario: 404. An encoded "/" inside one path segment is refused as a bad path: 400.
    const refused: Record<string, number> = {
      "scenario.json": 404,
      "..%2Fscenario.json": 400,
      "%2e%2e/%2e%2e/package.json": 404,
      "nope.png": 404,
    };
    for (const [bad, status] of Object.entries(refused)) {
      const res = await request.get(`/api/scenarios/${scenario.id}/files/${bad}`);
      expect(res.status(), bad).toBe(status);
      expect(res.headers()["content-type"], bad).toMatch(/json/);
    }
  });
});

/** The image type its bytes say (PNG signature or a RIFF…WEBP header); anything else fails the test. */
function imageType(body: Buffer): string {
  if (body.subarray(0, 8).equals(Buffer.from(PNG_SIGNATURE))) return "image/png";
  if (body.subarray(0, 4).toString("latin1") === "RIFF" && body.subarray(8, 12).toString("latin1") === "WEBP")
    return "image/webp";
  throw new Error(`not a PNG or WebP image (${body.length} bytes)`);
}
