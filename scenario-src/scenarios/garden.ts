/** Garden scenarios (besides `garden-frisbee-roof.ts`). */
import { req } from "../attrs";
import type { AuthoredSpec } from "../uses";

export const GARDEN_SPECS: readonly AuthoredSpec[] = [
  {
    id: "garden-hanging-basket",
    use: "spray",
    version: 2,
    title: "A thirsty hanging basket",
    setting: "garden",
    task: "The hanging basket by the back door is wilting and hangs well above my head. I can't get the can up there without a ladder — what could I use to give it a drink from down here?",
    constraints: ["There is no ladder", "The basket can't come down; its bracket is rusted on"],
    distractorSimilarity: "dissimilar",
    entities: [
      { object: "bucket", at: [420, 620] },
      { object: "log", at: [800, 620] },
      { object: "potted-plant", at: [1180, 620] },
      { object: "broom", at: [160, 770] },
      { object: "water-pistol", at: [600, 835], partViews: ["nozzle"] },
      { object: "rock", at: [1000, 840] },
    ],
    items: [
      {
        name: "hanging basket",
        role: "recipient",
        description: "A wilting basket of petunias hanging about 2.5 m up.",
      },
      { name: "outside tap", role: "condition", description: "A garden tap by the back door." },
    ],
    gold: [
      {
        entity: "water-pistol",
        part: "nozzle",
        affordance: "squirt water up to something out of reach",
        requiredAttributes: [req("shape", "cylindrical"), req("material", "plastic")],
        howTo:
          "Fill the pistol's tank at the tap, stand under the basket and squirt the jet up into the soil, refilling until water drips out of the bottom.",
      },
    ],
    similar: [],
  },
  {
    id: "garden-tie-plant",
    use: "tie",
    version: 2,
    title: "A tomato plant flopping over",
    setting: "garden",
    task: "My tomato plant keeps flopping over in the wind and I want to fasten its stem to the cane without cutting into it. What here could I use?",
    constraints: ["Nothing that will cut into the soft stem", "There is no garden twine"],
    distractorSimilarity: "mixed",
    entities: [
      { object: "rope", at: [380, 610] },
      { object: "yarn", at: [760, 610], partViews: ["strand"] },
      { object: "log", at: [1130, 610] },
      { object: "bucket", at: [580, 830] },
      { object: "fishing-rod", at: [980, 830] },
    ],
    items: [
      {
        name: "tomato plant",
        role: "recipient",
        description: "A young tomato plant leaning away from its bamboo cane.",
      },
    ],
    gold: [
      {
        entity: "yarn",
        part: "strand",
        affordance: "tie a plant to a stake",
        requiredAttributes: [req("material", "fabric"), req("elasticity", "elastic")],
        howTo:
          "Break off a length of the wool, loop it round the cane and the stem in a loose figure of eight and knot it against the cane; the stretchy wool gives as the stem grows.",
      },
    ],
    similar: [
      { entity: "rope", part: "rope", difficulty: 2 },
      { entity: "rope", part: "end", difficulty: 2 },
    ],
  },
  {
    id: "garden-wasp-picnic",
    use: "swat",
    version: 2,
    title: "A wasp at the picnic",
    setting: "garden",
    task: "A wasp keeps circling our picnic on the lawn and landing on the jam. What here could I use to shoo it away without knocking the food everywhere?",
    constraints: ["Don't knock over the plates and glasses", "There is no insect spray"],
    distractorSimilarity: "similar",
    entities: [
      { object: "bucket", at: [440, 610] },
      { object: "potted-plant", at: [820, 610] },
      { object: "fishing-rod", at: [1200, 610] },
      { object: "broom", at: [170, 780] },
      { object: "newspaper", at: [620, 830], partViews: ["roll"] },
    ],
    items: [{ name: "wasp", role: "recipient", description: "A wasp circling the picnic blanket." }],
    gold: [
      {
        entity: "newspaper",
        part: "roll",
        affordance: "swat a flying insect away",
        requiredAttributes: [req("rigidity", "semi-rigid"), req("weight", "light")],
        howTo:
          "Hold the rolled newspaper by one end and wave or flick it briskly at the wasp to drive it off, away from the food.",
      },
    ],
    similar: [
      { entity: "broom", part: "handle", difficulty: 2 },
      { entity: "fishing-rod", part: "rod", difficulty: 3 },
    ],
  },
  {
    id: "garden-dandelion",
    use: "dig",
    version: 2,
    title: "Dandelions in the patio",
    setting: "garden",
    task: "Dandelions are coming up between the patio slabs and I want the long roots out, not just the leaves. There's no weeding fork — what could I dig them out with?",
    constraints: ["There is no weeding tool", "Don't ruin the kitchen cutlery"],
    distractorSimilarity: "similar",
    entities: [
      { object: "bucket", at: [400, 610] },
      { object: "potted-plant", at: [780, 610] },
      { object: "spoon", at: [1160, 610] },
      { object: "screwdriver", at: [580, 830], partViews: ["tip"] },
      { object: "kitchen-knife", at: [980, 830] },
    ],
    items: [
      {
        name: "dandelions",
        role: "recipient",
        description: "Dandelions with long tap roots in the cracks of a patio.",
      },
    ],
    gold: [
      {
        entity: "screwdriver",
        part: "tip",
        affordance: "dig a weed out by its root",
        requiredAttributes: [
          req("shape", "flat"),
          req("thickness", "thin"),
          req("rigidity", "rigid"),
          req("material", "metal"),
        ],
        howTo:
          "Push the flat tip straight down beside the root, wiggle it to loosen the soil, then lever the root up and pull it out whole.",
      },
    ],
    similar: [
      { entity: "spoon", part: "bowl", difficulty: 2 },
      { entity: "kitchen-knife", part: "tip", difficulty: 3 },
    ],
  },
  {
    id: "garden-fleece-weight",
    use: "weigh-down",
    version: 2,
    title: "Fleece lifting in the wind",
    setting: "garden",
    task: "I've laid a sheet of fleece over the seedlings against tonight's frost, but the wind keeps lifting one corner. What here could hold it down all night?",
    constraints: ["Don't crush the seedlings", "It has to stay put in a gusty wind"],
    distractorSimilarity: "similar",
    entities: [
      { object: "potted-plant", at: [420, 610] },
      { object: "fishing-rod", at: [800, 610] },
      { object: "mug", at: [1200, 610] },
      { object: "log", at: [600, 830], partViews: ["trunk"] },
      { object: "broom", at: [1000, 820] },
    ],
    items: [
      { name: "fleece", role: "recipient", description: "A sheet of horticultural fleece over a bed of seedlings." },
    ],
    gold: [
      {
        entity: "log",
        part: "trunk",
        affordance: "hold a sheet down against the wind",
        requiredAttributes: [req("weight", "heavy")],
        howTo:
          "Lay the log on the loose corner of the fleece, on the path side away from the seedlings, so its weight pins the fabric flat.",
      },
    ],
    similar: [
      { entity: "potted-plant", part: "pot", difficulty: 2 },
      { entity: "fishing-rod", part: "fish", difficulty: 2 },
      { entity: "mug", part: "body", difficulty: 2 },
    ],
  },
];
