/**
 * CreativityBench tasks → mmcb scenarios (SPEC §2), for the `text` observation mode.
 *
 * A CreativityBench task (arXiv 2605.02910) names a setting, a first-person task, candidate entities whose
 * descriptions list their parts (`part_name: physical — …; state — …`), per-part judge outputs marking
 * affordance-similar parts, context items and one or more gold entity–part–affordance solutions. This module
 * parses that shape leniently (zod) and maps it onto a scenario whose images are text cards laid out by
 * `layout.ts` (the pixels are drawn by lib/import/cards.ts). Pure: no file system, no images.
 */
import { z } from "zod";
import type { $ZodIssue } from "zod/v4/core";
import { formatPath } from "../errors";
import {
  attributeDefinition,
  validateScenarioDocument,
  type Attribute,
  type AttributeClaim,
  type DistractorTier,
  type Entity,
  type Gold,
  type Item,
  type Part,
  type Scenario,
  type Similar,
} from "../scenario";
import { attributesInEntry, attributesInProse, mergeSameSource, type TextAttribute } from "./attribute-text";
import { ENTITY_CARD, SCENE_CARD, gridBoxes } from "./layout";
import { skipSpace, skipSpaceBack, trimTrailing } from "./text-scan";

// ---------------------------------------------------------------------------------------------------------
// The CreativityBench task shape. Required: what a scenario cannot do without (task_id, task, entities with
// names, golds naming an entity and a part). Everything else is optional and a malformed optional field is
// ignored rather than failing the task (`.catch`), because the public data varies between releases.

const nonEmpty = z.string().trim().min(1);
const optionalString = z.string().optional().catch(undefined);
const yesNo = z.union([z.string(), z.boolean()]).optional().catch(undefined);

/** An affordance record (gold affordance, or a judge output's affordance). */
export const cbAffordanceSchema = z.looseObject({
  affordance: optionalString,
  use_condition: optionalString,
  environment_condition: optionalString,
  attribute: z.array(z.unknown()).optional().catch(undefined),
});
export type CbAffordance = z.infer<typeof cbAffordanceSchema>;

/** `judge_output[part]`: whether the part's affordance is similar to the gold one, and how hard it is to tell apart. */
export const cbJudgeSchema = z.looseObject({
  similar_affordance: yesNo,
  affordance: z.union([cbAffordanceSchema, z.string()]).nullable().optional().catch(undefined),
  decision_making_difficulty: z.union([z.string(), z.number()]).nullable().optional().catch(undefined),
  gold_change: yesNo,
});
export type CbJudge = z.infer<typeof cbJudgeSchema>;

export const cbEntitySchema = z.looseObject({
  name: nonEmpty,
  description: z.string().optional().catch(undefined),
  judge_output: z.record(z.string(), z.unknown()).nullable().optional().catch(undefined),
});

export const cbItemSchema = z.looseObject({
  name: nonEmpty,
  description: optionalString,
  interactable: yesNo,
});

export const cbGoldSchema = z.looseObject({
  gold_entity: nonEmpty,
  gold_part: nonEmpty,
  gold_affordance: cbAffordanceSchema.optional().catch(undefined),
});

/** One CreativityBench task. Older single-gold files (`gold_entity`/`gold_part` at the top) are accepted too. */
export const cbTaskSchema = z.preprocess(
  (raw) => {
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      const t = raw as Record<string, unknown>;
      if (t.golds === undefined && t.gold_entity !== undefined) {
        return {
          ...t,
          golds: [{ gold_entity: t.gold_entity, gold_part: t.gold_part, gold_affordance: t.gold_affordance }],
        };
      }
    }
    return raw;
  },
  z.looseObject({
    task_id: z.union([nonEmpty, z.number()]).transform(String),
    scenario: optionalString,
    setting: z
      .union([z.looseObject({ difficulty: optionalString, scenario: optionalString }), z.string()])
      .optional()
      .catch(undefined),
    task: nonEmpty,
    golds: z.array(cbGoldSchema).min(1, { message: "expected at least one gold solution" }),
    entities: z.array(cbEntitySchema).min(1, { message: "expected at least one entity" }),
    items: z.array(z.unknown()).optional().catch(undefined),
    environment: optionalString,
    solution: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .optional()
      .catch(undefined),
  }),
);
export type CbTask = z.infer<typeof cbTaskSchema>;

// ---------------------------------------------------------------------------------------------------------
// Names and ids

/** A lower-case slug `[a-z0-9-]+` of `text`, cut at a word boundary to at most `max` characters ("" if nothing is left). */
export function slugify(text: string, max = 60): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base.length <= max) return base;
  const cut = base.slice(0, max + 1);
  const at = cut.lastIndexOf("-");
  return (at >= max / 2 ? cut.slice(0, at) : base.slice(0, max)).replace(/-+$/, "");
}

/** FNV-1a 32-bit hash of a string, as 8 hex digits (deterministic and dependency-free). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Longest scenario id the importer writes. */
export const MAX_SCENARIO_ID = 80;

/**
 * The scenario id of a task: the slug of its task_id; past 80 characters, the slug cut at a word boundary plus
 * a hash of the whole task_id, so long ids sharing a prefix stay distinct.
 */
export function scenarioIdFor(taskId: string): string {
  const full = slugify(taskId, Number.MAX_SAFE_INTEGER) || "task";
  if (full.length <= MAX_SCENARIO_ID) return full;
  const hash = shortHash(taskId);
  return `${slugify(taskId, MAX_SCENARIO_ID - hash.length - 1)}-${hash}`;
}

/**
 * Ids handed out within one scope (a task's entities, an entity's parts, a file's scenarios): `base`, or `base`
 * with `-2`, `-3`, … when it is taken (kept within `max` characters). The next number to try is remembered per
 * base, so many parts of the same name cost linear time, not quadratic; ids only ever get taken, so every
 * number below the remembered one is still taken.
 */
class SlugScope {
  private readonly taken = new Set<string>();
  private readonly nextNumber = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** The id `base` would get, without taking it. */
  free(base: string): string {
    let id = base;
    let n = this.nextNumber.get(base) ?? 2;
    if (n > 2 || this.taken.has(id)) {
      for (; ; n++) {
        const suffix = `-${n}`;
        id = `${base.slice(0, this.max - suffix.length).replace(/-+$/, "")}${suffix}`;
        if (!this.taken.has(id)) break;
      }
      this.nextNumber.set(base, n);
    }
    return id;
  }

  take(id: string): void {
    this.taken.add(id);
  }

  /** `free(base)`, taken. */
  unique(base: string): string {
    const id = this.free(base);
    this.take(id);
    return id;
  }
}

/** `led_bulbs`, `LED bulbs`, `led-bulbs` → `led_bulbs`: how part and entity names are compared. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\[gold part\]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Word-level F1 between two names (CreativityBench's scorer snaps names the same way). */
export function wordF1(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wa) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / wa.length;
  const r = common / wb.length;
  return (2 * p * r) / (p + r);
}

/** Index of the candidate named `target`: same name key, else the single best word-F1 ≥ 0.5; else null. */
export function matchName(target: string, candidates: readonly string[]): { index: number; exact: boolean } | null {
  const key = nameKey(target);
  const exact = candidates.findIndex((c) => nameKey(c) === key);
  if (exact >= 0) return { index: exact, exact: true };
  const scores = candidates.map((c) => wordF1(target, c));
  const best = Math.max(0, ...scores);
  if (best < 0.5 || scores.filter((s) => s === best).length !== 1) return null;
  return { index: scores.indexOf(best), exact: false };
}

// ---------------------------------------------------------------------------------------------------------
// Parts from an entity description

/** A part as listed in a CreativityBench entity description. */
export interface CbPart {
  /** The name as written (`led_bulbs`). */
  readonly key: string;
  /** For people: underscores as spaces (`led bulbs`). */
  readonly name: string;
  readonly physical: string;
  readonly state: string;
  /** Whether the description marked it `[gold part]` (never copied into the scenario). */
  readonly goldMarked: boolean;
}

// The parts are read in linear time (descriptions can be megabytes; see text-scan.ts). The grammar is that of
//   /([A-Za-z0-9][A-Za-z0-9_ /-]*?)(\s*\[gold part\])?\s*:\s*(?=(?:physical|state)\s*[—–-])/gi
// for a header and /^\s*(?:physical\s*[—–-]+\s*(…?))?(?:;?\s*state\s*[—–-]+\s*(…))?$/i for its body, which
// the tests keep as a reference; as written those expressions take quadratic time on long runs of name
// characters or spaces, because they are retried from every position of the run.

/** The colon of a header: `:` and spaces before `physical —` or `state —`. */
const HEADER_COLON = /:\s*(?=(?:physical|state)\s*[—–-])/gi;
const GOLD_MARKER = /^\[gold part\]$/i;
const GOLD_MARKER_ANYWHERE = /\[gold part\]/i;
const STATE_LABEL = /state\s*[—–-]+/iy;
const STATE_LABEL_ANYWHERE = /state\s*[—–-]+/gi;
const PHYSICAL_LABEL = /^\s*physical\s*[—–-]+/i;

const isNameChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 32 || c === 47 || c === 45;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

interface Header {
  /** Where the header's name starts. */
  readonly index: number;
  /** Where its body starts (after the colon and spaces). */
  readonly end: number;
  readonly name: string;
  readonly gold: boolean;
}

/** Every part header, in text order: from each header colon, back over spaces, the marker and the name. */
function findHeaders(description: string): Header[] {
  const headers: Header[] = [];
  let floor = 0;
  for (const m of description.matchAll(HEADER_COLON)) {
    let nameEnd = skipSpaceBack(description, m.index, floor);
    let gold = false;
    if (nameEnd - 11 >= floor && GOLD_MARKER.test(description.slice(nameEnd - 11, nameEnd))) {
      gold = true;
      nameEnd = skipSpaceBack(description, nameEnd - 11, floor);
    }
    let start = nameEnd;
    while (start > floor && isNameChar(description.charCodeAt(start - 1))) start--;
    while (start < nameEnd && !isAlnum(description.charCodeAt(start))) start++;
    if (start >= nameEnd) continue;
    const end = m.index + m[0].length;
    headers.push({ index: start, end, name: description.slice(start, nameEnd), gold });
    floor = end;
  }
  return headers;
}

/** Where `;? spaces state —…` first starts at or after `from`, and where the state text starts; null if nowhere. */
function findStateLabel(body: string, from: number): { start: number; text: number } | null {
  STATE_LABEL_ANYWHERE.lastIndex = from;
  const m = STATE_LABEL_ANYWHERE.exec(body);
  if (!m) return null;
  let start = skipSpaceBack(body, m.index, from);
  if (start > from && body[start - 1] === ";") start--;
  return { start, text: skipSpace(body, m.index + m[0].length) };
}

/** A header's body split into its physical and state text (undefined where the grammar has no such group); null when it does not follow the grammar. */
function splitBody(body: string): { physical?: string; state?: string } | null {
  const physical = PHYSICAL_LABEL.exec(body);
  if (physical) {
    const from = skipSpace(body, physical[0].length);
    const state = findStateLabel(body, from);
    return state
      ? { physical: body.slice(from, state.start), state: body.slice(state.text) }
      : { physical: body.slice(from) };
  }
  let i = skipSpace(body, 0);
  if (i === body.length) return {};
  if (body[i] === ";") i = skipSpace(body, i + 1);
  STATE_LABEL.lastIndex = i;
  const state = STATE_LABEL.exec(body);
  return state ? { state: body.slice(skipSpace(body, i + state[0].length)) } : null;
}

/** Text without the gold marker (and the spaces before it), spaces collapsed, trailing punctuation replaced by one full stop. */
function tidy(text: string): string {
  const pieces = text.split(GOLD_MARKER_ANYWHERE);
  const unmarked = pieces.map((p, i) => (i < pieces.length - 1 ? p.trimEnd() : p)).join("");
  const t = trimTrailing(unmarked.replace(/\s+/g, " ").trim(), ".;,", true);
  return t ? `${t}.` : "";
}

/** Known names once: their name keys in a trie read from the end, for suffix matches in one pass per header. */
interface KnownNames {
  readonly names: readonly string[];
  readonly root: SuffixNode;
}
interface SuffixNode {
  readonly next: Map<string, SuffixNode>;
  /** The first index in `names` whose key ends here, or -1. */
  first: number;
}

function knownNames(known: readonly string[]): KnownNames {
  const root: SuffixNode = { next: new Map(), first: -1 };
  known.forEach((name, index) => {
    const key = nameKey(name);
    if (!key) return;
    let node = root;
    for (let i = key.length - 1; i >= 0; i--) {
      let child = node.next.get(key[i]!);
      if (!child) node.next.set(key[i]!, (child = { next: new Map(), first: -1 }));
      node = child;
    }
    if (node.first < 0) node.first = index;
  });
  return { names: known, root };
}

function headerName(raw: string, known: KnownNames): string {
  const name = raw.trim();
  const key = nameKey(name);
  // A header glued to the previous sentence ("… replacement led_bulbs: physical") ends with the real name: the
  // first known name whose key is the whole key or a suffix of it after an underscore.
  let best = -1;
  let node: SuffixNode | undefined = known.root;
  for (let i = key.length - 1; i >= 0 && node; i--) {
    node = node.next.get(key[i]!);
    if (node && node.first >= 0 && (i === 0 || key[i - 1] === "_") && (best < 0 || node.first < best))
      best = node.first;
  }
  if (best >= 0) return known.names[best]!;
  if (/\s/.test(name) && name.includes("_")) return name.split(/\s+/).at(-1)!;
  return name;
}

/**
 * Splits an entity description into its parts. CreativityBench writes them as
 * `name [gold part]?: physical — <text>; state — <text>.` joined by `. `; the marker `[gold part]` is noted
 * and removed. `known` (judge-output keys, gold part names) helps when a header is glued to the text before it.
 * Linear in the length of the description.
 */
export function parseEntityParts(description: string, known: readonly string[] = []): CbPart[] {
  const headers = findHeaders(description);
  const names = knownNames(known);
  return headers.map((h, i) => {
    const body = description.slice(h.end, headers[i + 1]?.index ?? description.length);
    const split = splitBody(body);
    const key = headerName(h.name, names);
    return {
      key,
      name: key.replace(/_/g, " ").replace(/\s+/g, " ").trim(),
      physical: tidy(split ? (split.physical ?? "") : body),
      state: tidy(split?.state ?? ""),
      goldMarked: h.gold,
    };
  });
}

/** The description mmcb shows for a part (no gold marker). */
function partText(part: CbPart): string {
  return [part.physical && `Physical: ${part.physical}`, part.state && `State: ${part.state}`]
    .filter(Boolean)
    .join(" ");
}

// ---------------------------------------------------------------------------------------------------------
// Small field mappings

const isYes = (v: unknown) => v === true || (typeof v === "string" && /^\s*(?:yes|true|y)\b/i.test(v));
const isNa = (v: string | undefined) => !v || /^(?:n\/?a|none|null)?$/i.test(v.trim());

/** A 1–5 difficulty from `decision_making_difficulty` (`"2"`, `3`, `"hard"`); 3 when absent or unreadable. */
export function similarDifficulty(raw: unknown): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return Math.min(5, Math.max(1, Math.round(raw)));
  if (typeof raw === "string") {
    const n = Number.parseFloat(raw);
    if (Number.isFinite(n)) return Math.min(5, Math.max(1, Math.round(n)));
    const word = raw.trim().toLowerCase();
    const words: Record<string, number> = {
      "very easy": 1,
      easy: 2,
      low: 2,
      medium: 3,
      moderate: 3,
      hard: 4,
      difficult: 4,
      high: 4,
      "very hard": 5,
      "very difficult": 5,
    };
    if (word in words) return words[word]!;
  }
  return 3;
}

/** The distractor tier a CreativityBench difficulty names (`difficult` → similar), or null. */
export function tierFromDifficulty(raw: string | undefined): DistractorTier | null {
  const d = (raw ?? "").trim().toLowerCase();
  if (/difficult|hard|similar/.test(d) && !/dissimilar/.test(d)) return "similar";
  if (/medium|moderate|mixed|intermediate/.test(d)) return "mixed";
  if (/easy|simple|dissimilar/.test(d)) return "dissimilar";
  return null;
}

/** The tier from the share of non-gold entities holding an affordance-similar part: ≥ ⅔ similar, ≤ ⅓ dissimilar. */
export function tierFromShare(withSimilar: number, nonGold: number): DistractorTier {
  if (nonGold === 0) return "dissimilar";
  const share = withSimilar / nonGold;
  return share >= 2 / 3 ? "similar" : share <= 1 / 3 ? "dissimilar" : "mixed";
}

function settingOf(task: CbTask): string {
  const setting = typeof task.setting === "object" ? task.setting.scenario : undefined;
  const raw = task.scenario ?? setting ?? "";
  const slug = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "");
  return slug || "other";
}

function withoutTrailingNote(text: string): string {
  const note = text.search(/\(note:/i);
  if (note < 0) return text;
  const last = skipSpaceBack(text, text.length) - 1;
  return last >= note + 6 && text[last] === ")" ? text.slice(0, skipSpaceBack(text, note)) : text;
}

function howToFrom(solution: CbTask["solution"], useCondition: string | undefined): string | null {
  let fromSolution: string | undefined;
  if (typeof solution === "string") fromSolution = solution;
  else if (solution && typeof solution.apply_affordance === "string") fromSolution = solution.apply_affordance;
  // Drop the trailing "(Note: Verify …)" reminders the generator appends: from the first "(Note:" to a closing
  // parenthesis at the very end (what /\s*\(Note:[\s\S]*\)\s*$/i removes, without its quadratic retries).
  const cleaned = fromSolution === undefined ? undefined : withoutTrailingNote(fromSolution).trim();
  if (cleaned) return cleaned;
  return isNa(useCondition) ? null : useCondition!.trim();
}

// ---------------------------------------------------------------------------------------------------------
// Attributes of one part

interface PartSources {
  readonly prose: readonly TextAttribute[];
  readonly gold: readonly TextAttribute[];
  readonly judge: readonly TextAttribute[];
}

/**
 * The part's attributes: what its own description states first (it is what the solver reads), then the gold
 * affordance's attributes, then the judge's. A later source that contradicts an earlier one is dropped and
 * noted. `visual` comes from the gold annotation's tag when it has one, else the vocabulary default.
 */
function resolveAttributes(
  sources: PartSources,
  label: string,
  notes: string[],
): { attributes: Attribute[]; required: AttributeClaim[] } {
  const final = new Map<string, { attr: TextAttribute; source: string }>();
  const layers: [string, readonly TextAttribute[]][] = [
    ["description", sources.prose],
    ["gold affordance", sources.gold],
    ["judge output", sources.judge],
  ];
  for (const [source, list] of layers) {
    const { attributes, conflicts } = mergeSameSource(list);
    if (conflicts.length)
      notes.push(`${label}: the ${source} gives conflicting values for ${conflicts.join(", ")}; not taken from it`);
    for (const attr of attributes) {
      const seen = final.get(attr.name);
      if (!seen) final.set(attr.name, { attr, source });
      else if (seen.attr.value !== attr.value) {
        notes.push(
          `${label}: the ${source} says ${attr.name} "${attr.value}" but the ${seen.source} says "${seen.attr.value}"; kept "${seen.attr.value}"`,
        );
      } else if (attr.visual !== null && seen.attr.visual === null)
        final.set(attr.name, { attr: { ...seen.attr, visual: attr.visual }, source: seen.source });
    }
  }
  const attributes = [...final.values()].map(({ attr: a }) => ({
    name: a.name,
    value: a.value,
    visual: a.visual ?? attributeDefinition(a.name)?.usuallyVisual ?? false,
  }));
  const required = mergeSameSource(sources.gold)
    .attributes.filter((a) => final.get(a.name)?.attr.value === a.value)
    .map((a) => ({ name: a.name, value: a.value }));
  return { attributes, required };
}

function affordanceAttributes(affordance: CbAffordance | undefined): TextAttribute[] {
  return (affordance?.attribute ?? []).flatMap((entry) => attributesInEntry(entry));
}

// ---------------------------------------------------------------------------------------------------------
// The mapping

/** Where an imported scenario comes from; recorded in `source`. */
export const CREATIVITYBENCH_LICENSE =
  "CreativityBench public repository; see the CreativityBench repository for its licence";

/** A task turned into a scenario, with what the mapping had to leave out or decide. */
export interface ImportedScenario {
  /** Position of the task in the file (0-based). */
  readonly index: number;
  readonly taskId: string;
  readonly scenario: Scenario;
  /** One sentence each: data dropped or repaired while mapping. */
  readonly notes: string[];
}

/** A task that could not be imported. */
export interface TaskProblem {
  readonly index: number;
  /** null when the task has no readable task_id. */
  readonly taskId: string | null;
  readonly message: string;
}

/** Relative path of an entity's view card inside the scenario folder. */
export const entityViewFile = (entityId: string) => `entities/${entityId}.png`;

interface DraftPart {
  cb: CbPart;
  id: string;
  judge: CbJudge | null;
}
interface DraftEntity {
  name: string;
  id: string;
  parts: DraftPart[];
}

class TaskError extends Error {}

/** Maps one parsed task onto a scenario. Throws TaskError with a sentence when the task cannot be used. */
function mapTask(task: CbTask, index: number, scenarioId: string): ImportedScenario {
  const notes: string[] = [];
  const goldByEntity = new Map<string, string[]>();
  for (const g of task.golds)
    goldByEntity.set(nameKey(g.gold_entity), [...(goldByEntity.get(nameKey(g.gold_entity)) ?? []), g.gold_part]);

  // Entities and their parts.
  const entityIds = new SlugScope(60);
  const drafts: DraftEntity[] = [];
  task.entities.forEach((e, i) => {
    const judgeRaw = e.judge_output ?? {};
    const judgeKeys = Object.keys(judgeRaw);
    const parsed = parseEntityParts(e.description ?? "", [...judgeKeys, ...(goldByEntity.get(nameKey(e.name)) ?? [])]);
    const describedKeys = new Set(parsed.map((p) => nameKey(p.key)));
    for (const key of judgeKeys) {
      if (!describedKeys.has(nameKey(key))) {
        describedKeys.add(nameKey(key));
        parsed.push({ key, name: key.replace(/_/g, " ").trim(), physical: "", state: "", goldMarked: false });
        notes.push(
          `entities[${i}] "${e.name}": part "${key}" is judged but not described; added without a description`,
        );
      }
    }
    if (parsed.length === 0) {
      notes.push(
        `entities[${i}] "${e.name}": no parts found in its description (expected "part: physical — …; state — …"); left out`,
      );
      return;
    }
    const judgeKeyByName = new Map<string, string>();
    for (const k of judgeKeys) if (!judgeKeyByName.has(nameKey(k))) judgeKeyByName.set(nameKey(k), k);
    const partIds = new SlugScope(60);
    const parts = parsed.map((cb) => {
      const judgeKey = judgeKeyByName.get(nameKey(cb.key));
      let judge: CbJudge | null = null;
      if (judgeKey !== undefined) {
        const result = cbJudgeSchema.safeParse(judgeRaw[judgeKey]);
        if (result.success) judge = result.data;
        else notes.push(`entities[${i}] "${e.name}": judge_output["${judgeKey}"] is not an object; ignored`);
      }
      return { cb, judge, id: partIds.unique(slugify(cb.key) || "part") };
    });
    drafts.push({ name: e.name.trim(), id: entityIds.unique(slugify(e.name) || "entity"), parts });
  });
  if (drafts.length === 0) throw new TaskError("no entity has parts that can be read");
  // Every entity and part gets a box on a text card; past a few hundred the boxes would have no size.
  const fits = (count: number, frame: typeof SCENE_CARD) => {
    const box = gridBoxes(count, frame)[0];
    return box !== undefined && box[2] > 0 && box[3] > 0;
  };
  if (!fits(drafts.length, SCENE_CARD))
    throw new TaskError(`it has ${drafts.length} entities with parts, more than a scene card can show`);
  for (const d of drafts)
    if (!fits(d.parts.length, ENTITY_CARD))
      throw new TaskError(`entity "${d.name}" has ${d.parts.length} parts, more than an entity card can show`);

  // Gold solutions.
  const goldSources = new Map<DraftPart, CbAffordance | undefined>();
  const gold: Gold[] = [];
  task.golds.forEach((g, gi) => {
    const em = matchName(
      g.gold_entity,
      drafts.map((d) => d.name),
    );
    if (!em) throw new TaskError(`golds[${gi}].gold_entity "${g.gold_entity}" is not one of the entities with parts`);
    const entity = drafts[em.index]!;
    if (!em.exact) notes.push(`golds[${gi}]: entity "${g.gold_entity}" matched to "${entity.name}"`);
    let pm = matchName(
      g.gold_part,
      entity.parts.map((p) => p.cb.key),
    );
    if (!pm) {
      const marked = entity.parts.filter((p) => p.cb.goldMarked);
      if (marked.length === 1) pm = { index: entity.parts.indexOf(marked[0]!), exact: false };
    }
    if (!pm)
      throw new TaskError(
        `golds[${gi}].gold_part "${g.gold_part}" is not a part of "${entity.name}" (parts: ${entity.parts.map((p) => p.cb.key).join(", ")})`,
      );
    const part = entity.parts[pm.index]!;
    if (!pm.exact) notes.push(`golds[${gi}]: part "${g.gold_part}" matched to "${part.cb.key}"`);
    if (gold.some((x) => x.entity === entity.id && x.part === part.id)) {
      notes.push(`golds[${gi}]: repeats ${entity.id}/${part.id}; kept once`);
      return;
    }
    goldSources.set(part, g.gold_affordance);
    const affordance = isNa(g.gold_affordance?.affordance) ? null : g.gold_affordance!.affordance!.trim();
    if (!affordance) throw new TaskError(`golds[${gi}].gold_affordance.affordance is missing`);
    const howTo = howToFrom(gi === 0 ? task.solution : undefined, g.gold_affordance?.use_condition) ?? affordance;
    gold.push({ entity: entity.id, part: part.id, affordance, requiredAttributes: [], howTo });
  });

  // Parts: descriptions, attributes, affordances; similar[] from the judge.
  const similar: Similar[] = [];
  const entitiesWithSimilar = new Set<string>();
  const entities: Entity[] = drafts.map((d) => {
    const parts: Part[] = d.parts.map((p) => {
      const label = `${d.id}/${p.id}`;
      const goldAffordance = goldSources.get(p);
      const judgeAffordance =
        p.judge && typeof p.judge.affordance === "object" && p.judge.affordance ? p.judge.affordance : undefined;
      const { attributes, required } = resolveAttributes(
        {
          prose: attributesInProse(p.cb.physical, p.cb.state),
          gold: affordanceAttributes(goldAffordance),
          judge: affordanceAttributes(judgeAffordance),
        },
        label,
        notes,
      );
      const g = gold.find((x) => x.entity === d.id && x.part === p.id);
      if (g) {
        g.requiredAttributes = required;
      }
      const affordances = [goldAffordance?.affordance, judgeAffordance?.affordance]
        .filter((a): a is string => !isNa(a))
        .map((a) => a.trim())
        .filter((a, i, all) => all.indexOf(a) === i);
      if (p.judge && isYes(p.judge.similar_affordance)) {
        if (g) notes.push(`${label}: judged similar but it is gold; kept as gold only`);
        else {
          similar.push({ entity: d.id, part: p.id, difficulty: similarDifficulty(p.judge.decision_making_difficulty) });
          entitiesWithSimilar.add(d.id);
        }
      }
      return {
        id: p.id,
        name: p.cb.name || p.id,
        region: { box: [0, 0, 1, 1] },
        description: partText(p.cb),
        attributes,
        affordances,
      };
    });
    return {
      id: d.id,
      name: d.name,
      region: { box: [0, 0, 1, 1] },
      view: entityViewFile(d.id),
      description: `${d.name}. Parts: ${parts.map((p) => p.name).join("; ")}.`,
      parts,
    };
  });

  // Listed alphabetically: CreativityBench files put the gold entity first, which would give the answer away.
  entities.sort((a, b) => a.id.localeCompare(b.id));
  similar.sort((a, b) => a.entity.localeCompare(b.entity) || a.part.localeCompare(b.part));
  const sceneBoxes = gridBoxes(entities.length, SCENE_CARD);
  entities.forEach((entity, i) => {
    entity.region = { box: sceneBoxes[i]! };
    const partBoxes = gridBoxes(entity.parts.length, ENTITY_CARD);
    entity.parts.forEach((part, j) => (part.region = { box: partBoxes[j]! }));
  });

  // Items and the tier.
  const items = itemsOf(task, notes);
  const goldEntityIds = new Set(gold.map((g) => g.entity));
  const nonGold = entities.filter((e) => !goldEntityIds.has(e.id));
  const difficulty = typeof task.setting === "object" ? task.setting.difficulty : undefined;
  const tier =
    tierFromDifficulty(difficulty) ??
    tierFromShare(nonGold.filter((e) => entitiesWithSimilar.has(e.id)).length, nonGold.length);

  const setting = settingOf(task);
  const settingLabel = setting.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  const recipient = items.find((it) => it.role === "recipient");
  const scenario: Scenario = {
    schemaVersion: 2,
    id: scenarioId,
    version: 1,
    title: recipient ? `${settingLabel}: ${recipient.name}` : `${settingLabel} (CreativityBench task)`,
    setting,
    task: task.task.trim(),
    constraints: [],
    distractorSimilarity: tier,
    scene: { image: "scene.png", width: SCENE_CARD.width, height: SCENE_CARD.height },
    entities,
    ...(items.length ? { items } : {}),
    gold,
    ...(similar.length ? { similar } : {}),
    source: {
      kind: "imported",
      license: CREATIVITYBENCH_LICENSE,
      attribution: `CreativityBench (arXiv 2605.02910), task ${task.task_id}`,
    },
  };
  const check = validateScenarioDocument(scenario, { file: `${scenarioId}/scenario.json` });
  if (check.issues.length) {
    const shown = check.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
    const more = check.issues.length > 3 ? ` (and ${check.issues.length - 3} more)` : "";
    throw new TaskError(`the mapped scenario is not valid: ${shown.join("; ")}${more}`);
  }
  return { index, taskId: task.task_id, scenario, notes };
}

/**
 * Items are context objects, not candidates. Role: `recipient` when CreativityBench marks the item
 * interactable; `condition` when the task text mentions it (it is what must be kept safe or worked around);
 * otherwise `noise`.
 */
function itemsOf(task: CbTask, notes: string[]): Item[] {
  const parsed: { name: string; description: string; interactable: boolean }[] = [];
  (task.items ?? []).forEach((raw, i) => {
    const r = cbItemSchema.safeParse(raw);
    if (!r.success) notes.push(`items[${i}]: not an item with a name; left out`);
    else
      parsed.push({
        name: r.data.name.trim(),
        description: (r.data.description ?? "").trim(),
        interactable: isYes(r.data.interactable),
      });
  });
  const taskWords = new Set(words(task.task));
  const recipientWords = new Set(parsed.filter((p) => p.interactable).flatMap((p) => words(p.name)));
  const taskText = ` ${words(task.task).join(" ")} `;
  return parsed.map((p) => {
    const head = words(p.name).at(-1) ?? "";
    const mentioned =
      taskText.includes(` ${words(p.name).join(" ")} `) ||
      (head.length >= 3 && taskWords.has(head) && !recipientWords.has(head));
    return {
      name: p.name,
      role: p.interactable ? "recipient" : mentioned ? "condition" : "noise",
      description: p.description,
    };
  });
}

function zodProblem(issue: $ZodIssue): string {
  const where = formatPath(issue.path);
  const what =
    issue.code === "invalid_type" && issue.input === undefined
      ? "is missing"
      : issue.code === "too_small" && issue.origin === "string"
        ? "is empty"
        : issue.message.replace(/^Invalid input: /, "");
  return where ? `${where} ${what}` : what;
}

/**
 * Imports a parsed CreativityBench file: an array of tasks or a single task. Every task that can be used
 * becomes a scenario (ids unique within the file); every other task becomes one problem naming its index,
 * task_id and what is wrong. Throws nothing for bad tasks; a document that is neither a task nor an array of
 * them yields a single problem with index -1.
 */
export function importCreativityBenchDocument(raw: unknown): {
  scenarios: ImportedScenario[];
  problems: TaskProblem[];
} {
  const tasks = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : null;
  if (!tasks)
    return {
      scenarios: [],
      problems: [
        { index: -1, taskId: null, message: "expected a CreativityBench task (an object) or an array of tasks" },
      ],
    };
  const scenarios: ImportedScenario[] = [];
  const problems: TaskProblem[] = [];
  const ids = new SlugScope(MAX_SCENARIO_ID);
  tasks.forEach((rawTask, index) => {
    const idField = rawTask && typeof rawTask === "object" ? (rawTask as { task_id?: unknown }).task_id : undefined;
    const taskId = typeof idField === "string" || typeof idField === "number" ? String(idField) : null;
    const parsed = cbTaskSchema.safeParse(rawTask, { reportInput: true });
    if (!parsed.success) {
      const messages = parsed.error.issues.map(zodProblem);
      problems.push({
        index,
        taskId,
        message:
          rawTask && typeof rawTask === "object" && !Array.isArray(rawTask)
            ? messages.join("; ")
            : "expected a task object",
      });
      return;
    }
    try {
      const base = scenarioIdFor(parsed.data.task_id);
      const id = ids.free(base);
      const imported = mapTask(parsed.data, index, id);
      ids.take(id);
      if (id !== base)
        imported.notes.push(`its id "${base}" is taken by an earlier task in the file; written as "${id}"`);
      scenarios.push(imported);
    } catch (error) {
      if (!(error instanceof TaskError)) throw error;
      problems.push({ index, taskId, message: error.message });
    }
  });
  return { scenarios, problems };
}
