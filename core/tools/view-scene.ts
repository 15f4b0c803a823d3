import { z } from "zod";
import { entityLabel } from "../engine/prompt";
import { defineTool } from "./types";

export const viewScene = defineTool({
  name: "view_scene",
  description: "Look at the whole scene image again.",
  label: "View scene",
  hotkey: "v",
  input: z.object({}).strict(),
  describe: () => "view scene",
  endsEpisode: false,
  perform(scenario, _state, _args, config) {
    const text =
      config.observation !== "image"
        ? `The scene (${scenario.setting}). Candidate entities: ${scenario.entities.map((e) => `${e.id} (${entityLabel(scenario, e.id, config)})`).join(", ")}.`
        : "The scene.";
    return { observation: { text, images: config.observation !== "text" ? [{ kind: "scene" }] : [] } };
  },
  target: () => ({}),
  explores: null,
  play: { pick: "none", args: () => ({}), shortcut: "View the scene again" },
});
