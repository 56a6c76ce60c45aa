import { type PurgeCounts, purgeExpiredSignIns } from '../accounts/index.ts';
import type { Db } from '../core/db/client.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the purge, so that one process at a time runs it. */
export const SIGN_IN_PURGE_LOCK = 7_262_102;

/** How often expired sessions and stale sign-in counters are deleted. */
export const SIGN_IN_PURGE_INTERVAL_SECONDS = 60 * 60;

export type SignInPurge = PeriodicJob<{ counts: PurgeCounts }>;

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
  return startPeriodicJob({
    db: options.db,
    lock: SIGN_IN_PURGE_LOCK,
    intervalSeconds: options.intervalSeconds,
    // The first run waits a little, so that it does not compete with the start itself.
    firstDelaySeconds: Math.min(60, options.intervalSeconds),
    work: async (tx) => ({ counts: await purgeExpiredSignIns({ db: tx, lockMinutes: options.lockMinutes }) }),
    report: ({ counts: { sessions, throttleRows } }) =>
      sessions + throttleRows > 0
        ? `sign-in purge: ${sessions} expired sessions, ${throttleRows} stale sign-in counters deleted`
        : null,
    failure: 'sign-in purge',
    log: options.log,
  });
}
