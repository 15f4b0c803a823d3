// scripts/prisma-wasm.mjs — offline `migrate dev/deploy`, `db push`, `migrate diff` for SQLite
//   node scripts/prisma-wasm.mjs create <name> | deploy | push | diff
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

// the package is built for bundlers (imports the .wasm as an ES module); instantiate it by hand for Node
const wasmPath = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
  "schema_engine_bg.wasm",
);
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
bg.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();
const { SchemaEngine } = bg;

const SCHEMA = "prisma/schema.prisma";
const MIGRATIONS = "prisma/migrations";
// Authoring database for `create` (a scratch file, rebuilt from the migrations); see lib/db/migrate.ts for start-up.
const url = process.env.DATABASE_URL ?? "file:./data/schema-dev.db";
mkdirSync("data", { recursive: true });

// --- error-capturing binder (same contract as Prisma 6's bindMigrationAwareSqlAdapterFactory)
const ok = (value) => ({ ok: true, value });
const registry = {
  errors: [],
  consumeError(id) {
    return this.errors[id];
  },
  registerNewError(error) {
    this.errors.push({ error });
    return this.errors.length - 1;
  },
};
const wrap =
  (fn) =>
  async (...a) => {
    try {
      return ok(await fn(...a));
    } catch (error) {
      if (error?.name === "DriverAdapterError" && typeof error.cause === "object")
        return { ok: false, error: error.cause };
      return { ok: false, error: { kind: "GenericJs", id: registry.registerNewError(error) } };
    }
  };
const bindTx = (tx) => ({
  adapterName: tx.adapterName,
  provider: tx.provider,
  options: tx.options,
  queryRaw: wrap(tx.queryRaw.bind(tx)),
  executeRaw: wrap(tx.executeRaw.bind(tx)),
  commit: wrap(tx.commit.bind(tx)),
  rollback: wrap(tx.rollback.bind(tx)),
});
const bindAdapter = (ad) => {
  const b = {
    adapterName: ad.adapterName,
    provider: ad.provider,
    errorRegistry: registry,
    queryRaw: wrap(ad.queryRaw.bind(ad)),
    executeRaw: wrap(ad.executeRaw.bind(ad)),
    executeScript: wrap(ad.executeScript.bind(ad)),
    dispose: wrap(ad.dispose.bind(ad)),
    startTransaction: async (...a) => {
      const r = await wrap(ad.startTransaction.bind(ad))(...a);
      return r.ok ? ok(bindTx(r.value)) : r;
    },
  };
  if (ad.getConnectionInfo)
    b.getConnectionInfo = (...a) => {
      try {
        return ok(ad.getConnectionInfo(...a));
      } catch (e) {
        return { ok: false, error: { kind: "GenericJs", id: registry.registerNewError(e) } };
      }
    };
  return b;
};
const factory = new PrismaBetterSqlite3({ url });
const boundFactory = {
  adapterName: factory.adapterName,
  provider: factory.provider,
  errorRegistry: registry,
  connect: async () => {
    const r = await wrap(() => factory.connect())();
    return r.ok ? ok(bindAdapter(r.value)) : r;
  },
  connectToShadowDb: async () => {
    const r = await wrap(() => factory.connectToShadowDb())();
    return r.ok ? ok(bindAdapter(r.value)) : r;
  },
};

// --- inputs
const schemaFile = { path: path.resolve(SCHEMA), content: readFileSync(SCHEMA, "utf8") };
const filters = { externalTables: [], externalEnums: [] };
function migrationsList() {
  const baseDir = path.resolve(MIGRATIONS);
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir)
        .filter((d) => statSync(path.join(baseDir, d)).isDirectory())
        .sort()
    : [];
  const lock = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

const engine = await SchemaEngine.new(
  { datamodels: [[schemaFile.path, schemaFile.content]] },
  (msg) => process.env.DEBUG && console.error(msg),
  boundFactory,
);
const [cmd, name = "migration"] = process.argv.slice(2);
try {
  if (cmd === "diff") {
    const ml = migrationsList();
    const from = ml.migrationDirectories.length ? { tag: "migrations", ...ml } : { tag: "empty" };
    const r = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schemaFile] },
      script: true,
      exitCode: null,
      filters,
    });
    process.stdout.write(r.stdout ?? "");
  } else if (cmd === "create") {
    // SQLite shadow-DB replay isn't available in the wasm engine, so: bring the DB up to date
    // with the existing migrations, then diff the live DB against the schema.
    const ml = migrationsList();
    if (ml.migrationDirectories.length) await engine.applyMigrations({ migrationsList: ml, filters });
    const from = ml.migrationDirectories.length
      ? { tag: "schemaDatasource", files: [schemaFile], configDir: process.cwd() }
      : { tag: "empty" };
    const r = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schemaFile] },
      script: true,
      exitCode: true,
      filters,
    });
    if (r.exitCode !== 2) {
      console.log("no changes");
    } else {
      const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(MIGRATIONS, `${ts}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), r.stdout);
      const lock = path.join(MIGRATIONS, "migration_lock.toml");
      if (!existsSync(lock))
        writeFileSync(
          lock,
          `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n`,
        );
      console.log("created", dir);
    }
  } else if (cmd === "deploy") {
    const r = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    console.log("applied:", r.appliedMigrationNames.join(", ") || "(none)");
  } else if (cmd === "push") {
    const r = await engine.schemaPush({ force: false, schema: { files: [schemaFile] }, filters });
    console.log("db push:", JSON.stringify(r));
  } else {
    console.error("usage: prisma-wasm.mjs create <name> | deploy | push | diff");
    process.exitCode = 2;
  }
} finally {
  engine.free();
}
// the wasm engine can leave a long timer alive; don't wait for it
process.exit(process.exitCode ?? 0);
