import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { notifications } from '../notifications/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltMatter,
  buildApplicant,
  buildCase,
  buildMatter,
  buildStaff,
  signIn,
} from '../testing/factories.ts';

/* 双向速递, inbound: originals posted to the hall by their tracking number, and their receipt; no visit. */

let t: TestApp;
let matter: BuiltMatter;
let reviewer: Browser;

before(async () => {
  t = await createTestApp();
  matter = await buildMatter(t.db.db);
  reviewer = await signIn(
    t.app,
    await buildStaff(t.db.db, {
      organisationId: matter.departmentId,
      roles: [{ role: 'department_reviewer', organisationId: matter.departmentId }],
    }),
  );
});
after(async () => {
  await t?.close();
});

type Event = { action: string; details: Record<string, unknown>; visit: boolean };
type Case = { id: string; version: number; status: string; visits: number; timeline: Event[] };

const act = (by: Browser, c: { id: string; version: number }, action: string, body: object = {}) =>
  by.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });

async function ok(by: Browser, c: { id: string; version: number }, action: string, body: object = {}) {
  const res = await act(by, c, action, body);
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json() as Case;
}

/** An online case of a fresh applicant, signed in. */
async function onlineCase(actions: string[] = []) {
  const filed = await buildCase(t, { matter, actions, staff: reviewer });
  return {
    c: filed as unknown as Case,
    applicant: await signIn(t.app, filed.applicant),
    account: filed.applicant,
  };
}

test('the applicant posts originals: the tracking number is on the timeline, the status and visits stay', async () => {
  const { c: filed, applicant } = await onlineCase();
  const posted = await ok(applicant, filed, 'post-originals', {
    trackingNo: ' sf 1234 5678 90 ',
    carrier: '顺丰速运',
  });
  assert.equal(posted.status, 'submitted');
  assert.equal(posted.visits, 0);
  const event = posted.timeline.at(-1)!;
  assert.equal(event.action, 'post_originals');
  assert.deepEqual(event.details, { trackingNo: 'SF1234567890', carrier: '顺丰速运' });
  assert.equal(event.visit, false);

  const again = await act(applicant, posted, 'post-originals', { trackingNo: 'SF1234567890' });
  assert.equal(again.statusCode, 400);
  assert.equal(again.json().error.field, 'trackingNo');
  assert.match(again.json().error.message, /该快递单号已登记/);

  const bad = await act(applicant, posted, 'post-originals', { trackingNo: '顺丰' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'trackingNo');
  assert.match(bad.json().error.message, /快递单号应为 6 至 40 位字母、数字或连字符/);
  const english = await applicant.request({
    method: 'POST',
    url: `/api/cases/${posted.id}/post-originals`,
    headers: { 'accept-language': 'en' },
    payload: { version: posted.version },
  });
  assert.equal(english.statusCode, 400);
  assert.equal(english.json().error.field, 'trackingNo');
  assert.match(english.json().error.message, /trackingNo: is required/);
});

test('the department records the receipt: the parcel announced, a message to the applicant, still no visit', async () => {
  const { c: filed, applicant, account } = await onlineCase(['accept']);
  let c = await ok(applicant, filed, 'post-originals', { trackingNo: 'EA123456789CN' });
  const notYours = await act(applicant, c, 'receive-originals', {});
  assert.equal(notYours.statusCode, 403, 'only the hall or the department records the receipt');

  c = await ok(reviewer, c, 'receive-originals', {});
  assert.equal(c.status, 'accepted');
  assert.equal(c.visits, 0, 'posting originals spares the applicant the visit');
  assert.deepEqual(
    c.timeline.map((e) => [e.action, e.details.trackingNo ?? null, e.visit]),
    [
      ['submit', null, false],
      ['accept', null, false],
      ['post_originals', 'EA123456789CN', false],
      ['receive_originals', 'EA123456789CN', false],
    ],
  );
  const told = await t.db.db
    .select({ channel: notifications.channel, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.accountId, account.id), eq(notifications.title, '原件已收到')));
  assert.ok(told.length >= 1, 'the applicant is told the originals arrived');
  for (const message of told) assert.match(message.body, /快递单号 EA123456789CN/);

  const twice = await act(reviewer, c, 'receive-originals', { trackingNo: 'ea123456789cn' });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.json().error.message, /该邮件已签收/);
  const none = await act(reviewer, c, 'receive-originals', {});
  assert.equal(none.statusCode, 400, 'nothing left in transit: the number must be given');
  assert.equal(none.json().error.field, 'trackingNo');
});

test('a parcel nobody announced is received by its number; with two in transit the number must be said', async () => {
  const { c: filed, applicant } = await onlineCase();
  let c = await ok(reviewer, filed, 'receive-originals', { trackingNo: 'JDX000123-1-1' });
  assert.deepEqual(c.timeline.at(-1)!.details, { trackingNo: 'JDX000123-1-1', announced: false });
  c = await ok(applicant, c, 'post-originals', { trackingNo: 'SF0000000001' });
  c = await ok(reviewer, c, 'post-originals', { trackingNo: 'SF0000000002' });
  const which = await act(reviewer, c, 'receive-originals', {});
  assert.equal(which.statusCode, 400);
  assert.match(which.json().error.message, /有多件在途邮件/);
  c = await ok(reviewer, c, 'receive-originals', { trackingNo: 'SF0000000002', reason: '外包装完好' });
  assert.deepEqual(c.timeline.at(-1)!.details, { trackingNo: 'SF0000000002', note: '外包装完好' });
  c = await ok(reviewer, c, 'receive-originals', {});
  assert.equal(c.timeline.at(-1)!.details.trackingNo, 'SF0000000001', 'the one left in transit');
});

test('at the counter the clerk enters the number and receives the parcel: the visits stay as filed', async () => {
  const clerkAccount = await buildStaff(t.db.db, { role: 'window_clerk' });
  const clerk = await signIn(t.app, clerkAccount);
  const walkIn = await buildApplicant(t.db.db, { kind: 'person' });
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: matter.id,
      applicant: { kind: 'person', login: walkIn.login, displayName: walkIn.displayName },
      materials: [],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  let c = res.json() as Case;
  assert.equal(c.visits, 1, 'filing at the counter is the one visit');
  c = await ok(clerk, c, 'post-originals', { trackingNo: 'YT7000000001' });
  c = await ok(clerk, c, 'receive-originals', {});
  assert.equal(c.visits, 1, 'neither the number nor the receipt is a visit');
  assert.deepEqual(
    c.timeline.slice(-2).map((e) => [e.action, e.visit]),
    [
      ['post_originals', false],
      ['receive_originals', false],
    ],
  );
});

test('someone else’s case is a 404; a decided case takes no originals', async () => {
  const { c: filed } = await onlineCase();
  const stranger = await signIn(t.app, await buildApplicant(t.db.db, { kind: 'person' }));
  const res = await act(stranger, filed, 'post-originals', { trackingNo: 'SF1111111111' });
  assert.equal(res.statusCode, 404);

  const { c: reviewed } = await onlineCase(['accept', 'start_review']);
  const denied = await ok(reviewer, reviewed, 'deny', { reason: '不符合法定条件' });
  const late = await act(reviewer, denied, 'receive-originals', { trackingNo: 'SF2222222222' });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error.code, 'case.transition_not_allowed');
});
