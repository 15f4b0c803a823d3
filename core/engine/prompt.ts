/**
 * The first user message of an episode (SPEC §3): the task, the constraints, the scene image and the
 * candidate entities. Versioned: the template version is part of the run configuration.
 */
import type { Scenario } from "../scenario";
import type { EngineConfig, ImageRef } from "./types";

export const PROMPT_TEMPLATE_VERSION = "task-v1";

export const DEFAULT_SYSTEM_PROMPT = [
  "You are solving a physical problem in the scene shown to you, using only objects in the scene in creative ways.",
  "Explore step by step with the tools: plan which candidate entities to explore, inspect entities and zoom into their parts,",
  "assess each part you inspect (state only attributes you actually observed), and finally submit one entity–part pair",
  "with the affordance, the attributes it relies on and how to use it. Every turn must call at least one tool.",
].join(" ");

/** The opening message: text plus the scene image (unless in text mode). */
export function initialMessage(
  scenario: Scenario,
  config: EngineConfig & { maxTurns: number },
): { text: string; images: ImageRef[] } {
  const lines = [
    `Task: ${scenario.task}`,
    ...(scenario.constraints.length ? ["Constraints:", ...scenario.constraints.map((c) => `- ${c}`)] : []),
    `Candidate entities (id: name): ${scenario.entities.map((e) => `${e.id}: ${e.name}`).join("; ")}.`,
    `You have ${config.maxTurns} turns; the last one must be submit_answer.`,
  ];
  if (config.observation !== "image" && scenario.items?.length) {
    lines.splice(2, 0, `Also in the scene: ${scenario.items.map((i) => `${i.name} (${i.description})`).join("; ")}.`);
  }
  return { text: lines.join("\n"), images: config.observation === "text" ? [] : [{ kind: "scene" }] };
}
