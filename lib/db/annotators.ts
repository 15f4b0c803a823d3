/** Annotator repository: the light identity stored with everything a person does. */
import { randomUUID } from "node:crypto";
import { MmcbError } from "@/core/errors";
import type { Db } from "./client";

export interface Annotator {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
}

/** Finds the annotator with this name (trimmed, 1–60 characters, no control characters) or creates one. */
export async function getOrCreateAnnotator(db: Db, rawName: string): Promise<Annotator> {
  const name = rawName.trim().replace(/\s+/g, " ");
  if (name.length === 0 || name.length > 60)
    throw new MmcbError("input:invalid", "an annotator name must have 1 to 60 characters");
  // PostgreSQL cannot store a NUL in text (SQLite can): refuse control characters on both stores alike
  if (/\p{Cc}/u.test(name))
    throw new MmcbError("input:invalid", "an annotator name must not contain control characters");
  const row = await db.annotator.upsert({ where: { name }, create: { id: randomUUID(), name }, update: {} });
  return { id: row.id, name: row.name, createdAt: row.createdAt };
}
