/**
 * The plan and time of one case_daily refresh batch (about 3000 changed cases) on a database of
 * generated history, and the time of a full rebuild.
 * Usage: npm run bench:rollup-explain [-- <cases of history>]
 */
import { sql } from 'drizzle-orm';
import { rebuildCaseDaily } from '../../server/statistics/index.ts';
import { refreshStatement } from '../../server/statistics/recompute.ts';
import { createTestDatabase } from '../../server/testing/db.ts';
import { generateBenchCases } from './generate.ts';

const db = await createTestDatabase();
try {
  await generateBenchCases({ db: db.db, count: Number(process.argv[2] ?? 200_000), log: () => {} });
  console.log('rebuild', await rebuildCaseDaily(db.db));
  await db.db.execute(
    sql`UPDATE cases SET updated_at = updated_at WHERE id IN (SELECT id FROM cases TABLESAMPLE SYSTEM (2) LIMIT 3000)`,
  );
  const statement = refreshStatement(
    sql``,
    sql`(SELECT DISTINCT day, region_code, department_id FROM case_daily_dirty)`,
  );
  const plan = await db.db.execute<{ 'QUERY PLAN': string }>(
    sql`EXPLAIN (ANALYZE, BUFFERS OFF) ${statement}`,
  );
  for (const row of plan.rows) console.log(row['QUERY PLAN']);
} finally {
  await db.drop();
}
