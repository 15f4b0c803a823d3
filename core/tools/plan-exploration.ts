import { z } from "zod";
import { findEntity } from "../scenario";
import { entityList, textObservation } from "./shared";
import { defineTool } from "./types";

export const planExploration = defineTool({
  name: "plan_exploration",
  description:
    "Set the order in which you intend to explore candidate entities (your exploration stack). Returns an acknowledgement.",
  label: "Plan",
  hotkey: "p",
  input: z
    .object({ entity_ids: z.array(z.string().min(1)).describe("Candidate entity ids, most promising first.") })
    .strict(),
  describe: (a) => `plan ${a.entity_ids.join(", ") || "(empty)"}`,
  endsEpisode: false,
  perform(scenario, _state, args) {
    const unknown = args.entity_ids.filter((id) => !findEntity(scenario, id));
    if (unknown.length > 0)
      return {
        error: `unknown entit${unknown.length > 1 ? "ies" : "y"} ${unknown.map((u) => `"${u}"`).join(", ")}; candidate entities: ${entityList(scenario)}`,
      };
    return { observation: textObservation(`Exploration plan noted: ${args.entity_ids.join(", ") || "(empty)"}.`) };
  },
  target: (a) => ({ plan: a.entity_ids }),
  explores: null,
  play: { pick: "none", form: "plan", shortcut: "Plan the exploration order (opens the form)" },
});
