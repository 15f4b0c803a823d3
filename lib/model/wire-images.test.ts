import { describe, expect, it } from "vitest";
import { imageToken, spliceImages } from "./wire-images";

const A = `data:image/png;base64,${Buffer.from("first image bytes").toString("base64")}`;
const B = `data:image/png;base64,${Buffer.from("second image").toString("base64")}`;

describe("image tokens spliced into request bodies", () => {
  it("sends byte-for-byte the body the data URLs would have given, the same token for the same key", async () => {
    let loads = 0;
    const ta = await imageToken("k-a", async () => (loads++, A));
    const tb = await imageToken("k-b", async () => B);
    expect(await imageToken("k-a", async () => (loads++, "never used"))).toBe(ta);
    expect(loads).toBe(1);
    const body = (a: string, b: string) =>
      JSON.stringify({
        messages: [
          { role: "system", content: "entity–part pair" }, // non-Latin-1 text stays intact
          {
            role: "user",
            content: [
              { type: "image_url", image_url: { url: a } },
              { type: "text", text: "é" },
            ],
          },
          { role: "user", content: [{ type: "image_url", image_url: { url: b } }] },
          { role: "user", content: [{ type: "image_url", image_url: { url: a } }] },
        ],
      });
    expect(Buffer.from(spliceImages(body(ta, tb))).equals(Buffer.from(body(A, B), "utf8"))).toBe(true);
  });

  it("leaves a body without tokens (and look-alike text) unchanged", () => {
    const text = JSON.stringify({ content: "mmcb-img-000000000000-0 is just text" });
    expect(Buffer.from(spliceImages(text)).toString("utf8")).toBe(text);
  });
});
