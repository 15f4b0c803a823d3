/**
 * Blind review (SPEC §8): text a solver wrote is shown to reviewers with whatever could identify the
 * solver masked — the names of the solvers and models on either side, run and episode ids, well-known
 * model families and vendors, and self-descriptions such as "As GPT-4o, I…" or "I'm Claude". Pure; the
 * mask is a fixed token so both sides look alike.
 */

/** What masked text is replaced with. */
export const MASK = "[masked]";

/** Model families and vendors whose names give a solver away (matched as whole words, any case). */
const FAMILIES = [
  "chat\\s?gpt",
  "gpt",
  "o[134]",
  "openai",
  "claude",
  "anthropic",
  "gemini",
  "gemma",
  "bard",
  "deepmind",
  "llama",
  "llava",
  "mistral",
  "mixtral",
  "pixtral",
  "qwen",
  "deepseek",
  "grok",
  "xai",
  "phi",
  "internvl",
  "minicpm",
  "glm",
  "cogvlm",
  "molmo",
  "idefics",
  "cohere",
  "command[-\\s]r\\+?",
  "kimi",
  "moonshot",
  "ernie",
  "copilot",
];

/** Version and size suffixes that follow a family name: `-4o`, ` 3.5`, `-VL`, `-7B`, ` Pro`, `-mini`. */
const SUFFIX =
  "(?:[-\\s_]?(?:v?\\d\\w*(?:\\.\\d\\w*)*|mini|pro|flash|turbo|sonnet|opus|haiku|instruct|vision|vl|chat|large|small|medium|nano|ultra|latest|preview|omni|coder|max|plus)(?![\\w]))*";

const FAMILY_RE = new RegExp(`(?<![\\w-])(?:${FAMILIES.join("|")})${SUFFIX}(?![\\w])`, "gi");

/**
 * Self-descriptions: "As an AI language model", "As GPT…,", "I'm an AI assistant…", "(trained|developed|created)
 * by X". "I am …" and "… by X" phrases are masked up to the next comma or full stop.
 */
const SELF_RE = [
  /\bas (?:an? )?\[masked\]/gi,
  /\bas an? (?:ai|artificial intelligence|large|multimodal|vision[- ]language|language)(?: (?:large|language|multimodal|vision|ai))*(?: model| assistant| system)?\b/gi,
  /\b(?:i am|i'm|i’m) (?:an? )?(?:ai|assistant|model|language model|large language model)\b[^,.;:!?\n]*/gi,
  /\b(?:trained|developed|created|built|made) by [^,.;:!?\n]+/gi,
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The name-like pieces of an identifier worth masking on their own: the whole string, and for
 * `vendor/model` or `run:scenario:seed` forms the parts of at least 4 characters that are not plain
 * numbers (so a run id `gpt4o-run-3` masks `gpt4o-run-3`; a model `openai/gpt-4o` masks `gpt-4o`).
 */
export function identifyingTerms(names: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw?.trim();
    if (!name || name.length < 3) continue;
    out.add(name);
    for (const piece of name.split(/[/:@\s]+/)) if (piece.length >= 4 && !/^\d+$/.test(piece)) out.add(piece);
  }
  // longest first, so a whole id is masked before one of its pieces
  return [...out].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/**
 * Masks solver-identifying text. `names` are the specific identifiers to hide (solver names, model ids,
 * run ids, episode ids, annotator names of human solvers — from both sides of a pair); they are matched
 * case-insensitively as whole words. Generic families and self-descriptions are always masked.
 * Consecutive masks collapse into one.
 */
export function maskIdentifying(text: string, names: ReadonlyArray<string | null | undefined> = []): string {
  let out = text;
  for (const term of identifyingTerms(names)) {
    out = out.replace(new RegExp(`(?<![\\w])${escapeRegExp(term)}(?![\\w])`, "gi"), MASK);
  }
  out = out.replace(FAMILY_RE, MASK);
  for (const re of SELF_RE) out = out.replace(re, MASK);
  return out.replace(new RegExp(`${escapeRegExp(MASK)}(?:[\\s,/:-]*${escapeRegExp(MASK)})+`, "g"), MASK);
}

/** Masks every string inside a JSON-like value (tool-call arguments), keeping its shape. */
export function maskValue<T>(value: T, names: ReadonlyArray<string | null | undefined> = []): T {
  if (typeof value === "string") return maskIdentifying(value, names) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskValue(v, names)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, names)])) as T;
  }
  return value;
}
