import { defineConfig } from "prisma/config";

// Offline machines: every Prisma CLI command otherwise downloads the native schema engine first.
// /bin/false makes migrate/db commands fail loudly; migrations go through scripts/prisma-wasm.mjs
// (authoring) and lib/db/migrate.ts (applying, at start-up).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/mmcb.db" },
});
