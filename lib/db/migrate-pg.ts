/**
 * Applies prisma/pg/migrations to a PostgreSQL database at start-up, like migrate.ts does for SQLite:
 * Prisma's own `_prisma_migrations` bookkeeping and checksums, one transaction per migration. A session
 * advisory lock serialises starters, so several workers starting at once apply each migration once.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { MmcbError } from "@/core/errors";
import type { MigrationReport } from "./migrate";

/** Advisory lock key shared by every mmcb process migrating a database ("mmcbmigr" in ASCII). */
const LOCK_KEY = "7885067796989175666";

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Is this a PostgreSQL connection URL? */
export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

/** A URL safe to print: the password replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, "$1:***@");
}

/** Applies every pending migration in `migrationsDir` to the database at `url`. */
export async function migratePostgres(url: string, migrationsDir: string): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new MmcbError("db:failed", `cannot connect to ${redactUrl(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    await client.query(BOOKKEEPING);
    const names = existsSync(migrationsDir)
      ? readdirSync(migrationsDir)
          .filter((d) => statSync(path.join(migrationsDir, d)).isDirectory())
          .sort()
      : [];
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const name of names) {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const known = done.get(name);
      if (known !== undefined) {
        if (known !== checksum)
          throw new MmcbError("db:failed", `migration ${name} was changed after it was applied to ${redactUrl(url)}`);
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
        applied.push(name);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new MmcbError("db:failed", `migration ${name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    return { applied, alreadyApplied: names.length - applied.length };
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
