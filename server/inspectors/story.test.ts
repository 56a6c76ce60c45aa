import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { todayInChina, workingDaysBetween } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  APPLICATION,
  approvedInspector,
  buildInspectorWorld,
  fileFinding,
  ok,
  png,
  upload,
} from './testing.ts';

/** The story: apply, approved, a task, a finding with a screenshot, assigned, rectified, confirmed. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildInspectorWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildInspectorWorld(t);
});
after(() => t?.close());

const messagesAbout = async (findingId: string) =>
  (
    await t.db.db.execute(
      sql`SELECT channel, body FROM notifications WHERE subject->>'findingId' = ${findingId} ORDER BY created_at`,
    )
  ).rows as { channel: string; body: string }[];

test('apply → approved → task → finding with a screenshot → assigned → rectified → sent back → confirmed and published', async () => {
  const applied = await ok(w.citizen, 'POST', '/api/inspectors/applications', APPLICATION, 201);
  assert.equal(applied.status, 'pending');
  const again = await w.citizen.request({
    method: 'POST',
    url: '/api/inspectors/applications',
    payload: APPLICATION,
  });
  assert.equal(again.statusCode, 409, 'one application per account');
  assert.equal(again.json().error.code, 'inspector.already_applied');

  const early = await w.citizen.request({
    method: 'POST',
    url: '/api/inspectors/findings',
    payload: { category: 'guide', channel: 'online', title: '标题', description: '描述', screenshots: [] },
  });
  assert.equal(early.statusCode, 403, 'a pending applicant cannot file');
  assert.equal(early.json().error.code, 'inspector.not_active');
  assert.match(early.json().error.message, /待审核/);

  const pending = await ok(w.supervisor, 'GET', '/api/inspectors/applications?status=pending');
  assert.ok(pending.items.some((i: { id: string }) => i.id === applied.id));
  const noReason = await w.supervisor.request({
    method: 'POST',
    url: `/api/inspectors/applications/${applied.id}/decision`,
    payload: { decision: 'reject', version: applied.version },
  });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.field, 'reason');
  const approved = await ok(w.supervisor, 'POST', `/api/inspectors/applications/${applied.id}/decision`, {
    decision: 'approve',
    version: applied.version,
  });
  assert.equal(approved.status, 'approved');
  const stale = await w.supervisor.request({
    method: 'POST',
    url: `/api/inspectors/applications/${applied.id}/decision`,
    payload: { decision: 'suspend', reason: '测试', version: applied.version },
  });
  assert.equal(stale.statusCode, 409, 'a stale version is refused');

  const task = await ok(
    w.supervisor,
    'POST',
    '/api/inspectors/tasks',
    {
      inspectorId: applied.id,
      implementationId: w.matter.id,
      title: '网上办理个体工商户设立登记',
      channel: 'online',
      instructions: '按办事指南在网上提交申请，记录遇到的问题',
      dueDate: todayInChina(),
    },
    201,
  );
  assert.equal(task.matterName, '个体工商户设立登记');
  const mine = await ok(w.citizen, 'GET', '/api/inspectors/me');
  assert.equal(mine.inspector.status, 'approved');
  assert.deepEqual(
    mine.tasks.map((x: { id: string; status: string }) => [x.id, x.status]),
    [[task.id, 'open']],
  );

  const shot = await upload(w.citizen, png('指南截图'));
  const foreignShot = await upload(w.other, png('别人的截图'));
  const refused = await w.citizen.request({
    method: 'POST',
    url: '/api/inspectors/findings',
    payload: {
      taskId: task.id,
      category: 'guide',
      channel: 'online',
      title: '材料清单不符',
      description: '描述',
      screenshots: [foreignShot],
    },
  });
  assert.equal(refused.statusCode, 400, 'a screenshot someone else uploaded');
  assert.equal(refused.json().error.field, 'screenshots');

  const finding = await fileFinding(w.citizen, {
    taskId: task.id,
    implementationId: w.matter.id,
    screenshots: [shot],
  });
  assert.match(finding.findingNo, new RegExp(`^TY${todayInChina().replaceAll('-', '')}\\d{4}$`));
  assert.equal(finding.status, 'submitted');
  assert.equal(finding.matterName, '个体工商户设立登记');

  const image = await w.citizen.request({
    method: 'GET',
    url: `/api/inspectors/findings/${finding.id}/screenshots/${shot}`,
  });
  assert.equal(image.statusCode, 200);
  assert.equal(image.headers['content-type'], 'image/png');
  assert.deepEqual(image.rawPayload, png('指南截图'));
  for (const url of [
    `/api/inspectors/findings/${finding.id}`,
    `/api/inspectors/findings/${finding.id}/screenshots/${shot}`,
  ]) {
    assert.equal((await w.other.request({ method: 'GET', url })).statusCode, 404, `another citizen: ${url}`);
    assert.equal(
      (await w.outsider.request({ method: 'GET', url })).statusCode,
      404,
      `another department: ${url}`,
    );
  }
  const notInFinding = await w.citizen.request({
    method: 'GET',
    url: `/api/inspectors/findings/${finding.id}/screenshots/${foreignShot}`,
  });
  assert.equal(notInFinding.statusCode, 404, 'a hash not in the finding');

  const listed = await ok(w.supervisor, 'GET', '/api/inspectors/findings?status=submitted');
  assert.ok(listed.items.some((f: { id: string }) => f.id === finding.id));
  const departments = await ok(w.supervisor, 'GET', '/api/inspectors/departments');
  assert.ok(departments.items.some((d: { id: string }) => d.id === w.department.id));
  assert.ok(!departments.items.some((d: { id: string }) => d.id === w.away.id), 'not another region’s');
  const elsewhere = await w.supervisor.request({
    method: 'POST',
    url: `/api/inspectors/findings/${finding.id}/assign`,
    payload: { departmentId: w.away.id, version: finding.version },
  });
  assert.equal(elsewhere.statusCode, 400);
  assert.equal(elsewhere.json().error.field, 'departmentId');
  const assigned = await ok(w.supervisor, 'POST', `/api/inspectors/findings/${finding.id}/assign`, {
    departmentId: w.department.id,
    version: finding.version,
  });
  assert.equal(assigned.status, 'assigned');
  assert.equal(assigned.departmentName, w.department.name);
  assert.equal(await workingDaysBetween({ db: t.db.db, from: todayInChina(), to: assigned.dueDate }), 10);

  const inbox = await ok(w.head, 'GET', '/api/inspectors/inbox?status=assigned');
  assert.deepEqual(
    inbox.items.map((f: { id: string }) => f.id),
    [finding.id],
  );
  assert.equal((await ok(w.outsider, 'GET', '/api/inspectors/inbox')).total, 0);
  const foreignRectify = await w.outsider.request({
    method: 'POST',
    url: `/api/inspectors/findings/${finding.id}/rectify`,
    payload: { rectification: '已改', version: assigned.version },
  });
  assert.equal(foreignRectify.statusCode, 404, 'another department cannot rectify it');

  let view = await ok(w.head, 'POST', `/api/inspectors/findings/${finding.id}/rectify`, {
    rectification: '已更新办事指南，材料清单改为3份',
    version: assigned.version,
  });
  assert.equal(view.status, 'rectified');
  const told = await messagesAbout(finding.id);
  assert.deepEqual(told.map((m) => m.channel).sort(), ['in_app', 'sms'], 'told in-app and by SMS');
  assert.match(told[0]!.body, new RegExp(finding.findingNo));

  const noNote = await w.citizen.request({
    method: 'POST',
    url: `/api/inspectors/findings/${finding.id}/confirm`,
    payload: { accepted: false, version: view.version },
  });
  assert.equal(noNote.statusCode, 400);
  assert.equal(noNote.json().error.field, 'note');
  view = await ok(w.citizen, 'POST', `/api/inspectors/findings/${finding.id}/confirm`, {
    accepted: false,
    note: '网上的指南已改，窗口仍要求5份',
    version: view.version,
  });
  assert.equal(view.status, 'assigned', 'sent back to the department');
  assert.equal(view.publishedAt, null);

  view = await ok(w.head, 'POST', `/api/inspectors/findings/${finding.id}/rectify`, {
    rectification: '已通知窗口按新清单收件',
    version: view.version,
  });
  view = await ok(w.citizen, 'POST', `/api/inspectors/findings/${finding.id}/confirm`, {
    accepted: true,
    version: view.version,
  });
  assert.equal(view.status, 'closed');
  assert.ok(view.publishedAt);
  assert.deepEqual(
    view.events.map((e: { kind: string }) => e.kind),
    ['submitted', 'assigned', 'rectified', 'reopened', 'rectified', 'closed'],
    'the timeline keeps the reopening',
  );

  const res = await t.app.inject({ method: 'GET', url: '/api/inspectors/published?regionCode=610100' });
  assert.equal(res.statusCode, 200);
  const published = res.json().items.find((p: { findingNo: string }) => p.findingNo === finding.findingNo);
  assert.equal(published.rectification, '已通知窗口按新清单收件');
  assert.equal(published.departmentName, w.department.name);
  assert.equal(published.inspectorName, '张**');
  assert.ok(!res.body.includes(APPLICATION.name), 'no name');
  assert.ok(!res.body.includes(APPLICATION.phone), 'no phone');

  const done = await ok(w.citizen, 'POST', `/api/inspectors/tasks/${task.id}/done`, {
    report: '已体验，发现1个问题',
  });
  assert.equal(done.status, 'done');
});

test('a suspended 体验官 cannot file; an unapproved one cannot be given a task', async () => {
  const id = await approvedInspector(w.supervisor, w.other, '李四');
  const [current] = (
    await ok(w.supervisor, 'GET', '/api/inspectors/applications?status=approved')
  ).items.filter((i: { id: string }) => i.id === id);
  await ok(w.supervisor, 'POST', `/api/inspectors/applications/${id}/decision`, {
    decision: 'suspend',
    reason: '多次提交不实问题',
    version: current.version,
  });
  const res = await w.other.request({
    method: 'POST',
    url: '/api/inspectors/findings',
    payload: { category: 'other', channel: 'window', title: '标题', description: '描述', screenshots: [] },
  });
  assert.equal(res.statusCode, 403);
  assert.match(res.json().error.message, /已暂停/);
  const task = await w.supervisor.request({
    method: 'POST',
    url: '/api/inspectors/tasks',
    payload: { inspectorId: id, title: '体验', channel: 'window', instructions: '', dueDate: todayInChina() },
  });
  assert.equal(task.statusCode, 409);
  const company = await w.newcomer.request({ method: 'GET', url: '/api/inspectors/me' });
  assert.deepEqual(company.json(), { inspector: null, tasks: [], findings: [] });
});
