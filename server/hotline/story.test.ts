import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { todayInChina, workingDaysBetween } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHotlineWorld, ok, takeRequest } from './testing.ts';

/** The story: a 投诉 by phone, dispatched, returned, re-dispatched, replied, called back. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildHotlineWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildHotlineWorld(t);
});
after(() => t?.close());

test('a complaint by phone: number, due day 15 working days on, dispatch, return, re-dispatch, reply, revisit', async () => {
  const today = todayInChina();
  const taken = await takeRequest(w.operator);
  assert.match(taken.requestNo, new RegExp(`^12345${today.replaceAll('-', '')}\\d{4}$`));
  assert.equal(await workingDaysBetween({ db: t.db.db, from: today, to: taken.dueDate }), 15);
  const day = new Date(`${taken.dueDate}T12:00:00+08:00`).getUTCDay();
  assert.ok(taken.dueDate > today && day !== 0, 'the due day is a working day after today');

  const suggested = await ok(w.operator, 'GET', `/api/hotline/requests/${taken.id}/suggest`);
  assert.ok(
    suggested.departments.some((d: { departmentId: string }) => d.departmentId === w.second.id),
    'the department of the matching matter is suggested',
  );

  await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/dispatch`, {
    primaryDepartmentId: w.first.id,
    assistingDepartmentIds: [],
  });
  const inbox = await ok(w.firstHead, 'GET', '/api/hotline/assignments?status=assigned');
  const mine = inbox.items.find((a: { requestId: string }) => a.requestId === taken.id);
  assert.equal(mine.role, 'primary');
  assert.equal(
    (await w.outsider.request({ method: 'GET', url: `/api/hotline/requests/${taken.id}` })).statusCode,
    404,
    'another department cannot read it',
  );
  const foreign = await w.secondHead.request({
    method: 'POST',
    url: `/api/hotline/assignments/${mine.id}/return`,
    payload: { reason: '不是我们的' },
  });
  assert.equal(foreign.statusCode, 404, "another department's assignment is a 404");

  await ok(w.firstHead, 'POST', `/api/hotline/assignments/${mine.id}/return`, {
    reason: '占道施工许可由城管部门负责',
  });
  await ok(w.operator, 'POST', `/api/hotline/assignments/${mine.id}/review`, { accept: true, note: '同意' });
  let view = await ok(w.operator, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.equal(view.status, 'received', 'an accepted return sends it back to dispatch');

  view = await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/redispatch`, {
    primaryDepartmentId: w.second.id,
    assistingDepartmentIds: [w.first.id],
  });
  assert.equal(view.status, 'dispatched');
  assert.equal(view.primaryDepartmentId, w.second.id);
  const second = (await ok(w.secondHead, 'GET', '/api/hotline/assignments?status=assigned')).items.find(
    (a: { requestId: string }) => a.requestId === taken.id,
  );
  const assisting = (await ok(w.firstHead, 'GET', '/api/hotline/assignments?status=assigned')).items.find(
    (a: { requestId: string }) => a.requestId === taken.id,
  );
  assert.equal(assisting.role, 'assisting');
  await ok(w.firstHead, 'POST', `/api/hotline/assignments/${assisting.id}/reply`, { reply: '已配合核查' });
  assert.equal((await ok(w.operator, 'GET', `/api/hotline/requests/${taken.id}`)).status, 'dispatched');
  await ok(w.secondHead, 'POST', `/api/hotline/assignments/${second.id}/reply`, {
    reply: '已责令施工单位停止夜间施工',
  });
  view = await ok(w.operator, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.equal(view.status, 'replied');
  assert.equal(view.reply, '已责令施工单位停止夜间施工');

  const early = await w.operator.request({
    method: 'POST',
    url: `/api/hotline/requests/${taken.id}/dispatch`,
    payload: { primaryDepartmentId: w.first.id, assistingDepartmentIds: [] },
  });
  assert.equal(early.statusCode, 409, 'a replied request is not dispatched again');

  view = await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/revisit`, {
    note: '群众表示问题已解决',
    satisfaction: 'satisfied',
  });
  assert.equal(view.status, 'closed');
  assert.equal(view.satisfaction, 'satisfied');
  assert.deepEqual(
    view.events.map((e: { kind: string }) => e.kind),
    [
      'received',
      'dispatched',
      'returned',
      'returnAccepted',
      'redispatched',
      'assistReplied',
      'replied',
      'revisited',
      'closed',
    ],
  );
  const audited = await t.db.db.execute(
    sql`SELECT action FROM audit_records WHERE target_type = 'hotline_request' AND target_id = ${taken.id}`,
  );
  assert.equal(audited.rows.length, 9, 'every step is audited');
  const seenByDepartment = await ok(w.secondHead, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.deepEqual(
    seenByDepartment.assignments.map((a: { departmentId: string }) => a.departmentId),
    [w.second.id],
    'a department sees only its own assignments',
  );
});

test('a dissatisfied revisit reopens the request for dispatch', async () => {
  const taken = await takeRequest(w.operator, { kind: 'help' });
  await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/dispatch`, {
    primaryDepartmentId: w.first.id,
    assistingDepartmentIds: [],
  });
  const a = (await ok(w.firstHead, 'GET', '/api/hotline/assignments')).items.find(
    (x: { requestId: string }) => x.requestId === taken.id,
  );
  await ok(w.firstHead, 'POST', `/api/hotline/assignments/${a.id}/reply`, { reply: '已处理' });
  const view = await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/revisit`, {
    note: '群众不满意',
    satisfaction: 'dissatisfied',
  });
  assert.equal(view.status, 'received');
  assert.equal(view.satisfaction, 'dissatisfied');
  assert.equal(view.events.at(-1).kind, 'reopened');
});

test('a rejected return stays with the department; a citizen and a department cannot take requests', async () => {
  const taken = await takeRequest(w.operator);
  await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/dispatch`, {
    primaryDepartmentId: w.first.id,
    assistingDepartmentIds: [],
  });
  const a = (await ok(w.firstHead, 'GET', '/api/hotline/assignments')).items.find(
    (x: { requestId: string }) => x.requestId === taken.id,
  );
  await ok(w.firstHead, 'POST', `/api/hotline/assignments/${a.id}/return`, { reason: '不属于本部门' });
  await ok(w.operator, 'POST', `/api/hotline/assignments/${a.id}/review`, {
    accept: false,
    note: '属于本部门职责',
  });
  const again = (await ok(w.firstHead, 'GET', '/api/hotline/assignments?status=assigned')).items;
  assert.ok(again.some((x: { id: string }) => x.id === a.id));
  for (const who of [w.citizen, w.firstHead]) {
    const res = await who.request({
      method: 'POST',
      url: '/api/hotline/requests',
      payload: {
        kind: 'consult',
        channel: 'phone',
        requesterName: '李',
        title: 'x',
        content: 'y',
        regionCode: '610100',
      },
    });
    assert.equal(res.statusCode, 403);
  }
  const bad = await w.operator.request({
    method: 'POST',
    url: '/api/hotline/requests',
    payload: {
      kind: 'consult',
      channel: 'phone',
      requesterName: '李',
      title: 'x',
      content: 'y',
      regionCode: '999999',
    },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'regionCode');
});

test('the portal: a citizen submits with the account name, sees it in mine; another person gets a 404', async () => {
  const created = await ok(
    w.citizen,
    'POST',
    '/api/hotline/portal',
    {
      kind: 'suggestion',
      title: '建议增加公交线路',
      content: '建议增加到高新区的公交线路',
      regionCode: '610100',
    },
    201,
  );
  const mine = await ok(w.citizen, 'GET', '/api/hotline/mine');
  assert.equal(mine.items[0].id, created.id);
  const view = await ok(w.operator, 'GET', `/api/hotline/requests/${created.id}`);
  assert.equal(view.channel, 'portal');
  assert.equal(view.limitDays, 10);
  const res = await w.citizen.request({ method: 'GET', url: `/api/hotline/requests/${created.id}` });
  assert.equal(res.statusCode, 404, 'the requester reads it through mine, not the office page');
});
