import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Browser, signInAs } from '../accounts/testing.ts';
import {
  FOOD_LICENCE,
  ON_THE_SPOT,
  publishMatter,
  signInApplicant,
  uploadedMaterial,
} from '../cases/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type DailyRow, keptRows, scannedRows } from './case-daily-testing.ts';
import { CASE_DAILY_LOCK, rebuildCaseDaily, refreshCaseDaily, refreshCaseDailyBatch } from './refresh.ts';

/** case_daily, kept by adding every case change queued, equals a plain scan of the cases. */

let t: TestApp;
let dataDir: string;
let food: string;
let immediate: string;
let clerk: Browser;
let reviewer: Browser;
let head: Browser;
let company: Browser;

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-case-daily-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir, SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  food = await publishMatter(t.db.db, market!.id, FOOD_LICENCE);
  immediate = await publishMatter(t.db.db, market!.id, ON_THE_SPOT);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  head = await signInAs(t.app, 'head', DEMO_PASSWORD);
  company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Case = { id: string; version: number; status: string; [k: string]: unknown };

async function act(who: Browser, c: Case, action: string, body: Record<string, unknown> = {}) {
  const res = await who.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json() as Case;
}

async function file(who: Browser, payload: Record<string, unknown>) {
  const res = await who.request({ method: 'POST', url: '/api/cases', payload });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Case;
}

const run = (text: string) => t.db.db.execute(sql.raw(text));

async function assertKeptEqualsScan(message: string) {
  const kept = await keptRows(t.db.db);
  const scanned = await scannedRows(t.db.db);
  assert.deepEqual([...kept.keys()].sort(), [...scanned.keys()].sort(), `${message}: the same groups`);
  for (const [k, row] of scanned) assert.deepEqual(kept.get(k), row, `${message}: ${k}`);
}

const queued = async () =>
  Number(
    (await t.db.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM case_daily_changes`)).rows[0]!.n,
  );

let online: Case;
let counter: Case;

test('a mixed story: every case_daily row equals the scan after the refresh, and the rebuild gives the same', async () => {
  await rebuildCaseDaily(t.db.db);
  // The demo's own cases count already: the story is what it adds to them.
  const demo = await scannedRows(t.db.db);
  online = await file(company, {
    implementationId: food,
    formData: { shopName: '闽江小馆' },
    materials: [await uploadedMaterial(company, 'sqs', 'sqs 1')],
  });
  online = await act(reviewer, online, 'request-supplement', {
    problems: [{ materialKey: 'zscl', problem: '缺少经营场所使用证明' }],
  });
  online = await act(company, online, 'resubmit', {
    materials: [await uploadedMaterial(company, 'zscl', 'zscl 2')],
  });
  online = await act(reviewer, online, 'accept');
  online = await act(reviewer, online, 'start-review');
  online = await act(head, online, 'approve');
  online = await act(reviewer, online, 'conclude');

  counter = await file(clerk, {
    implementationId: food,
    applicant: { kind: 'company', login: '91350100M000100Y43', displayName: '福州闽江数字科技有限公司' },
    materials: [await uploadedMaterial(clerk, 'sqs', 'sqs 3')],
  });
  counter = await act(clerk, counter, 'accept-with-gaps', { gaps: ['zscl'], gapDeadline: '2999-01-01' });

  let quick = await file(clerk, {
    implementationId: immediate,
    applicant: { kind: 'person', login: '610102198001010023', displayName: '王秀英' },
    materials: [await uploadedMaterial(clerk, 'sqs', 'sqs 4')],
  });
  quick = await act(clerk, quick, 'accept');
  quick = await act(clerk, quick, 'approve');
  quick = await act(clerk, quick, 'conclude');

  const promised = await file(company, { implementationId: food });
  await act(reviewer, promised, 'approve-on-promise', { promise: '本企业承诺所填信息真实有效' });
  const kiosk = await file(company, { implementationId: food });
  const agent = await file(company, { implementationId: food });

  // Filed at a kiosk and by an agent, with materials reused from a certificate and a prefilled form;
  // one case moved from 23:59 to 00:01 China time, and one concluded after its promised deadline.
  await run(`INSERT INTO case_attachments (case_id, material_key, file_name, source)
    VALUES ('${kiosk.id}', 'yyzz', '营业执照', 'e_certificate'), ('${kiosk.id}', 'sqs', '申请书', 'registry'),
      ('${agent.id}', 'sqs', '申请书', 'registry'), ('${agent.id}', 'sqs', 'sqs.pdf', 'applicant')`);
  await run(`UPDATE cases SET channel = 'kiosk', form_fields_filled = 6, form_fields_prefilled = 4,
    submitted_at = '2026-11-30T15:59:30Z' WHERE id = '${kiosk.id}'`);
  await run(
    `UPDATE cases SET channel = 'agent', visits = 2, form_fields_filled = 3 WHERE id = '${agent.id}'`,
  );
  await run(`UPDATE cases SET concluded_at = promised_deadline::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '2 days',
    working_days_used = 9 WHERE id = '${quick.id}'`);

  assert.ok((await queued()) > 0, 'the changes were queued');
  await refreshCaseDaily(t.db.db, { batch: 7 });
  assert.equal(await queued(), 0, 'the queue is empty afterwards');
  await assertKeptEqualsScan('after the refresh');

  const scanned = await scannedRows(t.db.db);
  const total = (rows: Map<string, DailyRow>, column: string) =>
    [...rows.values()].reduce((s, r) => s + Number(r[column]), 0);
  const sum = (column: string) => total(scanned, column) - total(demo, column);
  for (const column of [
    'received_kiosk',
    'received_agent',
    'accepted_with_gaps',
    'concluded_late',
    'concluded_supplemented',
  ])
    assert.ok(sum(column) > 0, `the story counts ${column}`);
  assert.ok(sum('materials_reused') >= 2 && sum('form_fields_prefilled') >= 4);

  // Filed at a kiosk in the kiosk case's group (its region and department) on a day.
  const kioskDay = (rows: Map<string, DailyRow>, day: string) =>
    [...rows.values()]
      .filter(
        (r) => r.day === day && r.region_code === kiosk.regionCode && r.department_id === kiosk.departmentId,
      )
      .reduce((n, r) => n + Number(r.received_kiosk), 0);
  const unmoved = await keptRows(t.db.db);
  await run(`UPDATE cases SET submitted_at = '2026-11-30T16:00:30Z' WHERE id = '${kiosk.id}'`);
  await refreshCaseDaily(t.db.db);
  const kept = await keptRows(t.db.db);
  assert.equal(
    kioskDay(kept, '2026-11-30'),
    kioskDay(unmoved, '2026-11-30') - 1,
    'no longer filed on the 30th',
  );
  assert.equal(kioskDay(kept, '2026-12-01'), kioskDay(unmoved, '2026-12-01') + 1, 'filed on the 1st instead');
  await assertKeptEqualsScan('after the move across midnight');

  const before = await keptRows(t.db.db);
  const rebuilt = await rebuildCaseDaily(t.db.db);
  assert.equal(rebuilt.rows, before.size);
  assert.deepEqual(await keptRows(t.db.db), before, 'the rebuild gives identical rows');
});

test('a case concluded a day later moves between days; an emptied group loses its row', async () => {
  const day = async () =>
    (
      await t.db.db.execute<{ d: string }>(
        sql`SELECT to_char(concluded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d FROM cases WHERE id = ${online.id}`,
      )
    ).rows[0]!.d;
  const concludedOn = async (d: string) =>
    [...(await keptRows(t.db.db)).values()]
      .filter((r) => r.day === d && r.department_id === online.departmentId)
      .reduce((s, r) => s + Number(r.concluded), 0);
  const first = await day();
  const was = await concludedOn(first);
  await run(`UPDATE cases SET concluded_at = '2031-03-04T10:00:00Z' WHERE id = '${online.id}'`);
  await refreshCaseDaily(t.db.db);
  assert.equal(await concludedOn(first), was - 1);
  assert.equal(await concludedOn('2031-03-04'), 1);
  await run(`UPDATE cases SET concluded_at = '2031-03-05T10:00:00Z' WHERE id = '${online.id}'`);
  await refreshCaseDaily(t.db.db);
  assert.equal(await concludedOn('2031-03-04'), 0);
  assert.equal(
    [...(await keptRows(t.db.db)).values()].filter((r) => r.day === '2031-03-04').length,
    0,
    'no row is left for a day without cases',
  );
  await assertKeptEqualsScan('after the move');
});

test('concurrent refreshes do not double-count; a refresh with nothing queued changes nothing', async () => {
  for (let i = 0; i < 3; i++) await run(`UPDATE cases SET visits = visits + 1 WHERE id = '${counter.id}'`);
  await run(`UPDATE cases SET visits = visits + 1 WHERE status <> 'draft'`);
  await run(`UPDATE cases SET visits = visits - 1 WHERE status <> 'draft'`);
  await Promise.all([
    refreshCaseDaily(t.db.db, { batch: 3 }),
    refreshCaseDaily(t.db.db, { batch: 5 }),
    refreshCaseDaily(t.db.db),
  ]);
  assert.equal(await queued(), 0);
  await assertKeptEqualsScan('after concurrent refreshes');
  const rows = await keptRows(t.db.db);
  assert.deepEqual(await refreshCaseDaily(t.db.db), { changes: 0, groups: 0 });
  assert.deepEqual(await keptRows(t.db.db), rows);
});

test('a rebuild: readers see the old rows until it commits, and a case changed meanwhile stays queued', async () => {
  await refreshCaseDaily(t.db.db);
  const before = await keptRows(t.db.db);
  // A writer of case_daily holds the rebuild at its swap, after it computed every row.
  const writer = new pg.Client({ connectionString: t.db.url });
  await writer.connect();
  await writer.query('BEGIN');
  await writer.query('LOCK TABLE case_daily IN ROW EXCLUSIVE MODE');
  const rebuilt = rebuildCaseDaily(t.db.db);
  const waiting = async () =>
    Number(
      (
        await t.db.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM pg_locks l
          JOIN pg_class r ON r.oid = l.relation WHERE r.relname = 'case_daily' AND NOT l.granted`)
      ).rows[0]!.n,
    );
  while ((await waiting()) === 0) await new Promise((r) => setTimeout(r, 20));
  await run(
    `UPDATE cases SET form_fields_filled = coalesce(form_fields_filled, 0) + 5 WHERE id = '${counter.id}'`,
  );
  assert.deepEqual(await keptRows(t.db.db), before, 'readers see the old rows meanwhile');
  await writer.query('COMMIT');
  await writer.end();
  assert.equal((await rebuilt).rows, before.size);
  assert.ok((await queued()) > 0, 'the change made during the rebuild is still queued');
  await refreshCaseDaily(t.db.db);
  await assertKeptEqualsScan('after the rebuild and the next refresh');
});

test('a rebuild whose snapshot predates a refresh that commits while it waits starts again and counts each change once', async () => {
  await refreshCaseDaily(t.db.db);
  await run(`UPDATE cases SET visits = visits + 1 WHERE id = '${counter.id}'`);
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let applied = () => {};
  const appliedOnce = new Promise<void>((resolve) => {
    applied = resolve;
  });
  // A refresh takes the change and holds the lock, uncommitted, until the rebuild waits for it.
  const refreshing = t.db.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
    const done = await refreshCaseDailyBatch(tx);
    applied();
    await gate;
    return done;
  });
  await appliedOnce;
  const rebuilt = rebuildCaseDaily(t.db.db);
  const waiting = async () =>
    Number(
      (
        await t.db.db.execute<{ n: string }>(
          sql`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        )
      ).rows[0]!.n,
    );
  while ((await waiting()) === 0) await new Promise((r) => setTimeout(r, 20));
  release();
  assert.equal((await refreshing).changes, 2, 'the refresh took the change (its two images)');
  await rebuilt;
  assert.equal(await queued(), 0);
  await assertKeptEqualsScan('after the rebuild that started again');
});

test('the case keeps the counts of its materials and its 补正; a change of status alone queues nothing', async () => {
  await refreshCaseDaily(t.db.db);
  const counts = async (id: string) =>
    (
      await t.db.db.execute<{ reused: number; uploaded: number; supplemented: boolean }>(
        sql`SELECT materials_reused AS reused, materials_uploaded AS uploaded, supplemented FROM cases WHERE id = ${id}`,
      )
    ).rows[0]!;
  assert.equal((await counts(online.id)).supplemented, true, 'asked for 补正 through the API');
  const was = await counts(counter.id);
  assert.equal(was.supplemented, false);

  // A certificate for yyzz; zscl from a base and then scanned at the counter (uploaded).
  await run(`INSERT INTO case_attachments (case_id, material_key, file_name, source)
    VALUES ('${counter.id}', 'yyzz', '营业执照', 'e_certificate'), ('${counter.id}', 'zscl', '场所证明', 'registry'),
      ('${counter.id}', 'zscl', 'zscl.pdf', 'clerk_scan')`);
  assert.deepEqual(await counts(counter.id), {
    reused: was.reused + 1,
    uploaded: was.uploaded + 1,
    supplemented: false,
  });
  assert.ok((await queued()) > 0, 'the new materials queued a change');
  await refreshCaseDaily(t.db.db);
  await assertKeptEqualsScan('after materials were added');

  await run(
    `DELETE FROM case_attachments WHERE case_id = '${counter.id}' AND material_key = 'zscl' AND source = 'clerk_scan'`,
  );
  assert.deepEqual(await counts(counter.id), {
    reused: was.reused + 2,
    uploaded: was.uploaded,
    supplemented: false,
  });
  await run(
    `UPDATE case_attachments SET source = 'applicant' WHERE case_id = '${counter.id}' AND material_key = 'yyzz'`,
  );
  assert.deepEqual(await counts(counter.id), {
    reused: was.reused + 1,
    uploaded: was.uploaded + 1,
    supplemented: false,
  });

  await run(`INSERT INTO case_events (case_id, action, from_status, to_status)
    VALUES ('${counter.id}', 'request_supplement', 'accepted', 'needs_supplement')`);
  assert.equal((await counts(counter.id)).supplemented, true);
  await refreshCaseDaily(t.db.db);
  await assertKeptEqualsScan('after a 补正 and the materials replaced');

  await run(
    `UPDATE cases SET status = status, warning = 'yellow', updated_at = now() WHERE status <> 'draft'`,
  );
  assert.equal(await queued(), 0, 'nothing the rollups count changed');
});
