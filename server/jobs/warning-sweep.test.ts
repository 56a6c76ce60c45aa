import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { calendarCoverage } from '../calendar/index.ts';
import { cases } from '../cases/index.ts';
import { insertCase, warningOf } from '../cases/warnings-testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { startTimeLimits } from './time-limits.ts';
import { startWarningSweep, WARNING_SWEEP_LOCK } from './warning-sweep.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t.close();
});

// 17:00 UTC on Sep 29 is already Sep 30 in China.
const now = () => new Date('2026-09-29T17:00:00Z');

test('the sweep dates by China time and skips while another process holds the lock', async () => {
  const db = t.db.db;
  const overdue = await insertCase(db, { status: 'in_review', promisedDeadline: '2026-09-29' });
  const sweep = startWarningSweep({ db, intervalSeconds: 0, warningDays: 2, log: () => {}, now });

  const other = new pg.Client({ connectionString: t.db.url });
  await other.connect();
  try {
    await other.query('SELECT pg_advisory_lock($1)', [WARNING_SWEEP_LOCK]);
    assert.deepEqual(await sweep.runOnce(), { ran: false });
    assert.equal(await warningOf(db, overdue), 'none');
    await other.query('SELECT pg_advisory_unlock($1)', [WARNING_SWEEP_LOCK]);
  } finally {
    await other.end();
  }

  const outcome = await sweep.runOnce();
  assert.deepEqual(outcome, {
    ran: true,
    today: '2026-09-30',
    counts: { red: 1, yellow: 0, none: 0, changed: 1 },
  });
  assert.equal(await warningOf(db, overdue), 'red');
  await sweep.stop();
  await db.delete(cases).where(eq(cases.id, overdue));
});

test('the sweep runs at start and then on its interval until stopped', async () => {
  const db = t.db.db;
  const first = await insertCase(db, { status: 'accepted', promisedDeadline: '2026-09-30' });
  const messages: string[] = [];
  const sweep = startWarningSweep({
    db,
    intervalSeconds: 1,
    warningDays: 2,
    log: (m) => messages.push(m),
    now,
  });

  for (let i = 0; i < 50 && (await warningOf(db, first)) !== 'yellow'; i++) await sleep(20);
  assert.equal(await warningOf(db, first), 'yellow', 'swept at start');
  assert.match(messages.join('\n'), /1 changed \(0 red, 1 yellow/);

  const second = await insertCase(db, { status: 'accepted', promisedDeadline: '2026-09-01' });
  for (let i = 0; i < 100 && (await warningOf(db, second)) !== 'red'; i++) await sleep(20);
  assert.equal(await warningOf(db, second), 'red', 'swept again on the interval');

  await sweep.stop();
  const third = await insertCase(db, { status: 'accepted', promisedDeadline: '2026-09-01' });
  await sleep(1300);
  assert.equal(await warningOf(db, third), 'none', 'no sweep after stop');
  await db.delete(cases).where(eq(cases.status, 'accepted'));
});

test('at start the national calendar is written before the sweep begins', async () => {
  const messages: string[] = [];
  const sweep = await startTimeLimits({
    db: t.db.db,
    config: { warningWorkingDays: 2, sweepIntervalSeconds: 0 },
    log: (m) => messages.push(m),
  });
  await sweep.stop();
  const [y2026] = await calendarCoverage({ db: t.db.db, years: [2026] });
  assert.ok((y2026?.national ?? 0) > 30);
  assert.match(messages[0] ?? '', /national holidays of 2024, 2025, 2026/);
});
