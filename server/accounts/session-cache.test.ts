import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, mock, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { recordStatements, statementsOf } from '../testing/statements.ts';
import {
  forgetSession,
  forgetSessionsOf,
  keepSession,
  keptSession,
  SESSION_KEPT_MS,
} from './session-cache.ts';
import { sessions } from './tables.ts';
import { type Browser, makeStaff, signInAs, TEST_PASSWORD } from './testing.ts';

let t: TestApp;
let admin: Browser;
let organisationId: string;

before(async () => {
  recordStatements();
  t = await createTestApp();
  organisationId = (await buildOrganisation(t.db.db)).id;
  admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
});
after(async () => {
  mock.timers.reset();
  await t.close();
});

const me = (browser: Browser) => browser.request({ method: 'GET', url: '/api/auth/me' });
const sessionIdOf = (browser: Browser) => createHash('sha256').update(browser.cookie).digest('hex');

async function freshStaff(): Promise<{ id: string; browser: Browser }> {
  const { id, login } = await makeStaff({ db: t.db.db, organisationId });
  return { id, browser: await signInAs(t.app, login, TEST_PASSWORD) };
}

const readsSession = (sql: string) => /from "sessions"/i.test(sql);
const readsKioskSession = (sql: string) => /from "kiosk_sessions"/i.test(sql);

test('a second request of a session within a few seconds reads neither its session nor a kiosk session', async () => {
  const applicant = await signIn(t.app, await buildApplicant(t.db.db));
  const first = await statementsOf(async () => assert.equal((await me(applicant)).statusCode, 200));
  assert.equal(first.filter(readsSession).length, 1, 'the first request reads the session');
  assert.equal(first.filter(readsKioskSession).length, 1, '…and looks for a kiosk session');
  const second = await statementsOf(async () => assert.equal((await me(applicant)).statusCode, 200));
  assert.deepEqual(second.filter(readsSession), []);
  assert.deepEqual(second.filter(readsKioskSession), []);
});

test('after sign-out the same cookie is refused at once', async () => {
  const { browser } = await freshStaff();
  assert.equal((await me(browser)).statusCode, 200);
  const out = await browser.request({ method: 'POST', url: '/api/auth/logout' });
  assert.equal(out.statusCode, 204);
  assert.equal((await me(browser)).statusCode, 401);
});

test('deactivation refuses every session of the account at once', async () => {
  const { id, browser } = await freshStaff();
  const { login } = (await me(browser)).json().user as { login: string };
  const other = await signInAs(t.app, login, TEST_PASSWORD);
  assert.equal((await me(other)).statusCode, 200);
  const res = await admin.request({ method: 'POST', url: `/api/accounts/${id}/deactivate` });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await me(browser)).statusCode, 401);
  assert.equal((await me(other)).statusCode, 401);
});

test('a password reset refuses the old session at once; a new sign-in works', async () => {
  const { id, browser } = await freshStaff();
  const { login } = (await me(browser)).json().user as { login: string };
  const res = await admin.request({
    method: 'POST',
    url: `/api/accounts/${id}/reset-password`,
    payload: { password: 'another password 2' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await me(browser)).statusCode, 401);
  const again = await signInAs(t.app, login, 'another password 2');
  assert.equal((await me(again)).statusCode, 200);
  assert.equal((await me(again)).statusCode, 200);
});

test('a session expiring while kept is refused once its expiry passes', async () => {
  const { browser } = await freshStaff();
  const id = sessionIdOf(browser);
  await t.db.db
    .update(sessions)
    .set({ expiresAt: new Date(Date.now() + 2000) })
    .where(eq(sessions.id, id));
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  try {
    assert.equal((await me(browser)).statusCode, 200);
    mock.timers.tick(2500);
    assert.ok(2500 < SESSION_KEPT_MS, 'still within the time a session is kept');
    assert.equal((await me(browser)).statusCode, 401);
  } finally {
    mock.timers.reset();
  }
});

test('a session closed by another process is refused once the kept copy is too old', async () => {
  const { browser } = await freshStaff();
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  try {
    assert.equal((await me(browser)).statusCode, 200);
    await t.db.db.delete(sessions).where(eq(sessions.id, sessionIdOf(browser)));
    mock.timers.tick(SESSION_KEPT_MS + 1);
    assert.equal((await me(browser)).statusCode, 401);
  } finally {
    mock.timers.reset();
  }
});

test('a kept session is still touched once its last use is over a minute old', async () => {
  const { browser } = await freshStaff();
  const id = sessionIdOf(browser);
  const start = Date.now();
  await t.db.db
    .update(sessions)
    .set({ lastSeenAt: new Date(start - 58_000), expiresAt: new Date(start + 600_000) })
    .where(eq(sessions.id, id));
  const row = async () => (await t.db.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;
  mock.timers.enable({ apis: ['Date'], now: start });
  try {
    assert.equal((await me(browser)).statusCode, 200);
    assert.equal((await row()).lastSeenAt.getTime(), start - 58_000, 'not yet a minute: not touched');
    mock.timers.tick(3000);
    const touching = await statementsOf(async () => assert.equal((await me(browser)).statusCode, 200));
    assert.deepEqual(touching.filter(readsSession), [], 'the session came from memory');
    const touched = await row();
    assert.equal(touched.lastSeenAt.getTime(), start + 3000);
    const hours = (touched.expiresAt.getTime() - (start + 3000)) / 3_600_000;
    assert.equal(hours, t.config.sessionTtlHours, 'the expiry slid forward');
    mock.timers.tick(1000);
    const next = await statementsOf(async () => assert.equal((await me(browser)).statusCode, 200));
    assert.deepEqual(
      next.filter((sql) => /update "sessions"/i.test(sql)),
      [],
      'touched at most once a minute',
    );
  } finally {
    mock.timers.reset();
  }
});

test('a session read just before it was closed is not kept afterwards', () => {
  const now = Date.now();
  const read = (id: string, accountId: string) => ({
    id,
    accountId,
    csrfToken: 'x',
    expiresAt: now + 3_600_000,
    lastSeenAt: now,
  });
  forgetSession('signed-out');
  keepSession(read('signed-out', 'a1'), now);
  assert.equal(keptSession('signed-out', now), null);
  forgetSessionsOf('deactivated');
  keepSession(read('of-deactivated', 'deactivated'), now);
  assert.equal(keptSession('of-deactivated', now), null);
  keepSession(read('live', 'a2'), now);
  assert.equal(keptSession('live', now)?.accountId, 'a2');
  assert.equal(keptSession('live', now + SESSION_KEPT_MS), null, 'kept for a few seconds only');
});
