import type pg from 'pg';
import type { BenchClient, Session } from '../cases/client.ts';
import { type Call, type Measured, measure, timed } from './load.ts';
import { type ReadArgs, type ReadName, read } from './queries.ts';

/** A read of the benchmark: its HTTP path for the i-th call, the same question for the SQL, and how big an answer is. */
export type ReadTarget = {
  name: string;
  read: ReadName;
  args: (i: number) => ReadArgs;
  path: (a: ReadArgs) => string;
  /** Signed in as the supervisor (else anonymous). */
  signedIn: boolean;
  /** A figure of the answer, the same over HTTP and from the rows: e.g. how many items, or the total. */
  httpFigure: (body: unknown) => number;
  rowsFigure: (rows: Record<string, unknown>[]) => number;
};

const ym = (month: string) => month.slice(0, 7);

/** The four reads: the publication, a department's figures, both rankings, a region's 12345 figures. */
export function readTargets(months: string[], departments: string[], districts: string[]): ReadTarget[] {
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;
  const publicRegions = ['610100', '610102', '610103', '610000'];
  const count = (rows: unknown[]) => rows.length;
  return [
    {
      name: 'publication 好差评公示 (region, month)',
      read: 'public',
      args: (i) => ({ month: at(months, i), region: at(publicRegions, Math.floor(i / months.length)) }),
      path: (a) => `/api/ratings/public?month=${ym(a.month)}&regionCode=${a.region}`,
      signedIn: false,
      httpFigure: (b) => (b as { items: { total: number }[] }).items.reduce((s, x) => s + x.total, 0),
      rowsFigure: (rows) => rows.reduce((s, x) => s + Number(x.total), 0),
    },
    {
      name: "a department's month (figures)",
      read: 'department',
      args: (i) => ({
        month: at(months, i),
        region: '610100',
        id: at(departments, Math.floor(i / months.length)),
      }),
      path: (a) => `/api/ratings/figures?scope=department&id=${a.id}&from=${ym(a.month)}&to=${ym(a.month)}`,
      signedIn: true,
      httpFigure: (b) => (b as { months: { total: number }[] }).months[0]?.total ?? -1,
      rowsFigure: (rows) => Number(rows[0]?.total ?? 0),
    },
    {
      name: 'district ranking (西安市)',
      read: 'ranking',
      args: (i) => ({ month: at(months, i), region: '610100', kind: 'district' }),
      path: (a) => `/api/assessment/ranking?kind=district&month=${ym(a.month)}&region=${a.region}`,
      signedIn: true,
      httpFigure: (b) =>
        count((b as { rows: unknown[]; idle: unknown[] }).rows) + count((b as { idle: unknown[] }).idle),
      rowsFigure: count,
    },
    {
      name: 'department ranking (西安市)',
      read: 'ranking',
      args: (i) => ({ month: at(months, i), region: '610100', kind: 'department' }),
      path: (a) => `/api/assessment/ranking?kind=department&month=${ym(a.month)}&region=${a.region}`,
      signedIn: true,
      httpFigure: (b) =>
        count((b as { rows: unknown[]; idle: unknown[] }).rows) + count((b as { idle: unknown[] }).idle),
      rowsFigure: count,
    },
    {
      name: '12345 figures (region, month)',
      read: 'hotline',
      args: (i) => ({
        month: at(months, i),
        region: at(['610100', ...districts], Math.floor(i / months.length)),
      }),
      path: (a) => `/api/hotline/figures?regionCode=${a.region}&from=${ym(a.month)}&to=${ym(a.month)}`,
      signedIn: true,
      httpFigure: (b) => (b as { rows: { received: number }[] }).rows.reduce((s, x) => s + x.received, 0),
      rowsFigure: (rows) => rows.reduce((s, x) => s + Number(x.received), 0),
    },
  ];
}

export type ReadRun = {
  target: ReadTarget;
  http: Measured;
  raw: Measured;
  scan: Measured;
  floor: Measured;
  /** The first questions' figures over HTTP, from the kept tables and by the scan (equal when right). */
  figures: { http: number; raw: number; scan: number }[];
};

/**
 * Measures one read four ways at the same concurrency: over HTTP against the server, its SQL from the
 * kept tables on this process's pool, the same figures by a scan, and over HTTP against the floor.
 */
export async function measureRead(options: {
  target: ReadTarget;
  api: BenchClient;
  floor: BenchClient;
  session: Session;
  pool: pg.Pool;
  concurrency: number;
  seconds: number;
  count: number;
}): Promise<ReadRun> {
  const { target, api, pool } = options;
  const session = target.signedIn ? options.session : null;
  const figures: ReadRun['figures'] = [];
  for (let i = 0; i < 3; i++) {
    const a = target.args(i * 13);
    const answer = await api.call('GET', target.path(a), session);
    figures.push({
      http: answer.status === 200 ? target.httpFigure(answer.body) : -answer.status,
      raw: target.rowsFigure(await read(pool, target.read, 'kept', a)),
      scan: target.rowsFigure(await read(pool, target.read, 'scan', a)),
    });
  }
  const run = (call: (i: number) => Promise<Call>, share = 1) =>
    measure({
      concurrency: options.concurrency,
      seconds: options.seconds * share,
      count: Math.ceil(options.count * share),
      call,
    });
  const httpCall = (client: BenchClient, path: (a: ReadArgs) => string) => async (i: number) => {
    const answer = await client.call('GET', path(target.args(i)), session);
    return answer.status === 200
      ? { ok: true, ms: answer.ms }
      : { ok: false, ms: answer.ms, note: `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}` };
  };
  const http = await run(httpCall(api, target.path));
  const sqlCall = (way: 'kept' | 'scan') => (i: number) =>
    timed(async () => {
      await read(pool, target.read, way, target.args(i));
      return true;
    });
  const raw = await run(sqlCall('kept'));
  const scan = await run(sqlCall('scan'), 0.5);
  const floorPath = (a: ReadArgs) =>
    `/read/${target.read}?${new URLSearchParams({ month: a.month, region: a.region, id: a.id ?? '', kind: a.kind ?? '' })}`;
  const floor = await run(httpCall(options.floor, floorPath));
  return { target, http, raw, scan, floor, figures };
}
