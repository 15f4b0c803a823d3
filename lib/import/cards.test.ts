import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ENTITY_CARD, SCENE_CARD, importCreativityBenchDocument } from "@/core/import";
import { syntheticCreativityBenchTask } from "@/test/creativitybench-fixture";
import { fitText, renderEntityCard, renderSceneCard, wrapText } from "./cards";

describe("wrapText", () => {
  it("wraps at word boundaries and splits only words longer than a line", () => {
    expect(wrapText("dimmable led driver and wiring harness", 16)).toEqual([
      "dimmable led",
      "driver and",
      "wiring harness",
    ]);
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });
});

describe("fitText", () => {
  it("picks the largest size that fits without splitting words", () => {
    const fit = fitText("thermostat and temperature dial", 200, 160, 30, 12, "bold");
    expect(fit.lines.join(" ")).toBe("thermostat and temperature dial");
    for (const line of fit.lines)
      for (const word of line.split(" ")) expect("thermostat and temperature dial".split(" ")).toContain(word);
    expect(fit.lines.length * fit.size * 1.22).toBeLessThanOrEqual(160);
    expect(fitText("short", 200, 160, 30, 12).size).toBe(30);
  });

  it("cuts text that cannot fit even at the minimum size, with an ellipsis", () => {
    const fit = fitText("word ".repeat(200), 100, 40, 20, 12);
    expect(fit.size).toBe(12);
    expect(fit.lines.at(-1)).toMatch(/…$/);
    expect(fit.lines.length * 12 * 1.22).toBeLessThanOrEqual(40);
  });
});

describe("fitText on imported text of any length (issue 13)", () => {
  it("cuts a 2 MB label at once instead of spreading its words or trying every size", () => {
    const label = "word ".repeat(400_000);
    const start = performance.now();
    const fit = fitText(label, 300, 200, 40, 16, "bold");
    expect(performance.now() - start).toBeLessThan(500);
    expect(fit.size).toBe(16);
    expect(fit.lines.at(-1)).toMatch(/…$/);
    expect(fit.lines.length * 16 * 1.22).toBeLessThanOrEqual(200);
    // the same cut as a short text that overflows the same box
    expect(fit).toEqual(fitText("word ".repeat(2_000), 300, 200, 40, 16, "bold"));
  });

  it("wraps whitespace runs as single spaces", () => {
    expect(fitText("thermostat \n\t and   dial", 200, 160, 30, 12)).toEqual(
      fitText("thermostat and dial", 200, 160, 30, 12),
    );
  });
});

describe("cards", () => {
  it("renders PNGs of the card sizes, the same bytes every time", async () => {
    const { scenario } = importCreativityBenchDocument([syntheticCreativityBenchTask()]).scenarios[0]!;
    const scene = await renderSceneCard(scenario, SCENE_CARD);
    expect(await sharp(scene).metadata()).toMatchObject({
      format: "png",
      width: SCENE_CARD.width,
      height: SCENE_CARD.height,
    });
    expect((await renderSceneCard(scenario, SCENE_CARD)).equals(scene)).toBe(true);
    const card = await renderEntityCard(scenario.entities[0]!, 0);
    expect(await sharp(card).metadata()).toMatchObject({
      format: "png",
      width: ENTITY_CARD.width,
      height: ENTITY_CARD.height,
    });
  });
});
