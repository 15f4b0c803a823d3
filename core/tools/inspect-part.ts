import { z } from "zod";
import { entityIdArg, partIdArg } from "./shared";
import { defineTool } from "./types";

export const inspectPart = defineTool({
  name: "inspect_part",
  description: "Zoom into one part of an entity. Returns the zoomed part view image.",
  label: "Inspect part",
  hotkey: "i",
  input: z.object({ entity_id: entityIdArg, part_id: partIdArg }).strict(),
  describe: (a) => `inspect part ${a.entity_id}/${a.part_id}`,
  endsEpisode: false,
});
