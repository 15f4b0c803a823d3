/**
 * pg-boss, the PostgreSQL job queue the distributed workers share: one queue per model endpoint, each job
 * one (run, scenario, seed) episode. Claiming uses `SELECT … FOR UPDATE SKIP LOCKED`, so a job is active
 * in one worker at a time; a failed job (its worker died, see coordination.ts) goes back to `retry` until
 * its retry limit; `expireInSeconds` is the backstop when no live worker is left to reap a dead one.
 */
import PgBoss from "pg-boss";

export const BOSS_SCHEMA = "pgboss";
/** Attempts after the first: a worker dying mid-episode costs one. */
export const RETRY_LIMIT = 5;
/** pg-boss's own expiry of an active job (hours): far longer than any episode; heartbeats act first. */
export const EXPIRE_SECONDS = 4 * 3600;

/** The data of one queued episode. */
export interface EpisodeJob {
  readonly runId: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly episodeId: string;
}

export async function openBoss(url: string, onError: (error: Error) => void): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: 4,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: 60,
    monitorStateIntervalSeconds: 60,
  });
  boss.on("error", onError);
  await boss.start();
  return boss;
}

/** Creates the queue unless it exists (several enqueuers may race: the loser's duplicate is fine). */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, {
      name,
      retryLimit: RETRY_LIMIT,
      retryDelay: 1,
      expireInSeconds: EXPIRE_SECONDS,
    });
  } catch (error) {
    if (!(await boss.getQueue(name))) throw error;
  }
}

/** Episode ids of jobs still waiting or running in `queue` (not completed, cancelled or failed for good). */
export async function openEpisodeJobs(boss: PgBoss, queue: string, runId: string): Promise<Set<string>> {
  const db = boss.getDb() as { executeSql(text: string, values: unknown[]): Promise<{ rows: { e: string }[] }> };
  const { rows } = await db.executeSql(
    `SELECT data->>'episodeId' AS e FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND data->>'runId' = $2 AND state < 'completed'`,
    [queue, runId],
  );
  return new Set(rows.map((r) => r.e));
}

export type { PgBoss };
