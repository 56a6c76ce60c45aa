import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltAccount, buildApplicant, buildCompany, buildStaff, signIn } from '../testing/factories.ts';
import { dispatchQueuedSms } from './outbox.ts';
import { notify } from './service.ts';
import type { SmsProvider } from './sms.ts';
import { notifications } from './tables.ts';
import { recordingGateway } from './testing.ts';

let t: TestApp;
let PERSON: string;
let COMPANY: string;
const applicants = new Map<string, BuiltAccount>();

before(async () => {
  t = await createTestApp();
  const person = await buildApplicant(t.db.db, { phone: '13912345678' });
  const company = await buildCompany(t.db.db, { phone: '059187654321' });
  for (const a of [person, company]) applicants.set(a.login, a);
  PERSON = person.login;
  COMPANY = company.login;
});
after(async () => {
  await t.close();
});

async function accountId(login: string): Promise<string> {
  return applicants.get(login)!.id;
}

async function applicant(kind: 'person' | 'company', login: string): Promise<Pick<Browser, 'request'>> {
  const account = applicants.get(login)!;
  assert.equal(account.kind, kind);
  return signIn(t.app, account);
}

test('notify writes an in-app message and queues an SMS to the mobile on record; the outbox sends it once', async () => {
  const id = await accountId(PERSON);
  const sent = await notify({
    db: t.db.db,
    accountId: id,
    title: '申请已受理',
    body: '您的办件 610100-20250301-0001 已受理。',
    subject: { caseNo: '610100-20250301-0001', event: 'accepted' },
  });
  assert.ok(sent.smsId);
  const rows = await t.db.db.select().from(notifications).where(eq(notifications.accountId, id));
  const sms = rows.find((r) => r.channel === 'sms')!;
  assert.equal(sms.address, '13912345678');
  assert.equal(sms.status, 'queued', 'nothing goes to the gateway before the commit');
  assert.equal(sms.providerId, null);
  assert.equal(sms.body, '【一网通办】申请已受理：您的办件 610100-20250301-0001 已受理。');

  const { gateway, texts } = recordingGateway();
  assert.ok((await dispatchQueuedSms({ db: t.db.db, sms: gateway })).sent >= 1);
  assert.deepEqual(
    texts.filter((x) => x.includes('610100-20250301-0001')),
    [sms.body],
  );
  const [after] = await t.db.db.select().from(notifications).where(eq(notifications.id, sent.smsId));
  assert.equal(after!.status, 'sent');
  assert.equal(after!.providerId, `rec-${texts.indexOf(sms.body) + 1}`);
  assert.ok(after!.sentAt);
  await dispatchQueuedSms({ db: t.db.db, sms: gateway });
  assert.equal(texts.filter((x) => x === sms.body).length, 1, 'a sent message is not sent again');
  const inApp = rows.find((r) => r.channel === 'in_app')!;
  assert.equal(inApp.title, '申请已受理');
  assert.equal(inApp.readAt, null);
});

test('no SMS to a landline; a gateway failure is recorded and keeps the in-app message', async () => {
  const company = await accountId(COMPANY);
  const toLandline = await notify({
    db: t.db.db,
    accountId: company,
    title: '测试',
    body: '座机',
    subject: {},
  });
  assert.equal(toLandline.smsId, null);

  const failing: SmsProvider = {
    name: 'down',
    send: async () => {
      throw new Error('gateway unavailable');
    },
  };
  const person = await accountId(PERSON);
  const result = await notify({ db: t.db.db, accountId: person, title: '失败', body: 'x', subject: {} });
  await dispatchQueuedSms({ db: t.db.db, sms: failing });
  const [sms] = await t.db.db.select().from(notifications).where(eq(notifications.id, result.smsId!));
  assert.equal(sms!.status, 'failed');
  assert.equal(sms!.sentAt, null);
  const [inApp] = await t.db.db.select().from(notifications).where(eq(notifications.id, result.id));
  assert.equal(inApp!.title, '失败');
});

test('an SMS of a change that is rolled back never reaches the gateway', async () => {
  const person = await accountId(PERSON);
  await assert.rejects(
    t.db.db.transaction(async (tx) => {
      await notify({ db: tx, accountId: person, title: '撤回', body: '回滚的变更', subject: {} });
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  const { gateway, texts } = recordingGateway();
  await dispatchQueuedSms({ db: t.db.db, sms: gateway });
  assert.ok(!texts.some((x) => x.includes('回滚的变更')));
  const rows = await t.db.db.select().from(notifications).where(eq(notifications.title, '撤回'));
  assert.deepEqual(rows, []);
});

test('applicants list only their own messages, newest first, with the unread count; phones masked', async () => {
  const person = await accountId(PERSON);
  for (const n of [1, 2, 3]) {
    await notify({ db: t.db.db, accountId: person, title: `第${n}条`, body: `正文${n}`, subject: { n } });
  }
  const browser = await applicant('person', PERSON);
  const list = (await browser.request({ method: 'GET', url: '/api/notifications?limit=3' })).json();
  assert.deepEqual(
    list.items.map((i: { title: string }) => i.title),
    ['第3条', '第2条', '第1条'],
  );
  const all = (await browser.request({ method: 'GET', url: '/api/notifications?limit=100' })).json();
  assert.equal(all.unread, all.total);
  assert.ok(all.items.every((i: { channel: string }) => i.channel === 'in_app'));

  const sms = (await browser.request({ method: 'GET', url: '/api/notifications?channel=sms' })).json();
  assert.ok(sms.items.length > 0);
  for (const item of sms.items) assert.equal(item.address, '139****5678');
  assert.doesNotMatch(JSON.stringify(sms), /13912345678/);

  const companyView = await applicant('company', COMPANY);
  const theirs = (await companyView.request({ method: 'GET', url: '/api/notifications?limit=100' })).json();
  assert.ok(theirs.items.every((i: { title: string }) => !i.title.startsWith('第')));
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode, 401);
});

test('marking read: own messages only, another account’s is a 404', async () => {
  const person = await accountId(PERSON);
  const { id } = await notify({ db: t.db.db, accountId: person, title: '待读', body: '…', subject: {} });
  const browser = await applicant('person', PERSON);
  const before = (await browser.request({ method: 'GET', url: '/api/notifications' })).json().unread;

  const company = await applicant('company', COMPANY);
  const stolen = await company.request({ method: 'POST', url: `/api/notifications/${id}/read` });
  assert.equal(stolen.statusCode, 404);
  const clerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal(
    (await clerk.request({ method: 'POST', url: `/api/notifications/${id}/read` })).statusCode,
    404,
  );

  const read = await browser.request({ method: 'POST', url: `/api/notifications/${id}/read` });
  assert.equal(read.statusCode, 200, read.body);
  const firstReadAt = read.json().readAt;
  const again = await browser.request({ method: 'POST', url: `/api/notifications/${id}/read` });
  assert.equal(again.json().readAt, firstReadAt, 'reading again keeps the first time');
  const after = (await browser.request({ method: 'GET', url: '/api/notifications' })).json().unread;
  assert.equal(after, before - 1);
  const unreadOnly = (
    await browser.request({ method: 'GET', url: '/api/notifications?unread=true&limit=100' })
  ).json();
  assert.ok(unreadOnly.items.every((i: { id: string }) => i.id !== id));
  assert.equal(
    (await browser.request({ method: 'POST', url: '/api/notifications/not-a-uuid/read' })).statusCode,
    400,
  );
});
