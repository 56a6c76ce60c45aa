import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { refreshFrom, replaceAllFromStages, stagePasses } from './recompute.ts';

/** Advisory lock held while case_daily is refreshed or rebuilt: one process at a time. */
export const CASE_DAILY_LOCK = 7_262_119;

/** Marks taken off the queue per transaction. */
export const CASE_DAILY_BATCH = 5000;

/**
 * Takes up to `limit` marks off case_daily_dirty (DELETE … RETURNING, oldest first) and recomputes each
 * distinct group they name once, in the same statement. The caller holds CASE_DAILY_LOCK in its
 * transaction. Returns the marks taken and the groups recomputed.
 */
export async function refreshCaseDailyBatch(
  tx: DbOrTx,
  limit = CASE_DAILY_BATCH,
): Promise<{ marks: number; groups: number }> {
  const taken = sql`taken AS (DELETE FROM case_daily_dirty WHERE id IN (
      SELECT id FROM case_daily_dirty ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING day, region_code, department_id),`;
  const result = await refreshFrom(
    tx,
    taken,
    sql`(SELECT DISTINCT day, region_code, department_id FROM taken)`,
    sql`(SELECT count(*) FROM taken)`,
  );
  return result;
}

/**
 * Empties the queue of marked groups: batch after batch, each in its own transaction holding
 * CASE_DAILY_LOCK (a concurrent refresh waits for it, then finds the groups already taken).
 */
export async function refreshCaseDaily(
  db: Db,
  options: { batch?: number } = {},
): Promise<{ marks: number; groups: number }> {
  const batch = options.batch ?? CASE_DAILY_BATCH;
  const total = { marks: 0, groups: 0 };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
      return refreshCaseDailyBatch(tx, batch);
    });
    total.marks += done.marks;
    total.groups += done.groups;
    if (done.marks < batch) return total;
  }
}

/** Memory for the hash tables of a full rebuild (per process: the leader and each parallel worker). */
const REBUILD_SETTINGS = [
  "SET LOCAL work_mem = '128MB'",
  // Compiling the many aggregates costs more than it saves here; every join is of whole tables.
  'SET LOCAL jit = off',
  'SET LOCAL enable_nestloop = off',
];

async function rebuildSettings(tx: DbOrTx): Promise<void> {
  for (const setting of REBUILD_SETTINGS) await tx.execute(sql.raw(setting));
}

/**
 * Recomputes case_daily from scratch, so that readers see the old rows until the new ones commit.
 * The queue is emptied first, in the transaction that swaps the rows in: a case change committed
 * later stays marked for the next refresh. The passes over the cases are computed into a staging
 * table of that transaction (parallel workers); then case_daily is locked against writers, its rows
 * replaced and the staging table dropped. Returns the rows written and the time taken.
 */
export async function rebuildCaseDaily(db: Db): Promise<{ rows: number; milliseconds: number }> {
  const started = performance.now();
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
    await rebuildSettings(tx);
    await tx.execute(sql`DELETE FROM case_daily_dirty`);
    await stagePasses(tx);
    await tx.execute(sql`LOCK TABLE case_daily IN EXCLUSIVE MODE`);
    return replaceAllFromStages(tx);
  });
  return { rows, milliseconds: Math.round(performance.now() - started) };
}
