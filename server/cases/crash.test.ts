/**
 * A killed process loses no acknowledged transition: a stream of submit → accept → start
 * review → approve through the HTTP API of a real server, the server and its database killed
 * with SIGKILL in the middle, then started again.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { runningEmbeddedUrl } from '../db/embedded.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import {
  call,
  postmasterPid,
  type Session,
  serverProcesses,
  signInOver,
  waitDead,
} from '../testing/processes.ts';

const servers = serverProcesses();
after(() => servers.cleanUp());

async function query<T>(dataDir: string, text: string, values: unknown[] = []): Promise<T[]> {
  const url = runningEmbeddedUrl(dataDir);
  assert.ok(url, 'the embedded database is running');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

type Ack = { caseId: string; caseNo: string; action: string; status: string; version: number };

/** The steps of one lifecycle: who does them, and the URL of each after the submission. */
const STEPS = [
  { action: 'accept', path: 'accept', by: 'reviewer', status: 'accepted' },
  { action: 'start_review', path: 'start-review', by: 'reviewer', status: 'in_review' },
  { action: 'approve', path: 'approve', by: 'head', status: 'approved' },
] as const;

test('kill -9 of the server and its database during a stream of transitions loses no acknowledged one', async (t) => {
  const dataDir = servers.freshDataDir();
  const first = await servers.start(dataDir);
  t.diagnostic(`first start: ${first.startMs} ms`);
  const postgres = postmasterPid(dataDir);
  assert.ok(postgres);
  const [matter] = await query<{ id: string }>(
    dataDir,
    `SELECT i.id FROM implementations i
       JOIN organisations o ON o.id = i.organisation_id
       JOIN implementation_versions v ON v.id = i.published_version_id
      WHERE o.short_name = '市场监管局' AND v.case_type = 'promised' AND v.document->'form' IS NULL
      ORDER BY i.code LIMIT 1`,
  );
  assert.ok(matter, 'a published promised matter of 市场监管局 in the demo catalogue');
  const staff = async (username: string) =>
    signInOver(first.base, '/api/auth/login', { username, password: DEMO_PASSWORD });
  const who: Record<string, Session> = {
    reviewer: await staff('reviewer'),
    head: await staff('head'),
  };
  const applicants = [
    await signInOver(first.base, '/api/auth/applicant-login', {
      kind: 'person',
      login: '11010519491231002X',
      password: DEMO_PASSWORD,
    }),
    await signInOver(first.base, '/api/auth/applicant-login', {
      kind: 'company',
      login: '91350100M000100Y43',
      password: DEMO_PASSWORD,
    }),
  ];

  const acknowledged: Ack[] = [];
  const refused: string[] = [];
  let cutOff = 0;
  let stop = false;
  const record = (
    res: { status: number; body: Record<string, unknown> | null },
    action: string,
    ok: number,
  ) => {
    if (res.status === ok) {
      const body = res.body!;
      const ack = {
        caseId: String(body.id),
        caseNo: String(body.caseNo),
        action,
        status: String(body.status),
        version: Number(body.version),
      };
      acknowledged.push(ack);
      return ack;
    }
    if (res.status < 500) refused.push(`${action} ${res.status} ${JSON.stringify(res.body)}`);
    else cutOff++;
    return null;
  };
  const lifecycle = async (worker: number) => {
    while (!stop) {
      try {
        const submitted = record(
          await call(applicants[worker % 2]!, 'POST', '/api/cases', { implementationId: matter.id }),
          'submit',
          201,
        );
        if (!submitted) continue;
        let version = submitted.version;
        for (const step of STEPS) {
          const res = await call(who[step.by]!, 'POST', `/api/cases/${submitted.caseId}/${step.path}`, {
            version,
          });
          const ack = record(res, step.action, 200);
          if (!ack) break;
          version = ack.version;
        }
      } catch {
        cutOff++;
      }
    }
  };
  const workers = Array.from({ length: 8 }, (_, i) => lifecycle(i));
  const deadline = Date.now() + 60_000;
  while (acknowledged.length < 240) {
    if (refused.length > 0 || Date.now() > deadline) {
      stop = true;
      await Promise.all(workers);
      assert.fail(`the transitions did not go through: ${acknowledged.length} acknowledged; ${refused[0]}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  first.child.kill('SIGKILL');
  process.kill(postgres, 'SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  stop = true;
  await Promise.all(workers);
  await waitDead(postgres);
  const counts = Object.groupBy(acknowledged, (a) => a.action);
  t.diagnostic(
    `${acknowledged.length} transitions acknowledged before the kill ` +
      `(${Object.entries(counts)
        .map(([action, list]) => `${action} ${list!.length}`)
        .join(', ')}), ${cutOff} cut off by it`,
  );
  assert.deepEqual(refused, [], 'no transition was refused');
  assert.ok(cutOff > 0, 'the kill interrupted transitions in flight');

  const second = await servers.start(dataDir);
  t.diagnostic(`start after kill -9 of both (crash recovery): ${second.startMs} ms`);
  const ids = [...new Set(acknowledged.map((a) => a.caseId))];
  const events = await query<{ case_id: string; action: string; to_status: string }>(
    dataDir,
    'SELECT case_id, action, to_status FROM case_events WHERE case_id = ANY($1::uuid[])',
    [ids],
  );
  const audits = await query<{ target_id: string; action: string }>(
    dataDir,
    "SELECT target_id, action FROM audit_records WHERE target_type = 'case' AND target_id = ANY($1::text[])",
    [ids],
  );
  const rows = await query<{ id: string; case_no: string; version: number }>(
    dataDir,
    'SELECT id, case_no, version FROM cases WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const told = await query<{ case_id: string; event: string }>(
    dataDir,
    `SELECT subject->>'caseId' AS case_id, subject->>'event' AS event FROM notifications
      WHERE channel = 'in_app' AND subject->>'caseId' = ANY($1::text[])`,
    [ids],
  );
  const has = <T>(list: T[], match: (x: T) => boolean) => list.some(match);
  const missing: string[] = [];
  for (const ack of acknowledged) {
    const label = `${ack.caseNo} ${ack.action}`;
    const row = rows.find((r) => r.id === ack.caseId);
    if (!row || row.case_no !== ack.caseNo || row.version < ack.version) missing.push(`${label}: the case`);
    if (
      !has(events, (e) => e.case_id === ack.caseId && e.action === ack.action && e.to_status === ack.status)
    )
      missing.push(`${label}: its timeline event`);
    if (!has(audits, (a) => a.target_id === ack.caseId && a.action === `case.${ack.action}`))
      missing.push(`${label}: its audit record`);
    if (
      ack.action !== 'start_review' &&
      !has(told, (n) => n.case_id === ack.caseId && n.event === ack.action)
    )
      missing.push(`${label}: the applicant's message`);
  }
  assert.deepEqual(missing, [], 'every acknowledged transition is there with its event, audit and message');
  for (const row of rows) {
    const mine = events.filter((e) => e.case_id === row.id).length;
    assert.equal(row.version, mine, `${row.case_no}: one event per version, none half-written`);
  }

  const admin = await signInOver(second.base, '/api/auth/login', {
    username: 'admin',
    password: DEMO_PASSWORD,
  });
  const verification = await call(admin, 'GET', '/api/audit/verify');
  assert.equal(verification.body?.ok, true, JSON.stringify(verification.body));
  const applicant = await signInOver(second.base, '/api/auth/applicant-login', {
    kind: 'person',
    login: '11010519491231002X',
    password: DEMO_PASSWORD,
  });
  const reviewer = await signInOver(second.base, '/api/auth/login', {
    username: 'reviewer',
    password: DEMO_PASSWORD,
  });
  const fresh = await call(applicant, 'POST', '/api/cases', { implementationId: matter.id });
  assert.equal(fresh.status, 201, 'cases are filed again after the restart');
  const numbers = acknowledged.filter((a) => a.action === 'submit').map((a) => a.caseNo);
  assert.ok(!numbers.includes(String(fresh.body?.caseNo)), 'no acknowledged case number is handed out again');
  const accepted = await call(reviewer, 'POST', `/api/cases/${fresh.body?.id}/accept`, { version: 1 });
  assert.equal(accepted.status, 200);
  await servers.stop(second);
});
