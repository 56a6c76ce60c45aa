import path from 'node:path';
import pg from 'pg';
import { todayInChina } from '../../server/calendar/index.ts';
import { benchClient, type Session } from '../cases/client.ts';
import { type Call, type Measured, measure, printTable, timed } from '../evaluation/load.ts';
import { spawnServing } from '../server.ts';
import { statisticsHistory } from './history.ts';
import { hasScan, type Question, type ReadName, read, receivedOf } from './queries.ts';

/**
 * The statistics reads at scale: on a database of generated history (made once by history.ts and
 * kept), (a) a region subtree × month figures, (b) the big screen's full refresh and (c) the first page
 * of the cases behind a figure (按时办结率, the late ones first), each read over
 * HTTP from the real server, as the same case_daily SQL on a pool, through the HTTP floor (node:http
 * + that SQL) and as a scan of the cases.
 * The server is a reading node: its jobs are off (BENCH_JOBS_SECONDS=60 runs them beside the reads).
 * Usage: npm run bench:statistics [-- <database> <cases> <seconds per phase> <concurrency> [drop]]
 */
const [NAME = 'yw_bench_statistics', CASES = '10000000', SECONDS = '15', CONCURRENCY = '4', DROP] =
  process.argv.slice(2);
/** The server's jobs: off (a reading node) unless BENCH_JOBS_SECONDS gives their interval. */
const JOBS = process.env.BENCH_JOBS_SECONDS ?? '0';
/** Only the targets whose read is named in BENCH_READS (figures,screen,cases), else all. */
const READS = process.env.BENCH_READS?.split(',');
const seconds = Number(SECONDS);
const concurrency = Number(CONCURRENCY);
const PEOPLE_PASSWORD = 'demo1234';

const log = (m: string) => console.log(`${new Date().toISOString()} ${m}`);
const history = await statisticsHistory({ name: NAME, count: Number(CASES), log });
const pool = new pg.Pool({ connectionString: history.url, max: 10 });
const server = await spawnServing(
  path.join(import.meta.dirname, '../../server/main.ts'),
  // A reading node (as behind READ_DATABASE_URL): the jobs run in another process, on the primary.
  {
    DATABASE_URL: history.url,
    HOST: '127.0.0.1',
    BUILD_APP: 'false',
    LOG_LEVEL: 'warn',
    SWEEP_INTERVAL_SECONDS: JOBS,
  },
  '/api/health',
);
const floor = await spawnServing(
  path.join(import.meta.dirname, 'floor-server.ts'),
  { DATABASE_URL: history.url },
  '/health',
);
const api = benchClient(server.url, concurrency * 2);
const floorClient = benchClient(floor.url, concurrency * 2);

type Target = {
  name: string;
  read: ReadName;
  questions: Question[];
  http: (q: Question) => string;
  signedIn: boolean;
  httpReceived: (body: unknown) => number;
};

const code = (p: string) => p.split('/').at(-1)!;

/** The last `n` full months before today, as [first day, last day]. */
function months(today: string, n: number): [string, string][] {
  const out: [string, string][] = [];
  const [y, m] = today.split('-').map(Number) as [number, number];
  for (let k = 1; k <= n; k++) {
    const first = new Date(Date.UTC(y, m - 1 - k, 1));
    const last = new Date(Date.UTC(y, m - k, 0));
    out.push([first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)]);
  }
  return out;
}

function targets(paths: string[], today: string): Target[] {
  const monthly = months(today, 6).flatMap(([from, to]) => paths.map((p) => ({ path: p, from, to })));
  const monthStart = `${today.slice(0, 8)}01`;
  return [
    {
      name: 'figures: region subtree × month',
      read: 'figures',
      questions: monthly,
      http: (q) => `/api/statistics/figures?region=${code(q.path)}&from=${q.from}&to=${q.to}`,
      signedIn: true,
      httpReceived: (b) =>
        (b as { figures: { key: string; current: { value: number } }[] }).figures.find(
          (f) => f.key === 'received',
        )?.current.value ?? -1,
    },
    {
      name: "big screen: full refresh (30 days, this month's map and ranking)",
      read: 'screen',
      questions: paths.map((p) => ({ path: p, from: monthStart, to: today })),
      http: (q) => `/api/screen?region=${code(q.path)}`,
      signedIn: false,
      httpReceived: (b) => (b as { month: { received: number } }).month.received,
    },
    {
      name: 'cases behind 按时办结率: region subtree × month, first page',
      read: 'cases',
      questions: monthly,
      http: (q) =>
        `/api/statistics/cases?region=${code(q.path)}&from=${q.from}&to=${q.to}&figure=onTimeRate&pageSize=20`,
      signedIn: true,
      httpReceived: (b) => (b as { total: number }).total,
    },
  ];
}

async function measureTarget(target: Target, session: Session) {
  const at = (i: number) => target.questions[i % target.questions.length]!;
  const who = target.signedIn ? session : null;
  const probe = await api.call('GET', target.http(at(0)), who);
  const routed = probe.status !== 404 || !String(JSON.stringify(probe.body)).includes('Route');
  const figures: string[] = [];
  for (let i = 0; i < 2; i++) {
    const q = at(i * 7);
    const answer = await api.call('GET', target.http(q), who);
    const http = answer.status === 200 ? target.httpReceived(answer.body) : `HTTP ${answer.status}`;
    const kept = receivedOf(target.read, await read(pool, target.read, 'kept', q), q);
    const scan = hasScan(target.read)
      ? receivedOf(target.read, await read(pool, target.read, 'scan', q), q)
      : '—';
    figures.push(`${q.path} ${q.from}: http ${http} / kept ${kept} / scan ${scan}`);
  }
  const run = (call: (i: number) => Promise<Call>, count = 20_000, c = concurrency, s = seconds) =>
    measure({ concurrency: c, seconds: s, count, call });
  const over =
    (client: ReturnType<typeof benchClient>, url: (q: Question) => string, s: Session | null) =>
    async (i: number): Promise<Call> => {
      const answer = await client.call('GET', url(at(i)), s);
      return answer.status === 200
        ? { ok: true, ms: answer.ms }
        : { ok: false, ms: answer.ms, note: `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}` };
    };
  const rows: [string, Measured][] = [];
  if (routed) rows.push(['HTTP API (real server)', await run(over(api, target.http, who))]);
  const sqlCall = (way: 'kept' | 'scan') => (i: number) =>
    timed(async () => {
      await read(pool, target.read, way, at(i));
      return true;
    });
  const kept = hasScan(target.read) ? 'raw SQL on case_daily (pool 10)' : 'raw SQL on the cases (pool 10)';
  rows.push([kept, await run(sqlCall('kept'))]);
  const floorUrl = (q: Question) => `/read/${target.read}?${new URLSearchParams(q)}`;
  rows.push(['HTTP floor (node:http + that SQL)', await run(over(floorClient, floorUrl, null))]);
  if (hasScan(target.read)) {
    rows.push(['raw SQL scan of the cases (2 at a time)', await run(sqlCall('scan'), 8, 2, seconds * 4)]);
  }
  return { rows, figures, routed };
}

try {
  const count = async (table: string) =>
    Number((await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toLocaleString('en');
  log(`${await count('cases')} cases, ${await count('case_daily')} case_daily rows`);
  await pool.query('ANALYZE case_daily');
  const session = await api.signIn('/api/auth/login', { username: 'supervisor', password: PEOPLE_PASSWORD });
  const paths = (
    await pool.query<{ path: string }>(`SELECT path FROM regions WHERE code = '610100'
      UNION ALL (SELECT DISTINCT region_path FROM case_daily WHERE region_path LIKE '610000/610100/%' LIMIT 2)`)
  ).rows.map((r) => r.path);
  const today = todayInChina(new Date());
  for (const target of targets(paths, today).filter((t) => !READS || READS.includes(t.read))) {
    const started = performance.now();
    const { rows, figures, routed } = await measureTarget(target, session);
    printTable(`${target.name} (${concurrency} at a time, ${seconds} s or 20,000 calls per phase)`, rows);
    for (const f of figures) console.log(`  received ${f}`);
    if (!routed)
      console.log(`  ${target.http(target.questions[0]!)}: no such route yet (HTTP side not measured)`);
    log(`measured in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  api.close();
  floorClient.close();
  await floor.stop();
  // The server finishes a running job before it exits on SIGTERM; a minute is enough to wait.
  await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 60_000))]);
  try {
    process.kill(server.pid, 'SIGKILL');
  } catch {
    // Exited already.
  }
  await pool.end();
  if (DROP === 'drop') await history.drop();
  else await history.close();
}
