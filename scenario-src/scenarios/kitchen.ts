/** Kitchen scenarios (besides `kitchen-parcel-tape.ts`). */
import { attr, req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const KITCHEN_SPECS: readonly AuthoredSpec[] = [
  {
    id: "kitchen-burnt-pan",
    use: "scrape",
    version: 2,
    title: "Burnt rice on the pan",
    setting: "kitchen",
    task: "There's rice burnt onto the bottom of my saucepan and I've just thrown the scourer out. What here could I scrub it off with that won't scratch the pan?",
    constraints: ["There is no scourer or steel wool", "The pan's non-stick coating must not be scratched"],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "salt-shaker", at: [380, 590], partViews: ["salt"] },
      { object: "teapot", at: [760, 590] },
      { object: "jar", at: [1140, 590] },
      { object: "lemon", at: [560, 815] },
      { object: "mug", at: [940, 815] },
      { object: "banana", at: [1320, 815] },
    ],
    items: [
      {
        name: "saucepan",
        role: "recipient",
        description: "A non-stick saucepan with a layer of rice burnt onto its base.",
      },
    ],
    gold: [
      {
        entity: "salt-shaker",
        part: "salt",
        affordance: "scrub off burnt-on food",
        requiredAttributes: [req("surface", "rough"), req("material", "food")],
        howTo:
          "Unscrew the cap, sprinkle a thick layer of the coarse salt over the burnt patch with a splash of water and scrub it round with kitchen paper; the grains lift the burnt rice without scratching the coating.",
      },
    ],
    similar: [],
  },
  {
    id: "kitchen-toast-stuck",
    use: "extract",
    version: 2,
    title: "A crumpet stuck in the toaster",
    setting: "kitchen",
    task: "A crumpet is wedged deep in the toaster, and the toaster is plugged into a socket I can't get to behind the fridge. What could I lift it out with without getting a shock?",
    constraints: ["The toaster can't be unplugged right now", "Never put metal into a live toaster"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "chopsticks", at: [400, 590], partViews: ["tips"] },
      { object: "teapot", at: [790, 590] },
      { object: "mug", at: [1180, 590] },
      { object: "scissors", at: [600, 815], partViews: ["blade-tip"] },
      { object: "sponge", at: [990, 815] },
      { object: "kitchen-knife", at: [1380, 800] },
    ],
    items: [
      { name: "crumpet", role: "recipient", description: "A crumpet jammed deep in the slot of a hot toaster." },
      { name: "toaster", role: "condition", description: "Still switched on at a socket behind the fridge." },
    ],
    gold: [
      {
        entity: "chopsticks",
        part: "tips",
        affordance: "lift food out of a live toaster",
        requiredAttributes: [req("material", "wood"), req("shape", "pointed"), req("rigidity", "rigid")],
        howTo:
          "Use the wooden chopsticks like tongs: slide their tips down either side of the crumpet, pinch it and lift it straight up and out.",
      },
    ],
    similar: [
      { entity: "scissors", part: "blade-tip", difficulty: 2 },
      { entity: "kitchen-knife", part: "tip", difficulty: 3 },
    ],
  },
  {
    id: "kitchen-roll-dough",
    use: "roll",
    version: 2,
    title: "No rolling pin for the shortbread",
    setting: "kitchen",
    task: "I'm making shortbread and need to roll the dough out evenly, but I don't own a rolling pin. What on this counter could I roll it with?",
    constraints: ["There is no rolling pin", "Whatever touches the dough must be clean and smooth"],
    distractorSimilarity: "similar",
    entities: [
      { object: "jar", at: [380, 590] },
      { object: "teapot", at: [800, 590] },
      { object: "lemon", at: [1220, 600] },
      { object: "pencil", at: [580, 815] },
      { object: "pen", at: [1000, 815], partViews: ["barrel"] },
      { object: "paintbrush", at: [1400, 815] },
    ],
    items: [
      {
        name: "shortbread dough",
        role: "recipient",
        description: "A ball of chilled shortbread dough on a floured board.",
      },
    ],
    gold: [
      {
        entity: "jar",
        part: "body",
        affordance: "roll out dough",
        requiredAttributes: [req("shape", "cylindrical"), req("material", "glass"), req("rigidity", "rigid")],
        howTo:
          "Wash and dry the jar, dust its glass sides with flour, lay it on its side on the dough and roll it back and forth, turning the dough a quarter turn now and then.",
      },
    ],
    similar: [
      { entity: "pencil", part: "body", difficulty: 2 },
      { entity: "pen", part: "barrel", difficulty: 2 },
      { entity: "paintbrush", part: "handle", difficulty: 2 },
    ],
  },
  {
    id: "kitchen-stuck-jar-lid",
    use: "heat",
    version: 2,
    title: "A jar lid stuck fast",
    setting: "kitchen",
    task: "The metal lid on this jar of pickles is stuck solid and my hands just slip on it. Warming the lid should loosen it — what here could I warm it with safely?",
    constraints: ["No naked flame near the glass jar; it could crack", "The pickles must stay edible"],
    distractorSimilarity: "similar",
    entities: [
      {
        object: "teapot",
        at: [500, 590],
        description: "A glazed pink ceramic teapot, just filled with freshly made, very hot tea.",
        state: { body: [attr("temperature", "hot")] },
        partViews: ["body"],
      },
      { object: "candle", at: [900, 590] },
      { object: "frying-pan", at: [1300, 600] },
      { object: "spoon", at: [700, 815] },
      { object: "lemon", at: [1100, 820] },
    ],
    items: [
      { name: "jar of pickles", role: "recipient", description: "A glass jar whose metal screw lid is stuck fast." },
    ],
    gold: [
      {
        entity: "teapot",
        part: "body",
        affordance: "warm a stuck metal lid so it loosens",
        requiredAttributes: [req("temperature", "hot"), req("rigidity", "rigid")],
        howTo:
          "Hold the jar upside down over the sink and pour a thin stream of the hot tea over the metal lid for half a minute; the lid expands, and with a dry cloth it twists off.",
      },
    ],
    similar: [
      { entity: "candle", part: "flame", difficulty: 2 },
      { entity: "frying-pan", part: "pan", difficulty: 2 },
    ],
  },
  {
    id: "kitchen-biscuit-cutter",
    use: "cut",
    version: 2,
    title: "Cutting out round biscuits",
    setting: "kitchen",
    task: "I've rolled out the biscuit dough but the round cutter has vanished. What here could I press into the dough to cut out neat circles?",
    constraints: ["There is no biscuit cutter", "The circles should all be the same size"],
    distractorSimilarity: "similar",
    entities: [
      { object: "tumbler", at: [420, 590], partViews: ["rim"] },
      { object: "kitchen-knife", at: [820, 590] },
      { object: "lemon", at: [1220, 600] },
      { object: "scissors", at: [620, 815] },
      { object: "key", at: [1020, 815] },
    ],
    items: [
      { name: "biscuit dough", role: "recipient", description: "A sheet of rolled-out biscuit dough on the counter." },
    ],
    gold: [
      {
        entity: "tumbler",
        part: "rim",
        affordance: "cut round biscuits from dough",
        requiredAttributes: [req("shape", "round"), req("thickness", "thin"), req("rigidity", "rigid")],
        howTo:
          "Empty and dry the glass, dip its rim in flour and press it straight down into the dough, giving a small twist before lifting; repeat across the sheet.",
      },
    ],
    similar: [
      { entity: "kitchen-knife", part: "edge", difficulty: 2 },
      { entity: "scissors", part: "blades", difficulty: 2 },
      { entity: "scissors", part: "blade-tip", difficulty: 2 },
      { entity: "key", part: "teeth", difficulty: 2 },
      { entity: "key", part: "tip", difficulty: 2 },
    ],
  },
  {
    id: "kitchen-door-wedge",
    use: "wedge",
    version: 2,
    title: "A door that keeps slamming",
    setting: "kitchen",
    task: "This door keeps swinging shut in the draught and banging against the frame. What could I push under it to hold it open?",
    constraints: ["Don't scratch the floor tiles", "It has to grip the floor, not slide away"],
    distractorSimilarity: "similar",
    entities: [
      { object: "broom", at: [250, 640] },
      { object: "teapot", at: [680, 590] },
      { object: "sponge", at: [1060, 600], partViews: ["side"] },
      { object: "key", at: [1420, 600] },
      { object: "coin", at: [560, 830] },
      { object: "banana", at: [940, 815] },
      { object: "lemon", at: [1320, 820] },
    ],
    items: [
      { name: "kitchen door", role: "recipient", description: "A light wooden door that swings shut in the draught." },
    ],
    gold: [
      {
        entity: "sponge",
        part: "side",
        affordance: "wedge a door open",
        requiredAttributes: [req("rigidity", "soft"), req("thickness", "thick")],
        howTo:
          "Squash the thick sponge into the gap under the open door; as it springs back it grips both the floor and the door and holds it still.",
      },
    ],
    similar: [
      { entity: "broom", part: "handle", difficulty: 3 },
      { entity: "teapot", part: "body", difficulty: 3 },
      { entity: "key", part: "tip", difficulty: 3 },
      { entity: "coin", part: "face", difficulty: 3 },
    ],
  },
];
