import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { contactSheet, escapeXml } from "./contact-sheet";

describe("contact sheet", () => {
  it("lays tiles out in a grid with captions, deterministically", async () => {
    const image = await sharp({ create: { width: 160, height: 100, channels: 3, background: "#3a7" } })
      .png()
      .toBuffer();
    const tiles = [1, 2, 3].map((i) => ({ image, title: `scene-${i} <&>`, subtitle: "kitchen · similar" }));
    const a = await contactSheet(tiles, 2, 160);
    const meta = await sharp(a).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({
      width: 12 + 2 * 172,
      height: 12 + 2 * (100 + 44 + 12),
    });
    expect((await contactSheet(tiles, 2, 160)).equals(a)).toBe(true);
    expect(escapeXml('a<b>&"c"')).toBe("a&#60;b&#62;&#38;&#34;c&#34;");
  });

  it("tiles WebP scenes too (rendered scenarios), at the first tile's aspect", async () => {
    const image = await sharp({ create: { width: 1280, height: 800, channels: 3, background: "#777" } })
      .webp()
      .toBuffer();
    const sheet = await contactSheet([{ image, title: "rendered", subtitle: "garage · similar" }], 4, 200);
    const meta = await sharp(sheet).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: "png",
      width: 12 + 4 * 212,
      height: 12 + 125 + 44 + 12,
    });
  });
});
