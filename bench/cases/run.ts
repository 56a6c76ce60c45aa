import { sql } from 'drizzle-orm';
import { startBenchServer, startFloorServer } from '../server.ts';
import { type RawMatter, runRawLifecycles } from './baseline.ts';
import { benchClient, type Session, summarise } from './client.ts';
import { cpuSeconds } from './cpu.ts';
import { BENCH_PASSWORD, generateBenchCases } from './generate.ts';
import { runLifecycles, runQueueReads, STEPS, type Step } from './lifecycles.ts';
import { runTightLifecycles } from './tight.ts';

/**
 * Case lifecycles through the HTTP API against the real server in another process, on a database
 * holding `count` cases of history; the same writes as raw SQL in the same run; the reviewer queue.
 * Usage: npm run bench:cases [-- <seconds> <workers> <cases of history>]
 */
const seconds = Number(process.argv[2] ?? 30);
const workers = Number(process.argv[3] ?? 16);
const count = Number(process.argv[4] ?? 1_000_000);

const fmt = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
const cell = (s: string | number, width = 8) => String(s).padStart(width);

function printSteps(latencies: Record<Step, number[]>) {
  console.log(
    `  ${'step'.padEnd(14)}${cell('n')}${cell('p50 ms')}${cell('p95 ms')}${cell('p99 ms')}${cell('max ms')}`,
  );
  const transitions: number[] = [];
  const row = (name: string, values: number[]) => {
    const s = summarise(values);
    console.log(
      `  ${name.padEnd(14)}${cell(s.n)}${cell(fmt(s.p50))}${cell(fmt(s.p95))}${cell(fmt(s.p99))}${cell(fmt(s.max))}`,
    );
  };
  for (const step of STEPS) {
    row(step, latencies[step]);
    if (step !== 'submit') transitions.push(...latencies[step]);
  }
  row('transitions', transitions);
}

/**
 * What `run` used of the CPU: the process serving it (`pid`), PostgreSQL's backends of `database`
 * and this process, the benchmark's client.
 */
async function measured<T>(pid: number, database: string, run: () => Promise<T>) {
  const before = process.cpuUsage();
  const { result, server, postgres } = await cpuSeconds(pid, database, run);
  const used = process.cpuUsage(before);
  return { result, server, postgres, client: (used.user + used.system) / 1e6 };
}

type Load = {
  lifecycles: number;
  seconds: number;
  latencies: Record<Step, number[]>;
  failures?: { step: Step; status: number; body: unknown }[];
};

/** Throughput, CPU per lifecycle of each process involved, and latency per step of one phase. */
function report(title: string, load: Load, postgres: number, client: number, server?: number) {
  const per = (cpu: number) => ((cpu * 1000) / Math.max(load.lifecycles, 1)).toFixed(2);
  const failures = load.failures ? `; failures: ${load.failures.length}` : '';
  console.log(`\n${title}, ${fmt(load.seconds)} s`);
  console.log(
    `  ${load.lifecycles} lifecycles = ${fmt(load.lifecycles / load.seconds)} per second${failures}`,
  );
  console.log(
    `  CPU per lifecycle: ${server === undefined ? '' : `server ${per(server)} ms, `}PostgreSQL ${per(postgres)} ms, benchmark client ${per(client)} ms`,
  );
  for (const f of load.failures?.slice(0, 3) ?? []) {
    console.log(`  failure: ${f.step} ${f.status} ${JSON.stringify(f.body).slice(0, 300)}`);
  }
  printSteps(load.latencies);
}

/**
 * One phase of lifecycles, measured and reported. `server` names the process serving them over
 * HTTP; without it (raw SQL from this process) only PostgreSQL and this client are reported.
 */
async function phase<L extends Load>(
  title: string,
  database: string,
  server: number | null,
  run: () => Promise<L>,
): Promise<L> {
  const m = await measured(server ?? process.pid, database, run);
  report(title, m.result, m.postgres, m.client, server === null ? undefined : m.server);
  return m.result;
}

let generated: Awaited<ReturnType<typeof generateBenchCases>> | undefined;
const started = Date.now();
const server = await startBenchServer({
  prepare: async (db) => {
    generated = await generateBenchCases({ db: db.db, count, log: (m) => console.log(`  ${m}`) });
  },
  env: { SIGNIN_IP_MAX_PER_MINUTE: '10000' },
});
const client = benchClient(server.url, workers * 2);
try {
  const data = generated!;
  console.log(
    `history: ${data.cases} cases (${data.openCases} open), ${data.events} timeline events, ${data.notifications} messages; ready in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const logins = data.applicants.slice(0, workers);
  const applicants: Session[] = [];
  for (const login of logins) {
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
  const db = server.db.db;
  const matters = (
    await db.execute<RawMatter>(sql`
      SELECT i.id AS "implementationId", v.id AS "versionId", i.organisation_id AS "departmentId",
             i.region_code AS "regionCode", r.path AS "regionPath"
      FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
      JOIN regions r ON r.code = i.region_code
      WHERE v.case_type = 'promised'`)
  ).rows;

  await runLifecycles({ client, applicants, reviewers, matters, workers, seconds: 3 }); // warm-up
  const base = server.db.name;
  const api = () => runLifecycles({ client, applicants, reviewers, matters, workers, seconds });
  await phase(
    `HTTP API: lifecycles (submit → accept → start-review → approve → conclude), ${workers} concurrent`,
    base,
    server.pid,
    api,
  );

  const ids = await db.execute<{ id: string; login: string; organisation_id: string | null }>(sql`
    SELECT id, login, organisation_id FROM accounts
    WHERE login IN (SELECT jsonb_array_elements_text(${JSON.stringify([...logins, ...data.reviewers.values()])}::jsonb))`);
  const applicantIds = ids.rows.filter((r) => logins.includes(r.login)).map((r) => r.id);
  const reviewerIds = new Map(
    ids.rows.filter((r) => r.organisation_id).map((r) => [r.organisation_id!, r.id]),
  );
  const rawOptions = { url: server.db.url, applicantIds, reviewerIds, matters, workers, seconds };
  const raw = await phase(
    `raw SQL baseline: the same writes from this process, each step one transaction of several statements, ${workers} connections`,
    base,
    null,
    () => runRawLifecycles(rawOptions),
  );
  await raw.close();
  const tight = await phase(
    `raw SQL, one statement per step: the number, then case row, event, messages and audit record in one statement, ${workers} connections`,
    base,
    null,
    () => runTightLifecycles(rawOptions),
  );
  await tight.close();

  const floorServer = await startFloorServer(server.db.url);
  const floorClient = benchClient(floorServer.url, workers * 2);
  try {
    const as = (accountId: string): Session => ({ cookie: `yw_floor=${accountId}`, csrfToken: '' });
    const floorReviewers = new Map([...reviewerIds].map(([department, id]) => [department, as(id)]));
    const floorOptions = {
      client: floorClient,
      applicants: applicantIds.map(as),
      reviewers: floorReviewers,
      matters,
      workers,
    };
    await runLifecycles({ ...floorOptions, seconds: 3 });
    await phase(
      `HTTP floor: the one-statement steps behind bare node:http (no framework, session, access check or case page), ${workers} concurrent`,
      base,
      floorServer.pid,
      () => runLifecycles({ ...floorOptions, seconds }),
    );
  } finally {
    floorClient.close();
    await floorServer.stop();
  }

  // The HTTP API once more after the other phases: how much the machine and the grown tables drifted.
  await phase('HTTP API again, after the other phases', base, server.pid, api);
  const queued = await measured(server.pid, base, () =>
    runQueueReads({ client, reviewers: [...reviewers.values()], workers: 8, seconds: 10 }),
  );
  const queue = queued.result;
  const q = summarise(queue.latencies);
  const perRead = (cpu: number) => ((cpu * 1000) / Math.max(queue.requests, 1)).toFixed(2);
  console.log(
    `\nreviewer queue (first page of 20 by deadline), 8 concurrent: ${fmt(queue.requests / queue.seconds)} req/s, p50 ${fmt(q.p50)} ms, p95 ${fmt(q.p95)} ms, p99 ${fmt(q.p99)} ms, failures ${queue.failures}`,
  );
  console.log(
    `  CPU per read: server ${perRead(queued.server)} ms, PostgreSQL ${perRead(queued.postgres)} ms, benchmark client ${perRead(queued.client)} ms`,
  );
} finally {
  client.close();
  await server.stop();
}
