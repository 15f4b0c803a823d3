import type { LoadedScenario } from "./load";

/** The gallery/list view of a scenario. */
export interface ScenarioSummary {
  id: string;
  version: number;
  title: string;
  setting: string;
  distractorSimilarity: "dissimilar" | "mixed" | "similar";
  task: string;
  entityCount: number;
  partCount: number;
  sceneImage: string;
  width: number;
  height: number;
  contentHash: string;
  /** Made or edited in the app and not published yet: playable, editable, not in "All". */
  draft: boolean;
}

export function scenarioSummary(loaded: LoadedScenario): ScenarioSummary {
  const s = loaded.scenario;
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    setting: s.setting,
    distractorSimilarity: s.distractorSimilarity,
    task: s.task,
    entityCount: s.entities.length,
    partCount: s.entities.reduce((n, e) => n + e.parts.length, 0),
    sceneImage: s.scene.image,
    width: s.scene.width,
    height: s.scene.height,
    contentHash: loaded.contentHash,
    draft: loaded.draft === true,
  };
}
