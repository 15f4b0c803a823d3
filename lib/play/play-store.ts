/**
 * Client state of one play page: the episode document as the API returned it, which form or sheet is
 * open, and whether a call is in flight. Every action goes through the play API (lib/play/client), so
 * the page plays exactly the calls a remote agent would.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { ApiError } from "@/lib/client/identity";
import { createEpisode, fetchEpisode, sendStep, type PlayCall } from "./client";
import type { CreateEpisodeBody, PlayEpisodeDocument, PlayObservation, PlayStepResult } from "./types";

export type PlayPhase = "setup" | "loading" | "playing" | "ended";
export type PlayForm = "assess" | "submit" | "plan";

export interface PlayState {
  readonly scenarioId: string;
  readonly phase: PlayPhase;
  readonly doc: PlayEpisodeDocument | null;
  /** A call or a load is in flight (further actions wait). */
  readonly busy: boolean;
  /** The server's sentence for the last failed request. */
  readonly error: string | null;
  /** The last turn's observation when it was an error (an invalid call: it used the turn). */
  readonly lastObservation: { readonly text: string; readonly invalid: boolean } | null;
  readonly form: PlayForm | null;
  readonly sheet: boolean;

  start(body: Omit<CreateEpisodeBody, "scenarioId">): Promise<string | null>;
  resume(episodeId: string): Promise<void>;
  /** Plays one call; resolves to its observation, or null when the request failed. */
  call(call: PlayCall): Promise<PlayObservation | null>;
  openForm(form: PlayForm | null): void;
  toggleSheet(open?: boolean): void;
  dismissError(): void;
  /** Back to the setup screen (play again). */
  reset(): void;
}

export type PlayStore = StoreApi<PlayState>;

const message = (error: unknown) =>
  error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);

function merge(doc: PlayEpisodeDocument, result: PlayStepResult): PlayEpisodeDocument {
  return {
    ...doc,
    episode: { ...doc.episode, status: result.budget.ended ? "done" : doc.episode.status },
    budget: result.budget,
    steps: [...doc.steps, ...result.steps],
    score: result.score,
    urls: result.urls,
  };
}

export function createPlayStore(scenarioId: string): PlayStore {
  return createStore<PlayState>()((set, get) => ({
    scenarioId,
    phase: "setup",
    doc: null,
    busy: false,
    error: null,
    lastObservation: null,
    form: null,
    sheet: false,

    start: async (body) => {
      if (get().busy) return null;
      set({ busy: true, error: null, phase: "loading" });
      try {
        const doc = await createEpisode({ scenarioId, ...body });
        set({ doc, busy: false, phase: doc.budget.ended ? "ended" : "playing", lastObservation: null });
        return doc.episode.id;
      } catch (error) {
        set({ busy: false, error: message(error), phase: "setup" });
        return null;
      }
    },

    resume: async (episodeId) => {
      set({ busy: true, error: null, phase: "loading" });
      try {
        const doc = await fetchEpisode(episodeId);
        if (doc.brief.scenarioId !== scenarioId)
          throw new Error(`episode "${episodeId}" is not an episode of this scenario`);
        set({ doc, busy: false, phase: doc.budget.ended ? "ended" : "playing" });
      } catch (error) {
        set({ busy: false, error: message(error), phase: "setup" });
      }
    },

    call: async (call) => {
      const { doc, busy } = get();
      if (!doc || busy || doc.budget.ended) return null;
      set({ busy: true, error: null });
      try {
        const result = await sendStep(doc.episode.id, call);
        const last = result.observations.at(-1) ?? null;
        const invalid = result.steps.some((s) => !s.valid);
        const next = merge(doc, result);
        set({
          doc: next,
          busy: false,
          form: null,
          phase: next.budget.ended ? "ended" : "playing",
          lastObservation: last ? { text: last.text, invalid } : null,
        });
        return last;
      } catch (error) {
        const sentence = message(error);
        set({ busy: false, error: sentence });
        // the episode may have moved on elsewhere (another tab): reload its state, keep the sentence
        if (error instanceof ApiError && error.status === 409) {
          await get().resume(doc.episode.id);
          set({ error: sentence });
        }
        return null;
      }
    },

    openForm: (form) => set({ form, sheet: false }),
    toggleSheet: (open) => set((s) => ({ sheet: open ?? !s.sheet })),
    dismissError: () => set({ error: null }),
    reset: () => set({ phase: "setup", doc: null, error: null, lastObservation: null, form: null, sheet: false }),
  }));
}
