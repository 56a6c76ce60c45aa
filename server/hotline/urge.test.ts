import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { buildHotlineWorld, ok, takeRequest } from './testing.ts';
import { refreshHotlineWarnings } from './warnings.ts';

/** 督办意见 on escalated requests, region names beside codes, and the figures' Excel download. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildHotlineWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildHotlineWorld(t);
});
after(() => t?.close());

/** A request dispatched to the first department and escalated by the warnings job two days late. */
async function escalatedRequest(title: string) {
  const taken = await takeRequest(w.operator, { kind: 'help', title });
  await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/dispatch`, {
    primaryDepartmentId: w.first.id,
    assistingDepartmentIds: [],
  });
  const late = new Date(`${taken.dueDate}T12:00:00+08:00`);
  late.setUTCDate(late.getUTCDate() + 2);
  await t.db.db.transaction((tx) => refreshHotlineWarnings(tx, late));
  return taken;
}

const urge = (who: typeof w.supervisor, id: string, note: unknown) =>
  who.request({ method: 'POST', url: `/api/hotline/requests/${id}/urge`, payload: { note } });

test('a supervisor urges an escalated request: a 督办 step, an audit record, a message to the department', async () => {
  const taken = await escalatedRequest('路灯长期不亮');
  const res = await urge(w.supervisor, taken.id, '  请于三日内答复群众  ');
  assert.equal(res.statusCode, 200, res.body);
  const step = res.json().events.find((e: { kind: string }) => e.kind === 'urged');
  assert.equal(step.detail.note, '请于三日内答复群众');
  assert.ok(step.actorName);

  const inbox = await ok(w.firstHead, 'GET', '/api/notifications');
  const message = inbox.items.find(
    (m: { subject: { requestId?: string } }) => m.subject.requestId === taken.id,
  );
  assert.equal(message.title, '12345督办');
  assert.match(message.body, new RegExp(`${taken.requestNo}.*请于三日内答复群众`));
  const sms = await ok(w.firstHead, 'GET', '/api/notifications?channel=sms');
  assert.ok(!sms.items.some((m: { subject: { requestId?: string } }) => m.subject.requestId === taken.id));
  const other = await ok(w.secondHead, 'GET', '/api/notifications');
  assert.ok(!other.items.some((m: { subject: { requestId?: string } }) => m.subject.requestId === taken.id));

  const { rows } = await t.db.db.execute(
    sql`SELECT role, summary FROM audit_records WHERE action = 'hotline.urged' AND target_id = ${taken.id}`,
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.role, 'supervisor');
  assert.equal((rows[0]!.summary as { note: string }).note, '请于三日内答复群众');
});

test('the note is required and short; a request outside the region is a 404; one not escalated a 409', async () => {
  const taken = await escalatedRequest('井盖缺失');
  for (const note of ['', '   ', '督'.repeat(501)]) {
    const res = await urge(w.supervisor, taken.id, note);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, 'note');
  }
  const elsewhere = await buildOrganisation(t.db.db, { kind: 'department', regionCode: '610300' });
  const outsider = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'supervisor', organisationId: elsewhere.id }),
  );
  for (const who of [outsider, w.firstHead, w.citizen, w.operator]) {
    const res = await urge(who, taken.id, '请尽快办理');
    assert.equal(res.statusCode, 404, res.body);
    assert.ok(!res.body.includes(taken.requestNo));
  }
  const fresh = await takeRequest(w.operator, { title: '刚受理的工单' });
  const early = await urge(w.supervisor, fresh.id, '请尽快办理');
  assert.equal(early.statusCode, 409, early.body);
  const view = await ok(w.supervisor, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.ok(!view.events.some((e: { kind: string }) => e.kind === 'urged'));
});

test('requests, the escalated list and the FAQ list name their regions', async () => {
  const taken = await escalatedRequest('人行道破损');
  const view = await ok(w.supervisor, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.deepEqual([view.regionCode, view.regionName], ['610100', '西安市']);
  const escalated = await ok(w.supervisor, 'GET', '/api/hotline/escalated');
  const row = escalated.items.find((r: { id: string }) => r.id === taken.id);
  assert.equal(row.regionName, '西安市');
  const faq = await ok(
    w.operator,
    'POST',
    '/api/hotline/faq',
    { question: '公积金怎么提取', answer: '携带身份证办理', regionCode: '610000' },
    201,
  );
  assert.equal(faq.regionName, '陕西省');
  const list = await ok(w.operator, 'GET', '/api/hotline/faq?q=公积金');
  assert.equal(list.items.find((f: { id: string }) => f.id === faq.id).regionName, '陕西省');
});

test('the figures as Excel: the region row of the month with its counts and how each is computed', async () => {
  const month = todayInChina().slice(0, 7);
  const url = `/api/hotline/figures?regionCode=610100&from=${month}&to=${month}`;
  const figures = await ok(w.supervisor, 'GET', url);
  const region = figures.rows.find((r: { departmentId: string | null }) => r.departmentId === null);
  const res = await w.supervisor.request({ method: 'GET', url: url.replace('figures?', 'figures.xlsx?') });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-disposition']), /hotline-figures-610100/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('12345统计')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const first = (sheet.getRow(2).values as unknown[]).slice(1);
  assert.equal(first[0], month);
  assert.equal(first[1], '全区划');
  assert.equal(first[headers.indexOf('受理量')], region.received);
  assert.equal(first[headers.indexOf('退单')], region.returned);
  assert.equal(first[headers.indexOf('超期')], region.overdue);
  const methods = book.getWorksheet('计算方法')!;
  assert.match(String(methods.getRow(3).getCell(2).value), /咨询类工单数/);
  const citizen = await w.citizen.request({ method: 'GET', url: url.replace('figures?', 'figures.xlsx?') });
  assert.equal(citizen.statusCode, 403);
});
