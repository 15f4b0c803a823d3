import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import data from "./published.json";
import { loadPublishedLeaderboard, publishedFileSchema } from "./published";

const REFERENCE = path.resolve(__dirname, "../../../shared/reference/mm-creativitybench/leaderboard.json");

describe("the project's copy of the published leaderboard", () => {
  it("matches the shared reference file row for row", () => {
    // The copy must exist in the project whether or not the reference folder is beside it.
    expect(publishedFileSchema.safeParse(data).success).toBe(true);
    if (!existsSync(REFERENCE)) return; // a fresh clone without ../shared: only the copy's shape is checked
    const reference = JSON.parse(readFileSync(REFERENCE, "utf8")) as unknown[];
    expect(data.rows).toEqual(reference);
  });

  it("names its source: paper, URL, table and dates", () => {
    const { source, rows } = loadPublishedLeaderboard();
    expect(source.paper).toMatch(/MM-CreativityBench/);
    expect(source.url).toBe("https://arxiv.org/abs/2605.26396");
    expect(source.table.length).toBeGreaterThan(0);
    expect(source.published).toMatch(/^\d{4}-\d{2}$/);
    expect(source.copied).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.map((r) => r.order)).toEqual([...rows.map((r) => r.order)].sort((a, b) => a - b));
  });
});
