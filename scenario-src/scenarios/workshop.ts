/** Workshop scenarios. */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const WORKSHOP_SPECS: readonly AuthoredSpec[] = [
  {
    id: "workshop-dropped-screws",
    use: "attract",
    version: 2,
    title: "Screws in the sawdust",
    setting: "workshop",
    task: "I've knocked a box of tiny steel screws into the sawdust under the bench, and picking them out one by one is hopeless. What here could gather them up quickly?",
    constraints: [
      "Don't sweep them into the dust bin with the sawdust",
      "Some have rolled into gaps between the floorboards",
    ],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "saw", at: [260, 600] },
      { object: "clamp", at: [620, 600] },
      { object: "paintbrush", at: [980, 600] },
      { object: "nut-and-bolt", at: [1340, 610] },
      { object: "magnet", at: [300, 830], partViews: ["poles"] },
      { object: "ruler", at: [660, 830] },
      { object: "hammer", at: [1020, 830] },
      { object: "screwdriver", at: [1380, 830] },
    ],
    items: [
      { name: "steel screws", role: "recipient", description: "About fifty tiny steel screws scattered in sawdust." },
    ],
    gold: [
      {
        entity: "magnet",
        part: "poles",
        affordance: "pick up small steel things",
        requiredAttributes: [req("material", "metal"), req("shape", "flat")],
        howTo:
          "Slip the magnet into a plastic bag, sweep its pole ends slowly through the sawdust to collect the screws, then turn the bag inside out over a tray to drop them.",
      },
    ],
    similar: [],
  },
  {
    id: "workshop-nail-holder",
    use: "clamp",
    version: 2,
    title: "Pins too small to hold",
    setting: "workshop",
    task: "I'm knocking tiny panel pins into a picture frame and keep hitting my fingers because the pins are too small to hold. What here could hold a pin upright for me?",
    constraints: ["Keep your fingers away from the blows", "Don't mark the frame"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "saw", at: [420, 600] },
      { object: "clamp", at: [820, 600] },
      { object: "ruler", at: [1220, 600] },
      { object: "paperclip", at: [620, 830], partViews: ["upper-bend"] },
      { object: "hammer", at: [1020, 830] },
    ],
    items: [{ name: "panel pins", role: "recipient", description: "Panel pins about 15 mm long." }],
    gold: [
      {
        entity: "paperclip",
        part: "upper-bend",
        affordance: "grip a small pin upright",
        requiredAttributes: [req("elasticity", "elastic"), req("material", "metal"), req("thickness", "thin")],
        howTo:
          "Push the pin through the loop at the bend of the paperclip so the clip grips it, hold the clip by its far end and tap the pin in; slide the clip off before the last blows.",
      },
      {
        entity: "paperclip",
        part: "lower-bend",
        affordance: "grip a small pin upright",
        requiredAttributes: [req("elasticity", "elastic"), req("material", "metal"), req("thickness", "thin")],
        howTo:
          "Push the pin through the small loop at the lower bend so the wire grips it, hold the clip by the other end and tap the pin in; slide the clip away before the last blows.",
      },
    ],
    similar: [{ entity: "clamp", part: "pad", difficulty: 3 }],
  },
  {
    id: "workshop-sand-edge",
    use: "scrape",
    version: 2,
    title: "A splintery shelf edge",
    setting: "workshop",
    task: "I've cut a new shelf and the edge is rough and splintery, and I'm out of sandpaper. What here could I rub the edge smooth with?",
    constraints: ["There is no sandpaper or file", "Don't gouge the wood"],
    distractorSimilarity: "similar",
    entities: [
      { object: "saw", at: [420, 600] },
      { object: "clamp", at: [820, 600] },
      { object: "nut-and-bolt", at: [1200, 610] },
      { object: "skateboard", at: [620, 830], partViews: ["deck"] },
      { object: "ruler", at: [1020, 830] },
    ],
    items: [
      { name: "shelf edge", role: "recipient", description: "The freshly sawn, splintery edge of a pine shelf." },
    ],
    gold: [
      {
        entity: "skateboard",
        part: "deck",
        affordance: "sand a rough edge smooth",
        requiredAttributes: [req("surface", "rough"), req("shape", "flat")],
        howTo:
          "Lay the skateboard grip-tape side down on the rough edge and rub it back and forth along the grain, like a sanding block, until the splinters are gone.",
      },
    ],
    similar: [
      { entity: "saw", part: "teeth", difficulty: 2 },
      { entity: "saw", part: "blade", difficulty: 2 },
      { entity: "nut-and-bolt", part: "thread", difficulty: 3 },
      { entity: "ruler", part: "edge", difficulty: 3 },
    ],
  },
  {
    id: "workshop-straight-line",
    use: "straight-edge",
    version: 2,
    title: "Marking a long cut",
    setting: "workshop",
    task: "I need to mark a long straight cut line across this plank, and my ruler and square are out on loan. What here could I draw the line against?",
    constraints: ["The ruler and square are out on loan", "The line must be dead straight for a clean cut"],
    distractorSimilarity: "similar",
    entities: [
      { object: "books", at: [420, 600] },
      { object: "clamp", at: [820, 600] },
      { object: "hammer", at: [1200, 610] },
      { object: "saw", at: [640, 830], partViews: ["blade"] },
      { object: "credit-card", at: [1040, 830] },
    ],
    items: [{ name: "plank", role: "recipient", description: "A 1.2 m pine plank to be cut across." }],
    gold: [
      {
        entity: "saw",
        part: "blade",
        affordance: "guide a long straight line",
        requiredAttributes: [req("shape", "flat"), req("size", "large")],
        howTo:
          "Lay the saw flat on the plank with the straight back of the blade on your two marks, hold it still and run the pencil along it.",
      },
    ],
    similar: [
      { entity: "credit-card", part: "edge", difficulty: 2 },
      { entity: "books", part: "cover", difficulty: 3 },
    ],
  },
  {
    id: "workshop-dowel",
    use: "strike",
    version: 2,
    title: "Tapping a dowel home",
    setting: "workshop",
    task: "A glued dowel needs tapping the last centimetre into its hole, and my mallet has vanished. What here could I drive it home with?",
    constraints: ["There is no mallet or hammer", "Don't split the wood"],
    distractorSimilarity: "similar",
    entities: [
      { object: "wrench", at: [420, 600] },
      { object: "paintbrush", at: [820, 600] },
      { object: "ruler", at: [1220, 600], view: false },
      { object: "nut-and-bolt", at: [620, 830], partViews: ["head"] },
      { object: "screwdriver", at: [1020, 830] },
    ],
    items: [{ name: "dowel", role: "recipient", description: "A glued beech dowel standing 1 cm proud of its hole." }],
    gold: [
      {
        entity: "nut-and-bolt",
        part: "head",
        affordance: "knock something in",
        requiredAttributes: [req("weight", "heavy"), req("rigidity", "rigid")],
        howTo:
          "Hold the big bolt by its threaded end and tap the dowel home with the flat of its heavy hexagonal head, with a scrap of wood on top to spread the blows.",
      },
    ],
    similar: [
      { entity: "wrench", part: "handle", difficulty: 2 },
      { entity: "paintbrush", part: "ferrule", difficulty: 2 },
      { entity: "screwdriver", part: "handle", difficulty: 2 },
    ],
  },
  {
    id: "workshop-clamp-pads",
    use: "cushion",
    version: 2,
    title: "Protecting a varnished top",
    setting: "workshop",
    task: "I'm clamping my freshly varnished tabletop to the bench, and the metal jaws will dent the finish. What here could go between the jaws and the wood to protect it?",
    constraints: ["The varnish mustn't be dented or scratched", "Nothing that will stick to the varnish"],
    distractorSimilarity: "similar",
    entities: [
      { object: "saw", at: [420, 600] },
      { object: "backpack", at: [820, 600] },
      { object: "hammer", at: [1200, 610] },
      { object: "sponge", at: [620, 830], partViews: ["side"] },
      { object: "kitchen-roll", at: [1020, 830] },
    ],
    items: [
      { name: "varnished tabletop", role: "recipient", description: "A tabletop with fresh, still-soft varnish." },
    ],
    gold: [
      {
        entity: "sponge",
        part: "side",
        affordance: "pad something against dents",
        requiredAttributes: [req("rigidity", "soft"), req("thickness", "thick")],
        howTo:
          "Cut the sponge in two and put a thick soft piece under each jaw of the clamp, so the pressure spreads without biting into the finish.",
      },
    ],
    similar: [
      { entity: "sponge", part: "top", difficulty: 2 },
      { entity: "kitchen-roll", part: "paper", difficulty: 2 },
      { entity: "backpack", part: "body", difficulty: 3 },
    ],
  },
];
