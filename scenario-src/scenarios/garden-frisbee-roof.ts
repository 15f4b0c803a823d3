import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

/**
 * Garden, `similar` tier: several things extend reach or hook; only the broom is long and stiff enough.
 * Version 2 lists the log as similar too: like the upturned bucket, it is something to stand on.
 */
export const gardenFrisbeeRoof: AuthoredSpec = {
  id: "garden-frisbee-roof",
  use: "reach",
  version: 3,
  title: "Frisbee on the shed roof",
  setting: "garden",
  task: "Our frisbee landed on the flat roof of the garden shed, just beyond my reach, and we don't have a ladder. What can I use to get it down without climbing up?",
  constraints: ["There is no ladder", "Nobody may climb onto the shed; its roof won't take a person's weight"],
  distractorSimilarity: "similar",
  entities: [
    { object: "broom", at: [190, 760] },
    { object: "umbrella", at: [510, 700], partViews: ["crook"] },
    { object: "fishing-rod", at: [820, 700] },
    { object: "bucket", at: [1090, 720] },
    { object: "log", at: [500, 900], view: false },
    { object: "potted-plant", at: [820, 900] },
  ],
  items: [
    {
      name: "frisbee",
      role: "recipient",
      description: "A light plastic frisbee lying near the front edge of the shed roof.",
    },
    {
      name: "garden shed",
      role: "condition",
      description: "A shed with a flat felt roof about 2.2 m high, just above fingertip reach.",
    },
  ],
  gold: [
    {
      entity: "broom",
      part: "handle",
      affordance: "reach something high or far away",
      requiredAttributes: [req("shape", "elongated"), req("rigidity", "rigid"), req("size", "large")],
      howTo:
        "Hold the broom by its brush end and reach up with the handle; nudge or sweep the frisbee towards the roof edge until it slides off, standing clear of where it will fall.",
    },
  ],
  similar: [
    { entity: "umbrella", part: "crook", difficulty: 2 },
    { entity: "fishing-rod", part: "rod", difficulty: 3 },
    { entity: "bucket", part: "body", difficulty: 4 },
    { entity: "log", part: "trunk", difficulty: 4 },
  ],
};
