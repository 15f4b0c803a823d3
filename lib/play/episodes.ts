/**
 * Human play over HTTP (SPEC §3, §6 `human`, §8): episodes created in one collecting run per engine
 * configuration, tool calls played through the same engine reducer as every other solver (source
 * `human`), each turn's steps written in one transaction, and the episode scored with the same scorer
 * when it ends. A remote agent can drive the same endpoints.
 */
import "server-only";
import { applyTurn, DEFAULT_ENGINE_CONFIG, type EngineConfig, type EpisodeState } from "@/core/engine";
import { MmcbError } from "@/core/errors";
import type { RunConfig } from "@/core/run";
import type { Scenario } from "@/core/scenario";
import { scoreEpisode } from "@/core/scoring";
import type { Annotator } from "@/lib/db/annotators";
import { getDb } from "@/lib/db/client";
import { scenarioAtRevision } from "@/lib/db/run-queries";
import {
  appendSteps,
  createEpisode,
  ensureCollectingRun,
  episodeTrace,
  finishEpisode,
  getEpisodeOwner,
  getRun,
  setRunStatus,
  type EpisodeOwner,
} from "@/lib/db/runs";
import { indexScenarios } from "@/lib/db/scenarios";
import { buildRunConfig } from "@/lib/eval/run-config";
import { configHash } from "@/lib/run/hash";
import { getScenario } from "@/lib/scenarios/store";
import { budgetOf, presentObservation, presentStep, stateFromSteps, type PlayLinks } from "./state";
import type {
  CreateEpisodeBody,
  PlayBrief,
  PlayEpisodeDocument,
  PlayScore,
  PlayStepResult,
  PlayUrls,
  StepBody,
} from "./types";

/** How the app addresses images and pages; supplied by the route layer. */
export interface PlayAddressing {
  links(scenario: Scenario, contentHash: string): PlayLinks;
  urls(runId: string, episodeId: string, scenarioId: string): PlayUrls;
}

export const HUMAN_SOLVER = { kind: "human", name: "Human" } as const;

/** The run configuration of human play under an engine setting; its hash names the run. */
export function humanRunConfig(engine: EngineConfig): RunConfig {
  // One open run collects every scenario people play under this setting: the scenario list and seeds stay
  // empty (each episode stores its scenario version, content hash and image hashes itself).
  return buildRunConfig({
    solver: { ...HUMAN_SOLVER },
    maxTurns: engine.maxTurns,
    observation: engine.observation,
    seeds: [],
    scenarios: [],
  });
}

export function humanRunId(hash: string): string {
  return `human-${hash.slice(0, 12)}`;
}

function humanRunName(engine: EngineConfig): string {
  const extra = [
    engine.maxTurns !== DEFAULT_ENGINE_CONFIG.maxTurns ? `${engine.maxTurns} turns` : null,
    engine.observation !== DEFAULT_ENGINE_CONFIG.observation ? `${engine.observation} observations` : null,
  ].filter(Boolean);
  return extra.length ? `Human play (${extra.join(", ")})` : "Human play";
}

function engineOf(config: RunConfig): EngineConfig {
  return { maxTurns: config.engine.maxTurns, observation: config.engine.observation };
}

/** The scenario an episode plays (the revision it started on) and the current content hash for image URLs. */
async function episodeScenario(owner: EpisodeOwner): Promise<{ scenario: Scenario; contentHash: string }> {
  const loaded = await getScenario(owner.scenarioId);
  if (loaded && loaded.contentHash === owner.scenarioHash)
    return { scenario: loaded.scenario, contentHash: loaded.contentHash };
  const revision = await scenarioAtRevision(getDb(), owner.scenarioId, owner.scenarioHash);
  if (!revision) {
    throw new MmcbError(
      "conflict",
      `scenario "${owner.scenarioId}" changed since episode "${owner.id}" started and its earlier revision is not recorded; start a new episode`,
    );
  }
  return { scenario: revision, contentHash: loaded?.contentHash ?? owner.scenarioHash };
}

function briefOf(scenario: Scenario, engine: EngineConfig, links: PlayLinks): PlayBrief {
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    task: scenario.task,
    constraints: [...scenario.constraints],
    observationMode: engine.observation,
    scene: { url: links.scene(), width: scenario.scene.width, height: scenario.scene.height },
    entities: scenario.entities.map((e) => ({ id: e.id, name: e.name, region: e.region })),
  };
}

function scoreOf(scenario: Scenario, state: EpisodeState): PlayScore {
  const { metrics, claims } = scoreEpisode(scenario, { steps: state.steps });
  return { metrics, claims };
}

interface Loaded {
  readonly owner: EpisodeOwner;
  readonly config: RunConfig;
  readonly engine: EngineConfig;
  readonly scenario: Scenario;
  readonly contentHash: string;
  readonly state: EpisodeState;
}

async function loadEpisode(episodeId: string): Promise<Loaded> {
  const db = getDb();
  const owner = await getEpisodeOwner(db, episodeId);
  if (!owner) throw new MmcbError("episode:not_found", `No episode "${episodeId}"`);
  const [run, trace] = await Promise.all([getRun(db, owner.runId), episodeTrace(db, episodeId)]);
  if (!run || !trace) throw new MmcbError("episode:not_found", `No episode "${episodeId}"`);
  const engine = engineOf(run.config);
  const { scenario, contentHash } = await episodeScenario(owner);
  return { owner, config: run.config, engine, scenario, contentHash, state: stateFromSteps(trace.steps, engine) };
}

/** Writes the end and the score of an ended episode (also repairs one whose end was not recorded). */
async function finish(loaded: Loaded, state: EpisodeState): Promise<PlayScore> {
  const db = getDb();
  const score = scoreOf(loaded.scenario, state);
  await finishEpisode(db, loaded.owner.id, {
    endReason: state.endReason ?? "budget",
    scenarioVersion: loaded.scenario.version,
    metrics: score.metrics,
  });
  // the collecting run's finishedAt follows its newest finished episode
  await setRunStatus(db, loaded.owner.runId, "done");
  return score;
}

function documentOf(
  loaded: Loaded,
  state: EpisodeState,
  score: PlayScore | null,
  addr: PlayAddressing,
): PlayEpisodeDocument {
  const links = addr.links(loaded.scenario, loaded.contentHash);
  const { owner } = loaded;
  return {
    episode: {
      id: owner.id,
      runId: owner.runId,
      seed: owner.seed,
      annotator: owner.annotator?.name ?? null,
      status: state.endReason !== null ? "done" : owner.status,
    },
    brief: briefOf(loaded.scenario, loaded.engine, links),
    budget: budgetOf(state, loaded.engine),
    steps: state.steps.map((s, i) => presentStep(loaded.scenario, s, i, links)),
    score,
    urls: addr.urls(owner.runId, owner.id, owner.scenarioId),
  };
}

/** Starts a human episode on a scenario for `annotator`. */
export async function createPlayEpisode(
  body: CreateEpisodeBody,
  annotator: Annotator,
  addr: PlayAddressing,
): Promise<PlayEpisodeDocument> {
  const loaded = await getScenario(body.scenarioId);
  if (!loaded) throw new MmcbError("scenario:not_found", `No scenario "${body.scenarioId}"`);
  const db = getDb();
  await indexScenarios(db, [loaded]);
  const engine: EngineConfig = {
    maxTurns: body.maxTurns ?? DEFAULT_ENGINE_CONFIG.maxTurns,
    observation: body.observation ?? DEFAULT_ENGINE_CONFIG.observation,
  };
  const config = humanRunConfig(engine);
  const hash = configHash(config);
  const runId = humanRunId(hash);
  await ensureCollectingRun(db, { id: runId, name: humanRunName(engine), config, configHash: hash });
  const { id } = await createEpisode(db, {
    runId,
    scenarioId: loaded.scenario.id,
    scenarioVersion: loaded.scenario.version,
    scenarioHash: loaded.contentHash,
    imageHashes: { ...loaded.imageHashes },
    ...(body.seed !== undefined ? { seed: body.seed } : {}),
    agentKind: HUMAN_SOLVER.kind,
    agentName: annotator.name,
    annotatorId: annotator.id,
  });
  return getPlayEpisode(id, addr);
}

/** An episode's state: brief, budget, steps with their observations, and its score once it ended. */
export async function getPlayEpisode(episodeId: string, addr: PlayAddressing): Promise<PlayEpisodeDocument> {
  const loaded = await loadEpisode(episodeId);
  const { state, owner } = loaded;
  let score: PlayScore | null = null;
  if (state.endReason !== null)
    score = owner.status === "done" ? scoreOf(loaded.scenario, state) : await finish(loaded, state);
  return documentOf(loaded, state, score, addr);
}

export type StepOutcome = { ok: true; result: PlayStepResult } | { ok: false; forbidden: string };

const locks =
  (globalThis as unknown as { __mmcbPlayLocks?: Map<string, Promise<unknown>> }).__mmcbPlayLocks ?? new Map();
(globalThis as unknown as { __mmcbPlayLocks?: Map<string, Promise<unknown>> }).__mmcbPlayLocks = locks;

/** Runs `fn` after every earlier call for the same episode has settled (one turn at a time per episode). */
async function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  locks.set(key, tail);
  try {
    return await run;
  } finally {
    if (locks.get(key) === tail) locks.delete(key);
  }
}

/**
 * Plays one turn (one call or several) of a human episode. Only its annotator may play it; an ended
 * episode is a conflict. Bad calls become invalid steps with an error observation (never an HTTP error).
 */
export function stepPlayEpisode(
  episodeId: string,
  body: StepBody,
  annotator: Annotator,
  addr: PlayAddressing,
): Promise<StepOutcome> {
  return serialized(episodeId, async () => {
    const loaded = await loadEpisode(episodeId);
    const { owner, state, engine, scenario } = loaded;
    if (owner.agentKind !== HUMAN_SOLVER.kind) {
      throw new MmcbError(
        "conflict",
        `episode "${episodeId}" belongs to a ${owner.agentKind} run; only human-play episodes take steps here`,
      );
    }
    if (owner.annotator && owner.annotator.id !== annotator.id) {
      return {
        ok: false,
        forbidden: `episode "${episodeId}" is being played by "${owner.annotator.name}"; you are "${annotator.name}" — start your own episode`,
      };
    }
    if (state.endReason !== null || owner.status === "done" || owner.status === "failed") {
      if (state.endReason !== null && owner.status !== "done") await finish(loaded, state);
      throw new MmcbError(
        "conflict",
        `episode "${episodeId}" has ended (${state.endReason === "budget" ? "the turn budget is spent" : "an answer was submitted"}); start a new episode to play again`,
      );
    }
    const { state: next, observations } = applyTurn(
      scenario,
      state,
      {
        calls: body.calls.map((c) => ({
          tool: c.tool,
          args: c.args,
          ...(typeof c.args === "string" ? { raw: c.args } : {}),
        })),
      },
      engine,
    );
    const first = state.steps.length;
    const added = next.steps.slice(first);
    try {
      await appendSteps(getDb(), episodeId, first, added);
    } catch (error) {
      if (/unique constraint/i.test(String(error))) {
        throw new MmcbError(
          "conflict",
          `another step of episode "${episodeId}" was written at the same time; reload it`,
        );
      }
      throw error;
    }
    const score = next.endReason !== null ? await finish(loaded, next) : null;
    const links = addr.links(scenario, loaded.contentHash);
    return {
      ok: true,
      result: {
        steps: added.map((s, i) => presentStep(scenario, s, first + i, links)),
        observations: observations.map((o) => presentObservation(scenario, o, links)),
        budget: budgetOf(next, engine),
        score,
        urls: addr.urls(owner.runId, owner.id, owner.scenarioId),
      },
    };
  });
}
