"use client";
/**
 * The interactive part of a scenario page: one scene store for the canvas, the entity list, the entity
 * panel and the answers, all driven by the same hover/selection state.
 */
import { useMemo } from "react";
import type { Scenario } from "@/core/scenario/schema";
import { SceneStoreProvider } from "@/lib/store/scene-store-context";
import { CanvasToolbar } from "@/components/canvas/canvas-toolbar";
import type { CanvasEntity } from "@/components/canvas/canvas-entity";
import { SceneCanvas } from "@/components/canvas/scene-canvas";
import { useSceneShortcuts } from "@/components/canvas/use-scene-shortcuts";
import { answerRoles } from "./answer-roles";
import { AnswersPanel } from "./answers-panel";
import { EntityList } from "./entity-list";
import { EntityPanel } from "./entity-panel";

export interface ScenarioExplorerProps {
  readonly scenario: Scenario;
  readonly urls: {
    readonly scene: string;
    readonly entityViews: Readonly<Record<string, string>>;
    readonly partViews: Readonly<Record<string, string>>;
  };
}

export function ScenarioExplorer(props: ScenarioExplorerProps) {
  return (
    <SceneStoreProvider scene={{ width: props.scenario.scene.width, height: props.scenario.scene.height }}>
      <Explorer {...props} />
    </SceneStoreProvider>
  );
}

function Explorer({ scenario, urls }: ScenarioExplorerProps) {
  const roles = useMemo(() => answerRoles(scenario), [scenario]);
  const entityIds = useMemo(() => scenario.entities.map((e) => e.id), [scenario]);
  const canvasEntities = useMemo<CanvasEntity[]>(
    () =>
      scenario.entities.map((e, i) => ({
        id: e.id,
        name: e.name,
        number: i + 1,
        region: e.region,
        answer: roles.entities.get(e.id) ?? null,
      })),
    [scenario, roles],
  );
  useSceneShortcuts(entityIds);
  return (
    <div className="explorer">
      <div className="explorer__main">
        <section className="card canvas-card" aria-label="Scene">
          <CanvasToolbar />
          <SceneCanvas sceneUrl={urls.scene} entities={canvasEntities} />
        </section>
        <AnswersPanel scenario={scenario} />
      </div>
      <aside className="explorer__side">
        <EntityList entities={scenario.entities} roles={roles.entities} />
        <EntityPanel
          scenario={scenario}
          entityViewUrls={urls.entityViews}
          partViewUrls={urls.partViews}
          partRoles={roles.parts}
        />
      </aside>
    </div>
  );
}
