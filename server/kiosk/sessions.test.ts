import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { accounts, sessions } from '../accounts/index.ts';
import { auditTrail } from '../accounts/testing.ts';
import { ON_THE_SPOT } from '../cases/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltAccount, buildApplicant, buildKiosk, buildMatter, signIn } from '../testing/factories.ts';
import { kioskSessions } from './tables.ts';
import { type Kiosk, kioskOf, kioskSessionOf, LI_CARD, withIdCheckCharacter } from './testing.ts';

let t: TestApp;
let matter: string;
let cityHall: string;
let KIOSK_TOKEN: string;
let li: BuiltAccount;

/** A resident of 新城区 with no account yet. */
const WANG = {
  name: '王小明',
  idNumber: withIdCheckCharacter('61010219900307123'),
  sex: '男',
  birthDate: '1990-03-07',
  validUntil: '2036-05-01',
};

before(async () => {
  t = await createTestApp();
  const kiosk = await buildKiosk(t.db.db, { name: '一楼大厅自助终端 1 号' });
  KIOSK_TOKEN = kiosk.token;
  cityHall = kiosk.hallId;
  li = await buildApplicant(t.db.db, { login: LI_CARD.idNumber, displayName: LI_CARD.name });
  matter = (await buildMatter(t.db.db, { document: { ...ON_THE_SPOT, serviceObject: 'person' } })).id;
  await buildMatter(t.db.db, { document: { serviceObject: 'person' } });
});
after(async () => {
  await t?.close();
});

const me = (kiosk: Kiosk) => kiosk.request({ method: 'GET', url: '/api/auth/me' });

test('a bad ID number is a 400 naming the field; an expired card or a mismatched reading is refused', async () => {
  const kiosk = kioskOf(t.app, KIOSK_TOKEN);
  const wrongCheck = await kiosk.identify({ ...LI_CARD, idNumber: '110105194912310021' });
  assert.equal(wrongCheck.statusCode, 400);
  assert.equal(wrongCheck.json().error.field, 'idNumber');
  assert.match(wrongCheck.json().error.message, /idNumber.*居民身份证号码格式或校验位不正确/);
  const expired = await kiosk.identify({ ...WANG, validUntil: '2020-01-01' });
  assert.equal(expired.statusCode, 400);
  assert.equal(expired.json().error.field, 'validUntil');
  assert.match(expired.json().error.message, /身份证已过期/);
  const born = await kiosk.identify({ ...WANG, birthDate: '1990-03-08' });
  assert.equal(born.json().error.field, 'birthDate');
  const address = await kiosk.identify({ ...WANG, address: '陕西省西安市新城区' });
  assert.equal(address.statusCode, 400, 'the address stays on the kiosk');
  assert.equal(kiosk.session, null);
  const [account] = await t.db.db.select().from(accounts).where(eq(accounts.login, WANG.idNumber));
  assert.equal(account, undefined, 'nothing was created');
});

test('reading a card finds the applicant, or opens a walk-in account, and a short session at the kiosk', async () => {
  const kiosk = kioskOf(t.app, KIOSK_TOKEN);
  const res = await kiosk.identify(LI_CARD);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().applicant, { displayName: '李秀兰', idNumber: '110105********002X' });
  assert.equal(res.body.includes('11010519491231002X'), false, 'the full number is not sent back');
  const signedIn = await me(kiosk);
  assert.equal(signedIn.statusCode, 200);
  assert.equal(signedIn.json().user.kind, 'person');

  const first = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await first.identify(WANG)).statusCode, 200);
  const firstId = (await me(first)).json().user.id as string;
  const again = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await again.identify({ ...WANG, idNumber: WANG.idNumber.toLowerCase() })).statusCode, 200);
  assert.equal((await me(again)).json().user.id, firstId, 'the second reading finds the same account');
  const rows = await t.db.db.select().from(accounts).where(eq(accounts.login, WANG.idNumber));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.displayName, '王小明');
  const created = (await auditTrail(t.db.db, 'account.create_walk_in')).filter((a) => a.targetId === firstId);
  assert.equal(created.length, 1);
  assert.equal(created[0]!.role, 'kiosk');

  const identified = (await auditTrail(t.db.db, 'kiosk.identify')).filter((a) => a.actorId === firstId);
  assert.equal(identified.length, 2);
  const summary = identified[0]!.summary as Record<string, unknown>;
  assert.equal(summary.login, `610102********${WANG.idNumber.slice(-4)}`);
  assert.equal(summary.hallId, cityHall);
  assert.equal(summary.deviceName, '一楼大厅自助终端 1 号');
  assert.equal(JSON.stringify(identified).includes(WANG.idNumber), false, 'the audit masks the number');

  const session = await kioskSessionOf(t.db.db, again);
  assert.equal(session.hallId, cityHall);
  const [row] = await t.db.db.select().from(sessions).where(eq(sessions.id, session.sessionId!));
  assert.ok(row!.expiresAt.getTime() - Date.now() <= 30 * 60_000, 'the applicant session is short');
});

test('a case submitted in a kiosk session is channel kiosk in the kiosk hall with one visit', async () => {
  const kiosk = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await kiosk.identify(LI_CARD)).statusCode, 200);
  const submit = (payload: Record<string, unknown>) =>
    kiosk.request({
      method: 'POST',
      url: '/api/cases',
      payload,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
  const res = await submit({ implementationId: matter, formData: { phone: '13800138000' } });
  assert.equal(res.statusCode, 201, res.body);
  const filed = res.json();
  assert.equal(filed.channel, 'kiosk');
  assert.equal(filed.hallId, cityHall);
  assert.equal(filed.visits, 1);
  assert.equal(filed.applicantName, '李秀兰');
  assert.equal(filed.timeline[0].details.channel, 'kiosk');

  // The hall comes from the session, never from the body.
  const named = await submit({ implementationId: matter, kioskHallId: crypto.randomUUID() });
  assert.equal(named.statusCode, 400);
  // Online, the same person's case is an online one with no visit.
  const online = await signIn(t.app, li);
  const web = await online.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter, formData: { phone: '13800138000' } },
  });
  assert.equal(web.statusCode, 201, web.body);
  assert.equal(web.json().channel, 'online');
  assert.equal(web.json().visits, 0);
  // …and the kiosk case is among that person's cases.
  const mine = await online.request({ method: 'GET', url: '/api/cases' });
  const channels = (mine.json().items as { id: string; channel: string }[]).map((c) => [c.id, c.channel]);
  assert.ok(channels.some(([id, channel]) => id === filed.id && channel === 'kiosk'));

  const popular = await kiosk.request({ method: 'GET', url: '/api/kiosk/matters/popular' });
  assert.equal(popular.statusCode, 200, popular.body);
  const items = popular.json().items as { implementationId: string; applied: number }[];
  assert.equal(items[0]!.implementationId, matter, 'the matter applied for in the hall comes first');
  assert.equal(items[0]!.applied, 1);
  assert.ok(items.length > 1);
});

test('the kiosk session ends after idling, after its time limit, at sign-out and when the next card is read', async () => {
  const idle = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await idle.identify(LI_CARD)).statusCode, 200);
  const idleRow = await kioskSessionOf(t.db.db, idle);
  await t.db.db
    .update(kioskSessions)
    .set({ lastSeenAt: new Date(Date.now() - 181_000) })
    .where(eq(kioskSessions.id, idleRow.id));
  assert.equal((await me(idle)).statusCode, 401);
  const [ended] = await t.db.db.select().from(kioskSessions).where(eq(kioskSessions.id, idleRow.id));
  assert.equal(ended!.endReason, 'idle');
  assert.equal(ended!.sessionId, null, 'the applicant session is gone');

  const long = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await long.identify(LI_CARD)).statusCode, 200);
  const longRow = await kioskSessionOf(t.db.db, long);
  await t.db.db
    .update(kioskSessions)
    .set({ startedAt: new Date(Date.now() - 31 * 60_000) })
    .where(eq(kioskSessions.id, longRow.id));
  assert.equal((await long.request({ method: 'GET', url: '/api/kiosk/session' })).statusCode, 401);

  const leaving = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await leaving.identify(WANG)).statusCode, 200);
  const live = await leaving.request({ method: 'GET', url: '/api/kiosk/session' });
  assert.equal(live.statusCode, 200);
  assert.equal(live.json().applicant.displayName, '王小明');
  const out = await leaving.request({ method: 'POST', url: '/api/kiosk/sign-out' });
  assert.equal(out.statusCode, 204, out.body);
  assert.equal((await me(leaving)).statusCode, 401);
  const signOuts = await auditTrail(t.db.db, 'kiosk.sign_out');
  assert.equal(signOuts.length, 1);
  assert.equal(signOuts[0]!.actorName, '王小明');

  const previous = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await previous.identify(LI_CARD)).statusCode, 200);
  const next = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await next.identify(WANG)).statusCode, 200);
  assert.equal((await me(previous)).statusCode, 401, 'the person who walked away is signed out');
  assert.equal((await me(next)).statusCode, 200);
  const open = await t.db.db
    .select()
    .from(kioskSessions)
    .where(and(sql`${kioskSessions.endedAt} IS NULL`, sql`${kioskSessions.sessionId} IS NOT NULL`));
  assert.equal(open.length, 1, 'one open session per kiosk');
});
