import pg from 'pg';
import { signInAs } from '../../server/accounts/testing.ts';
import { publishMatter, signInApplicant } from '../../server/cases/testing.ts';
import { DEMO_PASSWORD } from '../../server/demo/accounts.ts';
import { createTestApp } from '../../server/testing/app.ts';

/** Prints the SQL statements each request of one lifecycle sends. Usage: node bench/cases/count-queries.ts [-v] */
const verbose = process.argv.includes('-v');
let log: string[] = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
  if (text) log.push(text.replace(/\s+/g, ' ').slice(0, 160));
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

const t = await createTestApp({ demo: true });
try {
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  const food = await publishMatter(t.db.db, market!.id);
  const applicant = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  const reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  const lifecycle = async (quiet: boolean) => {
    log = [];
    let res = await applicant.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'idempotency-key': `count-${quiet}` },
      payload: { implementationId: food },
    });
    const report = (name: string) => {
      if (!quiet) {
        console.log(`${name}: ${res.statusCode}, ${log.length} statements`);
        if (res.statusCode >= 400) console.log(res.body);
        if (verbose) for (const l of log) console.log(`   ${l}`);
      }
      log = [];
    };
    report('submit');
    for (const step of ['accept', 'start-review', 'approve', 'conclude']) {
      const { id, version } = res.json() as { id: string; version: number };
      res = await reviewer.request({ method: 'POST', url: `/api/cases/${id}/${step}`, payload: { version } });
      report(step);
    }
  };
  // The first lifecycle fills the caches (actor, session, calendar, documents); the second is printed.
  await lifecycle(true);
  await lifecycle(false);
  log = [];
  const res = await reviewer.request({ method: 'GET', url: '/api/cases?queue=true&limit=20' });
  console.log(`queue: ${res.statusCode}, ${log.length} statements`);
  if (verbose) for (const l of log) console.log(`   ${l}`);
} finally {
  await t.close();
}
