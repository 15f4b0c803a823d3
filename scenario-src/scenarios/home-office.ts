/** Home-office scenarios (besides `office-glasses-screw.ts`). */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const HOME_OFFICE_SPECS: readonly AuthoredSpec[] = [
  {
    id: "office-crisp-bag",
    use: "clamp",
    version: 2,
    title: "Keeping the crisps fresh",
    setting: "home_office",
    task: "I've opened a big bag of crisps at my desk and want to keep the rest fresh for later, but there's no bag clip. What could hold the folded top shut?",
    constraints: ["There is no bag clip", "Nothing sticky on the food bag"],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "books", at: [260, 600] },
      { object: "mug", at: [620, 600] },
      { object: "pushpin", at: [980, 600] },
      { object: "cd", at: [1340, 600] },
      { object: "pen", at: [300, 830], partViews: ["clip"] },
      { object: "computer-mouse", at: [660, 830] },
      { object: "magnifying-glass", at: [1020, 830] },
      { object: "coin", at: [1380, 835] },
    ],
    items: [
      { name: "bag of crisps", role: "recipient", description: "An opened foil bag of crisps, its top folded over." },
    ],
    gold: [
      {
        entity: "pen",
        part: "clip",
        affordance: "clip a bag shut",
        requiredAttributes: [req("elasticity", "elastic"), req("material", "metal")],
        howTo:
          "Fold the top of the bag over twice and slide the pen's springy clip over the fold so it pinches it shut.",
      },
    ],
    similar: [],
  },
  {
    id: "office-sim-tray",
    use: "press-button",
    version: 2,
    title: "Popping out a SIM tray",
    setting: "home_office",
    task: "My new phone needs its SIM tray popped out, and the little eject tool that came in the box is lost. What here fits the tiny hole beside the tray?",
    constraints: ["Don't push anything into the speaker or microphone holes", "Don't snap anything off inside"],
    distractorSimilarity: "similar",
    entities: [
      { object: "umbrella", at: [400, 600] },
      { object: "mug", at: [800, 600] },
      { object: "pencil", at: [1200, 600] },
      { object: "paperclip", at: [600, 825], partViews: ["wire-end"] },
      { object: "coin", at: [1000, 830] },
    ],
    items: [
      {
        name: "phone",
        role: "recipient",
        description: "A phone whose SIM tray opens when a pin is pushed into a tiny hole.",
      },
    ],
    gold: [
      {
        entity: "paperclip",
        part: "wire-end",
        affordance: "push into a tiny eject hole",
        requiredAttributes: [req("shape", "pointed"), req("thickness", "thin"), req("material", "metal")],
        howTo:
          "Unbend the paperclip so its end sticks out straight, push the wire end firmly into the eject hole and the tray pops out.",
      },
    ],
    similar: [
      { entity: "coin", part: "face", difficulty: 2 },
      { entity: "pencil", part: "eraser", difficulty: 4 },
      { entity: "umbrella", part: "tip", difficulty: 3 },
    ],
  },
  {
    id: "office-sticky-drawer",
    use: "lubricate",
    version: 2,
    title: "A drawer that sticks",
    setting: "home_office",
    task: "The wooden drawer of my desk sticks and squeals every time I pull it open. What here could I rub on the runners to make it slide?",
    constraints: ["Nothing oily that will stain the wood", "Don't plane or sand the drawer"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "books", at: [400, 600] },
      { object: "candle", at: [800, 600], partViews: ["wax"] },
      { object: "computer-mouse", at: [1200, 600] },
      { object: "pencil", at: [600, 820] },
      { object: "mug", at: [1000, 820] },
    ],
    items: [{ name: "desk drawer", role: "recipient", description: "A wooden drawer whose runners rub and stick." }],
    gold: [
      {
        entity: "candle",
        part: "wax",
        affordance: "wax a sticking drawer runner",
        requiredAttributes: [req("rigidity", "semi-rigid"), req("surface", "smooth")],
        howTo:
          "Blow the candle out, pull the drawer right out and rub the wax along its wooden runners and the bottom edges of the drawer, then slide it in and out a few times.",
      },
    ],
    similar: [{ entity: "pencil", part: "point", difficulty: 3 }],
  },
  {
    id: "office-staple",
    use: "pry",
    version: 2,
    title: "A crooked staple",
    setting: "home_office",
    task: "A staple went in crooked through my contract and I need to lever it out without tearing the pages. There's no staple remover — what could I slide under it?",
    constraints: ["Don't tear the paper", "There is no staple remover"],
    distractorSimilarity: "similar",
    entities: [
      { object: "books", at: [420, 600] },
      { object: "mug", at: [820, 600] },
      { object: "cd", at: [1200, 600] },
      { object: "ruler", at: [620, 820], partViews: ["body"] },
      { object: "credit-card", at: [1020, 820] },
    ],
    items: [{ name: "stapled contract", role: "recipient", description: "Papers held by a crooked staple." }],
    gold: [
      {
        entity: "ruler",
        part: "body",
        affordance: "lever a staple out",
        requiredAttributes: [
          req("shape", "flat"),
          req("thickness", "thin"),
          req("rigidity", "rigid"),
          req("material", "metal"),
        ],
        howTo:
          "Slip the thin end of the metal ruler under the back of the staple, lift gently to raise it, then straighten the legs and pull it out.",
      },
    ],
    similar: [
      { entity: "credit-card", part: "edge", difficulty: 3 },
      { entity: "credit-card", part: "corner", difficulty: 4 },
      { entity: "cd", part: "edge", difficulty: 3 },
    ],
  },
  {
    id: "office-screen-bubbles",
    use: "spread",
    version: 2,
    title: "Bubbles under a screen protector",
    setting: "home_office",
    task: "I've just stuck a screen protector on my tablet and there are air bubbles trapped under it. What could I push them out to the edge with, without scratching it?",
    constraints: ["Don't scratch the screen protector", "Don't lift the protector off again"],
    distractorSimilarity: "similar",
    entities: [
      { object: "computer-mouse", at: [400, 600] },
      { object: "mug", at: [780, 600] },
      { object: "paintbrush", at: [1180, 600] },
      { object: "credit-card", at: [580, 820], partViews: ["edge"] },
      { object: "ruler", at: [980, 820] },
    ],
    items: [
      {
        name: "tablet",
        role: "recipient",
        description: "A tablet with a new screen protector and air bubbles under it.",
      },
    ],
    gold: [
      {
        entity: "credit-card",
        part: "edge",
        affordance: "smooth out air bubbles",
        requiredAttributes: [req("shape", "flat"), req("thickness", "thin"), req("material", "plastic")],
        howTo:
          "Hold the card at a low angle and push its long edge from the centre of the screen outwards, chasing each bubble to the nearest edge.",
      },
    ],
    similar: [
      { entity: "ruler", part: "edge", difficulty: 3 },
      { entity: "paintbrush", part: "bristles", difficulty: 3 },
    ],
  },
];
