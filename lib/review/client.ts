/**
 * The browser's adapter for the review API. Components call these instead of fetching; the identity
 * headers (annotator, token) are attached by lib/client/identity, and failures throw ApiError with the
 * server's sentence.
 */
import { apiGet, apiSend } from "@/lib/client/identity";
import type { ClaimReview, ClaimVerdict, FlagReason, PairVerdictRecord, ScenarioFlagRecord } from "@/lib/db/reviews";
import type { PairVerdictLabel } from "@/core/review/pairs";
import type { AgreementView, PairView, RescoreApplied } from "./types";

export type { ClaimReview, ClaimVerdict, FlagReason, ScenarioFlagRecord };

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const reviewApi = {
  claimReviews: (episodeId: string) =>
    apiGet<{ reviews: ClaimReview[] }>(`/api/reviews?${q({ episodeId })}`).then((r) => r.reviews),
  reviewClaim: (body: {
    episodeId: string;
    stepIndex: number;
    claimIndex: number;
    verdict: ClaimVerdict;
    note?: string;
  }) => apiSend<{ review: ClaimReview }>("/api/reviews", "POST", body).then((r) => r.review),

  addClaimToScenario: (body: { episodeId: string; stepIndex: number; claimIndex: number }) =>
    apiSend<{
      added: { scenarioId: string; version: number; attribute: { name: string; value: string; visual: boolean } };
    }>("/api/reviews/attribute", "POST", body).then((r) => r.added),

  nextPair: (skip: readonly string[] = []) =>
    apiGet<{ pair: PairView | null }>(`/api/pairs${skip.length ? `?${q({ skip: skip.join(",") })}` : ""}`).then(
      (r) => r.pair,
    ),
  judgePair: (key: string, verdict: PairVerdictLabel) =>
    apiSend<{ verdict: Pick<PairVerdictRecord, "id" | "verdict" | "createdAt"> }>("/api/pairs", "POST", {
      key,
      verdict,
    }).then((r) => r.verdict),
  agreement: () => apiGet<{ agreement: AgreementView }>("/api/pairs/agreement").then((r) => r.agreement),

  fileFlag: (body: { scenarioId: string; reason: FlagReason; note?: string; episodeId?: string }) =>
    apiSend<{ flag: ScenarioFlagRecord }>("/api/flags", "POST", body).then((r) => r.flag),
  setFlagStatus: (id: number, status: "open" | "resolved", resolution?: string) =>
    apiSend<{ flag: ScenarioFlagRecord }>(`/api/flags/${id}`, "PATCH", {
      status,
      ...(resolution ? { resolution } : {}),
    }).then((r) => r.flag),

  applyRescore: (runId: string) =>
    apiSend<RescoreApplied>(`/api/runs/${encodeURIComponent(runId)}/rescore`, "POST", {}),
};
