import "server-only";
import type { PlayAddressing } from "@/lib/play/episodes";
import { entityViewUrl, episodeUrl, partViewUrl, scenarioFileUrl } from "@/app/_lib/urls";

const seg = (s: string) => encodeURIComponent(s);

export function episodeApiPath(episodeId: string): string {
  return `/api/episodes/${seg(episodeId)}`;
}

/** The app's image routes and pages, as the play API links them. */
export const addressing: PlayAddressing = {
  links: (scenario, contentHash) => ({
    scene: () => scenarioFileUrl(scenario.id, scenario.scene.image, contentHash),
    entityView: (entityId) => entityViewUrl(scenario.id, entityId, contentHash),
    partView: (entityId, partId) => partViewUrl(scenario.id, entityId, partId, contentHash),
  }),
  urls: (runId, episodeId, scenarioId) => ({
    self: episodeApiPath(episodeId),
    steps: `${episodeApiPath(episodeId)}/steps`,
    replay: episodeUrl(runId, episodeId),
    playAgain: `/scenarios/${seg(scenarioId)}/play`,
  }),
};
