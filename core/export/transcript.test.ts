import { describe, expect, it } from "vitest";
import { imageRefsOf, imagesToText, userText, type ChatMessage } from "./messages";
import { oracleTurns, parcelScenario, play } from "./test-fixtures";
import { buildTranscript, groupTurns, transcriptSettings } from "./transcript";

const scenario = parcelScenario();
const transcript = (options: Parameters<typeof play>[2], turns = oracleTurns()) => {
  const { trace } = play(scenario, turns, options);
  return buildTranscript(scenario, transcriptSettings(trace.config), groupTurns(trace.steps));
};

describe("transcripts rebuilt from traces", () => {
  it("mirror the model conversation: system, opening with the scene, assistant + tool messages, one user message of images", () => {
    const messages = transcript({ imageHistory: "all", systemPrompt: "SYS" });
    expect(messages.map((m) => m.role)).toEqual([
      "system",
      "user",
      "assistant",
      "tool",
      "tool",
      "user",
      "assistant",
      "tool",
      "tool",
      "user",
      "assistant",
      "tool",
    ]);
    expect(messages[0]).toEqual({ role: "system", content: "SYS" });
    const opening = messages[1]!;
    expect(opening.role === "user" && opening.content[0]!.type === "text" && opening.content[0]!.text).toMatch(
      /^Task: A parcel/,
    );
    // tool messages answer the calls of the assistant message before them, by id
    const a = messages[2]!;
    expect(a.role === "assistant" && a.toolCalls.map((c) => c.id)).toEqual(["call_1_0", "call_1_1"]);
    expect(messages.slice(3, 5).map((m) => (m.role === "tool" ? m.toolCallId : null))).toEqual([
      "call_1_0",
      "call_1_1",
    ]);
    expect(imageRefsOf(messages)).toEqual([
      { kind: "scene" },
      { kind: "entity", entityId: "key" },
      { kind: "part", entityId: "key", partId: "teeth" },
    ]);
  });

  it("applies the image history: `last` shows only the newest image, `none` none", () => {
    expect(imageRefsOf(transcript({ imageHistory: "last" }))).toEqual([
      { kind: "part", entityId: "key", partId: "teeth" },
    ]);
    const none = transcript({ imageHistory: "none" });
    expect(imageRefsOf(none)).toEqual([]);
    expect(JSON.stringify(none)).toContain("[image of entity key no longer shown]");
  });

  it("applies the reasoning history", () => {
    const texts = ["I will look at the key.", undefined, "Done."];
    const keep = transcript({ texts, reasoningHistory: "keep" });
    const drop = transcript({ texts, reasoningHistory: "drop" });
    expect(keep[2]).toMatchObject({ role: "assistant", content: "I will look at the key." });
    expect(drop[2]).toMatchObject({ role: "assistant", content: null });
  });

  it("keeps a malformed call as assistant text and returns its error in the user message", () => {
    const messages = transcript({}, [
      [{ tool: "inspect_entity", args: '{"entity_id": ', raw: '{"entity_id": ' }],
      [{ tool: "teleport", args: {} }],
    ]);
    const assistant = messages[2]!;
    expect(assistant).toMatchObject({ role: "assistant", toolCalls: [] });
    expect(assistant.role === "assistant" && assistant.content).toContain(
      '(malformed tool call) inspect_entity: {"entity_id": ',
    );
    const errors = messages[3]!;
    expect(errors.role === "user" && userText(errors.content)).toMatch(
      /^Error: arguments of inspect_entity are not valid JSON/,
    );
    expect(messages.some((m) => m.role === "tool")).toBe(false);
  });

  it("text placeholders replace images and their captions", () => {
    const text = imagesToText(transcript({ imageHistory: "all" }));
    expect(imageRefsOf(text)).toEqual([]);
    const last = text.at(-1) as Extract<ChatMessage, { role: "tool" }>;
    expect(last.role).toBe("tool");
    const images = text[5]!;
    expect(images.role === "user" && userText(images.content)).toBe(
      "Images returned by your tool calls:\n[image of entity key]",
    );
  });

  it("reads the settings from a run configuration, with defaults", () => {
    expect(transcriptSettings(undefined)).toMatchObject({
      maxTurns: 15,
      observation: "image",
      imageHistory: "last",
      reasoningHistory: "keep",
    });
    expect(
      transcriptSettings({
        engine: { maxTurns: 4, observation: "text", imageHistory: "all", reasoningHistory: "drop" },
        systemPrompt: "S",
      }),
    ).toEqual({ maxTurns: 4, observation: "text", imageHistory: "all", reasoningHistory: "drop", systemPrompt: "S" });
  });
});
