import { z } from "zod";
import { entityIdArg } from "./shared";
import { defineTool } from "./types";

export const inspectEntity = defineTool({
  name: "inspect_entity",
  description:
    "Look at one candidate entity up close. Returns its view image and the list of its parts (part_id, name).",
  label: "Inspect entity",
  hotkey: "e",
  input: z.object({ entity_id: entityIdArg }).strict(),
  describe: (a) => `inspect entity ${a.entity_id}`,
  endsEpisode: false,
});
