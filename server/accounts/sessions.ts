import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { changed } from '../core/caches.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { type KeptSession, keepSession, keptSession } from './session-cache.ts';
import { accounts, sessions } from './tables.ts';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'yw_session';

/** Sessions are touched (and their expiry slid) at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type NewSession = { id: string; token: string; csrfToken: string; expiresAt: Date };

/** Opens a session: a random token for the cookie, only its SHA-256 is stored. */
export async function openSession(options: {
  db: DbOrTx;
  accountId: string;
  ttlHours: number;
  clientAddress: string | null;
  userAgent: string | null;
}): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + options.ttlHours * 3_600_000);
  const id = sessionIdOf(token);
  await options.db.insert(sessions).values({
    id,
    accountId: options.accountId,
    csrfToken,
    clientAddress: options.clientAddress,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { id, token, csrfToken, expiresAt };
}

export type LiveSession = { id: string; accountId: string; csrfToken: string };

/**
 * The live session of a cookie token: not expired, of an active account. Slides the
 * expiry forward (sessionTtlHours after the last use), at most once per TOUCH_INTERVAL_MS.
 * A session found lately is taken from this process's memory (session-cache.ts).
 */
export async function findSession(options: {
  db: DbOrTx;
  token: string;
  ttlHours: number;
}): Promise<LiveSession | null> {
  if (!/^[\w-]{20,100}$/.test(options.token)) return null;
  const id = sessionIdOf(options.token);
  const now = Date.now();
  const session = keptSession(id, now) ?? (await readSession(options.db, id, now));
  if (!session) return null;
  if (now - session.lastSeenAt > TOUCH_INTERVAL_MS && !(await touchSession(options, session, now))) {
    changed('session', id);
    return null;
  }
  return { id: session.id, accountId: session.accountId, csrfToken: session.csrfToken };
}

async function readSession(db: DbOrTx, id: string, now: number): Promise<KeptSession | null> {
  const [row] = await db
    .select({
      id: sessions.id,
      accountId: sessions.accountId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date(now)), eq(accounts.active, true)));
  if (!row) return null;
  return keepSession(
    { ...row, expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() },
    now,
  );
}

/**
 * Writes the session's last use and slides its expiry; false when the session is gone or expired
 * meanwhile. The kept session is updated first, so concurrent requests do not touch it again.
 */
async function touchSession(
  options: { db: DbOrTx; ttlHours: number },
  session: KeptSession,
  now: number,
): Promise<boolean> {
  const expiresAt = now + options.ttlHours * 3_600_000;
  session.lastSeenAt = now;
  session.expiresAt = expiresAt;
  const touched = await options.db
    .update(sessions)
    .set({ lastSeenAt: new Date(now), expiresAt: new Date(expiresAt) })
    .where(and(eq(sessions.id, session.id), gt(sessions.expiresAt, new Date(now))))
    .returning({ id: sessions.id });
  return touched.length > 0;
}

export async function closeSession(db: DbOrTx, sessionId: string): Promise<void> {
  changed('session', sessionId);
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs an account out everywhere (deactivation, password reset). */
export async function closeSessionsOf(db: DbOrTx, accountId: string): Promise<void> {
  changed('account-sessions', accountId);
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}

/** Removes the expired sessions of an account (done at each sign-in, so they do not pile up). */
export async function closeExpiredSessionsOf(db: DbOrTx, accountId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), lt(sessions.expiresAt, sql`now()`)));
}
