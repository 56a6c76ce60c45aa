import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { createRequest } from './intake.ts';
import { monthlyHotlineCounts } from './monthly.ts';
import { rebuildHotlineMonthly } from './rebuild.ts';
import { buildHotlineWorld, ok, takeRequest } from './testing.ts';
import { refreshHotlineWarnings } from './warnings.ts';

/** hotline_monthly, kept with each change of a request, equals the same counts by a plain scan. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildHotlineWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildHotlineWorld(t);
});
after(() => t?.close());

const DONE = `(CASE WHEN replied_at IS NOT NULL THEN (replied_at AT TIME ZONE 'Asia/Shanghai')::date
  WHEN answered_at_once THEN (closed_at AT TIME ZONE 'Asia/Shanghai')::date END)`;
const LIVE = `status <> 'merged'`;

async function fromRequests() {
  const { rows } = await t.db.db.execute(
    sql.raw(`WITH r AS (
        SELECT h.*, ${DONE} AS done,
          (SELECT count(*) FROM hotline_events e WHERE e.request_id = h.id AND e.kind = 'returned') AS returns,
          EXISTS (SELECT 1 FROM hotline_events e WHERE e.request_id = h.id
            AND e.kind IN ('dispatched', 'redispatched')) AS was_dispatched
        FROM hotline_requests h),
      scoped AS (
        SELECT 'department' AS scope_kind, primary_department_id::text AS scope_id, r.* FROM r
          WHERE primary_department_id IS NOT NULL
        UNION ALL SELECT 'region', code, r.* FROM r, unnest(string_to_array(region_path, '/')) AS code)
      SELECT month::text, scope_kind AS kind, scope_id AS id,
        count(*) FILTER (WHERE ${LIVE})::int AS received,
        count(*) FILTER (WHERE ${LIVE} AND kind = 'consult')::int AS consults,
        count(*) FILTER (WHERE ${LIVE} AND kind = 'help')::int AS helps,
        count(*) FILTER (WHERE ${LIVE} AND kind = 'suggestion')::int AS suggestions,
        count(*) FILTER (WHERE ${LIVE} AND kind = 'complaint')::int AS complaints,
        count(*) FILTER (WHERE ${LIVE} AND kind = 'report')::int AS reports,
        count(*) FILTER (WHERE ${LIVE} AND answered_at_once)::int AS answered_at_once,
        count(*) FILTER (WHERE ${LIVE} AND was_dispatched)::int AS dispatched,
        count(*) FILTER (WHERE ${LIVE} AND done IS NOT NULL)::int AS closed,
        count(*) FILTER (WHERE ${LIVE} AND done <= due_date)::int AS closed_on_time,
        count(*) FILTER (WHERE ${LIVE} AND done > due_date)::int AS closed_late,
        count(*) FILTER (WHERE ${LIVE} AND done IS NULL AND warning = 'red')::int AS overdue_open,
        coalesce(sum(returns) FILTER (WHERE ${LIVE}), 0)::int AS returned,
        count(*) FILTER (WHERE ${LIVE} AND escalated_at IS NOT NULL)::int AS escalated,
        count(*) FILTER (WHERE status = 'merged')::int AS merged,
        count(*) FILTER (WHERE ${LIVE} AND satisfaction IS NOT NULL)::int AS revisited,
        count(*) FILTER (WHERE ${LIVE} AND satisfaction = 'satisfied')::int AS satisfied,
        count(*) FILTER (WHERE ${LIVE} AND satisfaction = 'basically')::int AS basically_satisfied,
        count(*) FILTER (WHERE ${LIVE} AND satisfaction = 'dissatisfied')::int AS dissatisfied
      FROM scoped GROUP BY month, scope_kind, scope_id ORDER BY month, scope_kind, scope_id`),
  );
  return rows;
}

/** The kept rows, leaving out those all zero (a department a request moved away from). */
async function kept() {
  const { rows } = await t.db.db.execute(
    sql`SELECT month::text, scope_kind AS kind, scope_id AS id, received, consults, helps, suggestions, complaints,
          reports, answered_at_once, dispatched, closed, closed_on_time, closed_late, overdue_open, returned,
          escalated, merged, revisited, satisfied, basically_satisfied, dissatisfied
        FROM hotline_monthly ORDER BY month, kind, id`,
  );
  return rows.filter((row) => Object.values(row).some((v) => typeof v === 'number' && v !== 0));
}

const AUDIT: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'monthly-test' };

/** A request received at `then` (its month and due day then). */
async function receivedAt(then: Date, kind: 'suggestion' | 'report') {
  return t.db.db.transaction((tx) =>
    createRequest(
      tx,
      AUDIT,
      {
        kind,
        channel: 'web',
        requesterName: '李女士',
        requesterPhone: null,
        requesterId: null,
        title: '路灯不亮',
        content: '小区门口路灯坏了一个月',
        regionCode: '610100',
        address: null,
        caseId: null,
        ratingId: null,
        receivedBy: null,
      },
      then,
    ),
  );
}

const send = (id: string, primary: string, assisting: string[] = [], again = false) =>
  ok(w.operator, 'POST', `/api/hotline/requests/${id}/${again ? 'redispatch' : 'dispatch'}`, {
    primaryDepartmentId: primary,
    assistingDepartmentIds: assisting,
  });
const assignmentOf = async (head: typeof w.firstHead, requestId: string) =>
  (await ok(head, 'GET', '/api/hotline/assignments?status=assigned')).items.find(
    (a: { requestId: string; role: string }) => a.requestId === requestId && a.role === 'primary',
  ).id as string;
const reply = async (head: typeof w.firstHead, requestId: string) =>
  ok(head, 'POST', `/api/hotline/assignments/${await assignmentOf(head, requestId)}/reply`, {
    reply: '已处理',
  });
/** The department returns its assignment (退单) and the office accepts or rejects the return. */
const returned = async (head: typeof w.firstHead, requestId: string, accept: boolean) => {
  const id = await assignmentOf(head, requestId);
  await ok(head, 'POST', `/api/hotline/assignments/${id}/return`, { reason: '不属于本部门' });
  await ok(w.operator, 'POST', `/api/hotline/assignments/${id}/review`, { accept, note: '已审核' });
};
const revisit = (id: string, satisfaction: string) =>
  ok(w.operator, 'POST', `/api/hotline/requests/${id}/revisit`, { note: '已回访', satisfaction });
const sweep = (at: Date) => t.db.db.transaction((tx) => refreshHotlineWarnings(tx, at));
const regionCounts = async (month: string) =>
  (await monthlyHotlineCounts(t.db.db, { month, scopeKind: 'region', scopeIds: ['610100'] })).get('610100')!;
const departmentCounts = async (month: string) =>
  monthlyHotlineCounts(t.db.db, { month, scopeKind: 'department', scopeIds: [w.first.id, w.second.id] });

test('after a mixed story the kept monthly counts equal a plain scan of the requests, and a rebuild gives the same', async () => {
  const month = `${todayInChina().slice(0, 7)}-01`;
  const consult = await takeRequest(w.operator, { kind: 'consult', title: '咨询', content: '社保怎么交' });
  await ok(w.operator, 'POST', `/api/hotline/requests/${consult.id}/answer`, { answer: '到社保窗口办理' });

  const help = await takeRequest(w.operator, { kind: 'help' });
  await send(help.id, w.first.id, [w.second.id]);
  await returned(w.firstHead, help.id, true);
  await send(help.id, w.second.id);
  await reply(w.secondHead, help.id);
  await revisit(help.id, 'satisfied');

  const complaint = await takeRequest(w.operator, { kind: 'complaint' });
  await send(complaint.id, w.first.id);
  const beforeMove = await departmentCounts(month);
  await send(complaint.id, w.second.id, [], true);
  const afterMove = await departmentCounts(month);
  assert.equal(
    afterMove.get(w.first.id)!.complaints,
    beforeMove.get(w.first.id)!.complaints - 1,
    '改派 moves it',
  );
  assert.equal(afterMove.get(w.second.id)!.complaints, beforeMove.get(w.second.id)!.complaints + 1);
  assert.equal(afterMove.get(w.second.id)!.dispatched, beforeMove.get(w.second.id)!.dispatched + 1);
  await returned(w.secondHead, complaint.id, false);
  await reply(w.secondHead, complaint.id);
  await revisit(complaint.id, 'basically');

  const duplicate = await takeRequest(w.operator, { kind: 'complaint' });
  await send(duplicate.id, w.first.id);
  const beforeMerge = await regionCounts(month);
  await ok(w.operator, 'POST', `/api/hotline/requests/${duplicate.id}/merge`, { intoId: complaint.id });
  const afterMerge = await regionCounts(month);
  assert.equal(
    afterMerge.received,
    beforeMerge.received - 1,
    'a merged duplicate is not counted as received',
  );
  assert.equal(afterMerge.complaints, beforeMerge.complaints - 1);
  assert.equal(afterMerge.merged, beforeMerge.merged + 1);
  await ok(w.operator, 'POST', `/api/hotline/requests/${(await takeRequest(w.operator)).id}/merge`, {
    intoId: complaint.id,
  });

  const then = new Date(Date.now() - 45 * 86_400_000);
  const lateMonth = `${todayInChina(then).slice(0, 7)}-01`;
  const late = await receivedAt(then, 'suggestion');
  const stale = await receivedAt(then, 'report');
  await send(late.id, w.second.id);
  await send(stale.id, w.first.id);
  await sweep(new Date());
  const overdue = await regionCounts(lateMonth);
  assert.equal(overdue.overdueOpen, 2, 'both past their due day and open');
  assert.equal(overdue.escalated, 2);
  await sweep(new Date());
  assert.equal((await regionCounts(lateMonth)).overdueOpen, 2, 'counted once');
  await reply(w.secondHead, late.id);
  const afterLate = await regionCounts(lateMonth);
  assert.deepEqual(
    [afterLate.closedLate, afterLate.overdueOpen],
    [1, 1],
    'done late leaves the overdue and open',
  );
  await revisit(late.id, 'dissatisfied');
  await sweep(new Date());
  assert.equal((await regionCounts(lateMonth)).overdueOpen, 2, 'reopened past its due day: overdue again');

  const onTime = await takeRequest(w.operator, { kind: 'suggestion' });
  await send(onTime.id, w.first.id);
  await reply(w.firstHead, onTime.id);
  await revisit(onTime.id, 'dissatisfied');
  await send(onTime.id, w.second.id);
  await reply(w.secondHead, onTime.id);
  await revisit(onTime.id, 'satisfied');
  const open = await takeRequest(w.operator, { kind: 'report' });
  await send(open.id, w.first.id);
  await sweep(new Date(`${open.dueDate}T10:00:00+08:00`));
  const far = new Date(`${open.dueDate}T10:00:00+08:00`);
  far.setUTCDate(far.getUTCDate() + 3);
  await sweep(far);

  const plain = await fromRequests();
  assert.ok(plain.length >= 6);
  assert.deepEqual(await kept(), plain);
  const current = plain.find((r) => r.kind === 'region' && r.id === '610100' && r.month === month)!;
  assert.ok((current.overdue_open as number) >= 1 && (current.closed_on_time as number) >= 2);
  assert.ok((current.returned as number) === 2 && (current.merged as number) === 2);

  await t.db.db.execute(sql`UPDATE hotline_monthly SET received = received + 7, closed = 0`);
  await t.db.db.execute(sql`INSERT INTO hotline_monthly (month, scope_kind, scope_id, received)
    VALUES ('2001-01-01', 'region', '610000', 3)`);
  const rebuilt = await rebuildHotlineMonthly(t.db.db);
  assert.equal(rebuilt.rows, plain.length);
  assert.deepEqual(await kept(), plain);
});

test('the figures of the region and its departments are read from the kept counts', async () => {
  const plain = await fromRequests();
  const month = todayInChina().slice(0, 7);
  const figures = await ok(
    w.supervisor,
    'GET',
    `/api/hotline/figures?regionCode=610100&from=${month}&to=${month}`,
  );
  const expected = (kind: string, id: string) => {
    const r = plain.find((p) => p.month === `${month}-01` && p.kind === kind && p.id === id)!;
    const n = (key: string) => r[key] as number;
    const due = n('closed') + n('overdue_open');
    return {
      received: n('received'),
      consult: n('consults'),
      answeredAtOnce: n('answered_at_once'),
      immediateRate: n('consults') ? n('answered_at_once') / n('consults') : null,
      repliedOnTime: n('closed_on_time'),
      dueOrReplied: due,
      onTimeRate: due ? n('closed_on_time') / due : null,
      overdue: n('closed_late') + n('overdue_open'),
      satisfied: n('satisfied'),
      satisfactionRate: n('revisited') ? (n('satisfied') + n('basically_satisfied')) / n('revisited') : null,
    };
  };
  const shown = (row: Record<string, unknown> & { byKind: { consult: number } }) => ({
    received: row.received,
    consult: row.byKind.consult,
    answeredAtOnce: row.answeredAtOnce,
    immediateRate: row.immediateRate,
    repliedOnTime: row.repliedOnTime,
    dueOrReplied: row.dueOrReplied,
    onTimeRate: row.onTimeRate,
    overdue: row.overdue,
    satisfied: row.satisfied,
    satisfactionRate: row.satisfactionRate,
  });
  const [region, ...departments] = figures.rows;
  assert.equal(region.departmentId, null);
  assert.deepEqual(shown(region), expected('region', '610100'));
  assert.ok(region.dueOrReplied > region.repliedOnTime, 'an overdue request lowers 按时办结率');
  const named = new Map(departments.map((d: { departmentId: string }) => [d.departmentId, d]));
  for (const department of [w.first, w.second]) {
    const row = named.get(department.id) as Parameters<typeof shown>[0] & { departmentName: string };
    assert.equal(row.departmentName, department.name);
    assert.deepEqual(shown(row), expected('department', department.id));
  }
});
