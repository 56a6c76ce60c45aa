import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildAssessedDepartment } from '../assessment/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { startAssessment } from './assessment.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

const monthsStored = async () =>
  (
    await t.db.db.execute(
      sql`SELECT to_char(month, 'YYYY-MM') AS month, count(*)::int AS n, max(computed_at) AS at
          FROM assessment_scores GROUP BY month ORDER BY month`,
    )
  ).rows.map((r) => [r.month, new Date(r.at as string).toISOString()]);

test('the assessment job computes the month that ended once, and the current month so far once an hour', async () => {
  const d = await buildAssessedDepartment(t, '610115', '临潼测试局');
  await d.place({ concludedAt: '2026-11-20T02:00:00Z', promised: '2026-11-25' });
  let now = new Date('2026-11-30T10:00:00Z');
  const job = startAssessment({ db: t.db.db, intervalSeconds: 0, now: () => now, log: () => {} });

  const first = await job.runOnce();
  assert.ok(first.ran);
  assert.deepEqual(first.months, ['2026-10', '2026-11']);
  now = new Date('2026-11-30T10:30:00Z');
  assert.deepEqual(await job.runOnce(), { ran: true, months: [] });

  // 1 December 08:30 China time: November has ended and is computed again as complete; December begins.
  now = new Date('2026-12-01T00:30:00Z');
  const next = await job.runOnce();
  assert.ok(next.ran);
  assert.deepEqual(next.months, ['2026-11', '2026-12']);
  now = new Date('2026-12-01T01:00:00Z');
  assert.deepEqual(await job.runOnce(), { ran: true, months: [] });
  now = new Date('2026-12-01T01:31:00Z');
  assert.deepEqual(await job.runOnce(), { ran: true, months: ['2026-12'] });
  assert.deepEqual(await monthsStored(), [
    ['2026-10', '2026-11-30T10:00:00.000Z'],
    ['2026-11', '2026-12-01T00:30:00.000Z'],
    ['2026-12', '2026-12-01T01:31:00.000Z'],
  ]);
  await job.stop();
});
