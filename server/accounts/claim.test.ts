import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { FOOD_LICENCE } from '../cases/testing.ts';
import { listNotifications, notifications } from '../notifications/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildMatter, buildStaff, signIn } from '../testing/factories.ts';
import { CLAIM_MAX_ATTEMPTS } from './claim.ts';
import { accountClaims, accounts } from './tables.ts';
import { auditTrail, TEST_AUDIT } from './testing.ts';
import { findOrCreateWalkInApplicant } from './walk-in.ts';

let t: TestApp;
let registeredLogin: string;
before(async () => {
  t = await createTestApp();
  registeredLogin = (await buildApplicant(t.db.db)).login;
});
after(async () => {
  await t?.close();
});

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
let serial = 0;
/** A valid resident ID number (GB 11643 check digit) not used before in this file. */
function newIdNumber(): string {
  serial += 1;
  const first17 = `61010219900101${String(100 + serial).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** Each test its own client address, so the per-address sign-in limit does not join them. */
let address = 0;
function client() {
  address += 1;
  const remoteAddress = `10.0.0.${address}`;
  return (method: 'GET' | 'POST', url: string, payload?: object, cookie?: string) =>
    t.app.inject({
      method,
      url,
      remoteAddress,
      ...(payload ? { payload } : {}),
      ...(cookie ? { cookies: { yw_session: cookie } } : {}),
    });
}

async function walkIn(displayName: string, phone: string | null) {
  const login = newIdNumber();
  const id = await findOrCreateWalkInApplicant({
    db: t.db.db,
    audit: TEST_AUDIT,
    input: { kind: 'person', login, displayName, phone },
  });
  return { id, login };
}

/** The code in the latest SMS sent to the account (the sandbox records what it sent). */
async function codeSentTo(accountId: string): Promise<{ code: string; address: string }> {
  const { items } = await listNotifications({ db: t.db.db, accountId, channel: 'sms', limit: 1, offset: 0 });
  const code = /验证码 (\d{6})/.exec(items[0]?.body ?? '')?.[1];
  assert.ok(code, 'an SMS with a code was recorded');
  const [row] = await t.db.db
    .select({ address: notifications.address })
    .from(notifications)
    .where(eq(notifications.id, items[0]!.id));
  return { code, address: row!.address ?? '' };
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('registering with the number of a walk-in account offers the claim; a registered number stays a duplicate', async () => {
  const call = client();
  const { login } = await walkIn('张三', '13912340001');
  const res = await call('POST', '/api/auth/register', {
    kind: 'person',
    login,
    displayName: '张三',
    password: 'new-password-1',
  });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'account.claimable');
  assert.match(res.json().error.message, /认领/);
  const registered = await call('POST', '/api/auth/register', {
    kind: 'person',
    login: registeredLogin,
    displayName: '王秀英',
    password: 'new-password-1',
  });
  assert.equal(registered.statusCode, 409);
  assert.equal(registered.json().error.code, 'resource.duplicate');
});

test('claim: the right name sends a code to the recorded phone; a wrong code counts; the right one sets the password and signs in', async () => {
  const call = client();
  const { id, login } = await walkIn('李  四', '13912340002');
  const wrongName = await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '李五' });
  const unknown = await call('POST', '/api/auth/claim', {
    kind: 'person',
    login: newIdNumber(),
    displayName: '李四',
  });
  assert.equal(wrongName.statusCode, 400);
  assert.equal(wrongName.json().error.code, 'account.claim_failed');
  assert.equal(
    unknown.json().error.message,
    wrongName.json().error.message,
    'which part was wrong is not told',
  );

  const started = await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '李四' });
  assert.equal(started.statusCode, 201, started.body);
  assert.equal(started.json().phone, '139****0002');
  const { claimId } = started.json();
  const sms = await codeSentTo(id);
  assert.equal(sms.address, '13912340002', 'the code goes to the phone recorded at the counter');

  const wrong = await call('POST', `/api/auth/claim/${claimId}/complete`, {
    code: wrongCode(sms.code),
    password: 'my-new-password',
  });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.code, 'account.claim_code_invalid');
  assert.match(wrong.json().error.message, new RegExp(`还可尝试 ${CLAIM_MAX_ATTEMPTS - 1} 次`));

  const done = await call('POST', `/api/auth/claim/${claimId}/complete`, {
    code: sms.code,
    password: 'my-new-password',
  });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().user.displayName, '李  四');
  const cookie = done.cookies.find((c) => c.name === 'yw_session')!.value;
  const me = await call('GET', '/api/auth/me', undefined, cookie);
  assert.equal(me.json().user.id, id);

  const signIn = await call('POST', '/api/auth/applicant-login', {
    kind: 'person',
    login,
    password: 'my-new-password',
  });
  assert.equal(signIn.statusCode, 200, 'the new password signs in');
  const trail = await auditTrail(t.db.db, 'account.claim');
  const mine = trail.filter((r) => r.targetId === id).map((r) => [r.action, r.summary]);
  assert.deepEqual(
    mine.map(([action]) => action),
    ['account.claim_refused', 'account.claim_code_sent', 'account.claim_refused', 'account.claim'],
  );
  assert.equal((mine[0]![1] as { reason: string }).reason, 'name_mismatch');
  assert.equal((mine[2]![1] as { reason: string }).reason, 'wrong_code');
  assert.doesNotMatch(
    JSON.stringify(mine),
    /13912340002|my-new-password/,
    'no phone or password in the trail',
  );
});

test('an expired code is refused; a new code replaces it', async () => {
  const call = client();
  const { id, login } = await walkIn('王五', '13912340003');
  const first = (
    await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '王五' })
  ).json();
  const { code } = await codeSentTo(id);
  await t.db.db
    .update(accountClaims)
    .set({ expiresAt: sql`now() - interval '1 second'`, createdAt: sql`now() - interval '11 minutes'` })
    .where(eq(accountClaims.id, first.claimId));
  const expired = await call('POST', `/api/auth/claim/${first.claimId}/complete`, {
    code,
    password: 'my-new-password',
  });
  assert.equal(expired.statusCode, 409);
  assert.equal(expired.json().error.code, 'account.claim_code_expired');

  const again = await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '王五' });
  assert.equal(again.statusCode, 201);
  const fresh = await codeSentTo(id);
  const done = await call('POST', `/api/auth/claim/${again.json().claimId}/complete`, {
    code: fresh.code,
    password: 'my-new-password',
  });
  assert.equal(done.statusCode, 200);
});

test('after too many wrong codes even the right code is refused; a second code within a minute is throttled', async () => {
  const call = client();
  const { id, login } = await walkIn('赵六', '13912340004');
  const { claimId } = (
    await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '赵六' })
  ).json();
  const { code } = await codeSentTo(id);
  const answers: string[] = [];
  for (let i = 0; i < CLAIM_MAX_ATTEMPTS; i++) {
    const res = await call('POST', `/api/auth/claim/${claimId}/complete`, {
      code: wrongCode(code),
      password: 'my-new-password',
    });
    answers.push(res.json().error.code);
  }
  assert.deepEqual(answers, [
    ...Array(CLAIM_MAX_ATTEMPTS - 1).fill('account.claim_code_invalid'),
    'account.claim_attempts_exhausted',
  ]);
  const right = await call('POST', `/api/auth/claim/${claimId}/complete`, {
    code,
    password: 'my-new-password',
  });
  assert.equal(right.statusCode, 429);
  assert.equal(right.json().error.code, 'account.claim_attempts_exhausted');
  const [account] = await t.db.db.select().from(accounts).where(eq(accounts.id, id));
  assert.equal(account!.passwordHash, '!', 'still unclaimed');
  const resend = await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '赵六' });
  assert.equal(resend.statusCode, 429);
  assert.equal(resend.json().error.code, 'request.rate_limited');
});

test('an account already claimed cannot be claimed again, nor with an older code', async () => {
  const call = client();
  const { id, login } = await walkIn('钱七', '13912340005');
  const { claimId } = (
    await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '钱七' })
  ).json();
  const { code } = await codeSentTo(id);
  const done = await call('POST', `/api/auth/claim/${claimId}/complete`, {
    code,
    password: 'first-password',
  });
  assert.equal(done.statusCode, 200);
  const reused = await call('POST', `/api/auth/claim/${claimId}/complete`, {
    code,
    password: 'second-password',
  });
  assert.equal(reused.statusCode, 400);
  assert.equal(reused.json().error.code, 'account.claim_failed');
  const restart = await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '钱七' });
  assert.equal(restart.json().error.code, 'account.claim_failed');
  const register = await call('POST', '/api/auth/register', {
    kind: 'person',
    login,
    displayName: '钱七',
    password: 'second-password',
  });
  assert.equal(register.json().error.code, 'resource.duplicate');
  const old = await call('POST', '/api/auth/applicant-login', {
    kind: 'person',
    login,
    password: 'first-password',
  });
  assert.equal(old.statusCode, 200, 'the first password still holds');
});

test('no mobile phone on record: go to a window; a clerk who takes a phone at the counter records it', async () => {
  const call = client();
  const { id, login } = await walkIn('孙八', null);
  const noPhone = await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '孙八' });
  assert.equal(noPhone.statusCode, 409);
  assert.equal(noPhone.json().error.code, 'account.claim_no_phone');
  assert.match(noPhone.json().error.message, /窗口/);

  const food = (await buildMatter(t.db.db, { document: FOOD_LICENCE })).id;
  const clerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  const filed = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'person', login, displayName: '孙八', phone: '13912340006' },
    },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const [account] = await t.db.db.select().from(accounts).where(eq(accounts.id, id));
  assert.equal(account!.phone, '13912340006');
  const [recorded] = (await auditTrail(t.db.db, 'account.record_phone')).filter((r) => r.targetId === id);
  assert.deepEqual(recorded?.summary, { phone: '139****0006' });

  const started = await call('POST', '/api/auth/claim', { kind: 'person', login, displayName: '孙八' });
  assert.equal(started.statusCode, 201, started.body);
  const { code } = await codeSentTo(id);
  const done = await call('POST', `/api/auth/claim/${started.json().claimId}/complete`, {
    code,
    password: 'my-new-password',
  });
  const cookie = done.cookies.find((c) => c.name === 'yw_session')!.value;
  const mine = await call('GET', '/api/cases', undefined, cookie);
  assert.deepEqual(
    mine.json().items.map((c: { id: string }) => c.id),
    [filed.json().id],
    'the claimed account sees the case filed at the counter',
  );
});

test('a phone already on record is never replaced at the counter', async () => {
  const { id, login } = await walkIn('周九', '13912340007');
  await findOrCreateWalkInApplicant({
    db: t.db.db,
    audit: TEST_AUDIT,
    input: { kind: 'person', login, displayName: '周九', phone: '13800000000' },
  });
  const [account] = await t.db.db.select().from(accounts).where(eq(accounts.id, id));
  assert.equal(account!.phone, '13912340007');
});
