/**
 * Test fixtures: a small, valid scenario folder written to a temporary directory, with real PNG images
 * made by sharp. Tests copy it and break one thing at a time.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";

/** A valid scenario document: a coin and a spoon; the coin's edge pries the lid. */
export function fixtureScenario(id = "pry-lid"): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    version: 1,
    title: "Pry open a paint can",
    setting: "garage",
    task: "The paint can lid is stuck and I have no screwdriver. What can I use to pry it open?",
    constraints: ["No screwdriver", "Do not damage the lid"],
    distractorSimilarity: "mixed",
    scene: { image: "scene.png", width: 400, height: 300 },
    entities: [
      {
        id: "coin",
        name: "coin",
        region: { box: [20, 20, 100, 100] },
        description: "A large metal coin.",
        parts: [
          {
            id: "edge",
            name: "edge",
            region: { box: [20, 20, 100, 20] },
            description: "The thin rim of the coin.",
            attributes: [
              { name: "thickness", value: "thin", visual: true },
              { name: "material", value: "metal", visual: true },
              { name: "rigidity", value: "rigid", visual: false },
            ],
            affordances: ["pry open a lid", "turn a slotted screw"],
          },
          {
            id: "face",
            name: "face",
            region: { box: [40, 50, 60, 50] },
            description: "The flat face.",
            attributes: [{ name: "shape", value: "flat", visual: true }],
            affordances: ["press flat"],
          },
        ],
      },
      {
        id: "spoon",
        name: "spoon",
        region: {
          polygon: [
            [200, 50],
            [380, 50],
            [380, 280],
            [200, 280],
          ],
        },
        view: "entities/spoon.png",
        description: "A metal teaspoon.",
        parts: [
          {
            id: "handle-tip",
            name: "handle tip",
            region: { box: [10, 10, 80, 40] },
            description: "The flat end of the handle.",
            attributes: [{ name: "shape", value: "flat", visual: true }],
            affordances: ["pry open a lid"],
          },
          {
            id: "bowl",
            name: "bowl",
            region: { box: [100, 100, 90, 90] },
            view: "parts/spoon-bowl.png",
            description: "The bowl.",
            attributes: [{ name: "shape", value: "curved", visual: true }],
            affordances: ["scoop"],
          },
        ],
      },
    ],
    items: [{ name: "paint can", role: "recipient", description: "A can with a stuck lid." }],
    gold: [
      {
        entity: "coin",
        part: "edge",
        affordance: "pry open a lid",
        requiredAttributes: [
          { name: "thickness", value: "thin" },
          { name: "rigidity", value: "rigid" },
        ],
        howTo: "Wedge the coin's edge under the lid's rim and twist.",
      },
    ],
    similar: [{ entity: "spoon", part: "handle-tip", difficulty: 2 }],
    source: { kind: "authored", license: "CC-BY-4.0", attribution: "mmcb tests" },
  };
}

async function png(file: string, width: number, height: number, colour: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const buffer = await sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
  writeFileSync(file, buffer);
}

/** Writes a scenario folder `<root>/<id>/` with its images; returns the folder. */
export async function writeFixtureScenario(
  root: string,
  doc: Record<string, unknown> = fixtureScenario(),
): Promise<string> {
  const dir = path.join(root, String(doc.id));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "scenario.json"), JSON.stringify(doc, null, 2));
  await png(path.join(dir, "scene.png"), 400, 300, "#ddeeff");
  await png(path.join(dir, "entities", "spoon.png"), 200, 200, "#ffeecc");
  await png(path.join(dir, "parts", "spoon-bowl.png"), 120, 120, "#ccffcc");
  return dir;
}

/** A fresh temporary directory. */
export function tempDir(prefix = "mmcb-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
