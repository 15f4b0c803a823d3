import { z } from "zod";
import { entityLabel, usesMarks } from "../engine/prompt";
import { entityIdArg, partIdArg, partOrError } from "./shared";
import { defineTool } from "./types";

export const inspectPart = defineTool({
  name: "inspect_part",
  description: "Zoom into one part of an entity. Returns the zoomed part view image.",
  label: "Inspect part",
  hotkey: "i",
  input: z.object({ entity_id: entityIdArg, part_id: partIdArg }).strict(),
  describe: (a) => `inspect part ${a.entity_id}/${a.part_id}`,
  endsEpisode: false,
  perform(scenario, _state, args, config) {
    const found = partOrError(scenario, args.entity_id, args.part_id);
    if ("error" in found) return found;
    const { entity, part } = found;
    let text = `Part "${entity.id}/${part.id}" (${part.name} of ${usesMarks(config) ? "" : "the "}${entityLabel(scenario, entity.id, config)}).`;
    if (config.observation !== "image" && part.description) text += `\nDescription: ${part.description}`;
    const images =
      config.observation !== "text" ? [{ kind: "part" as const, entityId: entity.id, partId: part.id }] : [];
    return { observation: { text, images } };
  },
  target: (a) => ({ entityId: a.entity_id, partId: a.part_id }),
  explores: "part",
  play: {
    pick: "part",
    args: (pick) => ({ entity_id: pick.entityId!, part_id: pick.partId! }),
    shortcut: "Zoom into the picked part (again)",
  },
});
