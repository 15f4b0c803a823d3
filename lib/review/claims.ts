/**
 * Claim re-judging (SPEC §5, §8): a reviewer marks one claim of an episode grounded or hallucinated.
 * Claims are addressed as (step index, index among that step's claims), the order the scorer lists them
 * in, and checked against the episode's trace re-scored with the scenario it ran against.
 */
import "server-only";
import { MmcbError } from "@/core/errors";
import {
  formatAttributeValue,
  normalizeAttributeName,
  normalizeAttributeValue,
  type AttributeValue,
  type Scenario,
} from "@/core/scenario";
import { scoreEpisode, type ClaimRecord } from "@/core/scoring";
import { getDb } from "@/lib/db/client";
import { addClaimReview, claimReviews, type ClaimReview, type ClaimVerdict } from "@/lib/db/reviews";
import { getEpisodeInfo, scenarioAtRevision } from "@/lib/db/run-queries";
import { episodeTrace } from "@/lib/db/runs";
import { getScenario } from "@/lib/scenarios/store";
import { currentScenario, saveScenarioVersion } from "@/lib/scenarios/write";

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

/**
 * "Add this attribute to the scenario": an `unannotated` claim (the attribute is not annotated for that
 * part) becomes an annotation in a new version of the scenario, saved through the editor's
 * saveScenarioVersion (same validator, conflicts kept). The value is stored in its canonical form.
 */
export async function addClaimToScenario(input: {
  episodeId: string;
  stepIndex: number;
  claimIndex: number;
  annotator: { id: string; name: string };
}): Promise<{
  scenarioId: string;
  version: number;
  entityId: string;
  partId: string;
  attribute: { name: string; value: string; visual: boolean };
}> {
  const found = await episodeClaims(input.episodeId);
  if (!found) throw new MmcbError("episode:not_found", `No episode "${input.episodeId}"`);
  const claim = found.claims.find((c) => c.stepIndex === input.stepIndex && c.claimIndex === input.claimIndex);
  if (!claim) {
    throw new MmcbError(
      "input:invalid",
      `episode "${input.episodeId}" has no claim ${input.claimIndex} at step ${input.stepIndex + 1}`,
    );
  }
  if (claim.class !== "unannotated") {
    throw new MmcbError(
      "input:invalid",
      `only an unannotated claim can be added to the scenario; this one is ${claim.class}`,
    );
  }
  const name = normalizeAttributeName(claim.name);
  if (!name) throw new MmcbError("input:invalid", `"${claim.name}" is not an attribute of the vocabulary`);
  const value = normalizeAttributeValue(name, claim.value);
  if (!value) throw new MmcbError("input:invalid", `"${claim.value}" is not a known value of ${name}`);
  const scenarioId = found.scenario.id;
  const current = await currentScenario(scenarioId);
  if (!current) throw new MmcbError("scenario:not_found", `No scenario "${scenarioId}"`);
  const doc = structuredClone(current.scenario) as unknown as {
    version: number;
    entities: {
      id: string;
      parts: { id: string; attributes: { name: string; value: AttributeValue; visual: boolean }[] }[];
    }[];
  };
  const part = doc.entities.find((e) => e.id === claim.entityId)?.parts.find((p) => p.id === claim.partId);
  if (!part) {
    throw new MmcbError(
      "conflict",
      `${claim.entityId} · ${claim.partId} is no longer in ${scenarioId} v${current.scenario.version}`,
    );
  }
  const existing = part.attributes.find((a) => a.name === name);
  if (existing) {
    throw new MmcbError(
      "conflict",
      `${claim.entityId} · ${claim.partId} already has ${name} = ${formatAttributeValue(existing.value)} in v${current.scenario.version}`,
    );
  }
  const attribute = { name, value, visual: claim.visual };
  part.attributes.push(attribute);
  const result = await saveScenarioVersion({
    document: doc,
    baseVersion: current.scenario.version,
    annotator: input.annotator,
  });
  if (result.kind === "invalid") throw new MmcbError("scenario:invalid", result.lines.join("; "));
  if (result.kind === "conflict") throw new MmcbError("conflict", result.message);
  return { scenarioId, version: result.version, entityId: claim.entityId, partId: claim.partId, attribute };
}
