import { describe, expect, it } from "vitest";
import { entityViewUrl, episodeApiUrl, episodeUrl, runApiUrl, runUrl, scenarioFileUrl } from "./urls";

describe("run and episode URLs", () => {
  it("encode ids that hold ':' so they round-trip through a path segment", () => {
    const runId = "gpt-4o-20261124-120000Z-00ab";
    const episodeId = `${runId}:kitchen-parcel-tape:3`;
    expect(runUrl(runId)).toBe(`/runs/${runId}`);
    expect(episodeUrl(runId, episodeId)).toBe(`/runs/${runId}/episodes/${runId}%3Akitchen-parcel-tape%3A3`);
    expect(decodeURIComponent(episodeUrl(runId, episodeId).split("/").pop()!)).toBe(episodeId);
    expect(runApiUrl("a b/c")).toBe("/api/runs/a%20b%2Fc");
    expect(episodeApiUrl("r", "r:s:1")).toBe("/api/runs/r/episodes/r%3As%3A1");
  });
});

describe("image URLs", () => {
  it("carry a 16-character content-hash version", () => {
    const hash = "0123456789abcdef".repeat(4);
    expect(scenarioFileUrl("s", "img/scene.png", hash)).toBe("/api/scenarios/s/files/img/scene.png?v=0123456789abcdef");
    expect(entityViewUrl("s", "coin", hash)).toBe("/api/scenarios/s/views/coin?v=0123456789abcdef");
  });
});
