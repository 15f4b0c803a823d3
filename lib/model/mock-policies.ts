/**
 * Scripted solvers behind the mock OpenAI-compatible server (`mock-server.ts`). They are stateless: each
 * request's chat transcript is read back into what happened so far (which tools were called, which
 * succeeded, which turn this is), and the policy picks the next turn from that and the scenario.
 *
 * - `mock-oracle` walks the gold path and claims only annotated attributes (must score gold_correct 1 and
 *   hallucination_rate 0 through the real solver, engine and scorer).
 * - `mock-random` makes random valid inspections, then answers a random part; every choice is seeded by
 *   the request content, so the same request always gets the same reply.
 * - `mock-hallucinator` assesses a part it never opened with values that contradict the annotation,
 *   glances at its entity, then answers that (similar or wrong) part with the same false claims.
 */
import type { Rng } from "@/core/random";
import {
  annotationMatches,
  attributeDefinition,
  firstAttributeValue,
  type AttributeValue,
  type Part,
  type Scenario,
} from "@/core/scenario";

export const MOCK_MODELS = ["mock-oracle", "mock-random", "mock-hallucinator"] as const;
export type MockModel = (typeof MOCK_MODELS)[number];

export function isMockModel(name: string): name is MockModel {
  return (MOCK_MODELS as readonly string[]).includes(name);
}

/** One tool call a policy makes; `arguments` is serialised to a JSON string in the reply. */
export interface PolicyCall {
  readonly name: string;
  readonly arguments: Record<string, unknown>;
}

export interface PolicyReply {
  readonly content: string | null;
  readonly calls: readonly PolicyCall[];
}

/** A tool call found in the transcript, and whether the engine accepted it. */
export interface PastCall {
  readonly name: string;
  /** Parsed arguments, or null when they were not a JSON object. */
  readonly args: Record<string, unknown> | null;
  /** The tool message answering it exists and is not an error. */
  readonly ok: boolean;
}

/** What a transcript says about the episode so far. */
export interface Transcript {
  /** Text of the first user message (task, constraints, entity list). */
  readonly openingText: string;
  /** The turn about to be played, from 1 (assistant messages so far + 1). */
  readonly turn: number;
  /** From "You have N turns" in the opening message; 15 when absent. */
  readonly maxTurns: number;
  readonly calls: readonly PastCall[];
}

export interface PolicyContext {
  readonly scenario: Scenario;
  readonly transcript: Transcript;
  /** tool_choice forces submit_answer (the final turn). */
  readonly forceSubmit: boolean;
  /** Seeded by the whole request: choices for this turn. */
  readonly rng: Rng;
  /** Seeded by the opening message: choices that must hold over the whole episode. */
  readonly episodeRng: Rng;
}

export type MockPolicy = (ctx: PolicyContext) => PolicyReply;

/** The minimum of an OpenAI chat message the transcript reader needs. */
export interface ChatMessageLike {
  readonly role: string;
  readonly content?: unknown;
  readonly tool_calls?: readonly {
    readonly id: string;
    readonly function: { readonly name: string; readonly arguments: string };
  }[];
  readonly tool_call_id?: string;
}

/** The text of a message's content: a string, or its text parts joined. */
export function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) =>
      part && typeof part === "object" && (part as { type?: unknown }).type === "text"
        ? String((part as { text?: unknown }).text ?? "")
        : "",
    )
    .filter((t) => t.length > 0)
    .join("\n");
}

const DEFAULT_MAX_TURNS = 15;

/** Reads the transcript of a chat-completions request (system, user opening, then turns). */
export function readTranscript(messages: readonly ChatMessageLike[]): Transcript {
  const opening = messages.find((m) => m.role === "user");
  const openingText = opening ? messageText(opening.content) : "";
  const budget = /You have (\d+) turns?/.exec(openingText);
  const results = new Map<string, string>();
  for (const m of messages)
    if (m.role === "tool" && m.tool_call_id) results.set(m.tool_call_id, messageText(m.content));
  const calls: PastCall[] = [];
  let assistantTurns = 0;
  for (const m of messages) {
    if (m.role !== "assistant") continue;
    assistantTurns++;
    for (const call of m.tool_calls ?? []) {
      const result = results.get(call.id);
      calls.push({
        name: call.function.name,
        args: parseObject(call.function.arguments),
        ok: result !== undefined && !/^(Error|Not run)\b/.test(result.trim()),
      });
    }
  }
  return {
    openingText,
    turn: assistantTurns + 1,
    maxTurns: budget ? Math.max(1, Number(budget[1])) : DEFAULT_MAX_TURNS,
    calls,
  };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The scenario whose task opens the transcript (the longest matching task wins), or null. */
export function identifyScenario(openingText: string, scenarios: readonly Scenario[]): Scenario | null {
  const firstLine = openingText.trimStart();
  let best: Scenario | null = null;
  for (const s of scenarios) {
    if (firstLine.startsWith(`Task: ${s.task}`) && (!best || s.task.length > best.task.length)) best = s;
  }
  return best;
}

/** Whether a valid call of `name` matching `args` is in the transcript. */
function done(t: Transcript, name: string, args: Record<string, unknown>): boolean {
  return t.calls.some(
    (c) => c.ok && c.name === name && c.args !== null && Object.entries(args).every(([k, v]) => c.args![k] === v),
  );
}

const claimsOf = (part: Part | undefined) =>
  (part?.attributes ?? []).map((a) => ({ name: a.name, value: firstAttributeValue(a.value) }));

function findPart(scenario: Scenario, entityId: string, partId: string): Part | undefined {
  return scenario.entities.find((e) => e.id === entityId)?.parts.find((p) => p.id === partId);
}

function submit(
  entityId: string,
  partId: string,
  affordance: string,
  attributes: readonly { name: string; value: string }[],
  howTo: string,
): PolicyCall {
  return {
    name: "submit_answer",
    arguments: {
      entity_id: entityId,
      part_id: partId,
      affordance,
      attributes_used: attributes.map((a) => ({ ...a })),
      how_to_use: howTo,
    },
  };
}

/**
 * Plays the remaining groups of calls: one group per turn while the budget allows, all of them at once
 * when fewer exploration turns are left than groups.
 */
function nextGroup(t: Transcript, groups: readonly PolicyCall[][]): PolicyCall[] {
  const pending = groups.filter((g) => g.length > 0);
  const explorationTurnsLeft = t.maxTurns - t.turn;
  return pending.length > explorationTurnsLeft ? pending.flat() : (pending[0] ?? []);
}

export const oraclePolicy: MockPolicy = ({ scenario, transcript: t, forceSubmit }) => {
  const gold = scenario.gold[0]!;
  const part = findPart(scenario, gold.entity, gold.part);
  const ids = { entity_id: gold.entity, part_id: gold.part };
  const seen = () => done(t, "inspect_entity", { entity_id: gold.entity }) || done(t, "inspect_part", ids);
  const answer = () => ({
    content: `The ${part?.name ?? gold.part} of the ${gold.entity} will do.`,
    calls: [submit(gold.entity, gold.part, gold.affordance, seen() ? gold.requiredAttributes : [], gold.howTo)],
  });
  if (forceSubmit || t.turn >= t.maxTurns) return answer();
  const explore: PolicyCall[] = [];
  if (!done(t, "plan_exploration", {}))
    explore.push({ name: "plan_exploration", arguments: { entity_ids: [gold.entity] } });
  if (!done(t, "inspect_entity", { entity_id: gold.entity }))
    explore.push({ name: "inspect_entity", arguments: { entity_id: gold.entity } });
  const zoom: PolicyCall[] = [];
  if (!done(t, "inspect_part", ids)) zoom.push({ name: "inspect_part", arguments: ids });
  if (!done(t, "assess_part", ids)) {
    const rationale = `The ${part?.name ?? gold.part} has what the task needs.`;
    zoom.push({
      name: "assess_part",
      arguments: { ...ids, suitable: true, observed_attributes: claimsOf(part), rationale },
    });
  }
  const calls = nextGroup(t, [explore, zoom]);
  if (calls.length === 0) return answer();
  return { content: `Looking at the ${gold.entity}.`, calls };
};

export const randomPolicy: MockPolicy = ({ scenario, transcript: t, forceSubmit, rng, episodeRng }) => {
  // episode-level choices first, always in the same order, so they hold over the whole episode
  const exploreTurns = 1 + episodeRng.int(Math.max(1, t.maxTurns - 2));
  const target = episodeRng.pick(scenario.entities);
  if (!forceSubmit && t.turn < t.maxTurns && t.turn <= exploreTurns) {
    const inspected = new Set(
      t.calls.filter((c) => c.ok && c.name === "inspect_entity").map((c) => String(c.args?.entity_id)),
    );
    const known = scenario.entities
      .filter((e) => inspected.has(e.id))
      .flatMap((e) => e.parts.map((p) => ({ entity: e.id, part: p.id })));
    if (known.length > 0 && rng.next() < 0.4) {
      const choice = rng.pick(known);
      return {
        content: null,
        calls: [{ name: "inspect_part", arguments: { entity_id: choice.entity, part_id: choice.part } }],
      };
    }
    return {
      content: null,
      calls: [{ name: "inspect_entity", arguments: { entity_id: rng.pick(scenario.entities).id } }],
    };
  }
  const part = rng.pick(target.parts);
  return {
    content: null,
    calls: [submit(target.id, part.id, "use it", [], `Use the ${part.name} of the ${target.name}.`)],
  };
};

/** A value of a closed-vocabulary attribute equivalent to none of the `annotated` values, or null. */
export function contradictingValue(name: string, annotated: AttributeValue): string | null {
  const values = attributeDefinition(name)?.values;
  if (!values) return null;
  return values.find((v) => !annotationMatches({ name, value: annotated }, v)) ?? null;
}

/** The hallucinator's target: the first similar part, else a part that is not gold. */
export function hallucinatorTarget(scenario: Scenario): { entityId: string; part: Part } {
  const gold = new Set(scenario.gold.map((g) => `${g.entity}/${g.part}`));
  for (const s of scenario.similar ?? []) {
    const part = findPart(scenario, s.entity, s.part);
    if (part && !gold.has(`${s.entity}/${s.part}`)) return { entityId: s.entity, part };
  }
  const all = scenario.entities.flatMap((e) => e.parts.map((part) => ({ entityId: e.id, part })));
  return all.find((c) => !gold.has(`${c.entityId}/${c.part.id}`)) ?? all[0]!;
}

export const hallucinatorPolicy: MockPolicy = ({ scenario, transcript: t, forceSubmit }) => {
  const { entityId, part } = hallucinatorTarget(scenario);
  const ids = { entity_id: entityId, part_id: part.id };
  const claims = part.attributes
    .map((a) => ({ name: a.name, value: contradictingValue(a.name, a.value) }))
    .filter((c): c is { name: string; value: string } => c.value !== null)
    .slice(0, 3);
  if (claims.length === 0) claims.push({ name: "material", value: "glass" }); // still unseen on the first claim
  const answer: PolicyReply = {
    content: `Clearly the ${part.name} of the ${entityId}.`,
    calls: [
      submit(
        entityId,
        part.id,
        "do exactly what the task needs",
        claims,
        `Just use the ${part.name}; it is obviously perfect.`,
      ),
    ],
  };
  if (forceSubmit || t.turn >= t.maxTurns) return answer;
  if (!done(t, "assess_part", ids)) {
    const rationale = `Without looking closer, the ${part.name} is obviously ideal.`;
    return {
      content: null,
      calls: [{ name: "assess_part", arguments: { ...ids, suitable: true, observed_attributes: claims, rationale } }],
    };
  }
  if (!done(t, "inspect_entity", { entity_id: entityId }))
    return { content: null, calls: [{ name: "inspect_entity", arguments: { entity_id: entityId } }] };
  return answer;
};

export const MOCK_POLICIES: Readonly<Record<MockModel, MockPolicy>> = {
  "mock-oracle": oraclePolicy,
  "mock-random": randomPolicy,
  "mock-hallucinator": hallucinatorPolicy,
};

/**
 * The reply when the transcript names no known scenario: answer at once with a made-up part of the
 * first listed entity, so a client never waits on a model that has nothing to do.
 */
export function unknownScenarioReply(openingText: string): PolicyReply {
  const listed = /Candidate entities \([^)]*\):\s*(?:\[\d+\]\s*)?([^:;\s]+?)\s*[:;.]/.exec(openingText);
  const entityId = listed?.[1] ?? "unknown-entity";
  return {
    content: "I do not recognise this scene, so I will guess.",
    calls: [submit(entityId, "made-up-part", "guess", [], "Guess.")],
  };
}
