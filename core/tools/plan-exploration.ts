import { z } from "zod";
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
});
