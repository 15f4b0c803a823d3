import { describe, expect, it } from "vitest";
import { MASK, identifyingTerms, maskIdentifying, maskValue } from "./mask";

describe("maskIdentifying", () => {
  it.each([
    ["As GPT-4o, I think the coin fits the screw.", `${MASK}, I think the coin fits the screw.`],
    ["As an AI language model I cannot touch things.", `${MASK} I cannot touch things.`],
    ["I'm Claude and the spoon handle is rigid.", `I'm ${MASK} and the spoon handle is rigid.`],
    ["I am an AI assistant, so here is my answer", `${MASK}, so here is my answer`],
    ["Trained by OpenAI, I pick the key.", `${MASK}, I pick the key.`],
    ["gemini-1.5-pro says: use the coin", `${MASK} says: use the coin`],
    ["Qwen2.5-VL-7B and llama-3.2 both agree", `${MASK} and ${MASK} both agree`],
    ["(chatgpt) answer", `(${MASK}) answer`],
  ])("masks model families and self-descriptions: %s", (input, expected) => {
    expect(maskIdentifying(input)).toBe(expected);
  });

  it("masks the given solver, model and run names, whole words and any case", () => {
    const names = ["my-finetune-v2", "acme/vision-13b", "run-2026-11-24-acme"];
    expect(maskIdentifying("This is My-Finetune-V2 speaking (vision-13b, run run-2026-11-24-acme).", names)).toBe(
      `This is ${MASK} speaking (${MASK}, run ${MASK}).`,
    );
  });

  it("masks an episode id and its run part", () => {
    expect(maskIdentifying("episode demo-mock-oracle:kitchen-1:0 done", ["demo-mock-oracle:kitchen-1:0"])).toBe(
      `episode ${MASK} done`,
    );
    expect(maskIdentifying("see demo-mock-oracle", ["demo-mock-oracle:kitchen-1:0"])).toBe(`see ${MASK}`);
  });

  it("leaves ordinary task text alone", () => {
    const text =
      "The spoon handle is thin and rigid metal; I would wedge it into the screw slot and turn it. The orange is soft.";
    expect(maskIdentifying(text, ["oracle", "lexical"])).toBe(text);
    // words that merely contain a family name are kept
    expect(maskIdentifying("The grokking and the gemstone and the phial")).toBe(
      "The grokking and the gemstone and the phial",
    );
  });

  it("does not mask very short names (they would hit ordinary words)", () => {
    expect(identifyingTerms(["ab", "", null, undefined])).toEqual([]);
    expect(maskIdentifying("a b c", ["ab"])).toBe("a b c");
  });

  it("collapses neighbouring masks into one", () => {
    expect(maskIdentifying("OpenAI GPT-4o: hello")).toBe(`${MASK}: hello`);
  });
});

describe("maskValue", () => {
  it("masks every string inside tool-call arguments and keeps the shape", () => {
    const args = {
      entity_id: "coin",
      suitable: true,
      observed_attributes: [{ name: "material", value: "metal" }],
      rationale: "As Claude 3.5, I see a thin edge.",
      n: 3,
    };
    expect(maskValue(args)).toEqual({ ...args, rationale: `${MASK}, I see a thin edge.` });
  });
});
