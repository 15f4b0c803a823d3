/**
 * The published MM-CreativityBench leaderboard (the paper's rows), kept in the project as data
 * (lib/leaderboard/published.json) with its source, so a fresh clone shows it. The copy is checked
 * against the shared reference file by lib/leaderboard/published.test.ts.
 */
import { z } from "zod";
import data from "./published.json";

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

const sourceSchema = z.object({
  /** The paper's title. */
  paper: z.string(),
  arxiv: z.string(),
  url: z.url(),
  /** Which table of the paper the rows are. */
  table: z.string(),
  /** When the paper was published (YYYY-MM). */
  published: z.string(),
  /** When the rows were copied into the project (YYYY-MM-DD). */
  copied: z.string(),
});
export type PublishedSource = z.infer<typeof sourceSchema>;

export const publishedFileSchema = z.object({
  source: sourceSchema,
  rows: z.array(rowSchema).min(1),
});

export interface PublishedLeaderboard {
  readonly source: PublishedSource;
  /** The paper's rows in their published order. */
  readonly rows: readonly PublishedRow[];
}

/** The project's copy of the paper's leaderboard (throws at start-up if the data file is malformed). */
export function loadPublishedLeaderboard(): PublishedLeaderboard {
  const parsed = publishedFileSchema.parse(data);
  return { source: parsed.source, rows: [...parsed.rows].sort((a, b) => a.order - b.order) };
}
