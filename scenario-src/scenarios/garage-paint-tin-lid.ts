import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

/**
 * Garage, `similar` tier: several thin or hooked metal parts could pry; only thin rigid metal edges that are
 * flat or round do it well (a pointed tip dents the lid). Version 2 added the shape requirement, so the
 * key's pointed tip — annotated as similar — no longer met every gold requirement.
 */
export const garagePaintTinLid: AuthoredSpec = {
  id: "garage-paint-tin-lid",
  use: "pry",
  version: 3,
  title: "Stuck paint tin lid",
  setting: "garage",
  task: "The lid on my tin of paint is jammed shut and I can't find a flat screwdriver anywhere. What on this workbench can I use to lever it off without wrecking the lid?",
  constraints: [
    "There is no screwdriver in the garage",
    "The lid has to close again afterwards, so it must not be bent or punctured",
  ],
  distractorSimilarity: "similar",
  entities: [
    { object: "hammer", at: [560, 570] },
    { object: "wrench", at: [900, 560] },
    { object: "paintbrush", at: [1240, 580], view: false },
    { object: "coin", at: [470, 790] },
    { object: "key", at: [760, 790], partViews: ["tip"] },
    { object: "spoon", at: [1090, 800], partViews: ["handle-end"] },
  ],
  items: [
    {
      name: "tin of paint",
      role: "recipient",
      description: "A one-litre tin of blue paint whose press-fit lid is stuck fast in its rim groove.",
    },
  ],
  gold: [
    {
      entity: "spoon",
      part: "handle-end",
      affordance: "slip under a lid rim and lever it up",
      requiredAttributes: [
        req("shape", "flat"),
        req("thickness", "thin"),
        req("rigidity", "rigid"),
        req("material", "metal"),
      ],
      howTo:
        "Work the flat end of the spoon handle into the gap under the lid's lip, then press the handle down to lever it; move a few centimetres round the rim and repeat until the lid lifts.",
    },
    {
      entity: "coin",
      part: "rim",
      affordance: "wedge into a narrow slot or groove and twist to lever it open",
      requiredAttributes: [
        req("shape", "round"),
        req("thickness", "thin"),
        req("rigidity", "rigid"),
        req("material", "metal"),
      ],
      howTo:
        "Push the coin's edge into the gap under the lid's lip and twist it like a screwdriver; repeat all round the rim until the lid pops up.",
    },
  ],
  similar: [
    { entity: "key", part: "tip", difficulty: 2 },
    { entity: "wrench", part: "upper-jaw", difficulty: 4 },
    { entity: "paintbrush", part: "handle-end", difficulty: 4 },
  ],
};
