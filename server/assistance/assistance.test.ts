import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { kioskOf, LI_CARD } from '../kiosk/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltAccount,
  buildApplicant,
  buildCase,
  buildHall,
  buildIdNumber,
  buildKiosk,
  buildMatter,
  buildOrganisation,
  buildStaff,
  signIn,
} from '../testing/factories.ts';
import { buildHelpHall, ok } from './testing.ts';

/** 请帮我办 on the real database: asking from the portal and a kiosk, and the hall's staff taking and finishing. */

let t: TestApp;
let h: Awaited<ReturnType<typeof buildHelpHall>>;
let account: BuiltAccount;
let person: Browser;

before(async () => {
  t = await createTestApp();
  h = await buildHelpHall(t.app, t.db.db);
  account = await buildApplicant(t.db.db, { displayName: '张桂芳' });
  person = await signIn(t.app, account);
});
after(() => t?.close());

const ask = (who: Browser, body: Record<string, unknown>, status = 201) =>
  ok(who, 'POST', '/api/help-requests', body, status);
const staffList = (who: Browser, query = '') => ok(who, 'GET', `/api/help-requests${query}`);
const notifications = async (accountId: string) =>
  (
    await t.db.db.execute(
      sql`SELECT channel, body FROM notifications WHERE account_id = ${accountId} AND subject->>'event' = 'taken'
          ORDER BY channel`,
    )
  ).rows as { channel: string; body: string }[];

test('a person asks from the portal: one unfinished request per hall, shown in their space, cancelled by them only', async () => {
  const created = await ask(person, { hallId: h.hall.id, phone: '13912345678', note: '不会在网上填表' });
  assert.equal(created.status, 'open');
  assert.equal(created.channel, 'portal');
  assert.equal(created.name, '张桂芳');
  assert.equal(created.phone, '13912345678');
  assert.equal(created.hallName, h.hall.name);

  const again = await person.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { hallId: h.hall.id, phone: '13912345678' },
  });
  assert.equal(again.statusCode, 400);
  assert.equal(again.json().error.field, 'hallId');
  assert.match(again.json().error.message, /已有一个未办结的帮办请求/);
  assert.equal(again.json().error.details.openRequestId, created.id);

  const mine = await ok(person, 'GET', '/api/help-requests/mine');
  assert.deepEqual(
    mine.items.map((r: { id: string }) => r.id),
    [created.id],
  );

  const stranger = await signIn(t.app, await buildApplicant(t.db.db));
  const foreign = await stranger.request({ method: 'POST', url: `/api/help-requests/${created.id}/cancel` });
  assert.equal(foreign.statusCode, 404);
  assert.equal((await ok(stranger, 'GET', '/api/help-requests/mine')).items.length, 0);
  // The same phone at the same hall is one person too.
  const samePhone = await stranger.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { hallId: h.hall.id, phone: '13912345678' },
  });
  assert.equal(samePhone.statusCode, 400);
  assert.equal(samePhone.json().error.field, 'phone');

  const cancelled = await ok(person, 'POST', `/api/help-requests/${created.id}/cancel`);
  assert.equal(cancelled.status, 'cancelled');
  const twice = await person.request({ method: 'POST', url: `/api/help-requests/${created.id}/cancel` });
  assert.equal(twice.statusCode, 409);
  assert.equal(
    (await staffList(h.agent)).items.some((r: { id: string }) => r.id === created.id),
    false,
  );
  // Once cancelled, another may be made.
  const next = await ask(person, { hallId: h.hall.id, phone: '13912345678' });
  await ok(person, 'POST', `/api/help-requests/${next.id}/cancel`);
});

test('the portal needs a hall and a phone; staff and signed-out visitors cannot ask', async () => {
  for (const [body, field] of [
    [{ phone: '13912345678' }, 'hallId'],
    [{ hallId: h.hall.id }, 'phone'],
    [{ hallId: h.hall.id, phone: '12345' }, 'phone'],
    [{ hallId: h.hall.id, phone: '13912345678', note: '字'.repeat(501) }, 'note'],
  ] as const) {
    const res = await person.request({ method: 'POST', url: '/api/help-requests', payload: body });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.field ?? res.json().error.message, new RegExp(field));
  }
  const unknownHall = await person.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { hallId: '00000000-0000-4000-8000-000000000000', phone: '13912345678' },
  });
  assert.equal(unknownHall.statusCode, 404);
  const asStaff = await h.agent.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { hallId: h.hall.id, phone: '13912345678' },
  });
  assert.equal(asStaff.statusCode, 403);
  const nobody = await t.app.inject({
    method: 'POST',
    url: '/api/help-requests',
    payload: { hallId: h.hall.id, phone: '13912345678' },
  });
  assert.equal(nobody.statusCode, 401);
});

test('at a kiosk: the hall is the kiosk’s; a name and phone without a card, the card holder with one', async () => {
  const device = await buildKiosk(t.db.db, { hallId: h.hall.id });
  const kiosk = kioskOf(t.app, device.token);
  const anonymous = await kiosk.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { phone: '13800001111' },
  });
  assert.equal(anonymous.statusCode, 400);
  assert.equal(anonymous.json().error.field, 'name');
  const walkIn = await kiosk.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { name: '刘大爷', phone: '13800001111' },
  });
  assert.equal(walkIn.statusCode, 201, walkIn.body);
  assert.equal(walkIn.json().channel, 'kiosk');
  assert.equal(walkIn.json().hallId, h.hall.id);
  const listed = (await staffList(h.agent)).items.find((r: { id: string }) => r.id === walkIn.json().id);
  assert.equal(listed.name, '刘大爷');
  assert.equal(listed.phone, '138****1111', 'masked until taken');

  const card = LI_CARD;
  assert.equal((await kiosk.identify(card)).statusCode, 200);
  const carded = await kiosk.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { phone: '13800002222', note: '帮我办退休手续' },
  });
  assert.equal(carded.statusCode, 201, carded.body);
  assert.equal(carded.json().name, '李秀兰');
  const otherHall = await buildHelpHall(t.app, t.db.db);
  const elsewhere = await kiosk.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { hallId: otherHall.hall.id, phone: '13800003333' },
  });
  assert.equal(elsewhere.statusCode, 400);
  assert.equal(elsewhere.json().error.field, 'hallId');
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/help-requests',
    headers: { 'x-kiosk-token': 'ywk_not-a-registered-device' },
    payload: { name: '刘大爷', phone: '13800001111' },
  });
  assert.equal(bad.statusCode, 401);
});

test('a kiosk making request after request is slowed down', async () => {
  const other = await buildHelpHall(t.app, t.db.db);
  const device = await buildKiosk(t.db.db, { hallId: other.hall.id });
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/help-requests',
      headers: { 'x-kiosk-token': device.token },
      payload: { name: `来访者${i}`, phone: `1370000000${i}` },
    });
    statuses.push(res.statusCode);
  }
  assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201, 429, 429]);
});

test('two agents take at once: exactly one wins, the other gets a 409 naming the taker; the person is told', async () => {
  const created = await ask(person, { hallId: h.hall.id, phone: '13912345678' });
  const [a, b] = await Promise.all(
    [h.agent, h.agent2].map((who) =>
      who.request({ method: 'POST', url: `/api/help-requests/${created.id}/take` }),
    ),
  );
  const statuses = [a!.statusCode, b!.statusCode].sort();
  assert.deepEqual(statuses, [200, 409]);
  const loser = a!.statusCode === 409 ? a! : b!;
  const winner = a!.statusCode === 200 ? a! : b!;
  assert.match(loser.json().error.message, /该帮办请求已由帮办员.+受理，不能再接单/);
  assert.equal(winner.json().status, 'taken');
  assert.equal(winner.json().phone, '13912345678', 'the taker sees the full phone to call');
  assert.equal(winner.json().takenByMe, true);

  const told = await notifications(account.id);
  assert.deepEqual(
    told.map((n) => n.channel),
    ['in_app', 'sms'],
  );
  assert.match(told[0]!.body, /您的帮办请求已由帮办员.+受理，工作人员将与您联系/);
  const mine = (await ok(person, 'GET', '/api/help-requests/mine')).items[0];
  assert.equal(mine.status, 'taken');
  const audit = (
    await t.db.db.execute(sql`SELECT action FROM audit_records WHERE target_id = ${created.id} ORDER BY at`)
  ).rows as { action: string }[];
  assert.deepEqual(
    audit.map((r) => r.action),
    ['help_request.take'],
  );

  // Finished only by the taker or the hall's manager.
  const winnerAgent = a!.statusCode === 200 ? h.agent : h.agent2;
  const otherAgent = winnerAgent === h.agent ? h.agent2 : h.agent;
  const byOther = await otherAgent.request({
    method: 'POST',
    url: `/api/help-requests/${created.id}/finish`,
    payload: { outcome: '已代为提交' },
  });
  assert.equal(byOther.statusCode, 403);
  const byClerk = await h.clerk.request({
    method: 'POST',
    url: `/api/help-requests/${created.id}/finish`,
    payload: { outcome: '已代为提交' },
  });
  assert.equal(byClerk.statusCode, 403);
  const empty = await winnerAgent.request({
    method: 'POST',
    url: `/api/help-requests/${created.id}/finish`,
    payload: { outcome: '  ' },
  });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().error.field, 'outcome');
  const done = await ok(winnerAgent, 'POST', `/api/help-requests/${created.id}/finish`, {
    outcome: '已电话联系，代为提交了申请',
  });
  assert.equal(done.status, 'done');
  assert.equal(done.outcome, '已电话联系，代为提交了申请');
  const again = await winnerAgent.request({
    method: 'POST',
    url: `/api/help-requests/${created.id}/finish`,
    payload: { outcome: '再次' },
  });
  assert.equal(again.statusCode, 409);
  assert.equal((await staffList(h.manager, '?status=done')).items[0].id, created.id);
});

test('a manager finishes what an agent took', async () => {
  const created = await ask(person, { hallId: h.hall.id, phone: '13912345678' });
  await ok(h.agent, 'POST', `/api/help-requests/${created.id}/take`);
  const done = await ok(h.manager, 'POST', `/api/help-requests/${created.id}/finish`, {
    outcome: '申请人已到厅办结',
  });
  assert.equal(done.status, 'done');
  assert.equal(done.phone, '139****5678', 'the manager did not take it');
});

test('staff of another hall, and people who are not hall staff, get nothing of this hall', async () => {
  const created = await ask(person, { hallId: h.hall.id, phone: '13912345678' });
  const other = await buildHelpHall(t.app, t.db.db);
  assert.equal(
    (await staffList(other.agent)).items.some((r: { id: string }) => r.id === created.id),
    false,
  );
  for (const url of [`/api/help-requests/${created.id}/take`, `/api/help-requests/${created.id}/cancel`])
    assert.equal((await other.agent.request({ method: 'POST', url })).statusCode, 404);
  const finish = await other.manager.request({
    method: 'POST',
    url: `/api/help-requests/${created.id}/finish`,
    payload: { outcome: '无' },
  });
  assert.equal(finish.statusCode, 404);
  const hallList = await other.agent.request({
    method: 'GET',
    url: `/api/help-requests?hallId=${h.hall.id}`,
  });
  assert.equal(hallList.statusCode, 404);
  const reviewer = await signIn(t.app, await buildStaff(t.db.db, { role: 'department_reviewer' }));
  assert.equal((await reviewer.request({ method: 'GET', url: '/api/help-requests' })).statusCode, 403);
  assert.equal((await person.request({ method: 'GET', url: '/api/help-requests' })).statusCode, 403);
  const own = await staffList(h.clerk, `?hallId=${h.hall.id}`);
  assert.ok(own.items.some((r: { id: string }) => r.id === created.id));
  await ok(person, 'POST', `/api/help-requests/${created.id}/cancel`);
});

test('the halls to ask: the person’s phone, the hall of their last case, else one of their region', async () => {
  const resident = await buildApplicant(t.db.db, { login: buildIdNumber('610102') });
  const browser = await signIn(t.app, resident);
  const streetCentre = await buildOrganisation(t.db.db, { kind: 'street_centre', regionCode: '610102001' });
  const street = await buildHall(t.db.db, { organisationId: streetCentre.id });
  const first = await ok(browser, 'GET', '/api/help-requests/halls');
  assert.equal(first.phone, resident.phone);
  assert.ok(first.items.some((x: { id: string }) => x.id === h.hall.id));
  assert.equal(first.suggested, street.id, 'the hall of 新城区 for a resident of 新城区');

  const matter = await buildMatter(t.db.db);
  const filed = await buildCase(t, { matter, applicant: resident });
  await t.db.db.execute(sql`UPDATE cases SET hall_id = ${h.hall.id} WHERE id = ${filed.id}`);
  assert.equal((await ok(browser, 'GET', '/api/help-requests/halls')).suggested, h.hall.id);

  // The matter named is shown to the staff by its name.
  const asked = await ask(browser, { hallId: h.hall.id, phone: '13655556666', implementationId: matter.id });
  assert.equal(asked.matterName, matter.document.name);
  const unknown = await browser.request({
    method: 'POST',
    url: '/api/help-requests',
    payload: { hallId: street.id, phone: '13655556666', implementationId: h.hall.id },
  });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.field, 'implementationId');
  await ok(browser, 'POST', `/api/help-requests/${asked.id}/cancel`);
  assert.equal((await h.agent.request({ method: 'GET', url: '/api/help-requests/halls' })).statusCode, 403);
});
