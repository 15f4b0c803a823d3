// The PostgreSQL side: the generated pg schema and migrations must match prisma/schema.prisma (always
// checked), and the runtime migrator (on a real cluster when MMCB_TEST_PG_URL is set).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/test/fixture";
import { dbProvider } from "./client";
import { isPostgresUrl, migratePostgres, redactUrl } from "./migrate-pg";
import { createTestDatabase, TEST_PG_URL, type TestDatabase } from "./pg-testing";

const ROOT = path.resolve(__dirname, "../..");
const PG_MIGRATIONS = path.join(ROOT, "prisma", "pg", "migrations");

describe("generated PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma (else run `node scripts/pg-schema.mjs`)", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "pg-schema.mjs"), "--check"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);

  it("swaps only the provider and the client output", async () => {
    const { pgSchemaFrom } = (await import(path.join(ROOT, "scripts", "pg-schema.mjs"))) as {
      pgSchemaFrom: (s: string) => string;
    };
    const out = pgSchemaFrom(
      'generator client {\n  provider = "prisma-client"\n  output   = "../lib/db/generated"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n}\n',
    );
    expect(out).toContain('provider = "postgresql"');
    expect(out).toContain('output   = "../../lib/db/generated-pg"');
    expect(out).toContain("model A {\n  id Int @id\n}");
    expect(out).not.toContain("sqlite");
    expect(() => pgSchemaFrom("model A { id Int @id }")).toThrow(/generator client/);
  });
});

describe("database URLs", () => {
  it("picks the provider from the scheme and names unsupported ones", () => {
    expect(dbProvider("file:./x.db")).toBe("sqlite");
    expect(dbProvider("postgresql://u@h/db")).toBe("postgres");
    expect(dbProvider("postgres://u@h/db")).toBe("postgres");
    expect(() => dbProvider("mysql://u@h/db")).toThrow(/scheme "mysql" is not supported/);
    expect(isPostgresUrl("file:x")).toBe(false);
    expect(redactUrl("postgresql://me:s3cret@h:5432/db")).toBe("postgresql://me:***@h:5432/db");
  });
});

if (TEST_PG_URL) {
  describe("migratePostgres", () => {
    let work: string;
    const dbs: TestDatabase[] = [];
    const fresh = async () => {
      const d = await createTestDatabase("mmcb_migrate");
      dbs.push(d);
      return d.url;
    };
    const query = async <T extends pg.QueryResultRow>(url: string, sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<T>(sql)).rows;
      } finally {
        await c.end();
      }
    };
    beforeAll(() => {
      work = tempDir("mmcb-pgmig-");
    });
    afterAll(async () => {
      for (const d of dbs) await d.drop();
      rmSync(work, { recursive: true, force: true });
    });

    it("applies every migration once, even with several starters at the same time", async () => {
      const url = await fresh();
      const reports = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(url, PG_MIGRATIONS)));
      const applied = reports.flatMap((r) => r.applied);
      expect(applied.length).toBeGreaterThan(0);
      expect(new Set(applied).size).toBe(applied.length);
      const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
      expect(Number(rows[0]!.n)).toBe(applied.length);
      const tables = (
        await query<{ table_name: string }>(
          url,
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
        )
      ).map((t) => t.table_name);
      expect(tables).toEqual(expect.arrayContaining(["Scenario", "Run", "Episode", "Step", "Score", "Annotator"]));
      expect((await migratePostgres(url, PG_MIGRATIONS)).applied).toEqual([]);
    }, 60_000);

    it("rolls back a failing migration and names it; refuses an edited one", async () => {
      const dir = path.join(work, "broken");
      mkdirSync(path.join(dir, "0001_ok"), { recursive: true });
      mkdirSync(path.join(dir, "0002_bad"), { recursive: true });
      writeFileSync(path.join(dir, "0001_ok", "migration.sql"), 'CREATE TABLE "A" ("id" INTEGER);');
      writeFileSync(
        path.join(dir, "0002_bad", "migration.sql"),
        'CREATE TABLE "B" ("id" INTEGER); INSERT INTO "Nope" VALUES (1);',
      );
      const url = await fresh();
      await expect(migratePostgres(url, dir)).rejects.toThrow(
        /migration 0002_bad failed and was rolled back: relation "Nope" does not exist/,
      );
      const tables = (
        await query<{ table_name: string }>(
          url,
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
        )
      ).map((t) => t.table_name);
      expect(tables).toContain("A");
      expect(tables).not.toContain("B");
      writeFileSync(path.join(dir, "0001_ok", "migration.sql"), 'CREATE TABLE "A" ("id" TEXT);');
      await expect(migratePostgres(url, dir)).rejects.toThrow(/migration 0001_ok was changed after it was applied/);
    }, 60_000);

    it("names the server it cannot reach, without the password", async () => {
      await expect(migratePostgres("postgresql://me:s3cret@127.0.0.1:1/x", PG_MIGRATIONS)).rejects.toThrow(
        /cannot connect to postgresql:\/\/me:\*\*\*@127\.0\.0\.1:1\/x/,
      );
    });
  });
}
