import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
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
 * expiry forward (sessionTtlHours after the last use).
 */
export async function findSession(options: {
  db: DbOrTx;
  token: string;
  ttlHours: number;
}): Promise<LiveSession | null> {
  if (!/^[\w-]{20,100}$/.test(options.token)) return null;
  const id = sessionIdOf(options.token);
  const now = new Date();
  const [row] = await options.db
    .select({
      id: sessions.id,
      accountId: sessions.accountId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(accounts.active, true)));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await options.db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + options.ttlHours * 3_600_000) })
      .where(eq(sessions.id, id));
  }
  return { id: row.id, accountId: row.accountId, csrfToken: row.csrfToken };
}

export async function closeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs an account out everywhere (deactivation, password reset). */
export async function closeSessionsOf(db: DbOrTx, accountId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}

/** Removes the expired sessions of an account (done at each sign-in, so they do not pile up). */
export async function closeExpiredSessionsOf(db: DbOrTx, accountId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), lt(sessions.expiresAt, sql`now()`)));
}
