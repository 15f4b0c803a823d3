/** Dining-room scenarios. */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const DINING_ROOM_SPECS: readonly AuthoredSpec[] = [
  {
    id: "dining-room-glass-slivers",
    use: "stick",
    version: 2,
    title: "Slivers of broken glass",
    setting: "dining_room",
    task: "A wine glass broke on the tablecloth and there are tiny slivers left that I can't pick up with my fingers. What here could lift them off safely?",
    constraints: [
      "Don't touch the slivers with bare fingers",
      "Don't shake the cloth; the slivers would fly everywhere",
    ],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "teapot", at: [400, 590] },
      { object: "kitchen-roll", at: [800, 590] },
      { object: "wine-glass", at: [1200, 590] },
      { object: "bandage", at: [580, 820], partViews: ["adhesive-tab"] },
      { object: "salt-shaker", at: [980, 820] },
      { object: "tumbler", at: [1380, 820] },
    ],
    items: [
      { name: "glass slivers", role: "recipient", description: "Tiny, sharp slivers of glass on the tablecloth." },
    ],
    gold: [
      {
        entity: "bandage",
        part: "adhesive-tab",
        affordance: "pick up tiny slivers",
        requiredAttributes: [req("surface", "sticky")],
        howTo:
          "Peel the backing off the plaster, hold it by the pad and dab the sticky tab onto the slivers; they cling to it and can be folded inside and thrown away.",
      },
    ],
    similar: [],
  },
  {
    id: "dining-room-wine-stain",
    use: "absorb",
    version: 2,
    title: "Red wine on the tablecloth",
    setting: "dining_room",
    task: "Someone's knocked red wine onto the white tablecloth and the stain is spreading. The napkins are all in the wash — what here could draw the wine out before it sets?",
    constraints: ["The napkins are in the wash", "Don't rub the stain; it spreads"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "teapot", at: [400, 590] },
      { object: "candle", at: [800, 590], view: false },
      { object: "wine-glass", at: [1200, 590] },
      { object: "salt-shaker", at: [600, 820], partViews: ["salt"] },
      { object: "newspaper", at: [1000, 820] },
    ],
    items: [
      {
        name: "wine stain",
        role: "recipient",
        description: "A wet red wine stain spreading on a white cotton tablecloth.",
      },
    ],
    gold: [
      {
        entity: "salt-shaker",
        part: "salt",
        affordance: "draw up a fresh wine stain",
        requiredAttributes: [req("material", "food"), req("moisture", "dry")],
        howTo:
          "Unscrew the cap and pour a thick heap of salt over the wet stain straight away; leave it to soak up the wine, then brush it off and wash the cloth.",
      },
    ],
    similar: [{ entity: "newspaper", part: "roll", difficulty: 3 }],
  },
  {
    id: "dining-room-spider",
    use: "cover",
    version: 2,
    title: "A spider by the plate",
    setting: "dining_room",
    task: "A big spider has dropped onto the tablecloth right next to my plate. I'd like to catch it and put it outside without touching it. What could I trap it under?",
    constraints: ["Don't hurt the spider", "Keep your hands away from it"],
    distractorSimilarity: "similar",
    entities: [
      { object: "books", at: [380, 590] },
      { object: "teapot", at: [780, 590] },
      { object: "umbrella", at: [1180, 590] },
      { object: "wine-glass", at: [580, 820], partViews: ["bowl"] },
      { object: "salt-shaker", at: [980, 820] },
      { object: "candle", at: [1380, 820] },
    ],
    items: [
      { name: "spider", role: "recipient", description: "A large house spider sitting still on the tablecloth." },
    ],
    gold: [
      {
        entity: "wine-glass",
        part: "bowl",
        affordance: "trap an insect to carry it outside",
        requiredAttributes: [req("material", "glass"), req("shape", "round")],
        howTo:
          "Empty the glass, turn it upside down and lower it over the spider so the rim of the bowl traps it; slide a stiff card under, keep it pressed on and carry it outside.",
      },
    ],
    similar: [
      { entity: "teapot", part: "lid", difficulty: 2 },
      { entity: "books", part: "cover", difficulty: 3 },
      { entity: "umbrella", part: "canopy", difficulty: 3 },
    ],
  },
  {
    id: "dining-room-cake-thread",
    use: "cut",
    version: 2,
    title: "Slicing the birthday cake",
    setting: "dining_room",
    task: "The birthday cake is on the table but the cake slice has gone missing, and I don't want to squeeze past all the guests to the kitchen. What here could cut this soft layer cake into neat pieces?",
    constraints: ["There is no knife at the table", "The slices should come out neat, not squashed"],
    distractorSimilarity: "similar",
    entities: [
      { object: "candle", at: [420, 590] },
      { object: "wine-glass", at: [820, 590] },
      { object: "tumbler", at: [1220, 590] },
      { object: "sewing-needle", at: [620, 820], partViews: ["thread"] },
      { object: "key", at: [1020, 820] },
    ],
    items: [{ name: "birthday cake", role: "recipient", description: "A soft sponge layer cake with cream filling." }],
    gold: [
      {
        entity: "sewing-needle",
        part: "thread",
        affordance: "slice soft cake cleanly",
        requiredAttributes: [req("thickness", "thin"), req("rigidity", "flexible"), req("material", "fabric")],
        howTo:
          "Pull off a long length of thread, hold it taut between both hands, press it straight down through the cake and pull it out sideways at the bottom; repeat for each cut.",
      },
    ],
    similar: [
      { entity: "tumbler", part: "rim", difficulty: 3 },
      { entity: "key", part: "teeth", difficulty: 3 },
      { entity: "key", part: "tip", difficulty: 3 },
    ],
  },
  {
    id: "dining-room-salt-holes",
    use: "pierce",
    version: 2,
    title: "A clogged salt cellar",
    setting: "dining_room",
    task: "The holes in the top of the salt cellar have clogged solid with damp salt and nothing comes out when I shake it. What here could I clear them with?",
    constraints: ["Don't crack the glass", "Don't widen the holes"],
    distractorSimilarity: "similar",
    entities: [
      { object: "teapot", at: [420, 590] },
      { object: "wine-glass", at: [820, 590] },
      { object: "pencil", at: [1220, 590] },
      { object: "kitchen-knife", at: [620, 820], partViews: ["tip"] },
      { object: "chopsticks", at: [1000, 820] },
      { object: "pen", at: [1380, 820] },
    ],
    items: [
      { name: "salt cellar", role: "recipient", description: "A salt cellar whose little holes are caked shut." },
    ],
    gold: [
      {
        entity: "kitchen-knife",
        part: "tip",
        affordance: "poke clogged holes clear",
        requiredAttributes: [
          req("shape", "pointed"),
          req("thickness", "thin"),
          req("sharpness", "sharp"),
          req("material", "metal"),
        ],
        howTo:
          "Unscrew the cap, turn it over and push the very tip of the knife into each hole from the inside to break the caked salt free, then tap the cap out.",
      },
    ],
    similar: [
      { entity: "pencil", part: "point", difficulty: 2 },
      { entity: "chopsticks", part: "tips", difficulty: 3 },
      { entity: "pen", part: "tip", difficulty: 2 },
    ],
  },
  {
    id: "dining-room-candle-taper",
    use: "reach",
    version: 2,
    title: "A wick too deep to light",
    setting: "dining_room",
    task: "The candle in this tall glass holder has burnt down so far that a match can't reach the wick. There's one other candle lit on the table — what could carry its flame down to the wick?",
    constraints: ["Don't burn your fingers", "Don't tip the lit candle over"],
    distractorSimilarity: "similar",
    entities: [
      { object: "wine-glass", at: [420, 590] },
      { object: "candle", at: [820, 590] },
      { object: "spoon", at: [1200, 590] },
      { object: "chopsticks", at: [620, 820], partViews: ["shafts"] },
      { object: "newspaper", at: [1020, 820] },
    ],
    items: [
      {
        name: "candle in a tall holder",
        role: "recipient",
        description: "A candle burnt down deep inside a tall glass holder.",
      },
    ],
    gold: [
      {
        entity: "chopsticks",
        part: "shafts",
        affordance: "carry a flame to a deep wick",
        requiredAttributes: [req("material", "wood"), req("shape", "elongated"), req("thickness", "thin")],
        howTo:
          "Hold one chopstick by its end, light the other end from the lit candle, lower it into the holder to the wick like a taper, then blow it out.",
      },
    ],
    similar: [
      { entity: "spoon", part: "handle", difficulty: 2 },
      { entity: "newspaper", part: "roll", difficulty: 4 },
    ],
  },
];
