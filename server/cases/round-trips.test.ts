import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { recordStatements, statementsOf } from '../testing/statements.ts';
import { publishMatter, signInApplicant, uploadedMaterial } from './testing.ts';

let t: TestApp;
let dataDir: string;
let food: string;
let company: Browser;
let reviewer: Browser;

before(async () => {
  recordStatements();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-round-trips-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const [market] = await t.db.db
    .select()
    .from(organisations)
    .where(eq(organisations.shortName, '市场监管局'));
  food = await publishMatter(t.db.db, market!.id);
  company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Case = { id: string; version: number; status: string; timeline: { action: string }[] };

const submit = async () =>
  (
    await company.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
const act = (c: Case, action: string, version = c.version) =>
  reviewer.request({ method: 'POST', url: `/api/cases/${c.id}/${action}`, payload: { version } });

/** What was written about a case: timeline events, audit records, in-app messages to the applicant. */
async function recordsOf(caseId: string) {
  const counted = await t.db.db.execute<{ events: number; audits: number; messages: number }>(sql`
    SELECT (SELECT count(*)::int FROM case_events WHERE case_id = ${caseId}) AS events,
           (SELECT count(*)::int FROM audit_records WHERE target_id = ${caseId} AND action LIKE 'case.%') AS audits,
           (SELECT count(*)::int FROM notifications WHERE subject->>'caseId' = ${caseId} AND channel = 'in_app') AS messages`);
  return counted.rows[0];
}

test('two clerks acting on the same version at once: one wins, the other gets a 409, one event and one audit record', async () => {
  const c = await submit();
  const answers = await Promise.all([act(c, 'accept'), act(c, 'accept'), act(c, 'accept')]);
  const codes = answers.map((a) => a.statusCode).sort();
  assert.deepEqual(codes, [200, 409, 409], answers.map((a) => a.body).join('\n'));
  const lost = answers.filter((a) => a.statusCode === 409).map((a) => a.json().error.code);
  assert.deepEqual([...new Set(lost)], ['resource.conflict']);
  const won = answers.find((a) => a.statusCode === 200)!.json() as Case;
  assert.equal(won.version, c.version + 1);
  assert.deepEqual(
    won.timeline.map((e) => e.action),
    ['submit', 'accept'],
  );
  assert.deepEqual(await recordsOf(c.id), { events: 2, audits: 2, messages: 2 });
  const chain = await verifyAuditChain({ db: t.db.db });
  assert.equal(chain.ok, true, JSON.stringify(chain.brokenAt));
});

test('a refused transition writes nothing: no event, no message, no audit record, version unchanged', async () => {
  const c = await submit();
  const refused = await act(c, 'approve');
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'case.transition_not_allowed');
  const detail = (await reviewer.request({ method: 'GET', url: `/api/cases/${c.id}` })).json() as Case;
  assert.equal(detail.version, c.version);
  assert.deepEqual(
    detail.timeline.map((e) => e.action),
    ['submit'],
  );
  assert.deepEqual(await recordsOf(c.id), { events: 1, audits: 1, messages: 1 });
});

test('a transition on a case this process holds at the version the client saw is one round trip: the write, with its records and the page', async () => {
  const c = await submit();
  await act(c, 'accept'); // the caches of this reviewer's session, actor, calendar and the applicant's phone are warm
  const accepted = (await reviewer.request({ method: 'GET', url: `/api/cases/${c.id}` })).json() as Case;
  let answer: Awaited<ReturnType<typeof act>> | undefined;
  const statements = await statementsOf(async () => {
    answer = await act(accepted, 'start-review');
  });
  assert.equal(answer!.statusCode, 200, answer!.body);
  assert.equal(statements.length, 1, statements.join('\n'));
  assert.match(statements[0]!, /^with "changed" as \(update "cases"/);
  const page = answer!.json() as Case;
  assert.deepEqual(
    page.timeline.map((e) => e.action),
    ['submit', 'accept', 'start_review'],
  );
  const read = await reviewer.request({ method: 'GET', url: `/api/cases/${c.id}` });
  assert.deepEqual(page, read.json(), 'the page written with the transition is the page read after it');
});

/** Moves a case to the next version as another process of the platform would, unseen by this one. */
async function changeElsewhere(caseId: string, status: string) {
  await t.db.db.execute(sql`
    UPDATE cases SET status = ${status}, version = version + 1, updated_at = now() WHERE id = ${caseId}`);
}

test('a case changed by another process is read again before it is changed: two round trips', async () => {
  const c = await submit();
  const accepted = (await act(c, 'accept')).json() as Case;
  await changeElsewhere(c.id, 'in_review');
  let answer: Awaited<ReturnType<typeof act>> | undefined;
  const statements = await statementsOf(async () => {
    answer = await act(accepted, 'approve', accepted.version + 1);
  });
  assert.equal(answer!.statusCode, 200, answer!.body);
  assert.equal(statements.length, 2, statements.join('\n'));
  assert.match(statements[1]!, /^with "changed" as \(update "cases"/);
  assert.equal((answer!.json() as Case).status, 'approved');
});

test('a client acting on the version this process holds, after another process changed the case: 409, nothing written', async () => {
  const c = await submit();
  const accepted = (await act(c, 'accept')).json() as Case;
  await changeElsewhere(c.id, 'in_review');
  const before = await recordsOf(c.id);
  const stale = await act(accepted, 'start-review');
  assert.equal(stale.statusCode, 409, stale.body);
  assert.equal(stale.json().error.code, 'resource.conflict');
  assert.deepEqual(await recordsOf(c.id), before);
  const detail = (await reviewer.request({ method: 'GET', url: `/api/cases/${c.id}` })).json() as Case;
  assert.equal(detail.status, 'in_review');
  assert.equal(detail.version, accepted.version + 1);
});

test('a submission with a key and files its submitter uploaded is two statements: key, files and number in one, then the write', async () => {
  const materials = [await uploadedMaterial(company, 'sqs', 'counted application')];
  await submit(); // the session, the actor, the filing target and the applicant's phone are kept
  const send = (key: string) =>
    company.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'idempotency-key': key },
      payload: { implementationId: food, materials },
    });
  let answer: Awaited<ReturnType<typeof send>> | undefined;
  const statements = await statementsOf(async () => {
    answer = await send('round-trips-0001');
  });
  assert.equal(answer!.statusCode, 201, answer!.body);
  assert.equal(statements.length, 2, statements.join('\n'));
  assert.match(
    statements[0]!,
    /^\s*WITH filed AS .* uploaded AS .* drawn AS \(\s*INSERT INTO "case_number_counters"/s,
  );
  assert.match(statements[1]!, /^with "changed" as \(insert into "cases"/);
  const unkeyed = await statementsOf(() =>
    company.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } }),
  );
  assert.equal(unkeyed.length, 2, 'without key or files: the number, then the write');
});

test('the page answering a submission with files is the page read after it', async () => {
  const answer = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food, materials: [await uploadedMaterial(company, 'sqs')] },
  });
  assert.equal(answer.statusCode, 201, answer.body);
  const page = answer.json() as Case & { materials: { key: string; supplied: boolean }[] };
  assert.equal(page.materials.find((m) => m.key === 'sqs')?.supplied, true);
  const read = await company.request({ method: 'GET', url: `/api/cases/${page.id}` });
  assert.deepEqual(page, read.json());
});

test('the page answering a conclusion, whose certificate is issued in the same statement, is the page read after it', async () => {
  let c = await submit();
  for (const step of ['accept', 'start-review', 'approve', 'conclude']) {
    const answer = await act(c, step);
    assert.equal(answer.statusCode, 200, answer.body);
    c = answer.json() as Case;
  }
  assert.equal(c.status, 'concluded');
  const read = await reviewer.request({ method: 'GET', url: `/api/cases/${c.id}` });
  assert.deepEqual(c, read.json());
});
