/**
 * The neutral message model every export is built in, before a format writes it: system text, user
 * messages made of text and image-reference parts, assistant messages with optional text and tool calls,
 * and tool results. Images are `ImageRef`s (scene, entity view, part view) — the export layer turns them
 * into files; formats decide whether they stay images or become text placeholders.
 */
import type { ImageRef } from "../engine/types";
import type { ClaimCounts } from "../scoring";

export type ContentPart =
  { readonly type: "text"; readonly text: string } | { readonly type: "image"; readonly ref: ImageRef };

/** A tool call in a transcript: `arguments` already parsed (an object valid for the tool). */
export interface ChatToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

export type ChatMessage =
  | { readonly role: "system"; readonly content: string }
  | { readonly role: "user"; readonly content: readonly ContentPart[] }
  | { readonly role: "assistant"; readonly content: string | null; readonly toolCalls: readonly ChatToolCall[] }
  | { readonly role: "tool"; readonly toolCallId: string; readonly name: string; readonly content: string };

export type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;

export const EXPORT_SOURCES = ["guided", "trajectory", "human"] as const;
/** Where a record comes from: guided turns, whole stored trajectories, or review verdicts. */
export type ExportSource = (typeof EXPORT_SOURCES)[number];

export const NEGATIVE_KINDS = ["normal", "hard"] as const;
/** `normal`: the solver's own faulty turn; `hard`: a synthesised turn that hallucinates on purpose. */
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

/** Why a rejected side is worse, recorded with every pair. */
export type RejectedReason =
  | "contradicted"
  | "unseen"
  | "nonexistent"
  | "nonexistent_object"
  | "misjudged_suitability"
  | "wrong_answer"
  | "no_answer"
  | "lower_score"
  | "human_verdict";

/** Where a record came from: enough to trace it back to scenario, runs and episodes. */
export interface Provenance {
  readonly source: ExportSource;
  /** null for trajectory, human and SFT records. */
  readonly negative: NegativeKind | null;
  readonly scenario: { readonly id: string; readonly version: number; readonly contentHash: string };
  readonly runIds: readonly string[];
  /** The episodes the record was built from: context/chosen/rejected for pairs, the trajectory for SFT. */
  readonly episodes: Readonly<Record<string, string>>;
  /** The compared turn (turn-level pairs), else null. */
  readonly turn: number | null;
  /** Episode score of chosen minus rejected (trajectory and human pairs), else null. */
  readonly scoreMargin: number | null;
  /** Attribute-claim classes of each side (SPEC §5), counted over the compared turn or whole episode. */
  readonly claims: Readonly<Record<string, ClaimCounts>>;
  readonly rejectedReasons?: readonly RejectedReason[];
  /** How the hard negative was made: contradicted visual attribute(s), or a skipped part. */
  readonly hardKind?: "contradicted" | "skipped_part";
  readonly agents?: readonly string[];
}

/** A preference pair: a shared prompt, and one preferred and one dispreferred continuation. */
export interface PreferencePair {
  readonly prompt: readonly ChatMessage[];
  /** Ends with an assistant message (the compared turn, or the last turn of a trajectory). */
  readonly chosen: readonly ChatMessage[];
  readonly rejected: readonly ChatMessage[];
  readonly provenance: Provenance;
}

/** A supervised trajectory: the full chat, ending with the assistant's last turn. */
export interface SftRecord {
  readonly messages: readonly ChatMessage[];
  readonly provenance: Provenance;
}

/** Describes an image ref in words (captions and placeholders), as the model conversation does. */
export function describeImage(ref: ImageRef): string {
  if (ref.kind === "scene") return "the scene";
  if (ref.kind === "entity") return `entity ${ref.entityId}`;
  return `part ${ref.entityId}/${ref.partId}`;
}

/** A stable key for an image ref (for caches and deduplication). */
export function imageKey(ref: ImageRef): string {
  if (ref.kind === "scene") return "scene";
  if (ref.kind === "entity") return `entity:${ref.entityId}`;
  return `part:${ref.entityId}/${ref.partId}`;
}

/** Every image part of some messages, in order. */
export function imageRefsOf(messages: readonly ChatMessage[]): ImageRef[] {
  const refs: ImageRef[] = [];
  for (const m of messages) if (m.role === "user") for (const p of m.content) if (p.type === "image") refs.push(p.ref);
  return refs;
}

/** Replaces every image part (and its caption) with a text placeholder (`[image of part coin/edge]`). */
export function imagesToText(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.map((m) => (m.role !== "user" ? m : { role: "user", content: textParts(m.content) }));
}

const isCaption = (p: ContentPart, next: ContentPart | undefined) =>
  p.type === "text" && next?.type === "image" && p.text === `Image of ${describeImage(next.ref)}:`;

/** The parts with every image as a placeholder text part that replaces its caption. */
export function textParts(content: readonly ContentPart[]): ContentPart[] {
  return content.flatMap((p, i) => {
    if (isCaption(p, content[i + 1])) return [];
    return p.type === "image" ? [{ type: "text" as const, text: `[image of ${describeImage(p.ref)}]` }] : [p];
  });
}

/**
 * The text of a user message for text-only formats: parts joined by newlines, each image as a
 * placeholder (`[image of part coin/edge]`) that replaces its caption.
 */
export function userText(content: readonly ContentPart[]): string {
  return textParts(content)
    .map((p) => (p.type === "text" ? p.text : ""))
    .join("\n");
}
