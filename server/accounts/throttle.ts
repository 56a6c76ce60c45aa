import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { signInThrottle } from './tables.ts';

/**
 * Counts one attempt under `key` in a fixed window of `windowSeconds` and returns the
 * count in the current window. Atomic in PostgreSQL, so several server processes share it.
 */
export async function countAttempt(db: DbOrTx, key: string, windowSeconds: number): Promise<number> {
  const window = sql`now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, windowStart: sql`now()`, attempts: 1 })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        attempts: sql`CASE WHEN ${signInThrottle.windowStart} <= ${window} THEN 1 ELSE ${signInThrottle.attempts} + 1 END`,
        windowStart: sql`CASE WHEN ${signInThrottle.windowStart} <= ${window} THEN now() ELSE ${signInThrottle.windowStart} END`,
      },
    })
    .returning({ attempts: signInThrottle.attempts });
  return row?.attempts ?? 1;
}

/**
 * Failed sign-ins of a login that has no account, kept like an account's counter so that
 * unknown and known logins answer alike. `windowStart` holds the time the lock began.
 */
export type UnknownLoginState = { failures: number; lockedUntil: Date | null };

export async function unknownLoginState(
  db: DbOrTx,
  key: string,
  lockMinutes: number,
): Promise<UnknownLoginState> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  if (!row) return { failures: 0, lockedUntil: null };
  const lockedUntil = new Date(row.windowStart.getTime() + lockMinutes * 60_000);
  return row.attempts < 0 && lockedUntil > new Date()
    ? { failures: 0, lockedUntil }
    : { failures: Math.max(row.attempts, 0), lockedUntil: null };
}

/** Records one more failure of an unknown login; returns whether it is now locked. */
export async function failUnknownLogin(db: DbOrTx, key: string, maxFailures: number): Promise<boolean> {
  // attempts counts consecutive failures; -1 marks a lock that began at window_start.
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, windowStart: sql`now()`, attempts: maxFailures <= 1 ? -1 : 1 })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        attempts: sql`CASE WHEN GREATEST(${signInThrottle.attempts}, 0) + 1 >= ${maxFailures} THEN -1 ELSE GREATEST(${signInThrottle.attempts}, 0) + 1 END`,
        windowStart: sql`now()`,
      },
    })
    .returning({ attempts: signInThrottle.attempts });
  return row?.attempts === -1;
}
