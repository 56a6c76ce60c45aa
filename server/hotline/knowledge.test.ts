import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHotlineWorld, ok, takeRequest } from './testing.ts';
import { refreshHotlineWarnings } from './warnings.ts';

/** 咨询 answered at once from the knowledge base, FAQ entries, merge, escalation and the figures. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildHotlineWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildHotlineWorld(t);
});
after(() => t?.close());

test('a 咨询 is answered at once from a guide the knowledge search finds, then closed', async () => {
  const taken = await takeRequest(w.operator, {
    kind: 'consult',
    title: '占道施工需要办什么手续',
    content: '想在门口道路占道施工，需要办理什么许可？',
  });
  const found = await ok(w.operator, 'GET', `/api/hotline/knowledge?q=${encodeURIComponent('占道施工许可')}`);
  const guide = found.guides.find((g: { matterId: string }) => g.matterId === w.matter.id);
  assert.ok(guide, JSON.stringify(found.guides.map((g: { name: string }) => g.name)));
  const view = await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/answer`, {
    answer: `请办理${guide.name}：${guide.summary}`,
  });
  assert.equal(view.status, 'closed');
  assert.equal(view.answeredAtOnce, true);
  assert.deepEqual(
    view.events.map((e: { kind: string }) => e.kind),
    ['received', 'answered', 'closed'],
  );
  const complaint = await takeRequest(w.operator);
  const res = await w.operator.request({
    method: 'POST',
    url: `/api/hotline/requests/${complaint.id}/answer`,
    payload: { answer: '不行' },
  });
  assert.equal(res.statusCode, 409, 'only a 咨询 is answered at once');
  const department = await w.firstHead.request({
    method: 'GET',
    url: `/api/hotline/knowledge?q=${encodeURIComponent('许可')}`,
  });
  assert.equal(department.statusCode, 403);
});

test('FAQ entries: added, found by a keyword in the question asked, changed and deactivated', async () => {
  const entry = await ok(
    w.operator,
    'POST',
    '/api/hotline/faq',
    {
      question: '居住证怎么办理？',
      answer: '携带身份证和居住证明到社区警务室申请。',
      keywords: '居住证,暂住证',
      regionCode: '610100',
    },
    201,
  );
  const found = await ok(
    w.operator,
    'GET',
    `/api/hotline/knowledge?q=${encodeURIComponent('我想办个暂住证')}`,
  );
  assert.ok(found.faq.some((f: { id: string }) => f.id === entry.id));
  const changed = await ok(w.operator, 'PUT', `/api/hotline/faq/${entry.id}`, {
    question: '居住证怎么办理？',
    answer: '网上申请即可。',
    keywords: '居住证,暂住证',
    regionCode: '610100',
    active: false,
  });
  assert.equal(changed.active, false);
  const after = await ok(
    w.operator,
    'GET',
    `/api/hotline/knowledge?q=${encodeURIComponent('我想办个暂住证')}`,
  );
  assert.ok(!after.faq.some((f: { id: string }) => f.id === entry.id), 'an inactive entry is not offered');
  const missing = await w.operator.request({
    method: 'PUT',
    url: '/api/hotline/faq/00000000-0000-4000-8000-000000000000',
    payload: { question: 'q', answer: 'a', regionCode: '610100' },
  });
  assert.equal(missing.statusCode, 404);
});

test('a duplicate is merged into the first request', async () => {
  const first = await takeRequest(w.operator);
  const duplicate = await takeRequest(w.operator, { requesterName: '李女士' });
  const view = await ok(w.operator, 'POST', `/api/hotline/requests/${duplicate.id}/merge`, {
    intoId: first.id,
  });
  assert.equal(view.status, 'merged');
  assert.equal(view.mergedInto, first.id);
  const again = await w.operator.request({
    method: 'POST',
    url: `/api/hotline/requests/${duplicate.id}/merge`,
    payload: { intoId: first.id },
  });
  assert.equal(again.statusCode, 409);
  const self = await w.operator.request({
    method: 'POST',
    url: `/api/hotline/requests/${first.id}/merge`,
    payload: { intoId: first.id },
  });
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().error.field, 'intoId');
});

test('warnings: yellow on the due day, red past it, escalated to the supervisor of the region', async () => {
  const taken = await takeRequest(w.operator, { kind: 'consult', title: '咨询社保', content: '社保怎么交' });
  const sweep = (day: string) =>
    t.db.db.transaction((tx) => refreshHotlineWarnings(tx, new Date(`${day}T10:00:00+08:00`)));
  await sweep(taken.dueDate);
  let view = await ok(w.operator, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.equal(view.warning, 'yellow');
  assert.equal(view.escalatedAt, null);
  const escalatedBefore = await ok(w.supervisor, 'GET', '/api/hotline/escalated');
  assert.ok(!escalatedBefore.items.some((r: { id: string }) => r.id === taken.id));

  const next = new Date(`${taken.dueDate}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  await sweep(next.toISOString().slice(0, 10));
  view = await ok(w.operator, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.equal(view.warning, 'red');
  assert.ok(view.escalatedAt);
  assert.equal(view.events.at(-1).kind, 'escalated');
  const escalated = await ok(w.supervisor, 'GET', '/api/hotline/escalated');
  assert.ok(escalated.items.some((r: { id: string }) => r.id === taken.id));
  const outsider = await w.outsider.request({ method: 'GET', url: '/api/hotline/escalated' });
  assert.equal(outsider.statusCode, 403);
});

test('figures equal a plain count over the requests', async () => {
  const month = todayInChina().slice(0, 7);
  const answered = await takeRequest(w.operator, { kind: 'consult', title: '咨询', content: '咨询内容' });
  await ok(w.operator, 'POST', `/api/hotline/requests/${answered.id}/answer`, { answer: '已解答' });
  const sent = await takeRequest(w.operator, { kind: 'report' });
  await ok(w.operator, 'POST', `/api/hotline/requests/${sent.id}/dispatch`, {
    primaryDepartmentId: w.second.id,
    assistingDepartmentIds: [],
  });
  const figures = await ok(
    w.supervisor,
    'GET',
    `/api/hotline/figures?regionCode=610100&from=${month}&to=${month}`,
  );
  const region = figures.rows.find((r: { departmentId: string | null }) => r.departmentId === null);
  const { rows } = await t.db.db.execute(
    sql`SELECT count(*)::int AS received,
          count(*) FILTER (WHERE kind = 'consult')::int AS consult,
          count(*) FILTER (WHERE kind = 'report')::int AS report,
          count(*) FILTER (WHERE answered_at_once)::int AS answered,
          count(*) FILTER (WHERE primary_department_id = ${w.second.id})::int AS second
        FROM hotline_requests WHERE status <> 'merged' AND region_path LIKE '610000/610100%'
          AND month = ${`${month}-01`}::date`,
  );
  const plain = rows[0]!;
  assert.equal(region.received, plain.received);
  assert.equal(region.byKind.consult, plain.consult);
  assert.equal(region.byKind.report, plain.report);
  assert.equal(region.answeredAtOnce, plain.answered);
  assert.equal(region.immediateRate, (plain.answered as number) / (plain.consult as number));
  const second = figures.rows.find((r: { departmentId: string | null }) => r.departmentId === w.second.id);
  assert.equal(second.received, plain.second);
  const denied = await w.firstHead.request({
    method: 'GET',
    url: `/api/hotline/figures?regionCode=610100&from=${month}&to=${month}`,
  });
  assert.equal(denied.statusCode, 403);
});
