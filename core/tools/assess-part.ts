import { z } from "zod";
import { attributeClaimsArg, entityIdArg, partIdArg } from "./shared";
import { defineTool } from "./types";

export const assessPart = defineTool({
  name: "assess_part",
  description:
    "Record your judgment of one part: whether it is suitable for the task, the attributes you observed, and why.",
  label: "Assess part",
  hotkey: "a",
  input: z
    .object({
      entity_id: entityIdArg,
      part_id: partIdArg,
      suitable: z.boolean().describe("true if this part's observed attributes satisfy the task."),
      observed_attributes: attributeClaimsArg,
      rationale: z.string().describe("One or two sentences grounded in what you saw."),
    })
    .strict(),
  describe: (a) => `assess ${a.entity_id}/${a.part_id}: ${a.suitable ? "suitable" : "not suitable"}`,
  endsEpisode: false,
});
