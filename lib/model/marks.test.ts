import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { regionBounds } from "@/core/scenario";
import { loadScenarioDir } from "@/lib/scenarios/load";
import { encodeImage, sceneBytes } from "./images";
import { drawMarks, marksOverlaySvg } from "./marks";

const DIR = path.resolve(__dirname, "..", "..", "scenarios", "bathroom-door-lock");

async function loaded() {
  const { scenario } = await loadScenarioDir(DIR);
  if (!scenario) throw new Error("the bundled scenario bathroom-door-lock does not load");
  return scenario;
}

const raw = async (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });

describe("numbered marks on the scene", () => {
  it("draws one outline and one badge per entity, in entity order, with no text or names", async () => {
    const { scenario } = await loaded();
    const svg = marksOverlaySvg(scenario);
    expect(svg.match(/<rect /g)).toHaveLength(scenario.entities.length);
    expect(svg.match(/<polygon /g)).toHaveLength(scenario.entities.length * 2);
    expect(svg).not.toContain("<text");
    for (const e of scenario.entities) expect(svg).not.toContain(e.name);
  });

  it("the marked scene differs from the plain one at the badges and nowhere far from the entities", async () => {
    const l = await loaded();
    const plain = await raw(await sceneBytes(l, false));
    const marked = await raw(await sceneBytes(l, true));
    expect(marked.info.width).toBe(plain.info.width);
    expect(marked.info.height).toBe(plain.info.height);
    expect(Buffer.compare(plain.data, marked.data)).not.toBe(0);
    const px = (img: typeof plain, x: number, y: number) => {
      const i = (y * img.info.width + x) * img.info.channels;
      return [...img.data.subarray(i, i + 3)];
    };
    // inside the first badge (top-left corner of the first entity's box, left of its digit): dark badge colour
    const b = regionBounds(l.scenario.entities[0]!.region);
    const [r, g, bl] = px(marked, Math.round(b.x + 6), Math.round(b.y + 15));
    expect(Math.max(r!, g!, bl!)).toBeLessThan(80);
    // the image's corner pixel (no entity there in this scene) is untouched
    const outside = l.scenario.entities.every((e) => {
      const bb = regionBounds(e.region);
      return bb.x > 40 || bb.y > 40;
    });
    expect(outside).toBe(true);
    expect(px(marked, 2, 2)).toEqual(px(plain, 2, 2));
  });

  it("is deterministic: the same scenario gives the same bytes, and the data URL differs from the plain scene", async () => {
    const l = await loaded();
    const scene = await sceneBytes(l, false);
    const a = await drawMarks(scene, l.scenario);
    const b = await drawMarks(scene, l.scenario);
    expect(a.equals(b)).toBe(true);
    const plainUrl = await encodeImage(l, { kind: "scene" }, { maxSide: 512 });
    const markedUrl = await encodeImage(l, { kind: "scene" }, { maxSide: 512, marks: true });
    expect(markedUrl.startsWith("data:image/png;base64,")).toBe(true);
    expect(markedUrl).not.toBe(plainUrl);
    // views of entities are not marked
    const id = l.scenario.entities[0]!.id;
    expect(await encodeImage(l, { kind: "entity", entityId: id }, { maxSide: 512, marks: true })).toBe(
      await encodeImage(l, { kind: "entity", entityId: id }, { maxSide: 512 }),
    );
  });
});
