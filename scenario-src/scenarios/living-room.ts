/** Living-room scenarios (besides `living-room-picture-nail.ts`). */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const LIVING_ROOM_SPECS: readonly AuthoredSpec[] = [
  {
    id: "living-room-remote-under-sofa",
    use: "hook",
    version: 2,
    title: "The remote under the sofa",
    setting: "living_room",
    task: "The TV remote has slid right under the sofa, back against the wall, where my arm can't reach. What could I drag it out with?",
    constraints: ["Don't move the heavy sofa", "Don't scratch the floorboards"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "books", at: [420, 600] },
      { object: "teddy-bear", at: [820, 600] },
      { object: "mug", at: [1220, 610] },
      { object: "umbrella", at: [620, 820], partViews: ["crook"] },
      { object: "hiking-boot", at: [1020, 820] },
    ],
    items: [
      { name: "TV remote", role: "recipient", description: "A remote control lying under the sofa against the wall." },
      { name: "sofa", role: "condition", description: "A low, heavy sofa with a 6 cm gap underneath." },
    ],
    gold: [
      {
        entity: "umbrella",
        part: "crook",
        affordance: "hook something and pull it in",
        requiredAttributes: [req("shape", "hooked"), req("rigidity", "rigid"), req("material", "wood")],
        howTo:
          "Hold the umbrella by its tip end, slide the crook flat under the sofa past the remote, turn it to catch the remote and drag it back out.",
      },
    ],
    similar: [
      { entity: "hiking-boot", part: "laces", difficulty: 3 },
      { entity: "mug", part: "handle", difficulty: 3 },
    ],
  },
  {
    id: "living-room-wobbly-table",
    use: "wedge",
    version: 2,
    title: "A rocking coffee table",
    setting: "living_room",
    task: "The coffee table rocks every time someone puts a cup down, because one leg is a few millimetres short on this old floor. What could I slip under that leg?",
    constraints: ["It must not squash flat over time", "It should stay hidden under the leg"],
    distractorSimilarity: "similar",
    entities: [
      { object: "candle", at: [300, 600] },
      { object: "books", at: [660, 600] },
      { object: "teddy-bear", at: [1020, 600] },
      { object: "yarn", at: [1380, 610] },
      { object: "coin", at: [480, 830], partViews: ["face"] },
      { object: "rock", at: [840, 830] },
      { object: "mobile-phone", at: [1200, 830] },
    ],
    items: [{ name: "coffee table", role: "recipient", description: "A wooden coffee table with one leg 3 mm short." }],
    gold: [
      {
        entity: "coin",
        part: "face",
        affordance: "shim a wobbly table leg",
        requiredAttributes: [req("shape", "flat"), req("thickness", "thin"), req("rigidity", "rigid")],
        howTo: "Slide the coin flat under the short leg, adding a second one if needed, until the table sits steady.",
      },
    ],
    similar: [
      { entity: "books", part: "pages", difficulty: 3 },
      { entity: "teddy-bear", part: "body", difficulty: 4 },
      { entity: "rock", part: "flat-face", difficulty: 2 },
    ],
  },
  {
    id: "living-room-pack-vase",
    use: "cushion",
    version: 2,
    title: "Carrying a glass vase",
    setting: "living_room",
    task: "I'm carrying a small glass vase to my sister's on the bus and I'm worried it'll chip on the way. There's no bubble wrap — what here could I wrap it in?",
    constraints: ["There is no bubble wrap", "The vase must not be able to knock against anything"],
    distractorSimilarity: "similar",
    entities: [
      { object: "backpack", at: [420, 600] },
      { object: "teddy-bear", at: [820, 600] },
      { object: "books", at: [1220, 600] },
      { object: "scarf", at: [620, 820], partViews: ["length"] },
      { object: "yarn", at: [1020, 825] },
    ],
    items: [{ name: "glass vase", role: "recipient", description: "A small, thin glass vase." }],
    gold: [
      {
        entity: "scarf",
        part: "length",
        affordance: "wrap something fragile",
        requiredAttributes: [req("material", "fabric"), req("rigidity", "soft"), req("shape", "elongated")],
        howTo:
          "Wind the long scarf round the vase several times, tucking it into the neck, so every side is covered by a thick soft layer.",
      },
    ],
    similar: [
      { entity: "teddy-bear", part: "head", difficulty: 2 },
      { entity: "teddy-bear", part: "body", difficulty: 2 },
      { entity: "yarn", part: "ball", difficulty: 2 },
      { entity: "backpack", part: "body", difficulty: 3 },
    ],
  },
  {
    id: "living-room-tv-sockets",
    use: "reflect",
    version: 2,
    title: "Seeing behind the TV",
    setting: "living_room",
    task: "I need to read the labels on the sockets at the back of the TV, but it's fixed to the wall and I can't get my head behind it. What could help me see back there?",
    constraints: ["The TV can't come away from its wall bracket", "Don't unplug anything while looking"],
    distractorSimilarity: "similar",
    entities: [
      { object: "candle", at: [400, 600] },
      { object: "teddy-bear", at: [800, 600] },
      { object: "magnifying-glass", at: [1200, 600] },
      { object: "mobile-phone", at: [600, 825], partViews: ["screen"] },
      { object: "cd", at: [1000, 825] },
    ],
    items: [
      { name: "TV sockets", role: "recipient", description: "Labelled sockets on the back of a wall-mounted TV." },
    ],
    gold: [
      {
        entity: "mobile-phone",
        part: "screen",
        affordance: "reflect a view like a mirror",
        requiredAttributes: [req("shape", "flat"), req("material", "glass"), req("surface", "smooth")],
        howTo:
          "Switch the phone's screen off so it is dark and glossy, hold it behind the TV at an angle and read the labels in the reflection.",
      },
    ],
    similar: [
      { entity: "cd", part: "face", difficulty: 3 },
      { entity: "magnifying-glass", part: "lens", difficulty: 2 },
    ],
  },
  {
    id: "living-room-cold-hands",
    use: "heat",
    version: 2,
    title: "Frozen fingers",
    setting: "living_room",
    task: "I've just come in from the snow and my fingers are so numb I can't undo my coat buttons. What here could warm them up quickly without burning me?",
    constraints: ["Don't burn your skin", "The heating takes an hour to come on"],
    distractorSimilarity: "similar",
    entities: [
      { object: "teapot", at: [420, 600] },
      { object: "books", at: [820, 600] },
      { object: "teddy-bear", at: [1220, 600] },
      { object: "mug", at: [620, 825], partViews: ["body"] },
      { object: "candle", at: [1020, 820] },
    ],
    items: [{ name: "numb fingers", role: "recipient", description: "Cold, stiff fingers after a walk in the snow." }],
    gold: [
      {
        entity: "mug",
        part: "body",
        affordance: "warm cold hands",
        requiredAttributes: [req("temperature", "warm")],
        howTo:
          "Wrap both hands round the warm body of the mug and hold it for a few minutes until the feeling comes back; keep your fingers out of the hot coffee.",
      },
    ],
    similar: [
      { entity: "mug", part: "coffee", difficulty: 2 },
      { entity: "candle", part: "flame", difficulty: 2 },
      { entity: "teapot", part: "body", difficulty: 2 },
    ],
  },
];
