import { describe, expect, it } from "vitest";
import type { Observation } from "@/core/engine";
import { Conversation, type ImageHistory } from "./conversation";

const opening = { text: "Task: pry the lid", images: [{ kind: "scene" as const }] };
const call = (id: string, name: string, args: object) => ({
  id,
  type: "function" as const,
  function: { name, arguments: JSON.stringify(args) },
});
const obs = (text: string, images: Observation["images"] = []): Observation => ({ text, images });
const resolve = async (ref: { kind: string }) => `data:image/png;base64,${ref.kind}`;

function twoTurns(imageHistory: ImageHistory, reasoningHistory: "keep" | "drop" = "keep") {
  const c = new Conversation({ systemPrompt: "SYS", imageHistory, reasoningHistory }, opening);
  c.addReply("Let me look at the coin.", [call("c1", "inspect_entity", { entity_id: "coin" })]);
  c.addObservations([obs("Entity coin. Parts: edge, face.", [{ kind: "entity", entityId: "coin" }])]);
  c.addReply(null, [call("c2", "inspect_part", { entity_id: "coin", part_id: "edge" }), call("c3", "view_scene", {})]);
  c.addObservations([
    obs("Part coin/edge.", [{ kind: "part", entityId: "coin", partId: "edge" }]),
    obs("The scene.", [{ kind: "scene" }]),
  ]);
  return c;
}

const imageUrls = (messages: Awaited<ReturnType<Conversation["messages"]>>): string[] =>
  messages.flatMap((m) => {
    const content: unknown = m.content;
    if (!Array.isArray(content)) return [];
    return (content as { type: string; image_url?: { url: string } }[]).flatMap((p) =>
      p.image_url ? [p.image_url.url] : [],
    );
  });

describe("Conversation", () => {
  it("lays out system, opening, assistant, one tool message per call, then one user message with the turn's images", async () => {
    const m = await twoTurns("all").messages(resolve);
    expect(m.map((x) => x.role)).toEqual([
      "system",
      "user",
      "assistant",
      "tool",
      "user",
      "assistant",
      "tool",
      "tool",
      "user",
    ]);
    expect(m[3]).toMatchObject({ role: "tool", tool_call_id: "c1", content: "Entity coin. Parts: edge, face." });
    expect(m[7]).toMatchObject({ tool_call_id: "c3", content: "The scene." });
    expect(imageUrls(m)).toEqual([
      "data:image/png;base64,scene",
      "data:image/png;base64,entity",
      "data:image/png;base64,part",
      "data:image/png;base64,scene",
    ]);
  });

  it("keeps only the newest image with image history `last`, and none with `none`", async () => {
    const last = await twoTurns("last").messages(resolve);
    expect(imageUrls(last)).toEqual(["data:image/png;base64,scene"]);
    expect(JSON.stringify(last)).toContain("[image of entity coin no longer shown]");
    expect(imageUrls(await twoTurns("none").messages(resolve))).toEqual([]);
  });

  it("drops earlier assistant text with reasoning history `drop`", async () => {
    const keep = await twoTurns("all", "keep").messages(resolve);
    const drop = await twoTurns("all", "drop").messages(resolve);
    expect(keep[2]).toMatchObject({ content: "Let me look at the coin." });
    expect(drop[2]).toMatchObject({ content: null });
  });

  it("answers a reply without tool calls with a reminder", async () => {
    const c = new Conversation({ systemPrompt: "SYS", imageHistory: "last", reasoningHistory: "keep" }, opening);
    c.addReply("I would use the coin.", []);
    c.addObservations([obs("Error: the reply contained no tool call; use one of the tools.")]);
    const m = await c.messages(resolve);
    expect(m.slice(2)).toEqual([
      { role: "assistant", content: "I would use the coin." },
      {
        role: "user",
        content: "Error: the reply contained no tool call; use one of the tools. Reply with a tool call.",
      },
    ]);
  });
});
