import autocannon from 'autocannon';
import { summarise } from '../cases/client.ts';
import { cpuSeconds } from '../cases/cpu.ts';

export type Measured = {
  name: string;
  n: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU milliseconds per operation of the process doing the work, and of PostgreSQL. */
  cpuMs: number;
  pgMs: number;
  errors: number;
};

/**
 * GET requests rotating over `paths` for `seconds` with `connections` keep-alive connections
 * (autocannon), with the latency of every answer and the CPU the server and PostgreSQL spent.
 */
export async function measureHttp(options: {
  name: string;
  url: string;
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  serverPid: number;
  database: string;
}): Promise<Measured> {
  const { paths, connections, seconds } = options;
  let next = 0;
  const latencies: number[] = [];
  const run = () =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: options.url,
          connections,
          duration: seconds,
          headers: options.headers,
          requests: [
            { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
  const { result, server, postgres } = await cpuSeconds(options.serverPid, options.database, run);
  const s = summarise(latencies);
  const answered = Math.max(result.requests.total, 1);
  return {
    name: options.name,
    n: result.requests.total,
    perSecond: result.requests.total / (result.duration || seconds),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    cpuMs: (server * 1000) / answered,
    pgMs: (postgres * 1000) / answered,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

const cell = (value: number | string, width: number) =>
  (typeof value === 'number'
    ? Number.isNaN(value)
      ? '-'
      : value >= 100
        ? value.toFixed(0)
        : value.toFixed(value >= 10 ? 1 : 2)
    : value
  ).padStart(width);

export function printTable(rows: Measured[]): void {
  const width = Math.max(...rows.map((r) => r.name.length)) + 2;
  const line = (r: (string | number)[]) =>
    console.log(
      `${String(r[0]).padEnd(width)}${r
        .slice(1)
        .map((v, i) => cell(v, i === 0 ? 8 : 9))
        .join('')}`,
    );
  line(['', 'n', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms', 'PG ms', 'errors']);
  for (const r of rows)
    line([r.name, String(r.n), r.perSecond, r.p50, r.p95, r.p99, r.cpuMs, r.pgMs, String(r.errors)]);
}
