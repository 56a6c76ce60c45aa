import autocannon from 'autocannon';
import { startBenchServer } from './server.ts';

/**
 * Measures the API under load from this process against a server in another process,
 * on a fresh database with the demo data. Prints latency percentiles and throughput.
 * Usage: npm run bench [-- <seconds per target> <connections>]
 */
const seconds = Number(process.argv[2] ?? 5);
const connections = Number(process.argv[3] ?? 10);

const server = await startBenchServer();
try {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const targets: { name: string; path: string; headers?: Record<string, string> }[] = [
    { name: 'health (SELECT 1 + migrations)', path: '/api/health' },
    { name: 'regions: children of 西安市', path: '/api/regions?parent=610100' },
    { name: 'organisations: departments', path: '/api/organisations?kind=department' },
    { name: 'auth/me (session lookup)', path: '/api/auth/me', headers: { cookie } },
  ];
  console.log(`${seconds} s per target, ${connections} connections\n`);
  console.log(
    'target'.padEnd(36),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p97.5 ms'.padStart(9),
    'p99 ms'.padStart(8),
    'non-2xx'.padStart(8),
  );
  for (const target of targets) {
    const result = await autocannon({
      url: `${server.url}${target.path}`,
      connections,
      duration: seconds,
      headers: target.headers,
    });
    console.log(
      target.name.padEnd(36),
      String(Math.round(result.requests.average)).padStart(8),
      String(result.latency.p50).padStart(8),
      String(result.latency.p97_5).padStart(9),
      String(result.latency.p99).padStart(8),
      String(result.non2xx).padStart(8),
    );
  }
} finally {
  await server.stop();
}
