import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { dispatchQueuedSms } from '../notifications/index.ts';
import { recordingGateway } from '../notifications/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant, uploadedMaterial } from './testing.ts';

let t: TestApp;
let dataDir: string;
let food: string;
const who: Record<string, Browser> = {};

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-messages-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  food = await publishMatter(t.db.db, market!.id, FOOD_LICENCE);
  for (const login of ['reviewer', 'head']) who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  who.company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  who.person = await signInApplicant(t.app, 'person', '11010519491231002X');
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Case = { id: string; version: number; caseNo: string; trackingNo: string | null };
type Message = { title: string; body: string; channel: string; subject: { caseId: string; event: string } };

async function act(by: Browser, c: Case, action: string, body: Record<string, unknown> = {}, status = 200) {
  const res = await by.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
  assert.equal(res.statusCode, status, `${action}: ${res.body}`);
  return res.json() as Case;
}

async function apply(by: Browser): Promise<Case> {
  const res = await by.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** The applicant's messages about one case, oldest first, as the applicant lists them. */
async function messagesAbout(by: Browser, c: Case, channel = 'in_app'): Promise<Message[]> {
  const res = await by.request({ method: 'GET', url: `/api/notifications?channel=${channel}&limit=100` });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as Message[]).filter((m) => m.subject.caseId === c.id).reverse();
}

test('the applicant is told of every step they wait for, with the one-time list and the tracking number', async () => {
  let c = await apply(who.company!);
  c = await act(who.reviewer!, c, 'request-supplement', {
    problems: [{ materialKey: 'sqs', problem: '申请书未签字' }, { problem: '法定代表人身份证明不清晰' }],
  });
  c = await act(who.company!, c, 'resubmit', {
    materials: [await uploadedMaterial(who.company!, 'sqs', 'signed application')],
  });
  c = await act(who.reviewer!, c, 'accept');
  c = await act(who.reviewer!, c, 'start-review');
  c = await act(who.head!, c, 'approve');
  await act(who.reviewer!, c, 'deliver', { method: 'window_pickup' }, 409);
  c = await act(who.reviewer!, c, 'conclude');
  c = await act(who.reviewer!, c, 'deliver', {
    method: 'post',
    address: { recipient: '林总', phone: '13900000000', address: '西安市新城区西一路1号' },
  });

  const messages = await messagesAbout(who.company!, c);
  assert.deepEqual(
    messages.map((m) => m.subject.event),
    ['submit', 'request_supplement', 'accept', 'approve', 'conclude', 'deliver'],
    'resubmission and the start of review are not announced; a refused action tells nothing',
  );
  assert.deepEqual(
    messages.map((m) => m.title),
    ['申请已收到', '请补正材料', '申请已受理', '准予许可', '办件已办结', '办理结果已寄出'],
  );
  assert.ok(messages.every((m) => m.body.includes(c.caseNo)));
  assert.match(
    messages[1]!.body,
    /2 项.*1\.食品经营许可申请书：申请书未签字；2\.其他：法定代表人身份证明不清晰/,
  );
  assert.match(messages[2]!.body, /承诺于\d{4}-\d{2}-\d{2}前办结/);
  assert.ok(c.trackingNo);
  assert.match(messages[5]!.body, new RegExp(`快递单号 ${c.trackingNo}`));
  assert.deepEqual(await messagesAbout(who.company!, c, 'sms'), [], 'a landline on record receives no SMS');
});

test('refusals and revocation are announced with their reasons, by SMS too to a mobile', async () => {
  const refused = await act(who.reviewer!, await apply(who.person!), 'not-accept', {
    reason: '不属于本机关职权范围',
    legalBasis: '《行政许可法》第三十二条',
  });
  let denied = await act(who.reviewer!, await apply(who.person!), 'accept');
  denied = await act(who.reviewer!, denied, 'start-review');
  denied = await act(who.head!, denied, 'deny', { reason: '经营场所不符合要求' });
  let revoked = await act(who.reviewer!, await apply(who.company!), 'approve-on-promise', {
    promise: '承诺属实',
  });
  revoked = await act(who.head!, revoked, 'revoke', { reason: '现场核查与承诺不符' });

  const last = async (by: Browser, c: Case) => (await messagesAbout(by, c)).at(-1)!;
  assert.match((await last(who.person!, refused)).body, /不予受理，理由：不属于本机关职权范围/);
  assert.match((await last(who.person!, denied)).body, /不予许可，理由：经营场所不符合要求/);
  const revocation = await last(who.company!, revoked);
  assert.equal(revocation.title, '许可已撤销');
  assert.match(revocation.body, /现场核查与承诺不符/);
  assert.deepEqual(
    (await messagesAbout(who.company!, revoked)).map((m) => m.subject.event),
    ['submit', 'approve_on_promise', 'revoke'],
  );
  assert.deepEqual(await messagesAbout(who.company!, refused), [], "nobody hears of someone else's case");
  const sms = await messagesAbout(who.person!, refused, 'sms');
  assert.deepEqual(
    sms.map((m) => m.body.slice(0, 15)),
    ['【一网通办】申请已收到：您的“', '【一网通办】申请不予受理：您的'],
    'the same by SMS to the mobile on record',
  );
});

test('a transition refused for a stale version sends no SMS; the one that happens is sent after its commit', async () => {
  const { gateway, texts } = recordingGateway();
  await dispatchQueuedSms({ db: t.db.db, sms: gateway });
  texts.length = 0;
  const submitted = await apply(who.person!);
  const accepted = await act(who.reviewer!, submitted, 'accept');
  await act(who.reviewer!, submitted, 'not-accept', { reason: '重复提交', legalBasis: '无' }, 409);
  const queued = await messagesAbout(who.person!, accepted, 'sms');
  assert.deepEqual(
    queued.map((m) => m.title),
    ['申请已收到', '申请已受理'],
    'the stale refusal wrote no message',
  );
  assert.equal(texts.length, 0, 'nothing reaches the gateway before the outbox runs');
  await dispatchQueuedSms({ db: t.db.db, sms: gateway });
  assert.deepEqual(
    texts.map((x) => x.slice(0, 12)),
    ['【一网通办】申请已收到：', '【一网通办】申请已受理：'],
  );
  assert.ok(!texts.some((x) => x.includes('不予受理')));
});
