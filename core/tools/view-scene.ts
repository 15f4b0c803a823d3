import { z } from "zod";
import { defineTool } from "./types";

export const viewScene = defineTool({
  name: "view_scene",
  description: "Look at the whole scene image again.",
  label: "View scene",
  hotkey: "v",
  input: z.object({}).strict(),
  describe: () => "view scene",
  endsEpisode: false,
});
