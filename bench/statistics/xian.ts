/**
 * `npm run bench:xian [-- <cases>]` (default 1,000,000): a year of activity shaped like seed 000's
 * Xi'an (server/demo/activity/profile.ts) generated over the demo catalogue on a fresh bench database,
 * the rollups rebuilt, then the city's figures for the year read as a supervisor reads them
 * (GET /api/statistics/figures) and printed beside the seeds' figures, with the time each step took.
 */
import { sql } from 'drizzle-orm';
import { addNaturalDays } from '../../common/working-days.ts';
import { todayInChina } from '../../server/calendar/index.ts';
import { seedDemoAccounts } from '../../server/demo/accounts.ts';
import { type GeneratedActivity, generateActivity } from '../../server/demo/activity/generate.ts';
import { seedDemoCatalogue } from '../../server/demo/catalogue/seed.ts';
import { seedDemoOrganisations } from '../../server/demo/organisations.ts';
import { DEMO_AUDIT } from '../../server/demo/seed.ts';
import { rebuildRatingMonthly } from '../../server/ratings/index.ts';
import { rebuildCaseDaily } from '../../server/statistics/index.ts';
import { benchClient } from '../cases/client.ts';
import { startBenchServer } from '../server.ts';
import { figureTable, platformFigures } from './xian-figures.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const SEED = 2017;
const CITY = '610100';
const today = todayInChina();
const year = { from: addNaturalDays(today, -365), to: addNaturalDays(today, -1) };
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let generated: GeneratedActivity | undefined;
const timings: [string, number][] = [];
const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  timings.push([name, performance.now() - started]);
  console.log(`${name}: ${seconds(performance.now() - started)}`);
  return result;
};

const server = await startBenchServer({
  prepare: async (db) => {
    await timed('demo organisations, accounts and catalogue', () =>
      db.db.transaction(async (tx) => {
        const orgs = await seedDemoOrganisations({ db: tx, audit: DEMO_AUDIT });
        await seedDemoAccounts({ db: tx, audit: DEMO_AUDIT, orgs });
        await seedDemoCatalogue({ db: tx, audit: DEMO_AUDIT, orgs });
      }),
    );
    generated = await timed(`${count} cases generated`, () =>
      generateActivity({
        db: db.db,
        count,
        ...year,
        seed: SEED,
        openShare: 0.02,
        skipRollupMarks: true,
        log: (m) => console.log(`  ${m}`),
      }),
    );
    await timed('rating_monthly rebuilt', () => rebuildRatingMonthly(db.db));
    await timed('case_daily rebuilt', () => rebuildCaseDaily(db.db));
    await timed('vacuum, analyze', async () => {
      for (const table of ['cases', 'case_events', 'case_attachments', 'ratings', 'case_daily', 'accounts']) {
        await db.db.execute(sql.raw(`VACUUM (ANALYZE) ${table}`));
      }
    });
  },
  env: { SWEEP_INTERVAL_SECONDS: '60' },
});
const client = benchClient(server.url, 4);
try {
  const supervisor = await client.signIn('/api/auth/login', { username: 'supervisor', password: 'demo1234' });
  const figures = await platformFigures({
    client,
    supervisor,
    db: server.db.db,
    regionCode: CITY,
    ...year,
  });
  const g = generated!;
  console.log('');
  console.log(
    `西安市（含新城区、碑林区）${year.from} 至 ${year.to}：生成 ${g.cases} 件（${g.open} 件在办），` +
      `${g.events} 条办件记录、${g.attachments} 份材料、${g.ratings} 条评价、${g.revisits} 条回访，` +
      `${g.applicants} 个申请人；随机种子 ${SEED}。GET /api/statistics/figures 用时 ${figures.readMs} ms。`,
  );
  console.log('');
  for (const line of figureTable(figures)) console.log(line);
  console.log('');
  console.log('| 步骤 | 用时 |');
  console.log('| --- | --- |');
  for (const [name, ms] of timings) console.log(`| ${name} | ${seconds(ms)} |`);
  for (const [name, ms] of Object.entries(g.ms)) console.log(`| · ${name} | ${seconds(ms)} |`);
} finally {
  client.close();
  await server.stop();
}
