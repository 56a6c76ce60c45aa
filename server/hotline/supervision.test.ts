import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { buildHotlineWorld, ok, takeRequest } from './testing.ts';
import { refreshHotlineWarnings } from './warnings.ts';

/** A supervisor opens the escalated requests of their region (read only), not those of another. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildHotlineWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildHotlineWorld(t);
});
after(() => t?.close());

test('a supervisor reads an escalated request of their region with its departments and steps', async () => {
  const taken = await takeRequest(w.operator, { kind: 'help', title: '消防通道被占用' });
  await ok(w.operator, 'POST', `/api/hotline/requests/${taken.id}/dispatch`, {
    primaryDepartmentId: w.first.id,
    assistingDepartmentIds: [w.second.id],
  });
  const after = new Date(`${taken.dueDate}T12:00:00+08:00`);
  after.setUTCDate(after.getUTCDate() + 2);
  await t.db.db.transaction((tx) => refreshHotlineWarnings(tx, after));

  const escalated = await ok(w.supervisor, 'GET', '/api/hotline/escalated');
  const row = escalated.items.find((r: { id: string }) => r.id === taken.id);
  assert.equal(row.primaryDepartmentName, w.first.name);
  assert.equal(row.warning, 'red');

  const view = await ok(w.supervisor, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.equal(view.requestNo, taken.requestNo);
  assert.deepEqual(
    view.assignments.map((a: { departmentId: string }) => a.departmentId).sort(),
    [w.first.id, w.second.id].sort(),
  );
  assert.ok(view.events.some((e: { kind: string }) => e.kind === 'escalated'));

  const acted = await w.supervisor.request({
    method: 'POST',
    url: `/api/hotline/requests/${taken.id}/redispatch`,
    payload: { primaryDepartmentId: w.second.id, assistingDepartmentIds: [] },
  });
  assert.equal(acted.statusCode, 403);

  const elsewhere = await buildOrganisation(t.db.db, { kind: 'department', regionCode: '610300' });
  const other = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'supervisor', organisationId: elsewhere.id }),
  );
  const hidden = await other.request({ method: 'GET', url: `/api/hotline/requests/${taken.id}` });
  assert.equal(hidden.statusCode, 404);
  const list = await ok(other, 'GET', '/api/hotline/escalated');
  assert.ok(!list.items.some((r: { id: string }) => r.id === taken.id));
});
