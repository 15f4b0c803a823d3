/**
 * `npm run db:deploy`: apply pending migrations to the database DATABASE_URL names (default the SQLite file
 * in the data folder; prisma/migrations for SQLite, prisma/pg/migrations for PostgreSQL), then exit. The app,
 * the CLI and the workers also migrate on first use; this is for doing it ahead of time.
 */
import { appRoot, databaseUrl, migrationsDir } from "@/lib/config";
import { dbProvider, pgMigrationsDir } from "@/lib/db/client";
import { migrateSqlite, sqlitePath } from "@/lib/db/migrate";
import { migratePostgres, redactUrl } from "@/lib/db/migrate-pg";

async function main(): Promise<void> {
  const url = databaseUrl();
  const report =
    dbProvider(url) === "postgres"
      ? await migratePostgres(url, pgMigrationsDir())
      : migrateSqlite(sqlitePath(url, appRoot()), migrationsDir());
  console.log(
    `${url.startsWith("file:") ? url : redactUrl(url)}: applied ${report.applied.length ? report.applied.join(", ") : "nothing"} (${report.alreadyApplied} already applied)`,
  );
}

main().catch((error: unknown) => {
  console.error(`db:deploy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
