/**
 * The published MM-CreativityBench leaderboard (the paper's table), read at request time from the shared
 * reference folder beside the repository. It is reference material, never copied into this repository:
 * when the file is absent or does not parse, there is simply nothing to show.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const rowSchema = z.object({
  order: z.number(),
  model: z.string(),
  group: z.string(),
  gold_correct: z.number(),
  entity_correct: z.number(),
  turns: z.number(),
  avg_distinct_entities: z.number(),
  avg_distinct_parts: z.number(),
  gold_entity_explored_entity_correct: z.number().nullable().optional(),
  gold_entity_explored_entity_wrong: z.number().nullable().optional(),
  gold_part_explored_part_correct: z.number().nullable().optional(),
  gold_part_explored_part_wrong: z.number().nullable().optional(),
});
export type PublishedRow = z.infer<typeof rowSchema>;

/** Where the reference table lives, relative to the app's working directory. */
export function publishedLeaderboardPath(): string {
  return path.resolve(process.cwd(), "../shared/reference/mm-creativitybench/leaderboard.json");
}

/** The paper's rows in their published order; empty when the file is absent or unreadable. */
export async function loadPublishedLeaderboard(): Promise<PublishedRow[]> {
  let text: string;
  try {
    text = await readFile(publishedLeaderboardPath(), "utf8");
  } catch {
    return [];
  }
  try {
    const parsed = z.array(rowSchema).safeParse(JSON.parse(text));
    return parsed.success ? [...parsed.data].sort((a, b) => a.order - b.order) : [];
  } catch {
    return [];
  }
}
