import { and, like, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { sessions, signInThrottle } from './tables.ts';

/** The per-address sign-in counters count attempts in windows of one minute (sign-in.ts). */
const ADDRESS_WINDOW_SECONDS = 60;
/**
 * Any other counter (failures of logins without an account, claim attempts, …) is dropped a day
 * after its window began: every counting window in use is shorter, and after a quiet day a
 * failure count of an unknown login starts again. A lock is never dropped before it has ended.
 */
const RETENTION_HOURS = 24;

export type PurgeCounts = { sessions: number; throttleRows: number };

/**
 * Deletes what sign-in leaves behind and nothing reads any more: sessions past their expiry,
 * per-address counters whose minute has passed, locks of unknown logins that have ended, and
 * any counter a day old. Safe to run from several processes at once.
 */
export async function purgeExpiredSignIns(options: {
  db: DbOrTx;
  /** How long a locked login stays locked (config.signIn.lockMinutes). */
  lockMinutes: number;
}): Promise<PurgeCounts> {
  const { db } = options;
  const expired = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id });
  const ago = (seconds: number) => sql`now() - make_interval(secs => ${seconds})`;
  const stale = await db
    .delete(signInThrottle)
    .where(
      or(
        and(like(signInThrottle.key, 'ip:%'), lte(signInThrottle.windowStart, ago(ADDRESS_WINDOW_SECONDS))),
        and(
          like(signInThrottle.key, 'login:%'),
          lte(signInThrottle.attempts, 0),
          lte(signInThrottle.windowStart, ago(options.lockMinutes * 60)),
        ),
        lte(signInThrottle.windowStart, ago(Math.max(RETENTION_HOURS * 3600, options.lockMinutes * 60))),
      ),
    )
    .returning({ key: signInThrottle.key });
  return { sessions: expired.length, throttleRows: stale.length };
}
