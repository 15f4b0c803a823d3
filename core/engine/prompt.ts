/**
 * The first user message of an episode (SPEC §3): the task, the constraints, the scene image and the
 * candidate entities. Versioned: the template version is part of the run configuration. With
 * `entityLabels: "marks"` the candidates are listed by their number mark (`[1] id`) and never by name.
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

/** True when the configuration hides entity names behind number marks. */
export function usesMarks(config: Pick<EngineConfig, "entityLabels">): boolean {
  return config.entityLabels === "marks";
}

/**
 * An entity's mark number: its 1-based position in `scenario.entities` (the same number the adapter draws
 * on the scene image). 0 when the scenario has no such entity.
 */
export function entityMark(scenario: Scenario, entityId: string): number {
  return scenario.entities.findIndex((e) => e.id === entityId) + 1;
}

/**
 * How an entity is named in texts the solver reads: its name (`steel hook`) or, with marks, its mark
 * (`entity [1]`).
 */
export function entityLabel(scenario: Scenario, entityId: string, config: Pick<EngineConfig, "entityLabels">): string {
  const entity = scenario.entities.find((e) => e.id === entityId);
  if (!usesMarks(config)) return entity?.name ?? entityId;
  return `entity [${entityMark(scenario, entityId)}]`;
}

/** The candidate list: `hook: steel hook; …` or, with marks, `[1] hook; [2] wrench; …`. */
export function candidateList(scenario: Scenario, config: Pick<EngineConfig, "entityLabels">): string {
  return usesMarks(config)
    ? scenario.entities.map((e, i) => `[${i + 1}] ${e.id}`).join("; ")
    : scenario.entities.map((e) => `${e.id}: ${e.name}`).join("; ");
}

/** The opening message: text plus the scene image (unless in text mode). */
export function initialMessage(
  scenario: Scenario,
  config: EngineConfig & { maxTurns: number },
): { text: string; images: ImageRef[] } {
  const marks = usesMarks(config);
  const lines = [
    `Task: ${scenario.task}`,
    ...(scenario.constraints.length ? ["Constraints:", ...scenario.constraints.map((c) => `- ${c}`)] : []),
    marks
      ? `Candidate entities ([mark] id; each mark is drawn on the scene image at the entity): ${candidateList(scenario, config)}.`
      : `Candidate entities (id: name): ${candidateList(scenario, config)}.`,
    `You have ${config.maxTurns} turns; the last one must be submit_answer.`,
  ];
  if (config.observation !== "image" && scenario.items?.length) {
    lines.splice(2, 0, `Also in the scene: ${scenario.items.map((i) => `${i.name} (${i.description})`).join("; ")}.`);
  }
  return { text: lines.join("\n"), images: config.observation === "text" ? [] : [{ kind: "scene" }] };
}
