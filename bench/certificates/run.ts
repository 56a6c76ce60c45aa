import { eq, sql } from 'drizzle-orm';
import {
  certificates,
  decryptPrivateKey,
  sealKeyById,
  signedFormOf,
} from '../../server/certificates/index.ts';
import { connect } from '../../server/core/db/client.ts';
import { benchClient } from '../cases/client.ts';
import { cpuSeconds } from '../cases/cpu.ts';
import { startBenchServer } from '../server.ts';
import { BENCH_PASSWORD, type BenchCertificates, generateBenchCertificates } from './generate.ts';
import { issueRows, runIssues, sm2Baseline } from './issue.ts';
import { type Measured, measureHttp, printTable } from './load.ts';

/**
 * Electronic certificates with `count` sealed certificates in the library: verification by code,
 * the prefill of an application for a company holding 20 certificates and the PDF download through
 * the real server in another process, beside GET /api/health; issue-and-seal with its PDF in this
 * process beside SM2 signing and verification alone.
 * Usage: npm run bench:certificates [-- <seconds> <workers> <certificates>]
 */
const seconds = Number(process.argv[2] ?? 10);
const workers = Number(process.argv[3] ?? 8);
const count = Number(process.argv[4] ?? 100_000);

let generated: BenchCertificates | undefined;
const started = Date.now();
const server = await startBenchServer({
  prepare: async (db) => {
    generated = await generateBenchCertificates({ db: db.db, count, log: (m) => console.log(`  ${m}`) });
  },
});
const client = benchClient(server.url, 4);
const own = connect(server.db.url, { max: workers + 2 });
try {
  const data = generated!;
  const db = server.db.db;
  console.log(
    `library: ${data.certificates} certificates of ${data.types.length} types, ${data.companies} companies and ${data.persons} persons; ready in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const session = await client.signIn('/api/auth/applicant-login', {
    kind: 'company',
    login: data.holder.login,
    password: BENCH_PASSWORD,
  });
  const codes = (
    await db.execute<{ code: string }>(sql`
      SELECT verification_code AS code FROM certificates ORDER BY random() LIMIT 5000`)
  ).rows.map((r) => r.code);
  const held = await db
    .select({ id: certificates.id, code: certificates.verificationCode })
    .from(certificates)
    .where(eq(certificates.holderLogin, data.holder.login));

  // What a user would check before timing anything.
  const verified = await client.call('GET', `/api/verify/${held[0]!.code}`, null);
  if ((verified.body as { result: string }).result !== 'authentic')
    throw new Error(`a generated certificate does not verify: ${JSON.stringify(verified.body)}`);
  const results = new Map<string, number>();
  for (const code of codes.slice(0, 200)) {
    const r = await client.call('GET', `/api/verify/${code}`, null);
    const result = (r.body as { result: string }).result;
    results.set(result, (results.get(result) ?? 0) + 1);
  }
  const prefillPath = `/api/cases/prefill?implementationId=${data.prefill.implementationId}`;
  const prefill = (await client.call('GET', prefillPath, session)).body as {
    items: { name: string; found: { source: string } | null }[];
    found: number;
  };
  const fromCertificates = prefill.items.filter((i) => i.found?.source === 'e_certificate');
  console.log(
    `holder ${data.holder.name} (${data.holder.login}): ${data.holder.certificates} current certificates; one verifies as ${(verified.body as { result: string }).result}`,
  );
  console.log(`200 random codes: ${[...results].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `prefill of ${data.prefill.matterName} (takes ${data.prefill.types.join('、')}): ${prefill.items.length} materials, ${prefill.found} found, ${fromCertificates.length} from certificates (${fromCertificates.map((i) => i.name).join('、')})`,
  );
  if (fromCertificates.length < data.prefill.types.length)
    console.log('  warning: the prefill did not find every certificate the holder holds');

  const cookie = { cookie: session.cookie };
  const targets = [
    { name: 'GET /api/health (baseline)', paths: ['/api/health'], connections: workers },
    {
      name: 'GET /api/verify/:code (5,000 random)',
      paths: codes.map((c) => `/api/verify/${c}`),
      connections: workers,
    },
    { name: 'GET /api/cases/prefill, 1 connection', paths: [prefillPath], headers: cookie, connections: 1 },
    {
      name: `GET /api/cases/prefill, ${workers} connections`,
      paths: [prefillPath],
      headers: cookie,
      connections: workers,
    },
    {
      name: 'GET /api/certificates/:id/pdf (holder)',
      paths: held.map((c) => `/api/certificates/${c.id}/pdf`),
      headers: cookie,
      connections: workers,
    },
  ];
  const base = { url: server.url, serverPid: server.pid, database: server.db.name };
  for (const t of targets) await measureHttp({ ...base, ...t, seconds: 2 }); // warm-up
  console.log(
    `\n${seconds} s per row, ${workers} connections / workers; CPU ms per answer (server process or this one)\n`,
  );
  const rows: Measured[] = [];
  for (const t of targets) rows.push(await measureHttp({ ...base, ...t, seconds }));

  const run = { db: own.db, types: data.types, companies: data.companies, persons: data.persons };
  const issue = async (name: string, pdf: boolean) => {
    await runIssues({ ...run, origin: server.url, workers, seconds: 2, pdf }); // warm-up
    const measured = await cpuSeconds(process.pid, server.db.name, () =>
      runIssues({ ...run, origin: server.url, workers, seconds, pdf }),
    );
    const cpu = { own: measured.server, postgres: measured.postgres };
    rows.push(...issueRows(name, measured.result, cpu, pdf));
  };
  await issue(`issue+seal+PDF in-process, ${workers} at a time`, true);
  await issue(`issue+seal only in-process, ${workers} at a time`, false);

  const [sample] = await db.select().from(certificates).where(eq(certificates.id, held[0]!.id));
  const key = (await sealKeyById(db, sample!.keyId))!;
  rows.push(
    ...sm2Baseline({
      signed: signedFormOf(sample!),
      privateKey: decryptPrivateKey(key.privateKeyEncrypted, key.id, key.organisationId),
      publicKey: key.publicKey,
      seconds: Math.min(seconds, 5),
    }),
  );
  printTable(rows);
} finally {
  client.close();
  await own.close();
  await server.stop();
}
