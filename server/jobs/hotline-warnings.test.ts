import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildHotlineWorld, takeRequest } from '../hotline/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { startHotlineWarnings } from './hotline-warnings.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
});
after(() => t?.close());

test('the 12345 warnings job escalates an overdue request once, however often it runs', async () => {
  const w = await buildHotlineWorld(t);
  const taken = await takeRequest(w.operator);
  const late = new Date(`${taken.dueDate}T12:00:00+08:00`);
  late.setUTCDate(late.getUTCDate() + 3);
  const job = startHotlineWarnings({ db: t.db.db, intervalSeconds: 0, now: () => late, log: () => {} });
  const first = await job.runOnce();
  assert.ok(first.ran && first.escalated >= 1);
  await job.runOnce();
  const { rows } = await t.db.db.execute(
    sql`SELECT r.warning, r.escalated_at IS NOT NULL AS escalated,
          (SELECT count(*)::int FROM hotline_events e WHERE e.request_id = r.id AND e.kind = 'escalated') AS steps
        FROM hotline_requests r WHERE r.id = ${taken.id}`,
  );
  assert.deepEqual(rows[0], { warning: 'red', escalated: true, steps: 1 });
  await job.stop();
});
