/** Garage scenarios (besides `garage-paint-tin-lid.ts`). */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const GARAGE_SPECS: readonly AuthoredSpec[] = [
  {
    id: "garage-ball-under-car",
    use: "reach",
    version: 2,
    title: "A ball under the car",
    setting: "garage",
    task: "My son's tennis ball rolled right under the middle of the car and I can't reach it even lying flat on the floor. What here could I sweep it out with?",
    constraints: ["Don't jack the car up", "Don't crawl under the car"],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "plunger", at: [380, 600], partViews: ["handle"] },
      { object: "wrench", at: [800, 590] },
      { object: "paintbrush", at: [1200, 590] },
      { object: "sponge", at: [580, 815] },
      { object: "clamp", at: [980, 815] },
      { object: "nut-and-bolt", at: [1380, 815] },
    ],
    items: [
      {
        name: "tennis ball",
        role: "recipient",
        description: "A tennis ball resting under the middle of a parked car.",
      },
      {
        name: "car",
        role: "condition",
        description: "Parked low to the floor; the ball is about a metre in from its side.",
      },
    ],
    gold: [
      {
        entity: "plunger",
        part: "handle",
        affordance: "reach something far away",
        requiredAttributes: [req("shape", "elongated"), req("rigidity", "rigid"), req("size", "large")],
        howTo:
          "Kneel by the car, slide the plunger in handle first along the floor, get the handle behind the ball and sweep it back towards you.",
      },
    ],
    similar: [],
  },
  {
    id: "garage-frost-windscreen",
    use: "scrape",
    version: 2,
    title: "A frozen windscreen",
    setting: "garage",
    task: "It's a frosty morning, the windscreen is iced over and the scraper is nowhere to be found. What here could clear the ice without scratching the glass?",
    constraints: ["There is no ice scraper", "The windscreen must not be scratched"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "bucket", at: [380, 590] },
      { object: "umbrella", at: [780, 590] },
      { object: "rope", at: [1180, 590] },
      { object: "coin", at: [560, 820] },
      { object: "cd", at: [940, 815], partViews: ["edge"] },
      { object: "screwdriver", at: [1330, 815] },
    ],
    items: [{ name: "windscreen", role: "recipient", description: "A car windscreen covered in a crust of frost." }],
    gold: [
      {
        entity: "cd",
        part: "edge",
        affordance: "scrape frost off glass without scratching it",
        requiredAttributes: [req("material", "plastic"), req("thickness", "thin")],
        howTo:
          "Hold the disc by its hole, tilt it low against the windscreen and push its thin plastic edge across the frost in short strokes.",
      },
    ],
    similar: [
      { entity: "coin", part: "rim", difficulty: 2 },
      { entity: "screwdriver", part: "tip", difficulty: 2 },
    ],
  },
  {
    id: "garage-bike-hook",
    use: "hook",
    version: 2,
    title: "Hanging the bike up",
    setting: "garage",
    task: "I want to hang my bike by its front wheel from the screw eye in the ceiling joist, to get it off the floor. What here could take its weight?",
    constraints: ["It must hold about 12 kg without bending open", "No new holes in the ceiling"],
    distractorSimilarity: "similar",
    entities: [
      { object: "hook", at: [300, 600] },
      { object: "wrench", at: [660, 590], partViews: ["upper-jaw"] },
      { object: "bucket", at: [1020, 590] },
      { object: "rope", at: [1380, 600] },
      { object: "clamp", at: [480, 815] },
      { object: "magnet", at: [840, 815] },
      { object: "sponge", at: [1200, 815] },
    ],
    items: [
      { name: "bicycle", role: "recipient", description: "A 12 kg bike to be hung by its front wheel." },
      { name: "screw eye", role: "condition", description: "A strong steel screw eye already in the ceiling joist." },
    ],
    gold: [
      {
        entity: "hook",
        part: "bend",
        affordance: "hang a heavy load",
        requiredAttributes: [req("shape", "hooked"), req("material", "metal"), req("thickness", "medium")],
        howTo:
          "Hang the hook by its eye from the screw eye in the joist, then lift the bike and drop its front wheel rim into the deep bend.",
      },
    ],
    similar: [
      { entity: "wrench", part: "upper-jaw", difficulty: 2 },
      { entity: "wrench", part: "lower-jaw", difficulty: 2 },
      { entity: "bucket", part: "handle", difficulty: 4 },
      { entity: "clamp", part: "frame", difficulty: 3 },
      { entity: "magnet", part: "bend", difficulty: 3 },
    ],
  },
  {
    id: "garage-tyre-valve",
    use: "press-button",
    version: 2,
    title: "Letting air out of a tyre",
    setting: "garage",
    task: "I've pumped my bike tyre too hard and need to let a little air out by pressing the tiny pin inside the valve. My fingers are too big — what here could press it?",
    constraints: ["Don't damage the valve pin", "Let the air out a little at a time"],
    distractorSimilarity: "similar",
    entities: [
      { object: "bucket", at: [360, 590] },
      { object: "umbrella", at: [720, 590] },
      { object: "rope", at: [1080, 590] },
      { object: "key", at: [520, 815], partViews: ["tip"] },
      { object: "coin", at: [860, 820] },
      { object: "paintbrush", at: [1150, 815] },
    ],
    items: [
      { name: "tyre valve", role: "recipient", description: "A bike tyre valve with a small pin in its centre." },
    ],
    gold: [
      {
        entity: "key",
        part: "tip",
        affordance: "press a small recessed pin",
        requiredAttributes: [
          req("shape", "pointed"),
          req("thickness", "thin"),
          req("rigidity", "rigid"),
          req("material", "metal"),
        ],
        howTo:
          "Unscrew the valve cap and push the tip of the key onto the little pin in the middle of the valve for a second at a time, checking the tyre between goes.",
      },
    ],
    similar: [
      { entity: "coin", part: "face", difficulty: 2 },
      { entity: "paintbrush", part: "handle-end", difficulty: 4 },
      { entity: "umbrella", part: "tip", difficulty: 3 },
    ],
  },
  {
    id: "garage-bonnet-prop",
    use: "wedge",
    version: 2,
    title: "Propping the bonnet open",
    setting: "garage",
    task: "The bonnet's prop rod has snapped off and I need the bonnet held up while I top up the oil. What here could prop it open safely?",
    constraints: ["The bonnet must not fall on my hands", "Don't use anything that could snap"],
    distractorSimilarity: "similar",
    entities: [
      { object: "broom", at: [300, 620], partViews: ["handle"] },
      { object: "hammer", at: [760, 590] },
      { object: "axe", at: [1160, 590] },
      { object: "wrench", at: [560, 815] },
      { object: "sponge", at: [980, 815] },
    ],
    items: [{ name: "car bonnet", role: "recipient", description: "A car bonnet that must be held open about 80 cm." }],
    gold: [
      {
        entity: "broom",
        part: "handle",
        affordance: "prop something open",
        requiredAttributes: [req("shape", "elongated"), req("rigidity", "rigid"), req("size", "large")],
        howTo:
          "Lift the bonnet, stand the broom upright on the front cross-member, head down, and rest the bonnet's edge against the top of the handle; check it is firm before leaning in.",
      },
    ],
    similar: [
      { entity: "wrench", part: "handle", difficulty: 2 },
      { entity: "axe", part: "handle", difficulty: 2 },
      { entity: "sponge", part: "side", difficulty: 4 },
    ],
  },
];
