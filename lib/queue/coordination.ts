/**
 * What pg-boss does not do for us, kept in PostgreSQL next to its tables (schema `mmcb_queue`):
 *  - run requests: the evaluation options of a distributed run, written once by `mmcb eval --distributed`;
 *  - endpoints: one pg-boss queue per model endpoint, with the endpoint's limit of episodes in flight;
 *  - workers and their heartbeats;
 *  - claims: one row per episode a worker holds (a lease). Claims of live workers are the per-endpoint
 *    semaphore shared by every worker on every machine; the claims of a worker whose heartbeat stopped
 *    are reaped and their pg-boss jobs failed in the same transaction, so pg-boss retries them elsewhere.
 */
import { createHash } from "node:crypto";
import pg from "pg";

const SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS mmcb_queue;
CREATE TABLE IF NOT EXISTS mmcb_queue.run_request (
  run_id text PRIMARY KEY,
  request jsonb NOT NULL,
  total integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS mmcb_queue.endpoint (
  queue text PRIMARY KEY,
  endpoint text NOT NULL,
  max_in_flight integer
);
CREATE TABLE IF NOT EXISTS mmcb_queue.worker (
  id text PRIMARY KEY,
  host text NOT NULL,
  pid integer NOT NULL,
  concurrency integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS mmcb_queue.claim (
  id bigserial PRIMARY KEY,
  worker_id text NOT NULL,
  endpoint text NOT NULL,
  queue text NOT NULL,
  job_id uuid,
  episode_id text,
  claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS claim_endpoint ON mmcb_queue.claim (endpoint);
CREATE INDEX IF NOT EXISTS claim_worker ON mmcb_queue.claim (worker_id);
`;
/** Advisory lock key for creating the schema ("mmcbqueu" in ASCII). */
const SCHEMA_LOCK = "7885067797057070453";

/** The pg-boss queue holding an endpoint's episodes. */
export function queueName(endpoint: string): string {
  return `mmcb-episodes-${createHash("sha256").update(endpoint).digest("hex").slice(0, 12)}`;
}

/** A pool for the coordination tables (small: a few statements per episode). */
export function coordinationPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 10_000 });
}

export async function ensureCoordinationSchema(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query(`SELECT pg_advisory_lock(${SCHEMA_LOCK})`);
    try {
      await c.query(SCHEMA_SQL);
    } finally {
      await c.query(`SELECT pg_advisory_unlock(${SCHEMA_LOCK})`);
    }
  } finally {
    c.release();
  }
}

export async function saveRunRequest(pool: pg.Pool, runId: string, request: unknown, total: number): Promise<void> {
  await pool.query(
    `INSERT INTO mmcb_queue.run_request (run_id, request, total) VALUES ($1, $2, $3)
     ON CONFLICT (run_id) DO UPDATE SET request = EXCLUDED.request, total = EXCLUDED.total`,
    [runId, JSON.stringify(request), total],
  );
}

export async function loadRunRequest(
  pool: pg.Pool,
  runId: string,
): Promise<{ request: unknown; total: number } | null> {
  const { rows } = await pool.query<{ request: unknown; total: number }>(
    `SELECT request, total FROM mmcb_queue.run_request WHERE run_id = $1`,
    [runId],
  );
  return rows[0] ?? null;
}

/** Drops a run's stored request (the run was deleted). */
export async function forgetRunRequest(pool: pg.Pool, runId: string): Promise<void> {
  await pool.query(`DELETE FROM mmcb_queue.run_request WHERE run_id = $1`, [runId]);
}

/**
 * A run's episode jobs still waiting in pg-boss (created or retry, not yet active), across every queue;
 * none when pg-boss never ran on this database.
 */
export async function waitingJobs(pool: pg.Pool, runId: string): Promise<{ queue: string; id: string }[]> {
  const { rows: exists } = await pool.query<{ t: string | null }>(`SELECT to_regclass('pgboss.job')::text AS t`);
  if (!exists[0]?.t) return [];
  const { rows } = await pool.query<{ queue: string; id: string }>(
    `SELECT name AS queue, id::text AS id FROM pgboss.job WHERE data->>'runId' = $1 AND state < 'active'`,
    [runId],
  );
  return rows;
}

/** Registers an endpoint's queue; `maxInFlight` null means no limit (offline baselines). */
export async function saveEndpoint(pool: pg.Pool, endpoint: string, maxInFlight: number | null): Promise<string> {
  const queue = queueName(endpoint);
  await pool.query(
    `INSERT INTO mmcb_queue.endpoint (queue, endpoint, max_in_flight) VALUES ($1, $2, $3)
     ON CONFLICT (queue) DO UPDATE SET max_in_flight = EXCLUDED.max_in_flight`,
    [queue, endpoint, maxInFlight],
  );
  return queue;
}

export interface Endpoint {
  readonly queue: string;
  readonly endpoint: string;
  readonly maxInFlight: number | null;
}

export async function listEndpoints(pool: pg.Pool): Promise<Endpoint[]> {
  const { rows } = await pool.query<{ queue: string; endpoint: string; max_in_flight: number | null }>(
    `SELECT queue, endpoint, max_in_flight FROM mmcb_queue.endpoint ORDER BY queue`,
  );
  return rows.map((r) => ({ queue: r.queue, endpoint: r.endpoint, maxInFlight: r.max_in_flight }));
}

export async function registerWorker(
  pool: pg.Pool,
  w: { id: string; host: string; pid: number; concurrency: number },
): Promise<void> {
  await pool.query(`INSERT INTO mmcb_queue.worker (id, host, pid, concurrency) VALUES ($1, $2, $3, $4)`, [
    w.id,
    w.host,
    w.pid,
    w.concurrency,
  ]);
}

/** Beats the worker's heart; false when it was declared dead meanwhile (its claims are gone: stop). */
export async function heartbeat(pool: pg.Pool, workerId: string): Promise<boolean> {
  const r = await pool.query(`UPDATE mmcb_queue.worker SET heartbeat_at = now() WHERE id = $1`, [workerId]);
  return r.rowCount === 1;
}

export async function unregisterWorker(pool: pg.Pool, workerId: string): Promise<void> {
  await pool.query(`DELETE FROM mmcb_queue.claim WHERE worker_id = $1`, [workerId]);
  await pool.query(`DELETE FROM mmcb_queue.worker WHERE id = $1`, [workerId]);
}

/**
 * Takes a slot at the endpoint for this worker when fewer than its limit are held by live workers.
 * Serialised per endpoint by a transaction-scoped advisory lock. Returns the claim id, or null.
 */
export async function acquireSlot(
  pool: pg.Pool,
  workerId: string,
  ep: Endpoint,
  deadAfterSeconds: number,
): Promise<string | null> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`mmcb-endpoint:${ep.endpoint}`]);
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO mmcb_queue.claim (worker_id, endpoint, queue)
       SELECT $1, $2, $3
       WHERE $4::integer IS NULL OR (
         SELECT count(*) FROM mmcb_queue.claim c JOIN mmcb_queue.worker w ON w.id = c.worker_id
         WHERE c.endpoint = $2 AND w.heartbeat_at > now() - make_interval(secs => $5)
       ) < $4::integer
       RETURNING id`,
      [workerId, ep.endpoint, ep.queue, ep.maxInFlight, deadAfterSeconds],
    );
    await c.query("COMMIT");
    return rows[0]?.id ?? null;
  } catch (error) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

export async function bindClaim(pool: pg.Pool, claimId: string, jobId: string, episodeId: string): Promise<void> {
  await pool.query(`UPDATE mmcb_queue.claim SET job_id = $2, episode_id = $3 WHERE id = $1`, [
    claimId,
    jobId,
    episodeId,
  ]);
}

/** Does this claim still stand (its worker was not declared dead meanwhile)? */
export async function claimHeld(pool: pg.Pool, claimId: string): Promise<boolean> {
  const { rowCount } = await pool.query(`SELECT 1 FROM mmcb_queue.claim WHERE id = $1`, [claimId]);
  return rowCount === 1;
}

export async function releaseSlot(pool: pg.Pool, claimId: string): Promise<void> {
  await pool.query(`DELETE FROM mmcb_queue.claim WHERE id = $1`, [claimId]);
}

/**
 * Declares workers silent for `deadAfterSeconds` dead: deletes them and their claims and, in the same
 * transaction, fails their pg-boss jobs (through `failJobs`, given the transaction's client) so pg-boss
 * retries them. Any number of workers may reap at once; each dead worker is reaped once.
 */
export async function reapDeadWorkers(
  pool: pg.Pool,
  deadAfterSeconds: number,
  failJobs: (client: pg.PoolClient, jobs: { queue: string; jobId: string }[]) => Promise<void>,
): Promise<{ workers: string[]; jobs: number }> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const dead = await c.query<{ id: string }>(
      `DELETE FROM mmcb_queue.worker WHERE id IN (
         SELECT id FROM mmcb_queue.worker WHERE heartbeat_at < now() - make_interval(secs => $1)
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [deadAfterSeconds],
    );
    const ids = dead.rows.map((r) => r.id);
    const claims = await c.query<{ queue: string; job_id: string | null }>(
      `DELETE FROM mmcb_queue.claim c WHERE c.worker_id = ANY($1::text[])
         OR NOT EXISTS (SELECT 1 FROM mmcb_queue.worker w WHERE w.id = c.worker_id)
       RETURNING queue, job_id`,
      [ids],
    );
    const jobs = claims.rows.flatMap((r) => (r.job_id ? [{ queue: r.queue, jobId: r.job_id }] : []));
    if (jobs.length) await failJobs(c, jobs);
    await c.query("COMMIT");
    return { workers: ids, jobs: jobs.length };
  } catch (error) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

/** Live workers, for `mmcb worker --status`-style reporting and tests. */
export async function liveWorkers(
  pool: pg.Pool,
  deadAfterSeconds: number,
): Promise<{ id: string; host: string; pid: number; claims: number }[]> {
  const { rows } = await pool.query<{ id: string; host: string; pid: number; claims: string }>(
    `SELECT w.id, w.host, w.pid, (SELECT count(*) FROM mmcb_queue.claim c WHERE c.worker_id = w.id) AS claims
     FROM mmcb_queue.worker w WHERE w.heartbeat_at > now() - make_interval(secs => $1) ORDER BY w.started_at`,
    [deadAfterSeconds],
  );
  return rows.map((r) => ({ ...r, claims: Number(r.claims) }));
}
