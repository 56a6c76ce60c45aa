import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { startBenchServer } from '../server.ts';
import { generateBenchCatalogue } from './generate.ts';

/**
 * Catalogue search and guide reads under load, on the 5,000 × 20 benchmark catalogue, against the
 * real server in another process; GET /api/health (SELECT 1) is the baseline measured in the same run.
 * Usage: npm run bench:catalogue [-- <seconds per target> <connections> <basic matters>]
 */
const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const basicMatters = Number(process.argv[4] ?? 5000);

const QUERIES = [
  '开饭店',
  '营业执照',
  '二手房过户',
  '公章',
  '社保',
  '身份证',
  '食品经营许可',
  '公安局',
  '施工许可证',
  '结婚',
  '居住证',
  '排污许可',
  '医保转移',
  '发票',
  '抵押登记',
  '落户',
  '建筑垃圾',
  '民办学校',
  '旅行社',
  '退休',
];

type Target = { name: string; paths: string[] };

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(url: string, target: Target, duration: number) {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: target.paths[next++ % target.paths.length]! }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p97_5: percentile(latencies, 97.5),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const generationStarted = Date.now();
const server = await startBenchServer({
  prepare: async (db) => {
    const result = await generateBenchCatalogue({
      db: db.db,
      basicMatters,
      log: (m) => console.log(`  ${m}`),
    });
    console.log(
      `generated ${result.basicMatters} basic matters × ${result.regions} regions = ${result.implementations} published implementations`,
    );
  },
});
try {
  console.log(`catalogue and server ready in ${((Date.now() - generationStarted) / 1000).toFixed(1)} s`);
  const ids = (
    await server.db.db.execute<{ id: string }>(sql`
      SELECT id FROM implementations WHERE published_version_id IS NOT NULL ORDER BY random() LIMIT 2000`)
  ).rows.map((r) => r.id);
  for (const q of QUERIES.slice(0, 4)) {
    const body = (await (
      await fetch(`${server.url}/api/catalogue/search?q=${encodeURIComponent(q)}&limit=3`)
    ).json()) as {
      total: number;
      items: { name: string; regionName: string }[];
    };
    console.log(
      `  ${q}: ${body.total} results, first: ${body.items.map((i) => `${i.name}（${i.regionName}）`).join('；')}`,
    );
  }
  const targets: Target[] = [
    { name: 'health (SELECT 1 baseline)', paths: ['/api/health'] },
    {
      name: 'search (20 rotating queries)',
      paths: QUERIES.map((q) => `/api/catalogue/search?q=${encodeURIComponent(q)}`),
    },
    {
      name: 'search by basic matter (portal)',
      paths: QUERIES.map((q) => `/api/catalogue/search?q=${encodeURIComponent(q)}&group=basic&limit=10`),
    },
    {
      name: 'browse by basic matter (portal)',
      paths: ['person', 'company'].map((o) => `/api/catalogue/matters?object=${o}&group=basic&limit=10`),
    },
    { name: 'hot searches', paths: ['/api/catalogue/hot-searches'] },
    { name: 'guide (random implementations)', paths: ids.map((id) => `/api/catalogue/guides/${id}`) },
  ];
  for (const target of targets) await measure(server.url, target, 2); // warm-up
  console.log(`\n${seconds} s per target, ${connections} connections\n`);
  console.log(
    'target'.padEnd(34),
    'req/s'.padStart(7),
    'p50 ms'.padStart(7),
    'p95 ms'.padStart(7),
    'p97.5'.padStart(7),
    'p99 ms'.padStart(7),
    'p95/base'.padStart(9),
    'non-2xx'.padStart(8),
  );
  let baseline = Number.NaN;
  for (const target of targets) {
    const r = await measure(server.url, target, seconds);
    if (Number.isNaN(baseline)) baseline = r.p95;
    console.log(
      target.name.padEnd(34),
      String(r.rps).padStart(7),
      r.p50.toFixed(1).padStart(7),
      r.p95.toFixed(1).padStart(7),
      r.p97_5.toFixed(1).padStart(7),
      r.p99.toFixed(1).padStart(7),
      `${(r.p95 / Math.max(baseline, 1)).toFixed(1)}×`.padStart(9),
      String(r.non2xx + r.errors).padStart(8),
    );
  }
} finally {
  await server.stop();
}
