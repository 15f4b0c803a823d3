import { z } from "zod";
import { attributeClaimsArg, entityIdArg, partIdArg, textObservation } from "./shared";
import { defineTool } from "./types";

export const submitAnswer = defineTool({
  name: "submit_answer",
  description:
    "Give your final answer: one entity and one of its parts, the affordance you use, the attributes it relies on and how to use it. Ends the episode.",
  label: "Submit answer",
  hotkey: "s",
  input: z
    .object({
      entity_id: entityIdArg,
      part_id: partIdArg,
      affordance: z.string().min(1).describe('What the part lets you do here, e.g. "pry open a lid".'),
      attributes_used: attributeClaimsArg,
      how_to_use: z.string().min(1).describe("Concrete steps for using the part to solve the task."),
    })
    .strict(),
  describe: (a) => `answer ${a.entity_id}/${a.part_id}: ${a.affordance}`,
  endsEpisode: true,
  // A well-formed answer always stands, even when it names something that does not exist (scored as nonexistent).
  perform: () => ({ observation: textObservation("Answer recorded. The episode is over.") }),
  target: (a) => ({ entityId: a.entity_id, partId: a.part_id }),
  explores: null,
  claims: (a) => a.attributes_used,
  withClaims: (a, claims) => ({ ...a, attributes_used: claims }),
  answer: (a) => a,
  play: { pick: "none", form: "submit", shortcut: "Submit an answer (opens the form)" },
});
