/**
 * The browser's calls to the play API (the same endpoints a remote agent uses). Identity and token
 * headers come from lib/client/identity; failures throw ApiError with the server's sentence.
 */
import { apiGet, apiSend } from "@/lib/client/identity";
import type { CreateEpisodeBody, PlayEpisodeDocument, PlayStepResult } from "./types";

export const EPISODES_API = "/api/episodes";

export function episodeApi(id: string): string {
  return `${EPISODES_API}/${encodeURIComponent(id)}`;
}

export function createEpisode(body: CreateEpisodeBody): Promise<PlayEpisodeDocument> {
  return apiSend<PlayEpisodeDocument>(EPISODES_API, "POST", body);
}

export function fetchEpisode(id: string): Promise<PlayEpisodeDocument> {
  return apiGet<PlayEpisodeDocument>(episodeApi(id));
}

/** One tool call as the play page sends it: the args object a form built. */
export interface PlayCall {
  readonly tool: string;
  readonly args: Record<string, unknown>;
}

export function sendStep(id: string, call: PlayCall): Promise<PlayStepResult> {
  return apiSend<PlayStepResult>(`${episodeApi(id)}/steps`, "POST", call);
}
