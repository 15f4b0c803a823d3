/**
 * Where mmcb keeps its files. Everything it writes lives under the data folder (MMCB_DATA_DIR, default
 * `<app>/data`): the SQLite database, the view cache, exports. The app root is the checkout
 * (MMCB_APP_ROOT, set by the `mmcb` launcher; the working directory for `next start`).
 */
import path from "node:path";

/** The checkout the app and CLI run from (absolute). */
export function appRoot(): string {
  return path.resolve(process.env.MMCB_APP_ROOT ?? process.cwd());
}

/** The data folder (absolute). */
export function dataDir(): string {
  return path.resolve(appRoot(), process.env.MMCB_DATA_DIR ?? "data");
}

/** The scenario store: MMCB_SCENARIOS_DIR, default `<app>/scenarios`. */
export function defaultScenariosDir(): string {
  return path.resolve(appRoot(), process.env.MMCB_SCENARIOS_DIR ?? "scenarios");
}

/** Where `mmcb import` writes scenario folders by default: `<dataDir>/imported` (the app reads it too). */
export function importedScenariosDir(): string {
  return path.join(dataDir(), "imported");
}

/** The view cache folder. */
export function viewCacheDir(): string {
  return path.join(dataDir(), "cache", "views");
}

/** The folder holding Prisma migrations. */
export function migrationsDir(): string {
  return path.join(appRoot(), "prisma", "migrations");
}

/** The database URL: DATABASE_URL, default a SQLite file in the data folder. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), "mmcb.db")}`;
}
