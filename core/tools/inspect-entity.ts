import { z } from "zod";
import { entityLabel } from "../engine/prompt";
import { entityIdArg, entityOrError } from "./shared";
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
  perform(scenario, _state, args, config) {
    const found = entityOrError(scenario, args.entity_id);
    if ("error" in found) return found;
    const { entity } = found;
    const withText = config.observation !== "image";
    const parts = entity.parts.map((p) => ({ id: p.id, name: p.name }));
    let text = `Entity "${entity.id}" (${entityLabel(scenario, entity.id, config)}). Parts: ${parts.map((p) => `${p.id} (${p.name})`).join(", ")}.`;
    if (withText && entity.description) text += `\nDescription: ${entity.description}`;
    if (withText) text += parts.length ? `\n${entity.parts.map((p) => `- ${p.id}: ${p.description}`).join("\n")}` : "";
    const images = config.observation !== "text" ? [{ kind: "entity" as const, entityId: entity.id }] : [];
    return { observation: { text, images, data: { entity: { id: entity.id, name: entity.name, parts } } } };
  },
  target: (a) => ({ entityId: a.entity_id }),
  explores: "entity",
  play: {
    pick: "entity",
    args: (pick) => ({ entity_id: pick.entityId! }),
    shortcut: "Inspect the picked entity (again)",
  },
});
