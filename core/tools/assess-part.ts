import { z } from "zod";
import { attributeClaimsArg, entityIdArg, partIdArg, partOrError, textObservation } from "./shared";
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
  perform(scenario, _state, args) {
    const found = partOrError(scenario, args.entity_id, args.part_id);
    if ("error" in found) return found;
    return {
      observation: textObservation(
        `Assessment of ${found.entity.id}/${args.part_id} recorded (${args.suitable ? "suitable" : "not suitable"}).`,
      ),
    };
  },
  target: (a) => ({ entityId: a.entity_id, partId: a.part_id }),
  explores: null,
  claims: (a) => a.observed_attributes,
  withClaims: (a, claims) => ({ ...a, observed_attributes: claims }),
  judgment: (a) => ({ suitable: a.suitable, rationale: a.rationale }),
  withJudgment: (a, j) => ({ ...a, suitable: j.suitable, rationale: j.rationale }),
  play: { pick: "none", form: "assess", shortcut: "Assess the picked part (opens the form)" },
});
