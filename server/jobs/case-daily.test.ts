import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { CASE_DAILY_LOCK } from '../statistics/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { startCaseDaily } from './case-daily.ts';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db?.drop());

const DEPARTMENT = '00000000-0000-4000-8000-000000000001';
const count = async (table: string) =>
  (await db.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n;

test('the case_daily job takes the marks off the queue and drops the rows of groups left without cases', async () => {
  await db.db.execute(sql`INSERT INTO case_daily (day, region_code, department_id, region_path, received)
    VALUES ('2026-11-02', '610102', ${DEPARTMENT}, '610000/610100/610102', 3)`);
  await db.db.execute(sql`INSERT INTO case_daily_dirty (day, region_code, department_id)
    VALUES ('2026-11-02', '610102', ${DEPARTMENT}), ('2026-11-02', '610102', ${DEPARTMENT})`);
  const job = startCaseDaily({ db: db.db, intervalSeconds: 0, log: () => {} });

  const held = await db.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
    return job.runOnce();
  });
  assert.equal(held.ran, false, 'skipped while another process refreshes');
  assert.equal(await count('case_daily_dirty'), 2);

  const outcome = await job.runOnce();
  assert.ok(outcome.ran);
  assert.deepEqual({ marks: outcome.marks, groups: outcome.groups }, { marks: 2, groups: 1 });
  assert.equal(await count('case_daily_dirty'), 0);
  assert.equal(await count('case_daily'), 0, 'a group without cases keeps no row');
  await job.stop();
});
