import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { purgeExpiredSignIns } from './purge.ts';
import { findSession, openSession } from './sessions.ts';
import { accounts, sessions, signInThrottle } from './tables.ts';
import { countAttempt, failUnknownLogin, unknownLoginState } from './throttle.ts';

let db: TestDatabase;
let accountId: string;

before(async () => {
  db = await createTestDatabase();
  const [row] = await db.db
    .insert(accounts)
    .values({ kind: 'staff', login: 'purge', displayName: '清理测试', passwordHash: '!' })
    .returning();
  accountId = row!.id;
});
after(async () => {
  await db?.drop();
});

const LOCK_MINUTES = 15;

/** Moves a throttle row's window back by `seconds`. */
const age = (key: string, seconds: number) =>
  db.db
    .update(signInThrottle)
    .set({ windowStart: sql`now() - make_interval(secs => ${seconds})` })
    .where(eq(signInThrottle.key, key));

const keys = async () =>
  (await db.db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key).sort();

test('expired sessions are deleted; a live one still signs in', async () => {
  const open = () =>
    openSession({ db: db.db, accountId, ttlHours: 12, clientAddress: null, userAgent: null });
  const live = await open();
  const expired = await open();
  await db.db
    .update(sessions)
    .set({ expiresAt: sql`now() - interval '1 minute'` })
    .where(eq(sessions.id, expired.id));

  const counts = await purgeExpiredSignIns({ db: db.db, lockMinutes: LOCK_MINUTES });
  assert.equal(counts.sessions, 1);
  const left = (await db.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id);
  assert.deepEqual(left, [live.id]);
  assert.ok(await findSession({ db: db.db, token: live.token, ttlHours: 12 }), 'the live session works');
});

test('sign-in counters go once their window has passed; a lock stays until it has ended', async () => {
  await db.db.delete(signInThrottle);
  await countAttempt(db.db, 'ip:192.0.2.1', 60);
  await countAttempt(db.db, 'ip:192.0.2.2', 60);
  await age('ip:192.0.2.2', 61);
  await failUnknownLogin(db.db, 'login:staff:locked', 1);
  await failUnknownLogin(db.db, 'login:staff:lock-ended', 1);
  await age('login:staff:locked', 60 * (LOCK_MINUTES - 1));
  await age('login:staff:lock-ended', 60 * (LOCK_MINUTES + 1));
  await failUnknownLogin(db.db, 'login:staff:counting', 5);
  await failUnknownLogin(db.db, 'login:staff:quiet', 5);
  await age('login:staff:quiet', 25 * 3600);
  await countAttempt(db.db, 'claim:person:x', LOCK_MINUTES * 60);
  await countAttempt(db.db, 'claim:person:y', LOCK_MINUTES * 60);
  await age('claim:person:y', 25 * 3600);

  const counts = await purgeExpiredSignIns({ db: db.db, lockMinutes: LOCK_MINUTES });
  assert.equal(counts.throttleRows, 4);
  assert.deepEqual(await keys(), [
    'claim:person:x',
    'ip:192.0.2.1',
    'login:staff:counting',
    'login:staff:locked',
  ]);
  const locked = await unknownLoginState(db.db, 'login:staff:locked', LOCK_MINUTES);
  assert.ok(locked.lockedUntil, 'the lock still holds after the purge');
  const counting = await unknownLoginState(db.db, 'login:staff:counting', LOCK_MINUTES);
  assert.equal(counting.failures, 1, 'a recent failure still counts');
});
