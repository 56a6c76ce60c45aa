import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { approvedInspector, buildInspectorWorld, fileFinding, ok } from './testing.ts';
import { refreshFindingWarnings } from './warnings.ts';

/**
 * Warnings of findings on the working-day calendar of 2026: 国庆节 and 中秋节 run from 10-01 to
 * 10-07, so a finding due on Thursday 10-08 has one working day left on Wednesday 09-30.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildInspectorWorld>>;
let findingId: string;
let rectifiedId: string;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildInspectorWorld(t);
  await approvedInspector(w.supervisor, w.citizen);
  const assign = async () => {
    const filed = await fileFinding(w.citizen);
    await ok(w.supervisor, 'POST', `/api/inspectors/findings/${filed.id}/assign`, {
      departmentId: w.department.id,
      version: filed.version,
    });
    await t.db.db.execute(sql`UPDATE inspector_findings SET due_date = '2026-10-08' WHERE id = ${filed.id}`);
    return filed.id as string;
  };
  findingId = await assign();
  rectifiedId = await assign();
  const view = await ok(w.head, 'GET', `/api/inspectors/findings/${rectifiedId}`);
  await ok(w.head, 'POST', `/api/inspectors/findings/${rectifiedId}/rectify`, {
    rectification: '已整改',
    version: view.version,
  });
});
after(() => t?.close());

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const refresh = (day: string) => t.db.db.transaction((tx) => refreshFindingWarnings(tx, at(day)));
const warningOf = async (id: string) =>
  (await ok(w.supervisor, 'GET', `/api/inspectors/findings/${id}`)).warning;

test('none with two working days left, yellow with one across the holiday and on the day, red after', async () => {
  await refresh('2026-09-29');
  assert.equal(await warningOf(findingId), 'none', 'Tuesday 09-29: 09-30 and 10-08 are left');

  await refresh('2026-09-30');
  assert.equal(await warningOf(findingId), 'yellow', 'Wednesday 09-30: the next working day is the due day');
  await refresh('2026-10-03');
  assert.equal(await warningOf(findingId), 'yellow', 'a holiday: the due day is the next working day');
  await refresh('2026-10-08');
  assert.equal(await warningOf(findingId), 'yellow', 'due today');

  await refresh('2026-10-09');
  assert.equal(await warningOf(findingId), 'red', 'past its due day');
  const red = await ok(w.supervisor, 'GET', '/api/inspectors/findings?warning=red');
  assert.deepEqual(
    red.items.map((f: { id: string }) => f.id),
    [findingId],
  );
  const inbox = await ok(w.head, 'GET', '/api/inspectors/inbox?warning=red');
  assert.deepEqual(
    inbox.items.map((f: { id: string }) => f.id),
    [findingId],
  );
  assert.equal(await warningOf(rectifiedId), 'none', 'a rectified finding is not warned');

  const { events } = await ok(w.supervisor, 'GET', `/api/inspectors/findings/${findingId}`);
  assert.deepEqual(
    events
      .filter((e: { kind: string }) => e.kind === 'warned')
      .map((e: { detail: { warning: string } }) => e.detail.warning),
    ['yellow', 'red'],
    'each rise of the warning is a step',
  );
  assert.deepEqual(await refresh('2026-10-10'), { changed: 0 }, 'nothing changes twice');
});
