/** Bedroom scenarios. */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const BEDROOM_SPECS: readonly AuthoredSpec[] = [
  {
    id: "bedroom-bumped-head",
    use: "cool",
    version: 2,
    title: "A bump on the forehead",
    setting: "bedroom",
    task: "My little boy just bumped his forehead on the bed frame and a lump is coming up. The freezer is downstairs and he won't let go of me — what here could cool it right now?",
    constraints: ["Don't leave him alone", "Nothing freezing straight onto the skin"],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "teddy-bear", at: [380, 600] },
      { object: "alarm-clock", at: [780, 600] },
      { object: "books", at: [1180, 600] },
      { object: "tumbler", at: [580, 825], partViews: ["ice"] },
      { object: "scarf", at: [980, 820] },
      { object: "high-heel", at: [1380, 825] },
    ],
    items: [{ name: "bump", role: "recipient", description: "A fresh bump swelling on a child's forehead." }],
    gold: [
      {
        entity: "tumbler",
        part: "ice",
        affordance: "cool a bump",
        requiredAttributes: [req("temperature", "cold")],
        howTo:
          "Fish the ice cubes out of the glass, wrap them in a corner of the pillowcase or a sock and hold them gently on the bump for a few minutes.",
      },
    ],
    similar: [],
  },
  {
    id: "bedroom-skirt-hem",
    use: "clamp",
    version: 2,
    title: "A hem coming down",
    setting: "bedroom",
    task: "The hem of my skirt has come unstitched at the back and is hanging down, and I have to leave in five minutes. What here could hold it up for today?",
    constraints: ["No time to sew", "It mustn't show from the outside"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "lotion-bottle", at: [420, 600] },
      { object: "teddy-bear", at: [820, 600] },
      { object: "books", at: [1220, 600] },
      { object: "safety-pin", at: [620, 825] },
      { object: "pen", at: [1020, 825], partViews: ["clip"] },
    ],
    items: [
      { name: "skirt hem", role: "recipient", description: "A skirt hem hanging loose for about 20 cm at the back." },
    ],
    gold: [
      {
        entity: "safety-pin",
        part: "pin",
        affordance: "fasten fabric",
        requiredAttributes: [req("shape", "pointed"), req("sharpness", "sharp"), req("material", "metal")],
        howTo:
          "Fold the hem back up on the inside, push the pin through both layers close to the fold and fasten it in its clasp, so the pin stays hidden inside.",
      },
    ],
    similar: [{ entity: "pen", part: "clip", difficulty: 3 }],
  },
  {
    id: "bedroom-necklace-knot",
    use: "pierce",
    version: 2,
    title: "A knotted necklace",
    setting: "bedroom",
    task: "My fine chain necklace has a tight little knot in it that my fingernails just can't pick apart. What here could tease it loose?",
    constraints: ["Don't break the chain", "Don't pull the knot tighter"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "alarm-clock", at: [420, 600] },
      { object: "teddy-bear", at: [820, 600] },
      { object: "books", at: [1220, 600] },
      { object: "sewing-needle", at: [620, 825], partViews: ["point"] },
      { object: "yarn", at: [1020, 825] },
    ],
    items: [{ name: "necklace", role: "recipient", description: "A fine gold chain with a tight knot in the middle." }],
    gold: [
      {
        entity: "sewing-needle",
        part: "point",
        affordance: "tease a tight knot loose",
        requiredAttributes: [
          req("shape", "pointed"),
          req("thickness", "thin"),
          req("sharpness", "sharp"),
          req("material", "metal"),
        ],
        howTo:
          "Lay the chain flat, push the needle's point into the middle of the knot and wiggle it gently to open the loops, working them apart until the chain slides free.",
      },
    ],
    similar: [{ entity: "yarn", part: "needles", difficulty: 4 }],
  },
  {
    id: "bedroom-sticky-lock",
    use: "lubricate",
    version: 2,
    title: "A key that sticks",
    setting: "bedroom",
    task: "The key to my bedroom door has started sticking in the old lock and I'm afraid it'll snap off inside. What here could make it turn smoothly, without anything greasy?",
    constraints: ["Nothing oily or greasy in the lock; it gums up", "Don't force the key"],
    distractorSimilarity: "similar",
    entities: [
      { object: "candle", at: [420, 600] },
      { object: "lotion-bottle", at: [820, 600] },
      { object: "teddy-bear", at: [1220, 600] },
      { object: "pencil", at: [620, 825], partViews: ["point"] },
      { object: "books", at: [1020, 825] },
    ],
    items: [{ name: "door key", role: "recipient", description: "An old mortice key that sticks in its lock." }],
    gold: [
      {
        entity: "pencil",
        part: "point",
        affordance: "lubricate a lock with graphite",
        requiredAttributes: [req("shape", "pointed"), req("rigidity", "rigid")],
        howTo:
          "Scribble the pencil point all over both sides of the key's bit so it is coated in graphite, then slide the key in and out of the lock a few times.",
      },
    ],
    similar: [
      { entity: "candle", part: "wax", difficulty: 3 },
      { entity: "lotion-bottle", part: "bottle", difficulty: 3 },
    ],
  },
  {
    id: "bedroom-hinge-pin",
    use: "strike",
    version: 2,
    title: "A sagging wardrobe door",
    setting: "bedroom",
    task: "The pin in the wardrobe door's top hinge has worked its way up and the door is sagging. I need to tap it back down, but there's nothing to hit it with upstairs. What here could knock it in?",
    constraints: ["There is no hammer upstairs", "Don't crack anything fragile"],
    distractorSimilarity: "similar",
    entities: [
      { object: "teddy-bear", at: [420, 600] },
      { object: "books", at: [820, 600] },
      { object: "scarf", at: [1220, 600] },
      { object: "high-heel", at: [620, 825], partViews: ["heel"] },
      { object: "mobile-phone", at: [1020, 825] },
    ],
    items: [
      {
        name: "hinge pin",
        role: "recipient",
        description: "A hinge pin sticking up a centimetre out of the wardrobe hinge.",
      },
    ],
    gold: [
      {
        entity: "high-heel",
        part: "heel",
        affordance: "tap a pin down",
        requiredAttributes: [req("rigidity", "rigid"), req("durability", "sturdy"), req("thickness", "thin")],
        howTo:
          "Hold the shoe by its toe and tap the hinge pin's head down with the end of the stiletto heel in short, light blows.",
      },
    ],
    similar: [
      { entity: "books", part: "spine", difficulty: 3 },
      { entity: "mobile-phone", part: "edge", difficulty: 2 },
    ],
  },
  {
    id: "bedroom-press-flower",
    use: "weigh-down",
    version: 2,
    title: "Pressing a flower",
    setting: "bedroom",
    task: "I want to press a rose from my wedding bouquet so it dries flat and keeps its colour. What here would do it properly?",
    constraints: ["The petals must dry flat, not crushed into a lump", "It will take about two weeks"],
    distractorSimilarity: "similar",
    entities: [
      { object: "alarm-clock", at: [420, 600] },
      { object: "teddy-bear", at: [820, 600] },
      { object: "scarf", at: [1220, 600] },
      { object: "books", at: [620, 825], partViews: ["pages"] },
      { object: "mug", at: [1020, 825] },
    ],
    items: [{ name: "rose", role: "recipient", description: "A single rose from a wedding bouquet." }],
    gold: [
      {
        entity: "books",
        part: "pages",
        affordance: "press a flower flat",
        requiredAttributes: [req("shape", "flat"), req("material", "paper")],
        howTo:
          "Lay the rose between two sheets of paper, open a book near its middle, slip it between the pages and close it; stack the other books on top and leave it for two weeks.",
      },
    ],
    similar: [
      { entity: "alarm-clock", part: "case", difficulty: 3 },
      { entity: "mug", part: "body", difficulty: 3 },
    ],
  },
];
