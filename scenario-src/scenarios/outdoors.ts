/** Outdoor (campsite) scenarios. */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const OUTDOORS_SPECS: readonly AuthoredSpec[] = [
  {
    id: "outdoors-fire-lens",
    use: "focus-light",
    version: 2,
    title: "Wet matches, sunny sky",
    setting: "outdoors",
    task: "Our matches got soaked in the downpour, but now the sun's out again. We've gathered dry grass and twigs — what here could get a fire going?",
    constraints: ["The matches and lighter are soaked", "Keep the fire inside the ring of stones"],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "backpack", at: [300, 640] },
      { object: "log", at: [660, 640] },
      { object: "bucket", at: [1000, 640] },
      { object: "magnifying-glass", at: [300, 845], partViews: ["lens"] },
      { object: "rope", at: [660, 845] },
      { object: "hiking-boot", at: [1020, 845] },
      { object: "skateboard", at: [1380, 845] },
    ],
    items: [
      { name: "tinder", role: "recipient", description: "A small heap of dry grass and twigs in a ring of stones." },
      { name: "sun", role: "condition", description: "Bright midday sunshine." },
    ],
    gold: [
      {
        entity: "magnifying-glass",
        part: "lens",
        affordance: "focus sunlight to light tinder",
        requiredAttributes: [req("shape", "round"), req("material", "glass")],
        howTo:
          "Hold the magnifying glass between the sun and a tuft of dry grass, moving it until the light shrinks to a tiny bright spot; hold it steady until the grass smoulders, then blow gently.",
      },
    ],
    similar: [],
  },
  {
    id: "outdoors-hot-handle",
    use: "insulate",
    version: 2,
    title: "A scorching pan handle",
    setting: "outdoors",
    task: "The pan on our camp stove is ready, but its metal handle is scorching and we forgot the pot grabber. What can I hold it with?",
    constraints: ["Don't burn your hand", "Keep anything that can catch fire away from the flame"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "backpack", at: [380, 640] },
      { object: "log", at: [780, 640] },
      { object: "rope", at: [1140, 640] },
      { object: "scarf", at: [580, 845], partViews: ["length"] },
      { object: "gloves", at: [980, 845] },
    ],
    items: [
      { name: "hot pan", role: "recipient", description: "A pan on a camp stove whose thin metal handle is very hot." },
    ],
    gold: [
      {
        entity: "scarf",
        part: "length",
        affordance: "hold a hot handle safely",
        requiredAttributes: [req("material", "fabric"), req("thickness", "thick")],
        howTo:
          "Fold the thick woollen scarf into a pad several layers deep, wrap it round the handle and lift the pan off, keeping the loose ends clear of the flame.",
      },
    ],
    similar: [{ entity: "gloves", part: "fingers", difficulty: 2 }],
  },
  {
    id: "outdoors-tent-peg",
    use: "strike",
    version: 2,
    title: "Pegs in baked ground",
    setting: "outdoors",
    task: "The ground at our pitch is baked hard and the tent pegs won't go in by hand. We forgot the mallet — what here could knock them in?",
    constraints: ["There is no mallet or hammer", "Don't bend the pegs"],
    distractorSimilarity: "similar",
    entities: [
      { object: "backpack", at: [380, 640] },
      { object: "kitchen-knife", at: [780, 640] },
      { object: "hiking-boot", at: [1140, 650] },
      { object: "frying-pan", at: [580, 845], partViews: ["pan"] },
      { object: "mobile-phone", at: [980, 845] },
    ],
    items: [{ name: "tent pegs", role: "recipient", description: "Thin steel tent pegs for hard ground." }],
    gold: [
      {
        entity: "frying-pan",
        part: "pan",
        affordance: "knock in a tent peg",
        requiredAttributes: [req("rigidity", "rigid"), req("weight", "heavy")],
        howTo:
          "Hold the peg upright and strike its head squarely with the flat underside of the heavy pan, lightly at first and then harder.",
      },
    ],
    similar: [
      { entity: "hiking-boot", part: "heel", difficulty: 2 },
      { entity: "mobile-phone", part: "edge", difficulty: 2 },
      { entity: "kitchen-knife", part: "handle", difficulty: 2 },
    ],
  },
  {
    id: "outdoors-signal",
    use: "reflect",
    version: 2,
    title: "Signalling across the valley",
    setting: "outdoors",
    task: "My friends are on the far ridge and can't hear me shouting, and there's no phone signal up here. It's bright and sunny — how could I catch their eye from this distance?",
    constraints: ["Shouting doesn't carry that far", "Never flash light into a driver's or pilot's eyes"],
    distractorSimilarity: "similar",
    entities: [
      { object: "backpack", at: [420, 640] },
      { object: "rope", at: [820, 640] },
      { object: "magnifying-glass", at: [1160, 640] },
      { object: "cd", at: [620, 845], partViews: ["face"] },
      { object: "mobile-phone", at: [1020, 845] },
    ],
    items: [{ name: "friends", role: "recipient", description: "Two walkers on a ridge about two kilometres away." }],
    gold: [
      {
        entity: "cd",
        part: "face",
        affordance: "flash sunlight as a signal",
        requiredAttributes: [req("local_features", "mirror-like"), req("surface", "smooth")],
        howTo:
          "Hold the disc up near your eye, sight your friends through its centre hole and tilt the shiny face until the patch of reflected sunlight falls on them; flash it on and off.",
      },
    ],
    similar: [
      { entity: "mobile-phone", part: "screen", difficulty: 2 },
      { entity: "magnifying-glass", part: "lens", difficulty: 2 },
    ],
  },
  {
    id: "outdoors-food-bag",
    use: "tie",
    version: 2,
    title: "Keeping food from raccoons",
    setting: "outdoors",
    task: "There are raccoons about, so I want to hang our food bag from a high branch, well off the ground, for the night. What here could I hang it with?",
    constraints: ["The bag must hang out of an animal's reach", "It has to hold several kilos overnight"],
    distractorSimilarity: "similar",
    entities: [
      { object: "backpack", at: [400, 640] },
      { object: "bucket", at: [800, 640] },
      { object: "hook", at: [1160, 640] },
      { object: "rope", at: [600, 845], partViews: ["rope"] },
      { object: "scarf", at: [1000, 845] },
    ],
    items: [{ name: "food bag", role: "recipient", description: "A stuff sack with three days of food in it." }],
    gold: [
      {
        entity: "rope",
        part: "rope",
        affordance: "hang a bag from a branch",
        requiredAttributes: [req("durability", "sturdy"), req("material", "fabric"), req("shape", "elongated")],
        howTo:
          "Tie the rope round the bag's neck, throw the free end over a high branch, haul the bag up well off the ground and tie the end off round the trunk.",
      },
    ],
    similar: [
      { entity: "rope", part: "end", difficulty: 2 },
      { entity: "scarf", part: "length", difficulty: 2 },
      { entity: "hook", part: "eye", difficulty: 4 },
    ],
  },
  {
    id: "outdoors-rain-cover",
    use: "cover",
    version: 2,
    title: "Rain on the sleeping bag",
    setting: "outdoors",
    task: "Rain is starting and my sleeping bag is airing on the grass too far from the tent to get it in dry. What could I put over it to keep the worst off for a few minutes?",
    constraints: ["The sleeping bag must stay dry", "There's no tarp"],
    distractorSimilarity: "similar",
    entities: [
      { object: "log", at: [400, 640] },
      { object: "rope", at: [800, 640] },
      { object: "jar", at: [1160, 640] },
      { object: "umbrella", at: [600, 845], partViews: ["canopy"] },
      { object: "scarf", at: [1000, 845] },
    ],
    items: [{ name: "sleeping bag", role: "recipient", description: "A down sleeping bag spread out on the grass." }],
    gold: [
      {
        entity: "umbrella",
        part: "canopy",
        affordance: "keep rain off something",
        requiredAttributes: [req("material", "fabric"), req("surface", "smooth")],
        howTo:
          "Open the umbrella and lay it over the sleeping bag, canopy up, tucking the handle under the bag so the wind doesn't lift it, then fetch the bag in when the shower eases.",
      },
    ],
    similar: [
      { entity: "scarf", part: "length", difficulty: 2 },
      { entity: "jar", part: "lid", difficulty: 3 },
      { entity: "jar", part: "body", difficulty: 2 },
    ],
  },
  {
    id: "outdoors-tin-can",
    use: "scrape",
    version: 2,
    title: "No tin opener",
    setting: "outdoors",
    task: "We brought a tin of beans camping but forgot the tin opener. What here could wear through the rim so we can lift the lid off?",
    constraints: ["There is no tin opener or knife", "Don't spill the beans"],
    distractorSimilarity: "similar",
    entities: [
      { object: "backpack", at: [400, 640], view: false },
      { object: "skateboard", at: [800, 640] },
      { object: "hiking-boot", at: [1160, 650] },
      { object: "rock", at: [600, 845], partViews: ["ridge"] },
      { object: "key", at: [1000, 845] },
    ],
    items: [{ name: "tin of beans", role: "recipient", description: "A sealed food tin with a crimped rim." }],
    gold: [
      {
        entity: "rock",
        part: "ridge",
        affordance: "wear through a tin's rim",
        requiredAttributes: [req("surface", "rough"), req("material", "stone")],
        howTo:
          "Turn the tin upside down and rub its top rim round and round on the rough ridge of the stone; once the seam wears thin, a squeeze of the sides pops the lid off.",
      },
    ],
    similar: [
      { entity: "skateboard", part: "deck", difficulty: 2 },
      { entity: "hiking-boot", part: "sole", difficulty: 3 },
      { entity: "key", part: "teeth", difficulty: 2 },
      { entity: "key", part: "blade", difficulty: 3 },
    ],
  },
];
