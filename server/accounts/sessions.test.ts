import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltAccount, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { sessions } from './tables.ts';
import { auditTrail } from './testing.ts';

let t: TestApp;
const staff: Record<string, BuiltAccount> = {};
before(async () => {
  t = await createTestApp();
  const market = await buildOrganisation(t.db.db, { name: '西安市市场监督管理局' });
  staff.head = await buildStaff(t.db.db, {
    role: 'department_head',
    organisationId: market.id,
    displayName: '陈志强',
  });
  staff.supervisor = await buildStaff(t.db.db, { role: 'supervisor', displayName: '孙卫东' });
  staff.manager = await buildStaff(t.db.db, { role: 'hall_manager', login: 'manager' });
  for (const [login, role] of [
    ['admin', 'system_admin'],
    ['clerk', 'window_clerk'],
    ['reviewer', 'department_reviewer'],
    ['editor', 'catalogue_editor'],
    ['agent', 'agent'],
  ] as const) {
    staff[login] = await buildStaff(t.db.db, { role });
  }
});
after(async () => {
  await t.close();
});

const me = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { yw_session: cookie } });

test('/me answers the signed-in user with the CSRF token, and 401 without a session', async () => {
  const browser = await signIn(t.app, staff.head!);
  const res = await me(browser.cookie);
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().user.displayName, '陈志强');
  assert.equal(res.json().user.roles[0].organisationName, '西安市市场监督管理局');
  assert.equal(res.json().csrfToken, browser.csrfToken);
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().error.code, 'auth.required');
  assert.equal((await me('made-up-token-made-up-token-123')).statusCode, 401);
});

test('a write with a session needs the session CSRF token: missing or wrong is 403, right passes', async () => {
  const browser = await signIn(t.app, staff.admin!);
  const unlock = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/auth/logout`,
      cookies: { yw_session: browser.cookie },
      headers,
    });
  const missing = await unlock({});
  assert.equal(missing.statusCode, 403);
  assert.equal(missing.json().error.code, 'auth.csrf_invalid');
  assert.equal(missing.json().error.message, '页面已过期，请刷新后重试');
  const wrong = await unlock({
    'x-csrf-token': `${browser.csrfToken.slice(0, -1)}${browser.csrfToken.endsWith('A') ? 'B' : 'A'}`,
  });
  assert.equal(wrong.statusCode, 403);
  assert.equal((await me(browser.cookie)).statusCode, 200, 'the refused sign-out did nothing');
  const right = await unlock({ 'x-csrf-token': browser.csrfToken });
  assert.equal(right.statusCode, 204);
});

test("another session's CSRF token does not do", async () => {
  const a = await signIn(t.app, staff.clerk!);
  const b = await signIn(t.app, staff.clerk!);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    cookies: { yw_session: a.cookie },
    headers: { 'x-csrf-token': b.csrfToken },
  });
  assert.equal(res.statusCode, 403);
});

test('sign-in is exempt from CSRF even when an old session cookie comes along', async () => {
  const old = await signIn(t.app, staff.clerk!);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    cookies: { yw_session: old.cookie },
    payload: { username: 'manager', password: staff.manager!.password },
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().user.login, 'manager');
});

test('sign-out ends the session, clears the cookie and is audited', async () => {
  const browser = await signIn(t.app, staff.supervisor!);
  const res = await browser.request({ method: 'POST', url: '/api/auth/logout' });
  assert.equal(res.statusCode, 204);
  const cleared = res.cookies.find((c) => c.name === 'yw_session');
  assert.ok(cleared && cleared.value === '', 'cookie cleared');
  assert.equal((await me(browser.cookie)).statusCode, 401);
  const signOuts = await auditTrail(t.db.db, 'auth.sign_out');
  assert.ok(signOuts.some((r) => r.actorName === '孙卫东'));
});

test('an expired session is anonymous', async () => {
  const browser = await signIn(t.app, staff.reviewer!);
  const id = createHash('sha256').update(browser.cookie).digest('hex');
  await t.db.db
    .update(sessions)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(sessions.id, id));
  assert.equal((await me(browser.cookie)).statusCode, 401);
  await signIn(t.app, staff.reviewer!);
  const left = await t.db.db.select().from(sessions).where(eq(sessions.id, id));
  assert.equal(left.length, 0, 'the next sign-in cleared the expired session');
});

test('the session expiry slides forward with use', async () => {
  const browser = await signIn(t.app, staff.editor!);
  const id = createHash('sha256').update(browser.cookie).digest('hex');
  await t.db.db
    .update(sessions)
    .set({ lastSeenAt: sql`now() - interval '2 hours'`, expiresAt: sql`now() + interval '5 minutes'` })
    .where(eq(sessions.id, id));
  assert.equal((await me(browser.cookie)).statusCode, 200);
  const [row] = await t.db.db.select().from(sessions).where(eq(sessions.id, id));
  const hours = (row!.expiresAt.getTime() - Date.now()) / 3_600_000;
  assert.ok(hours > t.config.sessionTtlHours - 0.1, `expires in ${hours.toFixed(2)} h`);
});

test('the session token is stored only as its SHA-256', async () => {
  const browser = await signIn(t.app, staff.agent!);
  const rows = await t.db.db.select().from(sessions);
  assert.ok(rows.length >= 1);
  assert.ok(rows.every((r) => r.id !== browser.cookie && /^[0-9a-f]{64}$/.test(r.id)));
});
