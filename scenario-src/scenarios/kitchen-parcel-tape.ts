import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

/**
 * Kitchen, `dissimilar` tier: only the key has a part that can cut. No entity has a view image, so part
 * regions are in scene pixels and the app crops every view from the scene (one part view is explicit).
 */
export const kitchenParcelTape: AuthoredSpec = {
  id: "kitchen-parcel-tape",
  use: "cut",
  version: 2,
  title: "Parcel sealed with packing tape",
  setting: "kitchen",
  task: "A parcel just arrived sealed with thick packing tape, and every knife and pair of scissors is in the dishwasher mid-cycle. What here can I use to cut through the tape?",
  constraints: ["Knives and scissors are all in the running dishwasher", "Don't damage what's inside the box"],
  distractorSimilarity: "dissimilar",
  entities: [
    { object: "teapot", at: [540, 580], view: false },
    { object: "kitchen-roll", at: [870, 585], view: false },
    { object: "lemon", at: [1190, 595], view: false },
    { object: "banana", at: [470, 805], view: false },
    { object: "key", at: [820, 805], view: false, partViews: ["teeth"] },
    { object: "sponge", at: [1170, 805], view: false },
  ],
  items: [
    {
      name: "parcel",
      role: "recipient",
      description: "A cardboard box whose flaps are sealed with a strip of thick brown packing tape.",
    },
    {
      name: "dishwasher",
      role: "condition",
      description: "Running; it holds every knife and pair of scissors in the house.",
    },
  ],
  gold: [
    {
      entity: "key",
      part: "teeth",
      affordance: "saw through packing tape or string",
      requiredAttributes: [req("shape", "serrated"), req("rigidity", "rigid"), req("material", "metal")],
      howTo:
        "Hold the key by its bow and drag the toothed edge firmly along the tape over the gap between the flaps, sawing back and forth until the tape splits; keep the key shallow so it doesn't reach the contents.",
    },
  ],
  similar: [{ entity: "key", part: "tip", difficulty: 1 }],
};
