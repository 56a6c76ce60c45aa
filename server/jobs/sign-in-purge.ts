import { sql } from 'drizzle-orm';
import { type PurgeCounts, purgeExpiredSignIns } from '../accounts/purge.ts';
import type { Db } from '../db/client.ts';

/** Advisory lock taken by the purge, so that one process at a time runs it. */
export const SIGN_IN_PURGE_LOCK = 7_262_102;

/** How often expired sessions and stale sign-in counters are deleted. */
export const SIGN_IN_PURGE_INTERVAL_SECONDS = 60 * 60;

export type PurgeOutcome = { ran: true; counts: PurgeCounts } | { ran: false };

export type SignInPurge = {
  /** Purges now (skipped when another process holds the lock). */
  runOnce: () => Promise<PurgeOutcome>;
  /** Stops the timer and waits for a running purge to finish. */
  stop: () => Promise<void>;
};

/**
 * Deletes expired sessions and stale sign-in counters (see purgeExpiredSignIns): shortly after
 * start, then every `intervalSeconds`; 0 starts no timer (runOnce still works). A
 * transaction-scoped advisory lock lets one of several processes purge at a time.
 */
export function startSignInPurge(options: {
  db: Db;
  intervalSeconds: number;
  lockMinutes: number;
  log: (message: string) => void;
}): SignInPurge {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PurgeOutcome> | null = null;
  let stopped = false;

  const purge = (): Promise<PurgeOutcome> =>
    options.db.transaction(async (tx) => {
      const lock = await tx.execute<{ locked: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(${SIGN_IN_PURGE_LOCK}) AS locked`,
      );
      if (!lock.rows[0]?.locked) return { ran: false } as const;
      const counts = await purgeExpiredSignIns({ db: tx, lockMinutes: options.lockMinutes });
      return { ran: true, counts } as const;
    });

  const runOnce = async (): Promise<PurgeOutcome> => {
    if (running) return running;
    running = purge();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const schedule = (seconds: number) => {
    if (stopped || options.intervalSeconds <= 0) return;
    timer = setTimeout(tick, seconds * 1000);
    timer.unref();
  };

  const tick = async () => {
    try {
      const outcome = await runOnce();
      if (outcome.ran && outcome.counts.sessions + outcome.counts.throttleRows > 0) {
        const { sessions, throttleRows } = outcome.counts;
        options.log(
          `sign-in purge: ${sessions} expired sessions, ${throttleRows} stale sign-in counters deleted`,
        );
      }
    } catch (error) {
      options.log(`sign-in purge failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    schedule(options.intervalSeconds);
  };

  // The first run waits a little, so that it does not compete with the start itself.
  schedule(Math.min(60, options.intervalSeconds));

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
