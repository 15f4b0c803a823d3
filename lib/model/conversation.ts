/**
 * The chat transcript an OpenAI-compatible model sees (SPEC §3, §6): system prompt; the first user message
 * (task, constraints, entity list, scene image); then per turn the assistant message, one `tool` message
 * per tool call (text), a reminder when the reply had no tool call, and one `user` message with the images
 * the turn's tools returned. Image history (`last` | `all` | `none`) and reasoning history (`keep` |
 * `drop`) are applied when the messages are built, so the transcript itself keeps everything.
 */
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
} from "openai/resources/chat/completions";
import type { ImageRef, Observation } from "@/core/engine";

export type ImageHistory = "last" | "all" | "none";
export type ReasoningHistory = "keep" | "drop";

interface TurnRecord {
  assistantText: string | null;
  toolCalls: ChatCompletionMessageToolCall[];
  observations: Observation[] | null;
}

export interface ConversationOptions {
  readonly systemPrompt: string;
  readonly imageHistory: ImageHistory;
  readonly reasoningHistory: ReasoningHistory;
}

/** Describes an image ref in words (placeholders for dropped images, captions). */
export function describeImageRef(ref: ImageRef): string {
  if (ref.kind === "scene") return "the scene";
  if (ref.kind === "entity") return `entity ${ref.entityId}`;
  return `part ${ref.entityId}/${ref.partId}`;
}

export class Conversation {
  private readonly turns: TurnRecord[] = [];

  constructor(
    private readonly options: ConversationOptions,
    private readonly opening: { text: string; images: ImageRef[] },
  ) {}

  /** Records the model's reply for the turn being played. */
  addReply(assistantText: string | null, toolCalls: ChatCompletionMessageToolCall[]): void {
    this.turns.push({ assistantText, toolCalls, observations: null });
  }

  /** Records what the engine returned for the last reply's calls (in call order). */
  addObservations(observations: readonly Observation[]): void {
    const last = this.turns.at(-1);
    if (last && last.observations === null) last.observations = [...observations];
  }

  /** The number of replies recorded. */
  get length(): number {
    return this.turns.length;
  }

  /**
   * The messages for the next request; `resolve` turns an image ref into a data URL. Images that the
   * history policy drops become short text placeholders.
   */
  async messages(resolve: (ref: ImageRef) => Promise<string>): Promise<ChatCompletionMessageParam[]> {
    // every image in order of appearance: which ones survive the policy?
    const all: ImageRef[] = [
      ...this.opening.images,
      ...this.turns.flatMap((t) => (t.observations ?? []).flatMap((o) => [...o.images])),
    ];
    const keepFrom =
      this.options.imageHistory === "all" ? 0 : this.options.imageHistory === "last" ? all.length - 1 : all.length;
    let index = 0;
    const part = async (ref: ImageRef): Promise<ChatCompletionContentPart[]> => {
      const keep = index++ >= keepFrom;
      if (!keep) return [{ type: "text", text: `[image of ${describeImageRef(ref)} no longer shown]` }];
      return [
        { type: "text", text: `Image of ${describeImageRef(ref)}:` },
        { type: "image_url", image_url: { url: await resolve(ref) } },
      ];
    };

    const messages: ChatCompletionMessageParam[] = [{ role: "system", content: this.options.systemPrompt }];
    const openingParts: ChatCompletionContentPart[] = [{ type: "text", text: this.opening.text }];
    for (const ref of this.opening.images) openingParts.push(...(await part(ref)));
    messages.push({ role: "user", content: openingParts });

    for (const turn of this.turns) {
      const content = this.options.reasoningHistory === "drop" ? null : turn.assistantText;
      if (turn.toolCalls.length > 0) {
        messages.push({ role: "assistant", content, tool_calls: turn.toolCalls });
        turn.toolCalls.forEach((call, i) => {
          const observation = turn.observations?.[i];
          messages.push({
            role: "tool",
            tool_call_id: call.id,
            content: observation?.text ?? "Not run: the episode ended before this call.",
          });
        });
      } else {
        messages.push({ role: "assistant", content: content ?? "" });
        const reminder = turn.observations?.[0]?.text ?? "Error: the reply contained no tool call.";
        messages.push({ role: "user", content: `${reminder} Reply with a tool call.` });
      }
      const images = (turn.observations ?? []).flatMap((o) => [...o.images]);
      if (images.length > 0) {
        const parts: ChatCompletionContentPart[] = [{ type: "text", text: "Images returned by your tool calls:" }];
        for (const ref of images) parts.push(...(await part(ref)));
        messages.push({ role: "user", content: parts });
      }
    }
    return messages;
  }
}
