import { whenChanged } from '../core/caches.ts';

/**
 * Live sessions kept in this process for a few seconds, so that a burst of requests of one
 * browser reads its session once. Keyed by the session id (the token's SHA-256, never the token).
 * A session closed in this process is forgotten at once, and for the next minute it is not kept
 * again (a request that read it before the closing transaction committed cannot put it back).
 * A session closed by another process stays usable here for at most SESSION_KEPT_MS.
 * Registered with the cache registry (core/caches.ts): a closed 'session' or 'account-sessions'.
 */

/** How long a found session is trusted without reading it again. */
export const SESSION_KEPT_MS = 5000;
const LIMIT = 10_000;
/** Longer than any transaction that closes sessions takes to commit. */
const CLOSED_REMEMBERED_MS = 60_000;

export type KeptSession = {
  id: string;
  accountId: string;
  csrfToken: string;
  /** Epoch milliseconds, as last read or written by this process. */
  expiresAt: number;
  lastSeenAt: number;
};

const kept = new Map<string, KeptSession & { until: number }>();
/** Sessions and accounts signed out here lately: id → until when nothing of theirs is kept. */
const closedSessions = new Map<string, number>();
const closedAccounts = new Map<string, number>();

/** Sets a key as the newest entry of a bounded map, dropping the oldest beyond the limit. */
function setNewest<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > LIMIT) map.delete(map.keys().next().value!);
}

function recentlyClosed(map: Map<string, number>, key: string, now: number): boolean {
  const until = map.get(key);
  if (until === undefined) return false;
  if (until > now) return true;
  map.delete(key);
  return false;
}

/** The kept session of an id, unless too old to trust or past its expiry. */
export function keptSession(id: string, now: number): KeptSession | null {
  const hit = kept.get(id);
  if (!hit) return null;
  if (hit.until > now && hit.expiresAt > now) return hit;
  kept.delete(id);
  return null;
}

/**
 * Keeps a session just read from the database (not one of a session or account closed lately).
 * Returns the kept entry: a touch written to it is seen by the next requests.
 */
export function keepSession(session: KeptSession, now: number): KeptSession {
  if (
    recentlyClosed(closedSessions, session.id, now) ||
    recentlyClosed(closedAccounts, session.accountId, now)
  ) {
    return session;
  }
  const entry = { ...session, until: now + SESSION_KEPT_MS };
  setNewest(kept, session.id, entry);
  return entry;
}

/** Forgets a session (sign-out, a kiosk session's end). */
export function forgetSession(id: string, now = Date.now()): void {
  kept.delete(id);
  setNewest(closedSessions, id, now + CLOSED_REMEMBERED_MS);
}

/** Forgets every session of an account (signed out everywhere: deactivation, password reset). */
export function forgetSessionsOf(accountId: string, now = Date.now()): void {
  for (const [id, session] of kept) if (session.accountId === accountId) kept.delete(id);
  setNewest(closedAccounts, accountId, now + CLOSED_REMEMBERED_MS);
}

whenChanged('session', (id) => {
  if (id !== undefined) forgetSession(id);
  else kept.clear();
});
whenChanged('account-sessions', (accountId) => {
  if (accountId !== undefined) forgetSessionsOf(accountId);
  else kept.clear();
});
