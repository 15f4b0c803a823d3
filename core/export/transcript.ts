/**
 * Rebuilding what a model saw from a stored trace, in the neutral message model. The layout mirrors the
 * live model conversation (lib/model/conversation.ts) so training data matches inference: system prompt;
 * the opening user message (task, constraints, entities, scene image); then per turn the assistant message
 * with its tool calls, one `tool` message per call, and one `user` message with the images the turn's
 * tools returned. The run's image history (`last` | `all` | `none`) and reasoning history (`keep` |
 * `drop`) apply. A call that is not a well-formed call of a known tool cannot be a tool call in training
 * data: it is kept as assistant text, and its error goes back in the turn's user message.
 */
import { DEFAULT_SYSTEM_PROMPT, initialMessage } from "../engine/prompt";
import type { ImageRef, ObservationMode, TraceStep } from "../engine/types";
import type { Scenario } from "../scenario";
import { parseToolCall } from "../tools";
import {
  describeImage,
  type AssistantMessage,
  type ChatMessage,
  type ChatToolCall,
  type ContentPart,
} from "./messages";

export type ImageHistory = "last" | "all" | "none";
export type ReasoningHistory = "keep" | "drop";

/** The parts of a run configuration that shape the transcript. */
export interface TranscriptSettings {
  readonly systemPrompt: string;
  readonly maxTurns: number;
  readonly observation: ObservationMode;
  readonly imageHistory: ImageHistory;
  readonly reasoningHistory: ReasoningHistory;
}

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** Reads the transcript settings from a stored run configuration (SPEC §3), with the engine's defaults. */
export function transcriptSettings(config: Readonly<Record<string, unknown>> | undefined): TranscriptSettings {
  const engine = (config?.engine ?? {}) as Record<string, unknown>;
  const maxTurns = typeof engine.maxTurns === "number" && engine.maxTurns >= 1 ? engine.maxTurns : 15;
  return {
    systemPrompt: typeof config?.systemPrompt === "string" ? config.systemPrompt : DEFAULT_SYSTEM_PROMPT,
    maxTurns,
    observation: pick(engine.observation, ["image", "hybrid", "text"], "image"),
    imageHistory: pick(engine.imageHistory, ["last", "all", "none"], "last"),
    reasoningHistory: pick(engine.reasoningHistory, ["keep", "drop"], "keep"),
  };
}

/** One turn of a trace: its steps in order and what the solver said. */
export interface TraceTurn {
  readonly turn: number;
  readonly steps: readonly TraceStep[];
  readonly assistantText: string | null;
}

/** Groups a trace's steps by turn (turns in increasing order). */
export function groupTurns(steps: readonly TraceStep[]): TraceTurn[] {
  const byTurn = new Map<number, TraceStep[]>();
  for (const step of steps) {
    const list = byTurn.get(step.turn);
    if (list) list.push(step);
    else byTurn.set(step.turn, [step]);
  }
  return [...byTurn.entries()]
    .sort(([a], [b]) => a - b)
    .map(([turn, list]) => ({
      turn,
      steps: list,
      assistantText: list.find((s) => s.assistantText)?.assistantText ?? null,
    }));
}

/** The deterministic id of the i-th call of a turn (stored traces do not keep the model's ids). */
export function callId(turn: number, index: number): string {
  return `call_${turn}_${index}`;
}

/** A call as a solver made it: tool name and arguments (object or JSON text). */
export interface CallLike {
  readonly tool: string;
  readonly args: unknown;
  readonly raw?: string;
}

/**
 * The assistant message of one turn. Well-formed calls of known tools become tool calls (ids
 * `call_<turn>_<i>`); anything else is appended to the text so nothing the solver said is lost.
 */
export function assistantMessage(turn: number, calls: readonly CallLike[], text: string | null): AssistantMessage {
  const toolCalls: ChatToolCall[] = [];
  const lines: string[] = text && text.trim() ? [text] : [];
  calls.forEach((call, i) => {
    if (call.tool === "") return; // a reply without a tool call: its text is the assistant text
    const parsed = parseToolCall(call.tool, call.args);
    if (parsed.ok) {
      toolCalls.push({ id: callId(turn, i), name: call.tool, arguments: parsed.call.args as Record<string, unknown> });
    } else {
      const args = typeof call.args === "string" ? call.args : JSON.stringify(call.args ?? {});
      lines.push(`(malformed tool call) ${call.tool}: ${call.raw ?? args}`);
    }
  });
  return { role: "assistant", content: lines.length ? lines.join("\n") : null, toolCalls };
}

/** Decides, for every image in order of appearance, whether it is still shown. */
function imagePolicy(total: number, history: ImageHistory): (index: number) => boolean {
  const keepFrom = history === "all" ? 0 : history === "last" ? total - 1 : total;
  return (index) => index >= keepFrom;
}

function imageParts(ref: ImageRef, keep: boolean): ContentPart[] {
  if (!keep) return [{ type: "text", text: `[image of ${describeImage(ref)} no longer shown]` }];
  return [
    { type: "text", text: `Image of ${describeImage(ref)}:` },
    { type: "image", ref },
  ];
}

export interface TranscriptOptions {
  /** Override the run's image history (SFT keeps every image where it appeared). */
  readonly imageHistory?: ImageHistory;
  /** Drop the messages after the last assistant message (a completion ends with the assistant). */
  readonly endWithAssistant?: boolean;
}

/**
 * The transcript of `turns` (a whole trace or a prefix of it): system, opening, then each turn. With
 * image history `last` only the newest image of the transcript is shown, as in the request that followed.
 */
export function buildTranscript(
  scenario: Scenario,
  settings: TranscriptSettings,
  turns: readonly TraceTurn[],
  options: TranscriptOptions = {},
): ChatMessage[] {
  const opening = initialMessage(scenario, { maxTurns: settings.maxTurns, observation: settings.observation });
  const total =
    opening.images.length +
    turns.reduce((n, t) => n + t.steps.reduce((m, s) => m + (s.observation?.images.length ?? 0), 0), 0);
  const shown = imagePolicy(total, options.imageHistory ?? settings.imageHistory);
  let imageIndex = 0;

  const messages: ChatMessage[] = [{ role: "system", content: settings.systemPrompt }];
  const openingParts: ContentPart[] = [{ type: "text", text: opening.text }];
  for (const ref of opening.images) openingParts.push(...imageParts(ref, shown(imageIndex++)));
  messages.push({ role: "user", content: openingParts });

  for (const turn of turns) {
    const text = settings.reasoningHistory === "drop" ? null : turn.assistantText;
    const noCall = turn.steps.length === 1 && turn.steps[0]!.call.tool === "";
    const assistant = assistantMessage(
      turn.turn,
      turn.steps.map((s) => ({ tool: s.call.tool, args: s.call.args, ...(s.raw !== undefined ? { raw: s.raw } : {}) })),
      noCall ? (text ?? turn.steps[0]!.raw ?? "") : text,
    );
    messages.push(assistant);
    const follow: ContentPart[] = [];
    const ids = new Map(assistant.toolCalls.map((c) => [c.id, c]));
    turn.steps.forEach((step, i) => {
      const call = ids.get(callId(turn.turn, i));
      const observed = step.observation?.text ?? (step.error ? `Error: ${step.error}` : "No result.");
      if (call) messages.push({ role: "tool", toolCallId: call.id, name: call.name, content: observed });
      else if (step.call.tool === "") follow.push({ type: "text", text: `${observed} Reply with a tool call.` });
      else follow.push({ type: "text", text: observed });
    });
    const images = turn.steps.flatMap((s) => [...(s.observation?.images ?? [])]);
    if (images.length > 0) {
      follow.push({ type: "text", text: "Images returned by your tool calls:" });
      for (const ref of images) follow.push(...imageParts(ref, shown(imageIndex++)));
    }
    if (follow.length > 0) messages.push({ role: "user", content: follow });
  }
  if (options.endWithAssistant) {
    let last = messages.length - 1;
    while (last >= 0 && messages[last]!.role !== "assistant") last--;
    return messages.slice(0, last + 1);
  }
  return messages;
}
