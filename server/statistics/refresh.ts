import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { isSerializationFailure } from '../core/db/unique.ts';
import { applyChangesSql, deleteGroupsSql, replaceAllFromStages, stagePasses } from './recompute.ts';

/** Advisory lock held while case_daily is refreshed or rebuilt: one process at a time. */
export const CASE_DAILY_LOCK = 7_262_119;

/** Changes taken off the queue per transaction. */
export const CASE_DAILY_BATCH = 5000;

/** What a refresh did: the case changes it took off the queue and the case_daily groups it wrote. */
export type CaseDailyRefresh = { changes: number; groups: number };

/**
 * Takes up to `limit` changes off case_daily_changes (oldest first) and adds their contributions to
 * case_daily, in one statement; then deletes the rows of the groups left with no case. The caller
 * holds CASE_DAILY_LOCK in its transaction.
 */
export async function refreshCaseDailyBatch(tx: DbOrTx, limit = CASE_DAILY_BATCH): Promise<CaseDailyRefresh> {
  const { rows } = await tx.execute<{ changes: number; groups: number; emptied: unknown[] }>(
    applyChangesSql(limit),
  );
  const { changes, groups, emptied } = rows[0]!;
  if (emptied.length > 0) await tx.execute(deleteGroupsSql(emptied));
  return { changes, groups };
}

/**
 * Empties the queue of changes: batch after batch, each in its own transaction holding
 * CASE_DAILY_LOCK (a concurrent refresh waits for it, then finds the changes already taken).
 */
export async function refreshCaseDaily(db: Db, options: { batch?: number } = {}): Promise<CaseDailyRefresh> {
  const batch = options.batch ?? CASE_DAILY_BATCH;
  const total = { changes: 0, groups: 0 };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
      return refreshCaseDailyBatch(tx, batch);
    });
    total.changes += done.changes;
    total.groups += done.groups;
    if (done.changes < batch) return total;
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

/** Attempts of a rebuild that meets a refresh committed after its snapshot. */
const REBUILD_ATTEMPTS = 5;

/**
 * Recomputes case_daily from scratch, so that readers see the old rows until the new ones commit. One
 * snapshot (REPEATABLE READ) serves the whole transaction: the changes it takes off the queue are
 * exactly those of the cases it reads, so a case change committed later stays queued and is added to
 * the new rows by the next refresh. The passes over the cases are computed into a staging table of
 * that transaction (parallel workers); then case_daily is locked against writers, its rows replaced
 * and the staging table dropped. A refresh that committed after the snapshot (while the rebuild
 * waited for the lock) fails it with a serialization error, and it starts again. Returns the rows
 * written and the time taken.
 */
export async function rebuildCaseDaily(db: Db): Promise<{ rows: number; milliseconds: number }> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const rows = await db.transaction(
        async (tx) => {
          await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
          await rebuildSettings(tx);
          await tx.execute(sql`DELETE FROM case_daily_changes`);
          await stagePasses(tx);
          await tx.execute(sql`LOCK TABLE case_daily IN EXCLUSIVE MODE`);
          return replaceAllFromStages(tx);
        },
        { isolationLevel: 'repeatable read' },
      );
      return { rows, milliseconds: Math.round(performance.now() - started) };
    } catch (error) {
      if (attempt >= REBUILD_ATTEMPTS || !isSerializationFailure(error)) throw error;
    }
  }
}
