import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { countAttempt, signInThrottle } from '../accounts/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { SIGN_IN_PURGE_LOCK, startSignInPurge } from './sign-in-purge.ts';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db?.drop();
});

test('the purge skips while another process holds the lock, then deletes the stale counter', async () => {
  await countAttempt(db.db, 'ip:198.51.100.7', 60);
  await db.db.update(signInThrottle).set({ windowStart: sql`now() - interval '2 minutes'` });
  const messages: string[] = [];
  const purge = startSignInPurge({
    db: db.db,
    intervalSeconds: 0,
    lockMinutes: 15,
    log: (m) => messages.push(m),
  });

  const other = new pg.Client({ connectionString: db.url });
  await other.connect();
  try {
    await other.query('SELECT pg_advisory_lock($1)', [SIGN_IN_PURGE_LOCK]);
    assert.deepEqual(await purge.runOnce(), { ran: false });
    await other.query('SELECT pg_advisory_unlock($1)', [SIGN_IN_PURGE_LOCK]);
  } finally {
    await other.end();
  }
  assert.equal((await db.db.select().from(signInThrottle)).length, 1, 'nothing deleted while locked out');

  assert.deepEqual(await purge.runOnce(), { ran: true, counts: { sessions: 0, throttleRows: 1 } });
  assert.equal((await db.db.select().from(signInThrottle)).length, 0);
  await purge.stop();
});
