/**
 * Validation of a scenario document: structure (zod), then everything that spans fields — unique ids,
 * gold/similar references, vocabulary, regions inside their images, image files present and of the
 * declared size. Pure: the caller supplies image sizes. Every problem becomes one precise issue
 * (`file: json.path: what is wrong`); nothing throws.
 */
import type { $ZodIssue } from "zod/v4/core";
import { formatPath, type ValidationIssue } from "../errors";
import { rectInside, regionBounds, type Rect } from "./geometry";
import { renderConsistencyIssues } from "./render-annotations";
import { meetsRequirement } from "./requirements";
import {
  formatAttributeValue,
  scenarioSchema,
  type AttributeClaim,
  type Part,
  type Region,
  type Scenario,
} from "./schema";
import { ATTRIBUTE_NAMES, attributeDefinition, normalizeAttributeValue, normalizeToken } from "./vocabulary";

/** What the caller knows about an image file referenced by the scenario. */
export type ImageProbe =
  | { readonly status: "ok"; readonly width: number; readonly height: number }
  | { readonly status: "missing" }
  | { readonly status: "unreadable"; readonly reason: string };

export interface ValidationContext {
  /** The file name used in messages, e.g. `scenarios/coin-lid/scenario.json`. */
  readonly file: string;
  /** The folder the scenario lives in; its `id` must equal it. */
  readonly folderName?: string;
  /** Image probe; without one, image files are not checked. */
  readonly probeImage?: (file: string) => ImageProbe;
  /**
   * The scenario's render.json (read by the caller for a `source.kind: "rendered"` scenario); without it the
   * render consistency is not checked.
   */
  readonly renderJson?:
    | { readonly status: "ok"; readonly data: unknown }
    | { readonly status: "missing" | "unreadable"; readonly reason?: string };
}

export interface ValidationResult {
  /** The scenario when there is no issue, else null. */
  readonly scenario: Scenario | null;
  /** The structurally valid document (even when cross-field checks failed), else null. */
  readonly document: Scenario | null;
  readonly issues: ValidationIssue[];
}

/** Parses scenario.json text and validates it. Invalid JSON is reported with its line and column. */
export function validateScenarioText(text: string, ctx: ValidationContext): ValidationResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      scenario: null,
      document: null,
      issues: [{ file: ctx.file, path: "", message: describeJsonError(text, error) }],
    };
  }
  return validateScenarioDocument(raw, ctx);
}

/** Validates an already-parsed scenario document. */
export function validateScenarioDocument(raw: unknown, ctx: ValidationContext): ValidationResult {
  const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return {
      scenario: null,
      document: null,
      issues: parsed.error.issues.map((issue) => fromZodIssue(ctx.file, issue)),
    };
  }
  const issues = crossFieldIssues(parsed.data, ctx);
  return { scenario: issues.length === 0 ? parsed.data : null, document: parsed.data, issues };
}

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return `invalid JSON: ${message}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

function fromZodIssue(file: string, issue: $ZodIssue): ValidationIssue {
  const path = formatPath(issue.path);
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return { file, path, message: `required field is missing (expected ${issue.expected})` };
  }
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    return { file, path, message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}` };
  }
  if (issue.code === "invalid_union" && issue.path.at(-1) === "region") {
    return {
      file,
      path,
      message: 'expected { "box": [x, y, w, h] } or { "polygon": [[x, y], …] } with positive numbers',
    };
  }
  if (issue.code === "invalid_union" && issue.path.at(-1) === "value") {
    return { file, path, message: "expected a value (a string) or a non-empty list of values" };
  }
  return { file, path, message: issue.message.replace(/^Invalid (input|option): /, "") };
}

function crossFieldIssues(s: Scenario, ctx: ValidationContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ file: ctx.file, path, message });

  if (ctx.folderName !== undefined && s.id !== ctx.folderName) {
    add("id", `"${s.id}" does not match its folder name "${ctx.folderName}"`);
  }

  checkIds(s, add);
  checkAttributes(s, add);
  checkGoldAndSimilar(s, add);
  if (ctx.probeImage) checkImages(s, ctx.probeImage, add);
  if (ctx.renderJson && s.source.kind === "rendered") {
    if (ctx.renderJson.status !== "ok")
      add(
        "source.kind",
        `a rendered scenario needs a readable render.json next to scenario.json (${ctx.renderJson.reason ?? ctx.renderJson.status})`,
      );
    else for (const i of renderConsistencyIssues(s, ctx.renderJson.data)) add(i.path, i.message);
  }
  return issues;
}

type Add = (path: string, message: string) => void;

function checkIds(s: Scenario, add: Add): void {
  const seen = new Map<string, number>();
  s.entities.forEach((entity, i) => {
    const first = seen.get(entity.id);
    if (first !== undefined) add(`entities[${i}].id`, `duplicate entity id "${entity.id}" (also entities[${first}])`);
    else seen.set(entity.id, i);
    const parts = new Map<string, number>();
    entity.parts.forEach((part, j) => {
      const firstPart = parts.get(part.id);
      if (firstPart !== undefined) {
        add(
          `entities[${i}].parts[${j}].id`,
          `duplicate part id "${part.id}" in entity "${entity.id}" (also parts[${firstPart}])`,
        );
      } else parts.set(part.id, j);
    });
  });
}

/** What is wrong with one value of attribute `name`, or null; `unknown attribute` problems name the field. */
function valueProblem(name: string, value: string): string | null {
  const definition = attributeDefinition(name);
  if (!definition) return `unknown attribute "${name}"; expected one of ${ATTRIBUTE_NAMES.join(", ")}`;
  if (definition.values === null) return null;
  const canonical = normalizeAttributeValue(name, value);
  if (canonical === null)
    return `"${value}" is not a value of ${name}; expected one of ${definition.values.join(", ")}`;
  if (canonical !== value) return `"${value}" is not canonical; write "${canonical}"`;
  return null;
}

function checkAttributes(s: Scenario, add: Add): void {
  s.entities.forEach((entity, i) =>
    entity.parts.forEach((part, j) => {
      const names = new Set<string>();
      part.attributes.forEach((attr, k) => {
        const path = `entities[${i}].parts[${j}].attributes[${k}]`;
        if (!attributeDefinition(attr.name)) add(`${path}.name`, valueProblem(attr.name, "")!);
        else if (typeof attr.value === "string") {
          const problem = valueProblem(attr.name, attr.value);
          if (problem) add(`${path}.value`, problem);
        } else checkValueList(attr.name, attr.value, `${path}.value`, add);
        if (names.has(attr.name))
          add(`${path}.name`, `attribute "${attr.name}" is annotated twice on part "${part.id}"`);
        names.add(attr.name);
      });
    }),
  );
}

/** A list of values: every member canonical, none listed twice (after normalisation). */
function checkValueList(name: string, values: readonly string[], path: string, add: Add): void {
  const first = new Map<string, number>();
  values.forEach((value, m) => {
    const problem = valueProblem(name, value);
    if (problem) {
      add(`${path}[${m}]`, problem);
      return;
    }
    const token = normalizeAttributeValue(name, value) ?? normalizeToken(value);
    const earlier = first.get(token);
    if (earlier !== undefined)
      add(
        `${path}[${m}]`,
        `"${value}" is listed twice (also ${path.replace(/^.*\./, "")}[${earlier}]); list each value once`,
      );
    else first.set(token, m);
  });
}

function checkClaims(claims: AttributeClaim[], basePath: string, part: Part | undefined, add: Add): void {
  claims.forEach((claim, k) => {
    const path = `${basePath}[${k}]`;
    const problem = valueProblem(claim.name, claim.value);
    if (problem) {
      add(problem.startsWith("unknown attribute") ? `${path}.name` : `${path}.value`, problem);
      return;
    }
    if (!part) return;
    const annotation = part.attributes.find((a) => a.name === claim.name);
    if (!annotation) {
      add(
        `${path}.name`,
        `requires ${claim.name} "${claim.value}" but part "${part.id}" has no ${claim.name} annotation; a gold part must meet its own requirements`,
      );
    } else if (!meetsRequirement(part, claim)) {
      add(
        `${path}.value`,
        `requires ${claim.name} "${claim.value}" but the part is annotated "${formatAttributeValue(annotation.value)}"`,
      );
    }
  });
}

function checkGoldAndSimilar(s: Scenario, add: Add): void {
  const pairs = new Map<string, string>();
  const resolve = (path: string, entityId: string, partId: string) => {
    const entity = s.entities.find((e) => e.id === entityId);
    if (!entity) {
      add(`${path}.entity`, `"${entityId}" is not an entity of this scenario`);
      return undefined;
    }
    const part = entity.parts.find((p) => p.id === partId);
    if (!part) {
      add(`${path}.part`, `"${partId}" is not a part of entity "${entityId}"`);
      return undefined;
    }
    return part;
  };

  s.gold.forEach((gold, i) => {
    const path = `gold[${i}]`;
    const part = resolve(path, gold.entity, gold.part);
    const key = `${gold.entity}/${gold.part}`;
    if (pairs.has(key)) add(path, `duplicate solution ${key} (also ${pairs.get(key)})`);
    else pairs.set(key, path);
    checkClaims(gold.requiredAttributes, `${path}.requiredAttributes`, part, add);
  });

  (s.similar ?? []).forEach((similar, i) => {
    const path = `similar[${i}]`;
    resolve(path, similar.entity, similar.part);
    const key = `${similar.entity}/${similar.part}`;
    const other = pairs.get(key);
    if (other) add(path, `${key} is already listed in ${other}; a part is either gold or similar, once`);
    else pairs.set(key, path);
  });
}

function checkImages(s: Scenario, probeImage: (file: string) => ImageProbe, add: Add): void {
  const probes = new Map<string, ImageProbe>();
  const probe = (file: string) => {
    let result = probes.get(file);
    if (!result) {
      result = probeImage(file);
      probes.set(file, result);
    }
    return result;
  };
  const sizeOrReport = (path: string, file: string): { width: number; height: number } | null => {
    const result = probe(file);
    if (result.status === "missing") {
      add(path, `image file "${file}" does not exist`);
      return null;
    }
    if (result.status === "unreadable") {
      add(path, `image file "${file}" cannot be read as an image: ${result.reason}`);
      return null;
    }
    return result;
  };
  const checkInside = (path: string, region: Region, size: { width: number; height: number }, what: string) => {
    const b = regionBounds(region);
    if (!rectInside(b, size.width, size.height)) {
      add(path, `region ${describeRect(b)} extends outside ${what} (${size.width}×${size.height})`);
    }
  };

  const scene = sizeOrReport("scene.image", s.scene.image);
  if (scene && (scene.width !== s.scene.width || scene.height !== s.scene.height)) {
    add(
      "scene",
      `declared size ${s.scene.width}×${s.scene.height} does not match "${s.scene.image}" (${scene.width}×${scene.height})`,
    );
  }
  const declaredScene = { width: s.scene.width, height: s.scene.height };

  s.entities.forEach((entity, i) => {
    const path = `entities[${i}]`;
    checkInside(`${path}.region`, entity.region, declaredScene, "the scene image");
    const view = entity.view ? sizeOrReport(`${path}.view`, entity.view) : declaredScene;
    entity.parts.forEach((part, j) => {
      const partPath = `${path}.parts[${j}]`;
      if (part.view) sizeOrReport(`${partPath}.view`, part.view);
      if (view)
        checkInside(
          `${partPath}.region`,
          part.region,
          view,
          entity.view ? `the view image "${entity.view}"` : "the scene image",
        );
    });
  });
}

function describeRect(r: Rect): string {
  const n = (v: number) => Math.round(v * 10) / 10;
  return `[${n(r.x)}, ${n(r.y)}, ${n(r.w)}, ${n(r.h)}]`;
}
