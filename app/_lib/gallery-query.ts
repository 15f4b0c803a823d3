/**
 * The gallery's filters live in the URL (`?setting=kitchen&tier=mixed&q=screw`) so a filtered view can
 * be shared. Unknown or malformed values are ignored rather than rejected.
 */
import { z } from "zod";
import { DISTRACTOR_TIERS, type DistractorTier } from "@/core/scenario";
import type { ScenarioSummary } from "@/lib/scenarios/summary";

export interface GalleryQuery {
  readonly setting: string | null;
  readonly tier: DistractorTier | null;
  readonly q: string;
  /** `draft`: only scenarios not yet published; `published`: only the benchmark's; absent: both. */
  readonly status?: ScenarioStatus | undefined;
}

export const SCENARIO_STATUSES = ["published", "draft"] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const querySchema = z.object({
  setting: z.preprocess(
    first,
    z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional()
      .catch(undefined),
  ),
  tier: z.preprocess(first, z.enum(DISTRACTOR_TIERS).optional().catch(undefined)),
  q: z.preprocess(first, z.string().max(200).optional().catch(undefined)),
  status: z.preprocess(first, z.enum(SCENARIO_STATUSES).optional().catch(undefined)),
});

export function parseGalleryQuery(searchParams: Record<string, string | string[] | undefined>): GalleryQuery {
  const parsed = querySchema.parse(searchParams);
  return {
    setting: parsed.setting ?? null,
    tier: parsed.tier ?? null,
    q: (parsed.q ?? "").trim(),
    ...(parsed.status ? { status: parsed.status } : {}),
  };
}

/** The gallery URL for a query, with `patch` applied (null removes a filter). */
export function galleryHref(query: GalleryQuery, patch: Partial<GalleryQuery> = {}): string {
  const next = { ...query, ...patch };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.setting) params.set("setting", next.setting);
  if (next.tier) params.set("tier", next.tier);
  if (next.status) params.set("status", next.status);
  const s = params.toString();
  return s ? `/scenarios?${s}` : "/scenarios";
}

/** Scenarios matching every filter; the text search needs every word in the title or the task. */
export function filterSummaries(summaries: readonly ScenarioSummary[], query: GalleryQuery): ScenarioSummary[] {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  return summaries.filter((s) => {
    if (query.setting && s.setting !== query.setting) return false;
    if (query.tier && s.distractorSimilarity !== query.tier) return false;
    if (query.status && (query.status === "draft") !== s.draft) return false;
    if (words.length === 0) return true;
    const text = `${s.title}\n${s.task}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Each value present in the library with its count, sorted by name. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
}
