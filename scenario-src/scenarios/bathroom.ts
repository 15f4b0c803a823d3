/** Bathroom scenarios (besides `bathroom-splinter.ts`). */
import { attr, req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const BATHROOM_SPECS: readonly AuthoredSpec[] = [
  {
    id: "bathroom-flush-chain",
    use: "hook",
    version: 2,
    title: "The toilet won't flush",
    setting: "bathroom",
    task: "The little chain inside the toilet cistern has come off the flush lever, and its end link has snapped so it won't hook back on. What could I use to link it back?",
    constraints: ["The link sits in water, so it must not go soggy", "Don't bend the flush lever"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "toothbrush", at: [400, 600] },
      { object: "soap", at: [800, 610] },
      { object: "sponge", at: [1200, 610] },
      { object: "safety-pin", at: [600, 820], partViews: ["pin"] },
      { object: "hair-pick", at: [1000, 820] },
    ],
    items: [
      {
        name: "flush chain",
        role: "recipient",
        description: "A short metal chain whose end link has snapped off the flush lever.",
      },
    ],
    gold: [
      {
        entity: "safety-pin",
        part: "pin",
        affordance: "link a chain back onto a lever",
        requiredAttributes: [req("material", "metal"), req("thickness", "thin"), req("rigidity", "rigid")],
        howTo:
          "Open the safety pin, pass its pin through the hole in the lever and through the last whole link of the chain, and close it into its clasp.",
      },
    ],
    similar: [{ entity: "hair-pick", part: "handle", difficulty: 3 }],
  },
  {
    id: "bathroom-stiff-zip",
    use: "lubricate",
    version: 2,
    title: "A jamming zip",
    setting: "bathroom",
    task: "The zip on my wash bag has gone stiff and keeps jamming halfway along. What here could get it running smoothly again?",
    constraints: ["Nothing greasy that will mark the clothes inside", "The zip mustn't be forced or it will split"],
    distractorSimilarity: "similar",
    entities: [
      { object: "lotion-bottle", at: [380, 600] },
      { object: "candle", at: [780, 600] },
      { object: "toothbrush", at: [1180, 610] },
      {
        object: "soap",
        at: [580, 820],
        view: false,
        partViews: ["bar"],
        // a bar just used at the basin: wet, lathered and slippery
        state: { bar: [attr("moisture", "wet")] },
      },
      { object: "pencil", at: [980, 820] },
    ],
    items: [{ name: "wash bag", role: "recipient", description: "A fabric wash bag whose metal zip keeps sticking." }],
    gold: [
      {
        entity: "soap",
        part: "bar",
        affordance: "ease a stiff zip",
        requiredAttributes: [req("surface", "slippery"), req("rigidity", "semi-rigid")],
        howTo:
          "Close the zip, rub the bar of soap firmly along both rows of teeth, then work the slider up and down a few times until it glides.",
      },
    ],
    similar: [
      { entity: "soap", part: "lather", difficulty: 2 },
      { entity: "candle", part: "wax", difficulty: 2 },
      { entity: "lotion-bottle", part: "bottle", difficulty: 2 },
      { entity: "pencil", part: "point", difficulty: 3 },
    ],
  },
  {
    id: "bathroom-door-lock",
    use: "turn-screw",
    version: 2,
    title: "Locked in",
    setting: "bathroom",
    task: "The lock on this door has jammed and I'm stuck inside. On my side there's a wide slot in the lock, like a big screw head, and no screwdriver. What could I turn it with?",
    constraints: ["There is no screwdriver", "Don't break the door or the lock"],
    distractorSimilarity: "similar",
    entities: [
      { object: "toothbrush", at: [420, 600] },
      { object: "soap", at: [800, 610] },
      { object: "credit-card", at: [1180, 600] },
      { object: "coin", at: [600, 830], partViews: ["rim"] },
      { object: "paperclip", at: [980, 830] },
    ],
    items: [
      { name: "door lock", role: "recipient", description: "A bathroom lock with a wide slotted turn on the inside." },
    ],
    gold: [
      {
        entity: "coin",
        part: "rim",
        affordance: "turn a wide slotted lock",
        requiredAttributes: [req("thickness", "thin"), req("rigidity", "rigid"), req("material", "metal")],
        howTo: "Fit the coin's edge into the wide slot of the lock, press in and turn it firmly; the bolt slides back.",
      },
    ],
    similar: [
      { entity: "credit-card", part: "corner", difficulty: 3 },
      { entity: "paperclip", part: "wire-end", difficulty: 2 },
    ],
  },
  {
    id: "bathroom-plughole",
    use: "cover",
    version: 2,
    title: "No bath plug",
    setting: "bathroom",
    task: "The plug for the bath has gone missing and I really want a long soak tonight. What here could seal the plughole so the water stays in?",
    constraints: ["There is no bath plug", "It has to hold the water for half an hour"],
    distractorSimilarity: "similar",
    entities: [
      { object: "plunger", at: [380, 610], partViews: ["cup"] },
      { object: "jar", at: [800, 600] },
      { object: "tumbler", at: [1200, 600] },
      { object: "sponge", at: [600, 830] },
      { object: "toothbrush", at: [1000, 830] },
    ],
    items: [{ name: "plughole", role: "recipient", description: "The round plughole at the bottom of the bath." }],
    gold: [
      {
        entity: "plunger",
        part: "cup",
        affordance: "seal a plughole",
        requiredAttributes: [req("material", "rubber"), req("rigidity", "flexible")],
        howTo:
          "Press the plunger's rubber cup flat over the plughole so it seals, and leave it there while the bath fills; the water's weight keeps it down.",
      },
    ],
    similar: [
      { entity: "jar", part: "lid", difficulty: 3 },
      { entity: "jar", part: "body", difficulty: 3 },
      { entity: "tumbler", part: "rim", difficulty: 3 },
    ],
  },
  {
    id: "bathroom-medical-tape",
    use: "cut",
    version: 1,
    title: "Cutting tape for a dressing",
    setting: "bathroom",
    task: "I need to cut a roll of medical tape into short strips to hold a dressing on my knee, and the scissors have disappeared. What here would cut it cleanly?",
    constraints: ["There are no scissors", "Keep your fingers clear of anything sharp"],
    distractorSimilarity: "similar",
    entities: [
      { object: "lotion-bottle", at: [400, 600] },
      { object: "tumbler", at: [800, 600] },
      { object: "soap", at: [1200, 610] },
      { object: "razor", at: [600, 830], partViews: ["blades"] },
      { object: "sewing-needle", at: [1000, 830] },
    ],
    items: [{ name: "medical tape", role: "recipient", description: "A roll of fabric medical tape." }],
    gold: [
      {
        entity: "razor",
        part: "blades",
        affordance: "cut tape",
        requiredAttributes: [req("sharpness", "sharp"), req("material", "metal")],
        howTo:
          "Lay the tape flat on the edge of the basin, hold it taut and draw the razor's blades across it in one light stroke, keeping your fingers behind the blade.",
      },
    ],
    similar: [
      { entity: "tumbler", part: "rim", difficulty: 3 },
      { entity: "sewing-needle", part: "thread", difficulty: 3 },
    ],
  },
];
