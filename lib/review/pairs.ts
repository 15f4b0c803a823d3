/**
 * Blind pairwise review (SPEC §7, §8): the next pair for a reviewer, built so nothing on screen names
 * the solvers (no run or episode ids; solver-identifying text masked) or gives the scorer's verdicts (no
 * claim classes, no annotated values), verdicts stored in PairVerdict — one per reviewer and pair, the
 * latest replacing an earlier one (which the human-pairs export and agreement read) — and reviewer agreement.
 */
import "server-only";
import { createHash } from "node:crypto";
import { MmcbError } from "@/core/errors";
import { maskIdentifying, maskValue } from "@/core/review/mask";
import {
  candidatePairs,
  pairAgreement,
  pairQueue,
  type PairVerdictLabel,
  type PairableEpisode,
} from "@/core/review/pairs";
import type { Scenario } from "@/core/scenario";
import { scoreEpisode, type ClaimRecord } from "@/core/scoring";
import { parseToolCall } from "@/core/tools";
import { replayFrames } from "@/core/trace";
import { getDb } from "@/lib/db/client";
import { addPairVerdict, listPairVerdicts, pairableEpisodes, type PairVerdictRecord } from "@/lib/db/reviews";
import { getRun, episodeTrace } from "@/lib/db/runs";
import { getEpisodeInfo, scenarioAtRevision } from "@/lib/db/run-queries";
import { getScenario } from "@/lib/scenarios/store";
import type { AgreementView, PairClaimView, PairSideView, PairStepView, PairView } from "./types";

/**
 * A pair's opaque key: `<scenario id>.<hash of the two episode ids in screen order>`. The scenario id
 * narrows the look-up; the hash does not reveal which runs are compared.
 */
export function pairKeyFor(scenarioId: string, left: string, right: string): string {
  const h = createHash("sha256").update(`mmcb-pair\u0000${left}\u0000${right}`).digest("hex").slice(0, 32);
  return `${scenarioId}.${h}`;
}

/** The episodes (in screen order) a key names, or null. */
export async function resolvePairKey(key: string): Promise<{ left: string; right: string } | null> {
  const m = /^([a-z0-9-]+)\.([0-9a-f]{32})$/.exec(key);
  if (!m) return null;
  const scenarioId = m[1]!;
  const episodes = await pairableEpisodes(getDb(), scenarioId);
  for (const [a, b] of candidatePairs(episodes)) {
    if (pairKeyFor(scenarioId, a.id, b.id) === key) return { left: a.id, right: b.id };
    if (pairKeyFor(scenarioId, b.id, a.id) === key) return { left: b.id, right: a.id };
  }
  return null;
}

/** A claim as the reviewer sees it: what was claimed, masked; the scorer's verdict stays on the server. */
const claimView = (c: ClaimRecord, names: readonly string[]): PairClaimView => ({
  name: c.name,
  value: maskIdentifying(c.value, names),
});

const entityName = (s: Scenario, id: string) => s.entities.find((e) => e.id === id)?.name;
const partName = (s: Scenario, e: string, p: string) =>
  s.entities.find((x) => x.id === e)?.parts.find((x) => x.id === p)?.name;

/** One side of a pair: its steps, answer and claims, with every solver-written string masked. */
async function sideView(episodeId: string, names: readonly string[]): Promise<PairSideView | null> {
  const db = getDb();
  const [trace, info] = await Promise.all([episodeTrace(db, episodeId), getEpisodeInfo(db, episodeId)]);
  if (!trace || !info) return null;
  const scenario =
    (await scenarioAtRevision(db, info.scenarioId, info.scenarioHash)) ??
    (await getScenario(info.scenarioId))?.scenario;
  if (!scenario) return null;
  const { metrics, claims } = scoreEpisode(scenario, trace);
  const frames = replayFrames(scenario, trace.steps);
  const byStep = new Map<number, ClaimRecord[]>();
  for (const c of claims) byStep.set(c.stepIndex, [...(byStep.get(c.stepIndex) ?? []), c]);
  const mask = (s: string) => maskIdentifying(s, names);

  let answer: PairSideView["answer"] = null;
  const steps: PairStepView[] = trace.steps.map((step, i) => {
    const frame = frames[i]!;
    const parsed = parseToolCall(step.call.tool, step.call.args);
    let target = frame.parsed ? "" : mask(frame.summary);
    if (frame.tool === "plan_exploration" && frame.parsed) {
      target = frame.plannedEntityIds.map((id) => entityName(scenario, id) ?? id).join(" → ") || "(empty plan)";
    } else if (frame.focusEntityId) {
      const e = entityName(scenario, frame.focusEntityId) ?? frame.focusEntityId;
      target = frame.focusPartId
        ? `${e} · ${partName(scenario, frame.focusEntityId, frame.focusPartId) ?? frame.focusPartId}`
        : e;
    } else if (parsed.ok && "entity_id" in parsed.call.args) {
      // a call that names something not in the scenario: show what it named (masked)
      const args = maskValue(parsed.call.args as Record<string, unknown>, names);
      target = [args.entity_id, args.part_id].filter((v) => typeof v === "string").join(" · ");
    }
    const judgment =
      parsed.ok && parsed.call.tool === "assess_part"
        ? { suitable: parsed.call.args.suitable, rationale: mask(parsed.call.args.rationale ?? "") }
        : null;
    if (parsed.ok && parsed.call.tool === "submit_answer" && !answer) {
      const a = parsed.call.args;
      const e = entityName(scenario, a.entity_id);
      const p = partName(scenario, a.entity_id, a.part_id);
      answer = {
        entity: e ?? mask(a.entity_id),
        part: p ?? mask(a.part_id),
        affordance: mask(a.affordance),
        howTo: mask(a.how_to_use),
        claims: (byStep.get(i) ?? []).map((c) => claimView(c, names)),
      };
    }
    return {
      turn: step.turn,
      tool: frame.tool,
      label: frame.label,
      target,
      valid: step.valid,
      said: step.assistantText ? mask(step.assistantText) : null,
      judgment,
      error: step.error ? mask(step.error) : null,
      claims: (byStep.get(i) ?? []).map((c) => claimView(c, names)),
    };
  });
  return { steps, turns: metrics.turns, endReason: trace.endReason, answer, claimCount: claims.length };
}

/** Everything that could name a solver on either side: run ids and names, solver names, models, agents. */
async function identifyingNames(episodes: readonly PairableEpisode[], ids: readonly string[]): Promise<string[]> {
  const db = getDb();
  const names = new Set<string>();
  for (const id of ids) {
    const e = episodes.find((x) => x.id === id);
    const info = await getEpisodeInfo(db, id);
    if (!e || !info) continue;
    names.add(id);
    names.add(e.runId);
    names.add(info.agentName);
    for (const piece of e.solver.split("/")) names.add(piece);
    names.add(e.solver);
    const run = await getRun(db, e.runId);
    if (run) {
      names.add(run.name);
      names.add(run.solverName);
      if (run.config.solver.model) names.add(run.config.solver.model);
      if (run.config.solver.endpointHost) names.add(run.config.solver.endpointHost);
    }
  }
  // baseline names ("oracle", "random", "lexical") are ordinary words in answers; keep them only as ids
  return [...names].filter((n) => !["oracle", "random", "lexical", "human", "baseline", "model"].includes(n));
}

/**
 * The next pair for a reviewer, or null when none is left. `skip` leaves out keys passed over this
 * session; `sceneUrl` makes the scene image's URL (the app's URL scheme is not this layer's business).
 */
export async function nextPair(
  annotatorId: string,
  sceneUrl: (scenario: Scenario, contentHash: string) => string,
  skip: readonly string[] = [],
): Promise<PairView | null> {
  const db = getDb();
  const [episodes, verdicts] = await Promise.all([pairableEpisodes(db), listPairVerdicts(db)]);
  const queue = pairQueue(episodes, verdicts, annotatorId).filter(
    (p) => !skip.includes(pairKeyFor(p.scenarioId, p.left, p.right)),
  );
  for (const choice of queue.slice(0, 10)) {
    const loaded = await getScenario(choice.scenarioId);
    const info = await getEpisodeInfo(db, choice.left);
    const scenario =
      (info && (await scenarioAtRevision(db, info.scenarioId, info.scenarioHash))) ?? loaded?.scenario ?? null;
    if (!scenario) continue;
    const names = await identifyingNames(episodes, [choice.left, choice.right]);
    const [left, right] = await Promise.all([sideView(choice.left, names), sideView(choice.right, names)]);
    if (!left || !right) continue;
    return {
      key: pairKeyFor(choice.scenarioId, choice.left, choice.right),
      scenario: {
        id: scenario.id,
        title: scenario.title,
        task: scenario.task,
        constraints: scenario.constraints,
        sceneUrl: loaded ? sceneUrl(loaded.scenario, loaded.contentHash) : null,
        width: scenario.scene.width,
        height: scenario.scene.height,
      },
      left,
      right,
      remaining: queue.length,
      judgedByOthers: choice.judgedByOthers,
    };
  }
  return null;
}

/** Stores a verdict on the pair a key names (in the order the reviewer saw it). */
export async function submitPairVerdict(
  key: string,
  verdict: PairVerdictLabel,
  annotatorId: string,
): Promise<PairVerdictRecord> {
  const pair = await resolvePairKey(key);
  if (!pair) throw new MmcbError("input:invalid", `pair "${key}" is unknown or its episodes are gone`);
  return addPairVerdict(getDb(), {
    leftEpisodeId: pair.left,
    rightEpisodeId: pair.right,
    verdict,
    annotatorId,
  });
}

/** Agreement between reviewers over all pair verdicts, reviewers named. */
export async function agreementView(): Promise<AgreementView> {
  const verdicts = await listPairVerdicts(getDb());
  const names = new Map(verdicts.map((v) => [v.annotatorId, v.annotatorName]));
  const a = pairAgreement(verdicts);
  return {
    raters: a.raters,
    verdicts: verdicts.length,
    sharedPairs: a.sharedPairs,
    alpha: a.alpha.alpha,
    alphaValues: a.alpha.values,
    kappas: a.kappas.map((k) => ({
      raterA: names.get(k.raterA) ?? k.raterA,
      raterB: names.get(k.raterB) ?? k.raterB,
      n: k.n,
      kappa: k.kappa,
      observed: k.observed,
    })),
  };
}
