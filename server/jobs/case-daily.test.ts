import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { insertCase } from '../cases/warnings-testing.ts';
import { CASE_DAILY_LOCK, rebuildCaseDaily } from '../statistics/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { startCaseDaily } from './case-daily.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t?.close();
});

const count = async (text: string) =>
  (await t.db.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${text}`))).rows[0]!.n;
const onDay = (day: string) => count(`case_daily WHERE day = '${day}'`);

test('the case_daily job adds the queued case changes and drops the rows of groups left without cases', async () => {
  await rebuildCaseDaily(t.db.db);
  const id = await insertCase(t.db.db, { status: 'accepted', promisedDeadline: null });
  await t.db.db.execute(sql`UPDATE cases SET submitted_at = '2031-03-04T02:00:00Z', accepted_on = '2031-03-05',
    concluded_at = '2031-03-06T02:00:00Z', status = 'concluded' WHERE id = ${id}`);
  assert.equal(await count('case_daily_changes'), 3, 'filed: +1; concluded: −1 and +1');
  const job = startCaseDaily({ db: t.db.db, intervalSeconds: 0, log: () => {} });

  const held = await t.db.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
    return job.runOnce();
  });
  assert.equal(held.ran, false, 'skipped while another process refreshes');
  assert.equal(await count('case_daily_changes'), 3);

  const outcome = await job.runOnce();
  assert.ok(outcome.ran);
  assert.deepEqual({ changes: outcome.changes, groups: outcome.groups }, { changes: 3, groups: 3 });
  assert.equal(await count('case_daily_changes'), 0);
  const row = async (day: string) =>
    (
      await t.db.db.execute<{ received: number; accepted: number; concluded: number }>(
        sql`SELECT received, accepted, concluded FROM case_daily WHERE day = ${day}`,
      )
    ).rows;
  assert.deepEqual(await row('2031-03-04'), [{ received: 1, accepted: 0, concluded: 0 }]);
  assert.deepEqual(await row('2031-03-05'), [{ received: 0, accepted: 1, concluded: 0 }]);
  assert.deepEqual(await row('2031-03-06'), [{ received: 0, accepted: 0, concluded: 1 }]);

  await t.db.db.execute(sql`DELETE FROM cases WHERE id = ${id}`);
  assert.deepEqual(
    { ran: true, changes: 1, groups: 3 },
    await job.runOnce().then((o) => (o.ran ? { ran: o.ran, changes: o.changes, groups: o.groups } : o)),
  );
  for (const day of ['2031-03-04', '2031-03-05', '2031-03-06'])
    assert.equal(await onDay(day), 0, `a group without cases keeps no row (${day})`);
  await job.stop();
});
