/**
 * URLs of scenario images as pages link them. Every image URL carries `?v=<content-hash prefix>` so the
 * browser may cache it forever and a changed scenario gets new URLs.
 */
import type { Scenario } from "@/core/scenario";

const VERSION_CHARS = 16;

const seg = (s: string) => encodeURIComponent(s);
const version = (contentHash: string) => `v=${contentHash.slice(0, VERSION_CHARS)}`;

export function scenarioFileUrl(id: string, file: string, contentHash: string): string {
  return `/api/scenarios/${seg(id)}/files/${file.split("/").map(seg).join("/")}?${version(contentHash)}`;
}

export function entityViewUrl(id: string, entityId: string, contentHash: string): string {
  return `/api/scenarios/${seg(id)}/views/${seg(entityId)}?${version(contentHash)}`;
}

export function partViewUrl(id: string, entityId: string, partId: string, contentHash: string): string {
  return `/api/scenarios/${seg(id)}/views/${seg(entityId)}/${seg(partId)}?${version(contentHash)}`;
}

/** Every image URL a scenario page needs: the scene, each entity view and each part view (`entity/part`). */
export interface ScenarioImageUrls {
  readonly scene: string;
  readonly entityViews: Readonly<Record<string, string>>;
  readonly partViews: Readonly<Record<string, string>>;
}

export function scenarioImageUrls(scenario: Scenario, contentHash: string): ScenarioImageUrls {
  const entityViews: Record<string, string> = {};
  const partViews: Record<string, string> = {};
  for (const entity of scenario.entities) {
    entityViews[entity.id] = entityViewUrl(scenario.id, entity.id, contentHash);
    for (const part of entity.parts)
      partViews[`${entity.id}/${part.id}`] = partViewUrl(scenario.id, entity.id, part.id, contentHash);
  }
  return { scene: scenarioFileUrl(scenario.id, scenario.scene.image, contentHash), entityViews, partViews };
}

/** The runs pages and API. Run and episode ids may hold ':' and '.', so every segment is encoded. */
export const RUNS_URL = "/runs";
export const NEW_RUN_URL = "/runs/new";

export function runUrl(runId: string): string {
  return `/runs/${seg(runId)}`;
}

export function episodeUrl(runId: string, episodeId: string): string {
  return `/runs/${seg(runId)}/episodes/${seg(episodeId)}`;
}

export function runApiUrl(runId: string): string {
  return `/api/runs/${seg(runId)}`;
}

export function episodeApiUrl(runId: string, episodeId: string): string {
  return `/api/runs/${seg(runId)}/episodes/${seg(episodeId)}`;
}

/** The leaderboard, optionally showing one comparable configuration (its hash, or a prefix of it). */
export const LEADERBOARD_URL = "/leaderboard";
export function leaderboardUrl(group?: string): string {
  return group ? `${LEADERBOARD_URL}?group=${seg(group)}` : LEADERBOARD_URL;
}

/** The compare page for run A against run B (either may be left out). */
export const COMPARE_URL = "/compare";
export function compareUrl(a?: string, b?: string): string {
  const q = new URLSearchParams();
  if (a) q.set("a", a);
  if (b) q.set("b", b);
  const s = q.toString();
  return s ? `${COMPARE_URL}?${s}` : COMPARE_URL;
}
