import { describe, expect, it } from "vitest";
import type { ScenarioSummary } from "@/lib/scenarios/summary";
import { countBy, filterSummaries, galleryHref, parseGalleryQuery } from "./gallery-query";

const summary = (
  id: string,
  setting: string,
  tier: ScenarioSummary["distractorSimilarity"],
  title: string,
  task = "",
): ScenarioSummary => ({
  id,
  version: 1,
  title,
  setting,
  distractorSimilarity: tier,
  task,
  entityCount: 3,
  partCount: 6,
  sceneImage: "scene.png",
  width: 100,
  height: 100,
  contentHash: "0".repeat(64),
  draft: id === "d",
});

const all = [
  summary("a", "kitchen", "mixed", "Loose screw", "No screwdriver around"),
  summary("b", "garage", "similar", "Stuck chain"),
  summary("c", "kitchen", "dissimilar", "Open a jar", "The lid is stuck"),
];

describe("parseGalleryQuery", () => {
  it("reads the first value of each parameter and ignores malformed ones", () => {
    expect(parseGalleryQuery({ setting: ["kitchen", "garage"], tier: "mixed", q: "  screw " })).toEqual({
      setting: "kitchen",
      tier: "mixed",
      q: "screw",
    });
    expect(parseGalleryQuery({ setting: "Bad Setting!", tier: "hard" })).toEqual({ setting: null, tier: null, q: "" });
  });
});

describe("filterSummaries", () => {
  it("combines setting, tier and every search word over title and task", () => {
    expect(filterSummaries(all, { setting: "kitchen", tier: null, q: "" }).map((s) => s.id)).toEqual(["a", "c"]);
    expect(filterSummaries(all, { setting: "kitchen", tier: "dissimilar", q: "" }).map((s) => s.id)).toEqual(["c"]);
    expect(filterSummaries(all, { setting: null, tier: null, q: "STUCK" }).map((s) => s.id)).toEqual(["b", "c"]);
    expect(filterSummaries(all, { setting: null, tier: null, q: "stuck lid" }).map((s) => s.id)).toEqual(["c"]);
  });
});

describe("galleryHref", () => {
  it("builds shareable URLs and drops cleared filters", () => {
    const q = { setting: "kitchen", tier: null, q: "jar lid" } as const;
    expect(galleryHref(q, { tier: "mixed" })).toBe("/scenarios?q=jar+lid&setting=kitchen&tier=mixed");
    expect(galleryHref(q, { setting: null, q: "" })).toBe("/scenarios");
  });
});

describe("countBy", () => {
  it("counts values sorted by name", () => {
    expect(countBy(all, (s) => s.setting)).toEqual([
      { value: "garage", count: 1 },
      { value: "kitchen", count: 2 },
    ]);
  });
});

describe("the draft filter", () => {
  const withDraft = [...all, summary("d", "kitchen", "mixed", "Unfinished")];
  it("shows drafts and published scenarios by default, and either alone when asked", () => {
    expect(filterSummaries(withDraft, parseGalleryQuery({})).map((s) => s.id)).toEqual(["a", "b", "c", "d"]);
    expect(filterSummaries(withDraft, parseGalleryQuery({ status: "draft" })).map((s) => s.id)).toEqual(["d"]);
    expect(filterSummaries(withDraft, parseGalleryQuery({ status: "published" })).map((s) => s.id)).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(parseGalleryQuery({ status: "bogus" }).status).toBeUndefined();
    expect(galleryHref(parseGalleryQuery({ status: "draft" }), { tier: "mixed" })).toBe(
      "/scenarios?tier=mixed&status=draft",
    );
  });
});
