import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { computeAssessment } from '../../server/assessment/index.ts';
import { todayInChina } from '../../server/calendar/index.ts';
import { rebuildHotlineMonthly } from '../../server/hotline/index.ts';
import { rebuildRatingMonthly } from '../../server/ratings/index.ts';
import { benchClient } from '../cases/client.ts';
import { spawnServing, startBenchServer } from '../server.ts';
import { generateHistory, historyMonths } from './generate.ts';
import { printTable } from './load.ts';
import { measureRead, type ReadRun, readTargets } from './reads.ts';
import { measureSubmissions, monthlyMismatches, signedInApplicants } from './submit.ts';

/**
 * 好差评 and 12345 at scale: CASES concluded cases with two ratings each and REQUESTS 12345 requests
 * over twelve months, the kept monthly figures rebuilt and the assessment computed by the platform's
 * own functions; then the publication, a department's figures, both rankings and a region's 12345
 * figures read over HTTP beside their raw SQL, the same figures by a scan and the bare HTTP floor; and
 * rating submissions over HTTP beside the same write in raw SQL and on the floor. All in one run.
 * Usage: npm run bench:evaluation [-- <cases> <requests> <seconds per read phase> <rated cases per phase>]
 */
const CASES = Number(process.argv[2] ?? 500_000);
const REQUESTS = Number(process.argv[3] ?? 200_000);
const SECONDS = Number(process.argv[4] ?? 15);
const RATED = Number(process.argv[5] ?? 1000);
const CONCURRENCY = 10;
const POOL = 10;
const PEOPLE = 400;

const started = Date.now();
const server = await startBenchServer({ env: { SIGNIN_IP_MAX_PER_MINUTE: '10000' } });
const api = benchClient(server.url, CONCURRENCY * 2);
const pool = new pg.Pool({ connectionString: server.db.url, max: POOL });
const floor = await spawnServing(
  path.join(import.meta.dirname, 'floor-server.ts'),
  { DATABASE_URL: server.db.url },
  '/health',
);
const floorClient = benchClient(floor.url, CONCURRENCY * 2);
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
try {
  const db = server.db.db;
  console.log(`server with the demo data ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const current = todayInChina(new Date()).slice(0, 7);
  const months = historyMonths(current);

  let t0 = performance.now();
  const generated = await generateHistory({
    db,
    current,
    cases: CASES,
    requests: REQUESTS,
    log: console.log,
  });
  console.log(
    `generated in ${seconds(t0)} s: ${generated.cases.toLocaleString('en')} cases, ${generated.ratings.toLocaleString('en')} ratings, ${generated.requests.toLocaleString('en')} 12345 requests`,
  );
  t0 = performance.now();
  const ratingRows = await rebuildRatingMonthly(db);
  console.log(`rebuildRatingMonthly: ${ratingRows.rows} rows in ${seconds(t0)} s`);
  t0 = performance.now();
  const hotlineRows = await rebuildHotlineMonthly(db);
  console.log(`rebuildHotlineMonthly: ${hotlineRows.rows} rows in ${seconds(t0)} s`);
  t0 = performance.now();
  let scores = 0;
  for (const month of [...months, `${current}-01`]) {
    const m0 = performance.now();
    scores += (await computeAssessment(db, month.slice(0, 7))).scores;
    if (month === months[0]) console.log(`computeAssessment of one month: ${seconds(m0)} s`);
  }
  console.log(`computeAssessment of ${months.length + 1} months: ${scores} scores in ${seconds(t0)} s`);
  await db.execute(sql`ANALYZE`);

  const ids = async (query: ReturnType<typeof sql>) =>
    (await db.execute<{ id: string }>(query)).rows.map((r) => r.id);
  const departments = await ids(
    sql`SELECT DISTINCT department_id::text AS id FROM ratings WHERE month = ${months[0]}::date ORDER BY 1`,
  );
  const districts = await ids(sql`SELECT code AS id FROM regions WHERE parent_code = '610100' ORDER BY code`);
  const supervisor = await api.signIn('/api/auth/login', { username: 'supervisor', password: 'demo1234' });
  const reads: ReadRun[] = [];
  for (const target of readTargets(months, departments, districts)) {
    t0 = performance.now();
    reads.push(
      await measureRead({
        target,
        api,
        floor: floorClient,
        session: supervisor,
        pool,
        concurrency: CONCURRENCY,
        seconds: SECONDS,
        count: 20_000,
      }),
    );
    console.log(`measured ${target.name} in ${seconds(t0)} s`);
  }

  t0 = performance.now();
  const sessions = await signedInApplicants(db, api, PEOPLE);
  console.log(`${PEOPLE} applicants signed in over HTTP in ${seconds(t0)} s`);
  const submitted = await measureSubmissions({
    db,
    api,
    floor: floorClient,
    pool,
    sessions,
    cases: RATED,
    concurrency: CONCURRENCY,
    acceptedOn: todayInChina(new Date(Date.now() - 3 * 86_400_000)),
  });
  const mismatches = await monthlyMismatches(db);

  console.log(
    `\n${generated.ratings.toLocaleString('en')} ratings, ${generated.requests.toLocaleString('en')} 12345 requests, ${generated.cases.toLocaleString('en')} cases; ${CONCURRENCY} at a time; ${SECONDS} s or 20,000 calls per phase (scans: half)`,
  );
  for (const r of reads) {
    printTable(r.target.name, [
      ['HTTP API (real server)', r.http],
      [`raw SQL, kept monthly tables (pool ${POOL})`, r.raw],
      ['raw SQL, scan of ratings/12345 requests', r.scan],
      ['HTTP floor (node:http + kept-table SQL)', r.floor],
    ]);
    const same = r.figures.every((f) => f.http === f.raw && f.raw === f.scan);
    console.log(
      `  figures http/kept/scan: ${r.figures.map((f) => `${f.http}/${f.raw}/${f.scan}`).join(', ')} ${same ? '(same)' : '(DIFFER)'}`,
    );
    console.log(
      `  p95: HTTP ${(r.http.p95 / r.raw.p95).toFixed(1)}× raw SQL, ${(r.http.p95 / r.floor.p95).toFixed(1)}× floor; scan ${(r.scan.p95 / r.raw.p95).toFixed(0)}× kept tables`,
    );
  }
  const rated = RATED * 2;
  printTable(`rating submissions: ${rated} ratings per phase, each stage of a fresh concluded case once`, [
    ['HTTP API (POST /api/ratings/cases/:id)', submitted.http],
    [`raw SQL: rating + rating_monthly (pool ${POOL})`, submitted.raw],
    ['HTTP floor (node:http + that SQL)', submitted.floor],
  ]);
  console.log(
    `  ratings stored per phase: ${submitted.stored.join(' / ')} of ${rated}; HTTP ${(submitted.http.perSecond / submitted.raw.perSecond).toFixed(2)}× raw SQL's ratings/s, ${(submitted.http.perSecond / submitted.floor.perSecond).toFixed(2)}× the floor's`,
  );
  console.log(
    `  rating_monthly ${mismatches.length ? `DIFFERS from the ratings in ${JSON.stringify(mismatches)}` : 'totals equal the ratings in every month (departments and the province)'}`,
  );
  const slow = reads.filter((r) => ['public', 'ranking'].includes(r.target.read) && r.http.p95 >= 200);
  console.log(
    slow.length
      ? `over 200 ms p95 over HTTP: ${slow.map((r) => r.target.name).join(', ')}`
      : 'publication and rankings: p95 under 200 ms over HTTP',
  );
  const failed =
    slow.length > 0 ||
    mismatches.length > 0 ||
    submitted.stored.some((n) => n !== rated) ||
    submitted.http.failed + submitted.raw.failed + submitted.floor.failed > 0 ||
    reads.some(
      (r) =>
        r.http.failed + r.floor.failed > 0 || r.figures.some((f) => f.http !== f.raw || f.raw !== f.scan),
    );
  if (failed) process.exitCode = 1;
} finally {
  api.close();
  floorClient.close();
  await floor.stop();
  await pool.end();
  await server.stop();
}
