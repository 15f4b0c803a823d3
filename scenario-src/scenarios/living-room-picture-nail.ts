import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

/** Living room, `mixed` tier: hard heavy faces can hammer; some distractors are rigid but fragile, others soft. */
export const livingRoomPictureNail: AuthoredSpec = {
  id: "living-room-picture-nail",
  use: "strike",
  version: 2,
  title: "Hanging a picture without a hammer",
  setting: "living_room",
  task: "I want to hang a framed picture and need to tap a small nail into the wall, but I can't find a hammer anywhere. What in this room can I use to drive the nail in?",
  constraints: ["There is no hammer", "Don't crack the plaster or break anything valuable"],
  distractorSimilarity: "mixed",
  entities: [
    { object: "books", at: [720, 590] },
    { object: "candle", at: [1010, 590], view: false },
    { object: "teddy-bear", at: [1300, 600] },
    { object: "hiking-boot", at: [420, 820], partViews: ["heel"] },
    { object: "rock", at: [760, 830] },
    { object: "mobile-phone", at: [1060, 830] },
  ],
  items: [
    {
      name: "picture nail",
      role: "recipient",
      description: "A small steel picture nail held at the pencil mark on the wall.",
    },
    { name: "framed picture", role: "condition", description: "The picture to hang, leaning against the wall." },
  ],
  gold: [
    {
      entity: "rock",
      part: "flat-face",
      affordance: "tap in a nail or tent peg",
      requiredAttributes: [
        req("shape", "flat"),
        req("rigidity", "rigid"),
        req("material", "stone"),
        req("weight", "heavy"),
      ],
      howTo:
        "Hold the nail at the mark, then tap its head squarely with the stone's flat face — lightly until it bites, then firmer — keeping your fingers clear.",
    },
    {
      entity: "hiking-boot",
      part: "heel",
      affordance: "tap in a small nail or tack",
      requiredAttributes: [req("thickness", "thick"), req("rigidity", "rigid"), req("material", "rubber")],
      howTo:
        "Grip the boot by its upper, hold the nail at the mark and strike the nail head with the flat of the heel in short, straight blows.",
    },
  ],
  similar: [
    { entity: "books", part: "spine", difficulty: 2 },
    { entity: "mobile-phone", part: "edge", difficulty: 5 },
  ],
};
