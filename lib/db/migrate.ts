/**
 * Applies prisma/migrations to the SQLite database at start-up, offline (the Prisma CLI's migrate needs
 * a native engine these machines cannot download). Bookkeeping uses Prisma's own `_prisma_migrations`
 * table and checksums, so `prisma migrate deploy` would accept the result. Each migration runs in its
 * own transaction under an immediate lock: a failed migration rolls back, concurrent starters wait.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MmcbError } from "@/core/errors";
import { storageError } from "@/lib/fs-errors";

export interface MigrationReport {
  readonly applied: string[];
  readonly alreadyApplied: number;
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** The file path of a `file:` SQLite URL (relative paths resolve against `baseDir`). */
export function sqlitePath(url: string, baseDir: string): string {
  if (!url.startsWith("file:")) throw new MmcbError("db:failed", `not a SQLite file URL: ${url.split(":")[0]}:…`);
  const file = url.slice("file:".length).split("?")[0]!;
  return path.resolve(baseDir, file);
}

/** Applies every pending migration in `migrationsDir` to the SQLite file `dbFile` (created if missing). */
export function migrateSqlite(dbFile: string, migrationsDir: string): MigrationReport {
  const folder = path.dirname(dbFile);
  const place = `the database folder ${folder}`;
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw storageError(error, place) ?? error;
  }
  let db: Database.Database;
  try {
    db = new Database(dbFile);
  } catch (error) {
    throw (
      storageError(error, place) ??
      new MmcbError("db:failed", `cannot open the database ${dbFile}: ${(error as Error).message}`, { cause: error })
    );
  }
  try {
    try {
      db.pragma("busy_timeout = 10000");
      db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      db.exec(BOOKKEEPING);
    } catch (error) {
      throw storageError(error, place) ?? error;
    }
    const names = existsSync(migrationsDir)
      ? readdirSync(migrationsDir)
          .filter((d) => statSync(path.join(migrationsDir, d)).isDirectory())
          .sort()
      : [];
    const done = new Map(
      (
        db
          .prepare(
            `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
          .all() as { migration_name: string; checksum: string }[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const applied: string[] = [];
    for (const name of names) {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const known = done.get(name);
      if (known !== undefined) {
        if (known !== checksum)
          throw new MmcbError("db:failed", `migration ${name} was changed after it was applied to ${dbFile}`);
        continue;
      }
      const apply = db.transaction(() => {
        // re-check under the lock: another process may have applied it meanwhile
        const row = db
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`)
          .get(name);
        if (row) return false;
        db.exec(sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), checksum, name);
        return true;
      });
      try {
        if (apply.immediate()) applied.push(name);
      } catch (error) {
        const storage = storageError(error, place);
        if (storage) throw storage;
        throw new MmcbError("db:failed", `migration ${name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    return { applied, alreadyApplied: names.length - applied.length };
  } finally {
    db.close();
  }
}
