import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

/** Home office, `mixed` tier: a tiny slotted screw; some desk items have thin tips, others nothing relevant. */
export const officeGlassesScrew: AuthoredSpec = {
  id: "office-glasses-screw",
  use: "turn-screw",
  version: 2,
  title: "Loose screw on my glasses",
  setting: "home_office",
  task: "A tiny screw in the hinge of my glasses has worked loose and the arm keeps wobbling. I don't own a precision screwdriver — what on my desk could I tighten it with?",
  constraints: ["There is no precision screwdriver", "Don't scratch the lenses"],
  distractorSimilarity: "mixed",
  entities: [
    { object: "scissors", at: [560, 580], partViews: ["blade-tip"] },
    { object: "computer-mouse", at: [880, 580], view: false },
    { object: "pencil", at: [1180, 590] },
    { object: "coin", at: [360, 800] },
    { object: "paperclip", at: [640, 800], partViews: ["wire-end"] },
    { object: "credit-card", at: [960, 790] },
  ],
  items: [
    {
      name: "glasses",
      role: "recipient",
      description: "Reading glasses whose left hinge screw (a very small slotted screw) has worked loose.",
    },
    { name: "notepad", role: "noise", description: "A spiral notepad." },
  ],
  gold: [
    {
      entity: "scissors",
      part: "blade-tip",
      affordance: "slot into a tiny screw head and turn it",
      requiredAttributes: [
        req("shape", "pointed"),
        req("thickness", "thin"),
        req("rigidity", "rigid"),
        req("material", "metal"),
      ],
      howTo:
        "Close the scissors so the blades stay together, seat the very tip of one blade in the screw's slot and turn the scissors clockwise, gently, holding the glasses flat on the desk.",
    },
  ],
  similar: [
    { entity: "coin", part: "rim", difficulty: 3 },
    { entity: "paperclip", part: "wire-end", difficulty: 3 },
    { entity: "credit-card", part: "corner", difficulty: 4 },
  ],
};
