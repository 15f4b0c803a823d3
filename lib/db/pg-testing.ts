/**
 * Test support for the PostgreSQL side: each test file gets its own fresh database on the cluster named
 * by MMCB_TEST_PG_URL (scripts/test.mjs and .ci/run start one), so files running in parallel never meet.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The test cluster's URL, or undefined when PostgreSQL tests are not wanted. */
export const TEST_PG_URL: string | undefined = process.env.MMCB_TEST_PG_URL || undefined;

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Creates an empty database `<prefix>_<random>` on the test cluster. */
export async function createTestDatabase(prefix: string, adminUrl = TEST_PG_URL): Promise<TestDatabase> {
  if (!adminUrl) throw new Error("MMCB_TEST_PG_URL is not set");
  const name = `${prefix.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
