/**
 * The Prisma client, created once per process after the database is migrated. Only lib/db imports the
 * generated client; everything else goes through the repositories, which return core types.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { MmcbError } from "@/core/errors";
import { appRoot, databaseUrl, migrationsDir } from "@/lib/config";
import { PrismaClient } from "./generated/client";
import { migrateSqlite, sqlitePath } from "./migrate";

export type Db = PrismaClient;

const g = globalThis as unknown as { __mmcbDb?: { url: string; client: PrismaClient } };

/** The database, migrated on first use. Throws db:failed with a readable sentence. */
export function getDb(): Db {
  const url = databaseUrl();
  if (g.__mmcbDb?.url === url) return g.__mmcbDb.client;
  if (!url.startsWith("file:")) {
    throw new MmcbError(
      "db:failed",
      `DATABASE_URL scheme "${url.split(":")[0]}" is not supported yet; use a file: URL (SQLite)`,
    );
  }
  const file = sqlitePath(url, appRoot());
  migrateSqlite(file, migrationsDir());
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 }) });
  // WAL (set by the migrator, persistent) with synchronous=NORMAL: a crash of the process loses nothing
  // committed; only a power cut can lose the last transactions. Queued before any other query.
  void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  g.__mmcbDb = { url, client };
  return client;
}

/** Closes the database connection (CLI commands call this before exiting). */
export async function closeDb(): Promise<void> {
  const current = g.__mmcbDb;
  g.__mmcbDb = undefined;
  await current?.client.$disconnect();
}
