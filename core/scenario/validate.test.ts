import { describe, expect, it } from "vitest";
import { formatIssue } from "../errors";
import { fixtureScenario } from "../../test/fixture";
import { validateScenarioDocument, validateScenarioText, type ImageProbe } from "./validate";

const FILE = "scenarios/pry-lid/scenario.json";
const images: Record<string, ImageProbe> = {
  "scene.png": { status: "ok", width: 400, height: 300 },
  "entities/spoon.png": { status: "ok", width: 200, height: 200 },
  "parts/spoon-bowl.png": { status: "ok", width: 120, height: 120 },
};
const ctx = {
  file: FILE,
  folderName: "pry-lid",
  probeImage: (f: string): ImageProbe => images[f] ?? { status: "missing" },
};

type Doc = ReturnType<typeof fixtureScenario> & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const lines = (doc: unknown, c = ctx) => validateScenarioDocument(doc, c).issues.map(formatIssue);
const broken = (mutate: (d: Doc) => void): string[] => {
  const doc = structuredClone(fixtureScenario()) as Doc;
  mutate(doc);
  return lines(doc);
};

describe("scenario validation", () => {
  it("accepts the fixture", () => {
    const result = validateScenarioDocument(fixtureScenario(), ctx);
    expect(result.issues).toEqual([]);
    expect(result.scenario?.id).toBe("pry-lid");
  });

  it.each<[string, (d: Doc) => void, string]>([
    [
      "gold part not in entity",
      (d) => (d.gold[0].part = "rim"),
      `${FILE}: gold[0].part: "rim" is not a part of entity "coin"`,
    ],
    [
      "gold entity unknown",
      (d) => (d.gold[0].entity = "fork"),
      `${FILE}: gold[0].entity: "fork" is not an entity of this scenario`,
    ],
    [
      "similar part unknown",
      (d) => (d.similar[0].part = "tip"),
      `${FILE}: similar[0].part: "tip" is not a part of entity "spoon"`,
    ],
    [
      "similar repeats gold",
      (d) => (d.similar[0] = { entity: "coin", part: "edge", difficulty: 1 }),
      `${FILE}: similar[0]: coin/edge is already listed in gold[0]; a part is either gold or similar, once`,
    ],
    [
      "duplicate entity id",
      (d) => (d.entities[1].id = "coin"),
      `${FILE}: entities[1].id: duplicate entity id "coin" (also entities[0])`,
    ],
    [
      "duplicate part id",
      (d) => (d.entities[0].parts[1].id = "edge"),
      `${FILE}: entities[0].parts[1].id: duplicate part id "edge" in entity "coin" (also parts[0])`,
    ],
    [
      "id differs from folder",
      (d) => (d.id = "other"),
      `${FILE}: id: "other" does not match its folder name "pry-lid"`,
    ],
    [
      "entity region outside the scene",
      (d) => (d.entities[0].region = { box: [350, 20, 100, 100] }),
      `${FILE}: entities[0].region: region [350, 20, 100, 100] extends outside the scene image (400×300)`,
    ],
    [
      "part region outside its view",
      (d) => (d.entities[1].parts[1].region = { box: [150, 150, 90, 90] }),
      `${FILE}: entities[1].parts[1].region: region [150, 150, 90, 90] extends outside the view image "entities/spoon.png" (200×200)`,
    ],
    [
      "polygon outside",
      (d) =>
        (d.entities[1].region = {
          polygon: [
            [200, 50],
            [420, 50],
            [300, 200],
          ],
        }),
      `${FILE}: entities[1].region: region [200, 50, 220, 150] extends outside the scene image (400×300)`,
    ],
    [
      "scene size mismatch",
      (d) => (d.scene.width = 640),
      `${FILE}: scene: declared size 640×300 does not match "scene.png" (400×300)`,
    ],
    [
      "missing view image",
      (d) => (d.entities[1].view = "entities/ladle.png"),
      `${FILE}: entities[1].view: image file "entities/ladle.png" does not exist`,
    ],
    [
      "unknown attribute name",
      (d) => (d.entities[0].parts[0].attributes[0].name = "colour"),
      `${FILE}: entities[0].parts[0].attributes[0].name: unknown attribute "colour"; expected one of shape, size, thickness, local_features, material, rigidity, durability, elasticity, surface, weight, sharpness, visibility, availability, moisture, temperature`,
    ],
    [
      "value outside the list",
      (d) => (d.entities[0].parts[0].attributes[1].value = "gold"),
      `${FILE}: entities[0].parts[0].attributes[1].value: "gold" is not a value of material; expected one of metal, wood, plastic, glass, fabric, paper, rubber, ceramic, foam, stone, food`,
    ],
    [
      "synonym instead of canonical",
      (d) => (d.entities[0].parts[0].attributes[2].value = "stiff"),
      `${FILE}: entities[0].parts[0].attributes[2].value: "stiff" is not canonical; write "rigid"`,
    ],
    [
      "gold requirement contradicts annotation",
      (d) => (d.gold[0].requiredAttributes[0].value = "thick"),
      `${FILE}: gold[0].requiredAttributes[0].value: requires thickness "thick" but the part is annotated "thin"`,
    ],
    ["missing field", (d) => delete d.task, `${FILE}: task: required field is missing (expected string)`],
    ["unknown field", (d) => (d.entities[0].affordance = []), `${FILE}: entities[0]: unknown field "affordance"`],
    [
      "bad tier",
      (d) => (d.distractorSimilarity = "hard"),
      `${FILE}: distractorSimilarity: expected one of "dissimilar"|"mixed"|"similar"`,
    ],
    [
      "negative box size",
      (d) => (d.entities[0].region = { box: [0, 0, -5, 10] }),
      `${FILE}: entities[0].region.box: box width and height must be > 0`,
    ],
    [
      "region of the wrong shape",
      (d) => (d.entities[0].region = { rect: [0, 0, 5, 10] }),
      `${FILE}: entities[0].region: expected { "box": [x, y, w, h] } or { "polygon": [[x, y], …] } with positive numbers`,
    ],
    [
      "path traversal in view",
      (d) => (d.entities[1].view = "../../etc/passwd.png"),
      `${FILE}: entities[1].view: expected a relative .png, .jpg or .webp file name inside the scenario folder`,
    ],
    [
      "bad slug",
      (d) => (d.entities[0].id = "Coin 1"),
      `${FILE}: entities[0].id: expected a slug of lower-case letters, digits and '-'`,
    ],
    ["schema version", (d) => (d.schemaVersion = 3), `${FILE}: schemaVersion: expected one of 1|2`],
    [
      "a value list in a version 1 file",
      (d) => (d.entities[0].parts[1].attributes[0].value = ["flat", "round"]),
      `${FILE}: entities[0].parts[1].attributes[0].value: a list of values needs "schemaVersion": 2 (version 1 allows one value per attribute)`,
    ],
    [
      "an empty value list",
      (d) => ((d.schemaVersion = 2), (d.entities[0].parts[1].attributes[0].value = [])),
      `${FILE}: entities[0].parts[1].attributes[0].value: expected a non-empty list of values`,
    ],
    [
      "a value that is neither a string nor a list",
      (d) => ((d.schemaVersion = 2), (d.entities[0].parts[1].attributes[0].value = 5)),
      `${FILE}: entities[0].parts[1].attributes[0].value: expected a value (a string) or a non-empty list of values`,
    ],
    [
      "a value listed twice",
      (d) => ((d.schemaVersion = 2), (d.entities[0].parts[1].attributes[0].value = ["flat", "round", "flat"])),
      `${FILE}: entities[0].parts[1].attributes[0].value[2]: "flat" is listed twice (also value[0]); list each value once`,
    ],
    [
      "a non-canonical member of a list",
      (d) => ((d.schemaVersion = 2), (d.entities[0].parts[1].attributes[0].value = ["flat", "long"])),
      `${FILE}: entities[0].parts[1].attributes[0].value[1]: "long" is not canonical; write "elongated"`,
    ],
    [
      "a list member outside the vocabulary",
      (d) => ((d.schemaVersion = 2), (d.entities[0].parts[1].attributes[0].value = ["flat", "oblong"])),
      `${FILE}: entities[0].parts[1].attributes[0].value[1]: "oblong" is not a value of shape; expected one of flat, round, elongated, curved, cylindrical, pointed, hooked, serrated, rectangular`,
    ],
    [
      "gold requirement on an attribute the part does not annotate",
      (d) => d.gold[0].requiredAttributes.push({ name: "shape", value: "round" }),
      `${FILE}: gold[0].requiredAttributes[2].name: requires shape "round" but part "edge" has no shape annotation; a gold part must meet its own requirements`,
    ],
    [
      "gold requirement that none of several values meets",
      (d) => {
        d.schemaVersion = 2;
        d.entities[0].parts[0].attributes.push({ name: "shape", value: ["round", "flat"], visual: true });
        d.gold[0].requiredAttributes.push({ name: "shape", value: "pointed" });
      },
      `${FILE}: gold[0].requiredAttributes[2].value: requires shape "pointed" but the part is annotated "round, flat"`,
    ],
    ["no gold", (d) => (d.gold = []), `${FILE}: gold: a scenario needs at least one gold solution`],
  ])("reports %s precisely", (_name, mutate, expected) => {
    expect(broken(mutate)).toContain(expected);
  });

  it("accepts several true values per attribute in a version 2 file, and a requirement any of them meets", () => {
    const doc = structuredClone(fixtureScenario()) as Doc;
    doc.schemaVersion = 2;
    doc.entities[0].parts[0].attributes.push({ name: "shape", value: ["round", "flat"], visual: true });
    doc.gold[0].requiredAttributes.push({ name: "shape", value: "flat" });
    const result = validateScenarioDocument(doc, ctx);
    expect(result.issues).toEqual([]);
    expect(result.scenario?.entities[0]!.parts[0]!.attributes.at(-1)!.value).toEqual(["round", "flat"]);
  });

  it("reports invalid JSON with line and column", () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "x",,\n}';
    const [issue] = validateScenarioText(text, ctx).issues.map(formatIssue);
    expect(issue).toMatch(/^scenarios\/pry-lid\/scenario\.json: invalid JSON at line 3, column \d+/);
  });

  it("reports every problem, not only the first", () => {
    const issues = broken((d) => {
      d.gold[0].part = "rim";
      d.entities[0].region = { box: [390, 0, 50, 50] };
    });
    expect(issues).toHaveLength(2);
  });

  it("skips image checks when no probe is given", () => {
    const result = validateScenarioDocument(fixtureScenario(), { file: FILE });
    expect(result.issues).toEqual([]);
  });
});
