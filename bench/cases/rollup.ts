import { sql } from 'drizzle-orm';
import { startCaseDaily } from '../../server/jobs/case-daily.ts';
import { rebuildCaseDaily, refreshCaseDaily } from '../../server/statistics/index.ts';
import { startBenchServer } from '../server.ts';
import { benchClient, type Session } from './client.ts';
import { BENCH_PASSWORD, generateBenchCases } from './generate.ts';
import { runLifecycles } from './lifecycles.ts';

/**
 * What keeping case_daily current costs and what it gives, in one sitting: HTTP lifecycles per second
 * with the rollups' triggers (the case changes queued, and the counts kept on the case) on and off
 * (the refresh job has nothing to do when off), alternately; the time of a full rebuild; a region ×
 * month question read from case_daily and by a scan of the cases. The phases alternate (on, off, on,
 * off, …) so that load from other processes on the machine falls on both alike; the cost is given per
 * pair of neighbouring phases, with its spread.
 * Usage: npm run bench:rollup [-- <seconds per phase> <workers> <cases of history> <pairs of phases>]
 */
const seconds = Number(process.argv[2] ?? 20);
const workers = Number(process.argv[3] ?? 16);
const count = Number(process.argv[4] ?? 1_000_000);
const pairs = Number(process.argv[5] ?? 3);

let generated: Awaited<ReturnType<typeof generateBenchCases>> | undefined;
const server = await startBenchServer({
  prepare: async (db) => {
    const started = performance.now();
    generated = await generateBenchCases({ db: db.db, count, log: (m) => console.log(`  ${m}`) });
    console.log(`history of ${count} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const rebuilt = await rebuildCaseDaily(db.db);
    console.log(
      `full rebuild: ${rebuilt.rows} case_daily rows in ${(rebuilt.milliseconds / 1000).toFixed(1)} s`,
    );
  },
  // The server runs no periodic job (a history without ratings would keep its 好差评 job busy with
  // defaults for the whole run): the rollups' refresh alone runs every 2 s, from this process.
  env: { SIGNIN_IP_MAX_PER_MINUTE: '10000', SWEEP_INTERVAL_SECONDS: '0' },
});
const refreshJob = startCaseDaily({
  db: server.db.db,
  intervalSeconds: 2,
  log: (m) => console.log(`  ${m}`),
});
const client = benchClient(server.url, workers * 2);
const db = server.db.db;
try {
  const data = generated!;
  const applicants: Session[] = [];
  for (const login of data.applicants.slice(0, workers)) {
    applicants.push(
      await client.signIn('/api/auth/applicant-login', { kind: 'company', login, password: BENCH_PASSWORD }),
    );
  }
  const reviewers = new Map<string, Session>();
  for (const [departmentId, username] of data.reviewers) {
    reviewers.set(
      departmentId,
      await client.signIn('/api/auth/login', { username, password: BENCH_PASSWORD }),
    );
  }
  const matters = (
    await db.execute<{ implementationId: string; departmentId: string }>(sql`
      SELECT i.id AS "implementationId", i.organisation_id AS "departmentId"
      FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
      WHERE v.case_type = 'promised'`)
  ).rows;
  const run = () => runLifecycles({ client, applicants, reviewers, matters, workers, seconds });
  await runLifecycles({ client, applicants, reviewers, matters, workers, seconds: 3 });
  const phases: { mode: 'on' | 'off'; rate: number }[] = [];
  /**
   * What keeps case_daily current, on or off: the changes of the cases queued, and the counts of their materials
   * and 补正 that the attachments and events keep on them.
   */
  const rollupTriggers = async (mode: 'ENABLE' | 'DISABLE') => {
    for (const [table, trigger] of [
      ['cases', 'case_daily_mark'],
      ['cases', 'case_daily_mark_insert'],
      ['cases', 'case_daily_mark_delete'],
      ['case_attachments', 'case_attachments_recount_insert'],
      ['case_attachments', 'case_attachments_recount_update'],
      ['case_attachments', 'case_attachments_recount_delete'],
      ['case_events', 'case_events_supplemented'],
    ]) {
      await db.execute(sql.raw(`ALTER TABLE ${table} ${mode} TRIGGER ${trigger}`));
    }
  };
  const lastChange = async () =>
    Number(
      (
        await db.execute<{ n: string }>(
          sql`SELECT coalesce(pg_sequence_last_value('case_daily_changes_id_seq'), 0) AS n`,
        )
      ).rows[0]!.n,
    );
  for (let i = 0; i < pairs * 2; i++) {
    const mode = i % 2 === 0 ? 'on' : 'off';
    await rollupTriggers(mode === 'on' ? 'ENABLE' : 'DISABLE');
    const before = await lastChange();
    const load = await run();
    const rate = load.lifecycles / load.seconds;
    phases.push({ mode, rate });
    const queued = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_daily_changes`))
      .rows[0]!;
    const marked = Math.max(0, (await lastChange()) - before);
    console.log(
      `rollup ${mode}: ${rate.toFixed(1)} lifecycles/s (${load.lifecycles} in ${load.seconds.toFixed(1)} s)` +
        (mode === 'on'
          ? `; ${marked} changes queued (${(marked / load.seconds).toFixed(0)}/s, ${(marked / load.lifecycles).toFixed(1)} per lifecycle), ${queued.n} still queued at the end (the job every 2 s took the rest)`
          : ''),
    );
  }
  // Each 'on' phase against the mean of the 'off' phases beside it.
  const costs = phases.flatMap((p, i) => {
    if (p.mode !== 'on') return [];
    const offs = [phases[i - 1], phases[i + 1]].filter((q) => q?.mode === 'off').map((q) => q!.rate);
    const off = offs.reduce((s, x) => s + x, 0) / offs.length;
    return [((off - p.rate) / off) * 100];
  });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const on = mean(phases.filter((p) => p.mode === 'on').map((p) => p.rate));
  const off = mean(phases.filter((p) => p.mode === 'off').map((p) => p.rate));
  console.log(
    `mean: on ${on.toFixed(1)}, off ${off.toFixed(1)} lifecycles/s; cost ${(((off - on) / off) * 100).toFixed(1)} %; per 'on' phase against its neighbours: ${costs.map((c) => c.toFixed(1)).join(', ')} % (spread ${Math.min(...costs).toFixed(1)} … ${Math.max(...costs).toFixed(1)})`,
  );
  await rollupTriggers('ENABLE');
  await refreshJob.stop();

  for (const changed of [100, 2000]) {
    await db.execute(
      sql`UPDATE cases SET visits = visits + 1 WHERE id IN (SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT ${changed})`,
    );
    const started = performance.now();
    const refreshed = await refreshCaseDaily(db);
    console.log(
      `refresh of ${changed} changed cases: ${refreshed.changes} changes, ${refreshed.groups} groups written in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }

  const rebuilt = await rebuildCaseDaily(db);
  console.log(
    `full rebuild after the load: ${rebuilt.rows} rows in ${(rebuilt.milliseconds / 1000).toFixed(1)} s`,
  );

  const [{ path, month }] = (
    await db.execute<{ path: string; month: string }>(sql`
      SELECT split_part(region_path, '/', 1) || '/' || split_part(region_path, '/', 2) AS path,
        to_char(date_trunc('month', max(day)) - interval '1 month', 'YYYY-MM-DD') AS month
      FROM case_daily GROUP BY 1 ORDER BY sum(received) DESC LIMIT 1`)
  ).rows as [{ path: string; month: string }];
  const timed = async (name: string, query: ReturnType<typeof sql>) => {
    await db.execute(query);
    const started = performance.now();
    const { rows } = await db.execute(query);
    console.log(`${name}: ${(performance.now() - started).toFixed(1)} ms ${JSON.stringify(rows[0])}`);
  };
  const prefix = `${path}%`;
  await timed(
    `region ${path} × month ${month} from case_daily`,
    sql`SELECT sum(received)::int AS received, sum(concluded)::int AS concluded, sum(concluded_late)::int AS late
      FROM case_daily WHERE (region_path = ${path} OR region_path LIKE ${prefix})
        AND day >= ${month}::date AND day < ${month}::date + interval '1 month'`,
  );
  await timed(
    `the same by a scan of the cases`,
    sql`WITH c AS (SELECT * FROM cases WHERE status <> 'draft' AND (region_path = ${path} OR region_path LIKE ${prefix}))
      SELECT (SELECT count(*) FROM c WHERE (coalesce(submitted_at, created_at) AT TIME ZONE 'Asia/Shanghai')::date
          >= ${month}::date AND (coalesce(submitted_at, created_at) AT TIME ZONE 'Asia/Shanghai')::date
          < ${month}::date + interval '1 month')::int AS received,
        (SELECT count(*) FROM c WHERE (concluded_at AT TIME ZONE 'Asia/Shanghai')::date >= ${month}::date
          AND (concluded_at AT TIME ZONE 'Asia/Shanghai')::date < ${month}::date + interval '1 month')::int AS concluded,
        (SELECT count(*) FROM c WHERE (concluded_at AT TIME ZONE 'Asia/Shanghai')::date >= ${month}::date
          AND (concluded_at AT TIME ZONE 'Asia/Shanghai')::date < ${month}::date + interval '1 month'
          AND (concluded_at AT TIME ZONE 'Asia/Shanghai')::date > promised_deadline)::int AS late`,
  );
} finally {
  await refreshJob.stop();
  client.close();
  await server.stop();
}
