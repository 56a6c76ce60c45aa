import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../core/config.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { seedDemoInspectors } from './inspectors.ts';
import { DEMO_AUDIT, seedDemo } from './seed.ts';

/** The demo 体验官: 李秀兰 of 新城区 with an open task on a published matter, and a published finding. */

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, loadConfig({}));
});
after(() => database?.drop());

const counts = async () =>
  (
    await database.db.execute(
      sql`SELECT (SELECT count(*)::int FROM inspectors) AS inspectors,
            (SELECT count(*)::int FROM inspector_tasks) AS tasks,
            (SELECT count(*)::int FROM inspector_findings) AS findings`,
    )
  ).rows[0];

test('李秀兰 is an approved 体验官 of 新城区 with an open task on a published matter of 新城区', async () => {
  const { rows } = await database.db.execute(
    sql`SELECT i.status, i.region_code, t.status AS task_status, m.region_code AS matter_region
        FROM inspectors i JOIN accounts a ON a.id = i.account_id
        JOIN inspector_tasks t ON t.inspector_id = i.id
        JOIN published_matters m ON m.implementation_id = t.implementation_id
        WHERE a.display_name = '李秀兰'`,
  );
  assert.deepEqual(rows, [
    { status: 'approved', region_code: '610102', task_status: 'open', matter_region: '610102' },
  ]);
  const published = await database.db.execute(
    sql`SELECT count(*)::int AS n FROM inspector_findings WHERE status = 'closed' AND published_at IS NOT NULL`,
  );
  assert.equal(published.rows[0]!.n, 1);
  const before = await counts();
  await database.db.transaction((tx) => seedDemoInspectors({ db: tx, audit: DEMO_AUDIT }));
  assert.deepEqual(await counts(), before, 'seeding again adds nothing');
});
