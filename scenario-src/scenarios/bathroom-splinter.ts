import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

/** Bathroom, `similar` tier: pointed, sharp and sticky parts compete; only a fine rigid point lifts a buried splinter. */
export const bathroomSplinter: AuthoredSpec = {
  id: "bathroom-splinter",
  use: "extract",
  version: 2,
  title: "Splinter in a fingertip",
  setting: "bathroom",
  task: "I've got a little wooden splinter stuck just under the skin of my fingertip and there are no tweezers in the house. What here can I use to get it out?",
  constraints: ["There are no tweezers", "Don't cut into the skin"],
  distractorSimilarity: "similar",
  entities: [
    { object: "lotion-bottle", at: [190, 590] },
    { object: "toothbrush", at: [460, 620] },
    { object: "soap", at: [1140, 625], view: false },
    { object: "razor", at: [1400, 610] },
    { object: "hair-pick", at: [300, 810] },
    { object: "safety-pin", at: [640, 810], partViews: ["pin"] },
    { object: "bandage", at: [980, 810], partViews: ["adhesive-tab"] },
  ],
  items: [
    {
      name: "splinter",
      role: "recipient",
      description: "A thin wooden splinter lodged just under the skin of a fingertip, its end barely showing.",
    },
    {
      name: "washbasin",
      role: "condition",
      description: "A basin with running water and soap for cleaning the finger first.",
    },
  ],
  gold: [
    {
      entity: "safety-pin",
      part: "pin",
      affordance: "tease out a splinter",
      requiredAttributes: [
        req("shape", "pointed"),
        req("thickness", "thin"),
        req("sharpness", "sharp"),
        req("material", "metal"),
      ],
      howTo:
        "Wash the finger, open the safety pin and clean its point; slide the point along the splinter just under the skin to lift its end clear, then pull it out with your fingernails.",
    },
  ],
  similar: [
    { entity: "bandage", part: "adhesive-tab", difficulty: 2 },
    { entity: "hair-pick", part: "teeth", difficulty: 4 },
    { entity: "razor", part: "blades", difficulty: 4 },
  ],
};
