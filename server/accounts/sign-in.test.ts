import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditRecords } from '../audit/index.ts';
import { loadConfig } from '../core/config.ts';
import type { App } from '../core/http/types.ts';
import { buildApp } from '../http/app.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { accounts } from './tables.ts';
import { auditTrail } from './testing.ts';

const BASE_ENV = { SIGNIN_MAX_FAILURES: '3', SIGNIN_LOCK_MINUTES: '10', SIGNIN_IP_MAX_PER_MINUTE: '12' };

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true, env: BASE_ENV });
});
after(async () => {
  await t.close();
});

let address = 0;
/** Each test signs in from its own client address, so the per-address limit stays out of the way. */
const from = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

const staffLogin = (username: string, password: string, remoteAddress = from()) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const applicantLogin = (kind: string, login: string, password: string, remoteAddress = from()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/applicant-login',
    payload: { kind, login, password },
    remoteAddress,
  });

const auditActions = (prefix: string) => auditTrail(t.db.db, prefix);

test('staff sign in with user name and password and get a session cookie and their roles', async () => {
  const res = await staffLogin('Clerk', 'demo1234');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.user.login, 'clerk');
  assert.equal(body.user.kind, 'staff');
  assert.equal(body.user.organisationName, '西安市政务服务中心');
  assert.deepEqual(
    body.user.roles.map((r: { role: string }) => r.role),
    ['window_clerk'],
  );
  assert.ok(body.csrfToken.length >= 32);
  const cookie = res.cookies.find((c) => c.name === 'yw_session');
  assert.ok(cookie, 'session cookie set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/');
  const signIns = await auditActions('auth.sign_in');
  assert.ok(signIns.some((r) => r.action === 'auth.sign_in' && r.actorId === body.user.id));
});

test('a person signs in with the ID number (any case) and sees it masked; a company with its credit code', async () => {
  const person = await applicantLogin('person', '11010519491231002x', 'demo1234');
  assert.equal(person.statusCode, 200);
  assert.equal(person.json().user.login, '110105********002X');
  assert.equal(person.json().user.roles[0].role, 'applicant');
  const company = await applicantLogin('company', '91350100M000100Y43', 'demo1234');
  assert.equal(company.statusCode, 200);
  assert.equal(company.json().user.kind, 'company');
  assert.equal(company.json().user.login, '91350100M000100Y43');
});

test('a malformed ID number at applicant sign-in is a 400 naming the field', async () => {
  const res = await applicantLogin('person', '110105194912310021', 'demo1234');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'validation.id_number');
  assert.equal(res.json().error.field, 'login');
});

test('wrong password and unknown account give the same generic 401', async () => {
  const wrong = await staffLogin('editor', 'not-the-password');
  const unknown = await staffLogin('nobody-here', 'not-the-password');
  const unknownPerson = await applicantLogin('person', '11010519491231002X'.replace('1949', '1950'), 'x');
  for (const res of [wrong, unknown]) {
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth.invalid_credentials');
    assert.equal(res.json().error.message, '账号或密码错误');
    assert.equal(res.cookies.length, 0);
  }
  // 110105195012310021 is not a valid ID number; the check comes before any lookup.
  assert.equal(unknownPerson.statusCode, 400);
  const failures = await auditActions('auth.sign_in_failed');
  assert.ok(failures.some((r) => (r.summary as { login: string }).login === 'editor'));
});

test('after the maximum of failures the account is locked, also for the right password, until the lock ends', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await staffLogin('reviewer', 'wrong-password')).statusCode, 401);
  const locked = await staffLogin('reviewer', 'demo1234');
  assert.equal(locked.statusCode, 429);
  assert.equal(locked.json().error.code, 'auth.locked');
  assert.match(locked.json().error.message, /10 分钟/);
  assert.ok((await auditActions('auth.sign_in_locked')).length >= 1);

  // The lock runs out.
  await t.db.db
    .update(accounts)
    .set({ lockedUntil: sql`now() - interval '1 second'` })
    .where(eq(accounts.login, 'reviewer'));
  assert.equal((await staffLogin('reviewer', 'demo1234')).statusCode, 200);
  const [row] = await t.db.db.select().from(accounts).where(eq(accounts.login, 'reviewer'));
  assert.equal(row!.failedSignIns, 0);
  assert.equal(row!.lockedUntil, null);
});

test('a success resets the failure count', async () => {
  for (let i = 0; i < 2; i++) await staffLogin('head', 'wrong-password');
  assert.equal((await staffLogin('head', 'demo1234')).statusCode, 200);
  for (let i = 0; i < 2; i++) await staffLogin('head', 'wrong-password');
  assert.equal(
    (await staffLogin('head', 'demo1234')).statusCode,
    200,
    'four failures, but never three in a row',
  );
});

test('an unknown account answers exactly like a known one, lock included', async () => {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 4; i++) {
    known.push((await staffLogin('agent', 'wrong-password')).statusCode);
    unknown.push((await staffLogin('ghost.user', 'wrong-password')).statusCode);
  }
  assert.deepEqual(known, [401, 401, 401, 429]);
  assert.deepEqual(unknown, known);
  const ghost = await staffLogin('ghost.user', 'whatever');
  assert.equal(ghost.json().error.message, (await staffLogin('agent', 'whatever')).json().error.message);
});

test('an unknown account takes about as long to refuse as a wrong password', async () => {
  const time = async (username: string) => {
    const started = performance.now();
    await staffLogin(username, 'wrong-password');
    return performance.now() - started;
  };
  await time('warm.up');
  const known = await time('manager');
  const unknown = await time('no.such.user');
  assert.ok(unknown > known / 3, `unknown ${unknown.toFixed(1)} ms vs known ${known.toFixed(1)} ms`);
  await t.db.db.update(accounts).set({ failedSignIns: 0 }).where(eq(accounts.login, 'manager'));
});

test('more than the per-address limit of attempts in a minute gets 429 request.rate_limited', async () => {
  const address = '192.0.2.77';
  const codes: number[] = [];
  for (let i = 0; i < 13; i++) codes.push((await staffLogin(`nobody${i}`, 'x', address)).statusCode);
  assert.deepEqual(codes.slice(0, 12), Array(12).fill(401));
  assert.equal(codes[12], 429);
  const limited = await staffLogin('supervisor', 'demo1234', address);
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'request.rate_limited');
  assert.equal(
    (await staffLogin('supervisor', 'demo1234')).statusCode,
    200,
    'another address is not limited',
  );
});

/** Sign-in attempts of unknown logins from one peer, each naming another address in X-Forwarded-For. */
async function forwardedAttempts(app: App, peer: string, count: number, tag: string) {
  const answers: { status: number; code: string }[] = [];
  for (let i = 0; i < count; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `${tag}${i}`, password: 'x' },
      remoteAddress: peer,
      headers: { 'x-forwarded-for': `203.0.113.${i % 250}, 198.51.100.${i % 250}` },
    });
    answers.push({ status: res.statusCode, code: res.json().error.code });
  }
  return answers;
}

test('by default X-Forwarded-For is ignored: rotating it does not escape the per-address limit', async () => {
  const answers = await forwardedAttempts(t.app, '192.0.2.78', 100, 'rotating');
  assert.deepEqual(
    answers.slice(0, 12).map((a) => a.status),
    Array(12).fill(401),
  );
  assert.deepEqual(
    answers.slice(12).map((a) => a.code),
    Array(88).fill('request.rate_limited'),
    'every attempt after SIGNIN_IP_MAX_PER_MINUTE is refused',
  );
  const [failure] = await t.db.db
    .select({ clientAddress: auditRecords.clientAddress })
    .from(auditRecords)
    .where(sql`${auditRecords.summary}->>'login' = 'rotating0'`);
  assert.equal(failure?.clientAddress, '192.0.2.78', 'the audit records the peer, not the header');
});

test('with TRUST_PROXY the header of a listed proxy names the client, and only that proxy’s', async () => {
  const config = loadConfig({ ...BASE_ENV, TRUST_PROXY: '127.0.0.1, 10.8.0.0/16' });
  const proxied = await buildApp({ config, database: t.db, logger: false, serveApp: false });
  try {
    const viaProxy = await forwardedAttempts(proxied, '10.8.3.4', 30, 'proxied');
    assert.deepEqual(
      viaProxy.map((a) => a.status),
      Array(30).fill(401),
      'each forwarded client has its own count',
    );
    const [failure] = await t.db.db
      .select({ clientAddress: auditRecords.clientAddress })
      .from(auditRecords)
      .where(sql`${auditRecords.summary}->>'login' = 'proxied7'`);
    assert.equal(failure?.clientAddress, '198.51.100.7', 'the nearest address the proxy forwarded');
    const direct = await forwardedAttempts(proxied, '192.0.2.79', 13, 'direct');
    assert.deepEqual(
      direct.map((a) => a.status),
      [...Array(12).fill(401), 429],
      'a client that is not a listed proxy cannot choose its address',
    );
  } finally {
    await proxied.close();
  }
});

test('a deactivated account cannot sign in, with the generic answer', async () => {
  await t.db.db.update(accounts).set({ active: false }).where(eq(accounts.login, 'editor'));
  const res = await staffLogin('editor', 'demo1234');
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().error.code, 'auth.invalid_credentials');
  await t.db.db.update(accounts).set({ active: true, failedSignIns: 0 }).where(eq(accounts.login, 'editor'));
});

test('stored passwords are argon2id hashes', async () => {
  const [row] = await t.db.db.select().from(accounts).where(eq(accounts.login, 'admin'));
  assert.match(row!.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});
