/**
 * Needs: the task templates the seeded sampler (`sample.ts`) draws from. A need names an affordance family
 * (`uses.ts`) and the attributes a part must have to serve it: parts with the family *and* every required
 * attribute are gold; parts with the family but missing one are affordance-similar distractors; objects
 * with no part in the family are dissimilar distractors. Tasks are first person and never name an answer.
 */
import type { AttributeClaim, Item } from "@/core/scenario";
import { req } from "./attrs";
import type { Backdrop } from "./spec";
import type { Use } from "./uses";

export interface NeedDef {
  readonly id: string;
  readonly use: Use;
  /** The gold affordance, as a short verb phrase. */
  readonly affordance: string;
  /** What a part must have to do the job (all of them). */
  readonly requires: readonly AttributeClaim[];
  /** Objects that are the ordinary tool for the job, so never placed in the scene (the task says they are missing). */
  readonly absent: readonly string[];
  readonly settings: readonly Backdrop[];
  readonly title: string;
  /** First-person task phrasings; one is picked per sample. */
  readonly tasks: readonly string[];
  readonly constraints: readonly string[];
  readonly items: readonly Item[];
  /** How to do it; `{part}` and `{object}` are replaced with the gold part's and object's names. */
  readonly howTo: string;
}

export const NEEDS: readonly NeedDef[] = [
  {
    id: "pry-lid",
    use: "pry",
    affordance: "lever a stuck lid open",
    requires: [req("thickness", "thin"), req("rigidity", "rigid"), req("material", "metal")],
    absent: ["screwdriver"],
    settings: ["garage", "workshop", "kitchen"],
    title: "A lid that will not budge",
    tasks: [
      "The lid of this tin is pressed on so tight I can't get my nails under it, and there's no screwdriver about. What could I lever it up with?",
      "I need to get a tight press-on lid off a tin without bending it, and nothing here is meant for the job. What should I use?",
    ],
    constraints: ["There is no screwdriver", "The lid must close again afterwards"],
    items: [{ name: "tin", role: "recipient", description: "A tin with a tight press-fit lid." }],
    howTo:
      "Slide the {part} of the {object} under the lid's lip and press down gently to lever it; work round the rim until it lifts.",
  },
  {
    id: "small-screw",
    use: "turn-screw",
    affordance: "turn a small slotted screw",
    requires: [req("thickness", "thin"), req("rigidity", "rigid"), req("material", "metal")],
    absent: ["screwdriver"],
    settings: ["home_office", "bedroom", "living_room", "workshop"],
    title: "A loose little screw",
    tasks: [
      "A small slotted screw on the battery cover of my remote has come loose and I have no screwdriver. What could fit the slot and turn it?",
      "The screw holding a drawer knob is working loose. I can't find a screwdriver anywhere — what here would turn it?",
    ],
    constraints: ["There is no screwdriver", "Don't strip the screw slot"],
    items: [
      { name: "loose screw", role: "recipient", description: "A small slotted screw that needs a quarter turn." },
    ],
    howTo: "Seat the {part} of the {object} in the screw's slot, press in and turn clockwise until it is snug.",
  },
  {
    id: "cut-string",
    use: "cut",
    affordance: "cut through string or tape",
    requires: [req("sharpness", "sharp"), req("material", "metal")],
    absent: ["scissors", "kitchen-knife"],
    settings: ["kitchen", "garage", "outdoors", "workshop", "home_office"],
    title: "Something to cut with",
    tasks: [
      "This parcel is tied up with tough nylon string and I can't find scissors or a knife. What could I cut it with?",
      "I need to cut a length of packing tape cleanly, but the scissors have gone missing. What here has a proper cutting edge?",
    ],
    constraints: ["There are no scissors or knives", "Don't tear the contents"],
    items: [{ name: "string", role: "recipient", description: "Tough nylon string tied tightly round a parcel." }],
    howTo: "Hold the string taut and draw the {part} of the {object} across it, away from your hand, until it parts.",
  },
  {
    id: "splinter",
    use: "extract",
    affordance: "lift out a splinter",
    requires: [req("shape", "pointed"), req("thickness", "thin"), req("sharpness", "sharp"), req("material", "metal")],
    absent: [],
    settings: ["bathroom", "bedroom", "outdoors", "workshop"],
    title: "A splinter to get out",
    tasks: [
      "There's a tiny splinter under the skin of my palm and I don't own tweezers. What could I use to ease it out?",
      "I picked up a sliver of wood in my thumb. No tweezers anywhere — what here is fine enough to lift it out?",
    ],
    constraints: ["There are no tweezers", "Don't cut into the skin"],
    items: [{ name: "splinter", role: "recipient", description: "A thin wooden splinter just under the skin." }],
    howTo:
      "Clean the {part} of the {object}, slide it along the splinter just under the skin to lift the end clear, then pull it out.",
  },
  {
    id: "reach-high",
    use: "reach",
    affordance: "reach something high up",
    requires: [req("shape", "elongated"), req("rigidity", "rigid"), req("size", "large")],
    absent: [],
    settings: ["garden", "living_room", "garage", "bedroom"],
    title: "Out of reach",
    tasks: [
      "A light toy has got stuck up high, well above my head, and there's no step stool. What here could I knock it down with?",
      "The cord of the blind has flipped up out of reach, far above my head. What could I reach it with without climbing?",
    ],
    constraints: ["There is no ladder or step stool", "Don't stand on furniture"],
    items: [{ name: "stuck thing", role: "recipient", description: "A light thing lodged high above head height." }],
    howTo: "Hold the {object} by its far end and use the {part} to nudge the thing towards the edge until it drops.",
  },
  {
    id: "hook-retrieve",
    use: "hook",
    affordance: "hook something and pull it in",
    requires: [req("shape", "hooked"), req("rigidity", "rigid")],
    absent: [],
    settings: ["garden", "outdoors", "garage", "living_room"],
    title: "Fishing something back",
    tasks: [
      "The handle of my bag is caught on the far side of the fence, just past my fingertips. What could I catch it with and pull it back?",
      "A bucket's handle is floating just out of reach in the pond. What here could I snag it with?",
    ],
    constraints: ["Don't climb the fence or step into the water"],
    items: [{ name: "handle", role: "recipient", description: "A looped handle just out of reach." }],
    howTo: "Reach out with the {object}, catch the loop with its {part} and draw it slowly towards you.",
  },
  {
    id: "drive-peg",
    use: "strike",
    affordance: "knock in a peg or nail",
    requires: [req("rigidity", "rigid"), req("weight", "heavy")],
    absent: ["hammer"],
    settings: ["outdoors", "garden", "living_room", "workshop"],
    title: "Knocking something in",
    tasks: [
      "I need to knock a tent peg into hard ground and I didn't pack a mallet. What here would drive it in?",
      "A picture hook nail needs tapping into the wall and the hammer has vanished. What could I hit it with?",
    ],
    constraints: ["There is no hammer or mallet", "Don't break anything"],
    items: [{ name: "peg", role: "recipient", description: "A metal peg or nail that has to be driven in." }],
    howTo:
      "Hold the peg upright and strike its head squarely with the {part} of the {object}, lightly at first, then harder.",
  },
  {
    id: "soak-spill",
    use: "absorb",
    affordance: "soak up a spill",
    requires: [req("rigidity", "soft")],
    absent: [],
    settings: ["kitchen", "dining_room", "bathroom", "living_room"],
    title: "A spill to mop up",
    tasks: [
      "I've knocked a glass of water over and it's spreading towards the laptop charger. There's no cloth nearby — what could I soak it up with?",
      "Juice is dripping off the edge of the table and the tea towels are in the wash. What here would mop it up?",
    ],
    constraints: ["The tea towels are all in the wash"],
    items: [{ name: "spill", role: "recipient", description: "A spreading puddle of liquid." }],
    howTo: "Press the {part} of the {object} onto the puddle, let it soak up, then wring it out and repeat.",
  },
  {
    id: "frost-scrape",
    use: "scrape",
    affordance: "scrape frost off glass without scratching it",
    requires: [req("material", "plastic"), req("thickness", "thin")],
    absent: [],
    settings: ["garage", "outdoors"],
    title: "Frost on the glass",
    tasks: [
      "The car windscreen is iced over and I can't find the scraper. What here could scrape the frost off without scratching the glass?",
      "A thick layer of frost covers the outside of the window and I need to see out. What could scrape it off safely?",
    ],
    constraints: ["There is no ice scraper", "The glass must not be scratched"],
    items: [{ name: "windscreen", role: "recipient", description: "Glass covered in a crust of frost." }],
    howTo: "Hold the {object} at a low angle and push the {part} across the glass in short strokes to lift the frost.",
  },
  {
    id: "weigh-papers",
    use: "weigh-down",
    affordance: "hold papers down against the wind",
    requires: [req("weight", "heavy")],
    absent: [],
    settings: ["garden", "outdoors", "workshop", "garage"],
    title: "Papers blowing away",
    tasks: [
      "I'm working outside and the breeze keeps lifting my sheets of drawings off the table. What here is heavy enough to hold them down?",
      "The wind keeps flipping the corner of this plan I've spread out. What could I set on it to keep it flat?",
    ],
    constraints: ["Don't tear or dirty the papers"],
    items: [{ name: "papers", role: "recipient", description: "Loose sheets of paper lifting in the wind." }],
    howTo: "Set the {object} on the corner of the stack so its {part} rests on the paper.",
  },
  {
    id: "level-table",
    use: "wedge",
    affordance: "shim a wobbly table leg",
    requires: [req("shape", "flat"), req("thickness", "thin"), req("rigidity", "rigid")],
    absent: [],
    settings: ["dining_room", "kitchen", "living_room", "home_office"],
    title: "A wobbly table",
    tasks: [
      "The table rocks every time I lean on it — one leg is a few millimetres short. What here could I slip under it?",
      "My little desk wobbles on the uneven floor. What thin, hard thing could I wedge under the short leg?",
    ],
    constraints: ["It has to stay put and not squash flat"],
    items: [{ name: "table leg", role: "recipient", description: "A table leg a few millimetres short of the floor." }],
    howTo:
      "Slide the {object} under the short leg so its {part} takes the weight, and check the table no longer rocks.",
  },
  {
    id: "lash-load",
    use: "tie",
    affordance: "tie a load down",
    requires: [req("rigidity", "flexible"), req("shape", "elongated"), req("thickness", "medium")],
    absent: [],
    settings: ["garage", "outdoors", "garden", "workshop"],
    title: "Something to tie it with",
    tasks: [
      "I need to tie a bundle of long garden canes together so I can carry them. What here could I bind them with?",
      "The boot lid won't shut over the box I'm carrying, so I have to tie it down. What would hold it?",
    ],
    constraints: ["It must hold firmly and not snap"],
    items: [{ name: "load", role: "recipient", description: "A bundle that has to be tied tight." }],
    howTo: "Wrap the {part} of the {object} twice round the load, pull it tight and finish with a secure knot.",
  },
  {
    id: "pad-parcel",
    use: "cushion",
    affordance: "pad something fragile",
    requires: [req("rigidity", "soft"), req("material", "fabric")],
    absent: [],
    settings: ["bedroom", "living_room"],
    title: "Padding for a fragile parcel",
    tasks: [
      "I'm posting a glass ornament in a box that's too big, and I've got no bubble wrap. What could I pack round it so it doesn't break?",
      "I have to carry a small vase in my bag and I'm worried it will crack. What here could cushion it?",
    ],
    constraints: ["There is no bubble wrap or packing paper"],
    items: [{ name: "ornament", role: "recipient", description: "A fragile glass ornament to be packed." }],
    howTo: "Wrap the ornament in the {part} of the {object} and pack it snugly so it cannot move.",
  },
  {
    id: "signal-flash",
    use: "reflect",
    affordance: "flash sunlight as a signal",
    requires: [req("local_features", "mirror-like"), req("surface", "smooth")],
    absent: [],
    settings: ["outdoors", "garden"],
    title: "Signalling across the valley",
    tasks: [
      "My friends are on the far ridge and can't hear me shout. It's sunny — what could I use to flash a signal to them?",
      "We're separated on a hike and my phone has no signal. How could I catch their eye from a long way off with what's here?",
    ],
    constraints: ["Shouting doesn't carry that far"],
    items: [{ name: "friends", role: "recipient", description: "People on a ridge a long way off." }],
    howTo: "Hold the {object} near your eye, angle its {part} to catch the sun and sweep the bright spot towards them.",
  },
  {
    id: "trap-insect",
    use: "cover",
    affordance: "trap an insect to carry it outside",
    requires: [req("material", "glass")],
    absent: [],
    settings: ["kitchen", "dining_room", "living_room", "bedroom"],
    title: "A spider to put outside",
    tasks: [
      "A big spider is sitting on the wall and I'd like to put it outside without touching it. What could I trap it under?",
      "A bee has landed on the window and I want to catch it and let it out unharmed. What here would work?",
    ],
    constraints: ["Don't hurt the creature", "Keep your hands clear of it"],
    items: [{ name: "spider", role: "recipient", description: "A large spider sitting still on a flat surface." }],
    howTo: "Lower the {object} over the creature so its {part} traps it, slide a card underneath and carry it outside.",
  },
  {
    id: "roll-dough",
    use: "roll",
    affordance: "roll out dough",
    requires: [req("shape", "cylindrical"), req("material", "glass"), req("rigidity", "rigid")],
    absent: [],
    settings: ["kitchen", "dining_room"],
    title: "No rolling pin",
    tasks: [
      "I'm making biscuits and need to roll the dough out flat, but I don't have a rolling pin. What could I roll it with?",
      "The pastry needs rolling thin and there's no rolling pin in this kitchen. What smooth thing here would do?",
    ],
    constraints: ["There is no rolling pin", "The dough mustn't pick up dirt"],
    items: [{ name: "dough", role: "recipient", description: "A ball of biscuit dough on a floured board." }],
    howTo:
      "Flour the {part} of the {object}, lay it on its side and roll it back and forth over the dough, turning the dough as you go.",
  },
  {
    id: "crush-nuts",
    use: "crush",
    affordance: "crush something hard",
    requires: [req("weight", "heavy"), req("rigidity", "rigid")],
    absent: ["hammer"],
    settings: ["kitchen", "outdoors", "workshop"],
    title: "Crushing it",
    tasks: [
      "I need to crack a handful of walnuts and there's no nutcracker. What here is heavy enough to crush them?",
      "The recipe wants the biscuits crushed to crumbs in their bag and I have no rolling pin or mallet. What could I use?",
    ],
    constraints: ["There is no nutcracker, mallet or hammer"],
    items: [{ name: "walnuts", role: "recipient", description: "Hard-shelled walnuts in a cloth bag." }],
    howTo: "Put the nuts in a cloth on a firm surface and press or tap down on them with the {part} of the {object}.",
  },
  {
    id: "swat-wasp",
    use: "swat",
    affordance: "swat a flying insect",
    requires: [req("rigidity", "semi-rigid"), req("weight", "light")],
    absent: [],
    settings: ["garden", "living_room", "dining_room"],
    title: "A wasp at the table",
    tasks: [
      "A wasp keeps buzzing round our lunch and won't leave. What here could I shoo it off with, without breaking anything?",
      "A fly is bothering everyone at the table. What could I flick it away with?",
    ],
    constraints: ["Don't knock over the food and glasses"],
    items: [{ name: "wasp", role: "recipient", description: "A wasp circling the table." }],
    howTo: "Hold the {object} by one end and swing the {part} briskly at the insect to chase it away.",
  },
  {
    id: "hot-handle",
    use: "insulate",
    affordance: "hold a hot handle safely",
    requires: [req("material", "fabric"), req("thickness", "thick")],
    absent: [],
    settings: ["outdoors", "kitchen"],
    title: "A hot handle",
    tasks: [
      "The handle of the pan on the camp stove is scorching and I have no oven glove. What can I hold it with?",
      "I need to lift a hot kettle off the hob but the oven gloves are missing. What here would protect my hand?",
    ],
    constraints: ["There are no oven gloves", "Don't burn your hand"],
    items: [{ name: "hot pan", role: "recipient", description: "A pan whose metal handle is very hot." }],
    howTo: "Fold the {part} of the {object} into a thick pad, wrap it round the handle and lift.",
  },
  {
    id: "clip-bag",
    use: "clamp",
    affordance: "clip a bag shut",
    requires: [req("elasticity", "elastic"), req("material", "metal")],
    absent: [],
    settings: ["kitchen", "home_office", "outdoors"],
    title: "Keeping a bag closed",
    tasks: [
      "I've opened a bag of crisps and want to keep the rest fresh, but I have no bag clip. What could hold the top shut?",
      "The fold on this bag of coffee keeps springing open. What here could clip it closed?",
    ],
    constraints: ["There is no bag clip"],
    items: [{ name: "bag", role: "recipient", description: "An opened bag whose top has been folded over." }],
    howTo: "Fold the top of the bag over twice and slide the {part} of the {object} over the fold to pinch it shut.",
  },
];
