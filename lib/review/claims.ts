/**
 * Claim re-judging (SPEC §5, §8): a reviewer marks one claim of an episode grounded or hallucinated.
 * Claims are addressed as (step index, index among that step's claims), the order the scorer lists them
 * in, and checked against the episode's trace re-scored with the scenario it ran against.
 */
import "server-only";
import { MmcbError } from "@/core/errors";
import type { Scenario } from "@/core/scenario";
import { scoreEpisode, type ClaimRecord } from "@/core/scoring";
import { getDb } from "@/lib/db/client";
import { addClaimReview, claimReviews, type ClaimReview, type ClaimVerdict } from "@/lib/db/reviews";
import { getEpisodeInfo, scenarioAtRevision } from "@/lib/db/run-queries";
import { episodeTrace } from "@/lib/db/runs";
import { getScenario } from "@/lib/scenarios/store";

/** The scenario an episode ran against (its recorded revision, else the current one), or null. */
export async function episodeScenario(episodeId: string): Promise<Scenario | null> {
  const db = getDb();
  const info = await getEpisodeInfo(db, episodeId);
  if (!info) return null;
  return (
    (await scenarioAtRevision(db, info.scenarioId, info.scenarioHash)) ??
    (await getScenario(info.scenarioId))?.scenario ??
    null
  );
}

/** An episode's claims in scorer order, each with its index among its step's claims. */
export async function episodeClaims(
  episodeId: string,
): Promise<{ claims: (ClaimRecord & { claimIndex: number })[]; scenario: Scenario } | null> {
  const db = getDb();
  const [trace, scenario] = await Promise.all([episodeTrace(db, episodeId), episodeScenario(episodeId)]);
  if (!trace || !scenario) return null;
  const perStep = new Map<number, number>();
  const claims = scoreEpisode(scenario, trace).claims.map((c) => {
    const claimIndex = perStep.get(c.stepIndex) ?? 0;
    perStep.set(c.stepIndex, claimIndex + 1);
    return { ...c, claimIndex };
  });
  return { claims, scenario };
}

/** Stores a reviewer's verdict on one claim; the claim must exist in the episode. */
export async function reviewClaim(input: {
  episodeId: string;
  stepIndex: number;
  claimIndex: number;
  verdict: ClaimVerdict;
  note: string | null;
  annotatorId: string;
}): Promise<ClaimReview> {
  const found = await episodeClaims(input.episodeId);
  if (!found) throw new MmcbError("episode:not_found", `No episode "${input.episodeId}"`);
  const claim = found.claims.find((c) => c.stepIndex === input.stepIndex && c.claimIndex === input.claimIndex);
  if (!claim) {
    throw new MmcbError(
      "input:invalid",
      `episode "${input.episodeId}" has no claim ${input.claimIndex} at step ${input.stepIndex + 1}`,
    );
  }
  return addClaimReview(getDb(), input);
}

export async function listClaimReviews(episodeId: string): Promise<ClaimReview[]> {
  return claimReviews(getDb(), episodeId);
}
