/**
 * Where the time of keeping case_daily goes, on generated history: the plan and time of one refresh
 * batch (about 3000 changed cases), of the full rebuild's SELECT, a timed rebuild, and how many case
 * changes per second the refresh adds after a busy day's (cases accepted and concluded today).
 * Usage: npm run bench:rollup-explain [-- <cases of history> | <kept database of bench/statistics/history.ts>]
 */
import { sql } from 'drizzle-orm';
import { CASE_DAILY_BATCH, rebuildCaseDaily, refreshCaseDaily } from '../../server/statistics/index.ts';
import { applyChangesSql, rollupAllSql } from '../../server/statistics/recompute.ts';
import { createTestDatabase } from '../../server/testing/db.ts';
import { statisticsHistory } from '../statistics/history.ts';
import { generateBenchCases } from './generate.ts';

const arg = process.argv[2] ?? '200000';
const kept = !/^\d+$/.test(arg);
const database = kept ? await statisticsHistory({ name: arg, count: 0 }) : await createTestDatabase();
const db = database.db;
const explain = async (title: string, statement: ReturnType<typeof sql>, settings = sql``) => {
  console.log(`\n${title}`);
  await db.transaction(async (tx) => {
    await tx.execute(settings);
    const plan = await tx.execute<{ 'QUERY PLAN': string }>(sql`EXPLAIN (ANALYZE, BUFFERS OFF) ${statement}`);
    for (const row of plan.rows) console.log(row['QUERY PLAN']);
  });
};
try {
  if (!kept) await generateBenchCases({ db, count: Number(arg), log: () => {} });
  const [{ cases }] = (await db.execute<{ cases: number }>(sql`SELECT count(*)::int AS cases FROM cases`))
    .rows as [{ cases: number }];
  console.log(`${cases} cases`);
  if (!kept) console.log('rebuild', await rebuildCaseDaily(db));
  await db.execute(
    sql`UPDATE cases SET visits = visits + 1 WHERE id IN (SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT 3000)`,
  );
  await explain('a refresh batch of 3000 changed cases', applyChangesSql(CASE_DAILY_BATCH));
  await refreshCaseDaily(db);
  await explain(
    "the full rebuild's SELECT in one statement",
    rollupAllSql(),
    sql.raw(`SET LOCAL work_mem = '128MB'; SET LOCAL jit = off; SET LOCAL enable_nestloop = off`),
  );
  console.log('rebuild', await rebuildCaseDaily(db));
  // A busy day: 20,000 cases of the last days accepted and concluded today, one update each step.
  for (const step of [sql`accepted_on = current_date`, sql`concluded_at = now(), working_days_used = 1`]) {
    await db.execute(sql`UPDATE cases SET ${step}
      WHERE id IN (SELECT id FROM cases WHERE created_at > now() - interval '20 days' ORDER BY id LIMIT 20000)`);
  }
  const [{ changes }] = (
    await db.execute<{ changes: number }>(sql`SELECT count(*)::int AS changes FROM case_daily_changes`)
  ).rows as [{ changes: number }];
  const started = performance.now();
  const refreshed = await refreshCaseDaily(db);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `busy day: 2 updates of 20000 cases queued ${changes} changes; the refresh added ${refreshed.changes} (${refreshed.groups} groups written) in ${seconds.toFixed(1)} s: ${(refreshed.changes / seconds).toFixed(0)} changes/s`,
  );
} finally {
  if (kept) await database.close();
  else await database.drop();
}
