import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { TEST_AUDIT } from '../accounts/testing.ts';
import { auditRecords } from '../audit/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import {
  calendarCoverage,
  listCalendarDays,
  prepareCalendar,
  removeLocalDay,
  seedNationalCalendar,
  setLocalDay,
} from './manage.ts';
import {
  isWorkingDay,
  setCalendarRecheck,
  todayInChina,
  workingDaysBetween,
  workingDeadline,
} from './service.ts';
import { calendarDays } from './tables.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

const deadline = (from: string, days: number, unit: 'working_days' | 'natural_days' = 'working_days') =>
  workingDeadline({ db: t.db, from, days, unit });

test('before anything is seeded, deadlines already follow the published national calendar', async () => {
  assert.equal(await deadline('2026-09-30', 1), '2026-10-08');
  assert.equal(await deadline('2026-02-13', 2), '2026-02-24');
});

test('seeding writes 2024–2026 once; later starts write nothing', async () => {
  const written = await seedNationalCalendar({ db: t.db });
  assert.ok(written > 100, `${written} days`);
  assert.equal(await seedNationalCalendar({ db: t.db }), 0);
  const coverage = await calendarCoverage({ db: t.db, years: [2024, 2025, 2026, 2027] });
  assert.deepEqual(
    coverage.map((c) => [c.year, c.national > 0]),
    [
      [2024, true],
      [2025, true],
      [2026, true],
      [2027, false],
    ],
  );
  const list = await listCalendarDays({ db: t.db, year: 2026 });
  assert.equal(list.nationalCovered, true);
  const feb14 = list.items.find((d) => d.day === '2026-02-14');
  assert.deepEqual(
    { workday: feb14?.workday, name: feb14?.name, source: feb14?.source, weekday: feb14?.weekday },
    { workday: true, name: '春节调休上班', source: 'national', weekday: 6 },
  );
  assert.equal(list.items.find((d) => d.day === '2026-10-01')?.name, '国庆节');
});

test('a national row altered by hand is corrected at the next start', async () => {
  await t.db.update(calendarDays).set({ workday: true }).where(eq(calendarDays.day, '2026-10-02'));
  assert.equal(await isWorkingDay({ db: t.db, day: '2026-10-02' }), true, 'the table wins');
  assert.equal(await seedNationalCalendar({ db: t.db }), 1);
  assert.equal(await isWorkingDay({ db: t.db, day: '2026-10-02' }), false);
});

test('at start a missing national calendar for the next year is reported', async () => {
  const messages: string[] = [];
  await prepareCalendar({ db: t.db, today: '2026-11-23', log: (m) => messages.push(m) });
  assert.ok(messages.some((m) => m.includes('2024, 2025, 2026')));
  const warnings = messages.filter((m) => m.startsWith('warning:'));
  assert.equal(warnings.length, 1, messages.join('\n'));
  assert.match(warnings[0]!, /no national holidays for 2027/);

  const quiet: string[] = [];
  await prepareCalendar({ db: t.db, today: '2025-06-01', log: (m) => quiet.push(m) });
  assert.equal(quiet.filter((m) => m.startsWith('warning:')).length, 0, quiet.join('\n'));
});

test('a local day off moves deadlines at once, and removing it restores the weekday rule', async () => {
  assert.equal(await deadline('2026-03-06', 1), '2026-03-09');
  const entry = await setLocalDay({
    db: t.db,
    audit: TEST_AUDIT,
    day: '2026-03-09',
    input: { workday: false, name: ' 地方节日放假 ' },
  });
  assert.deepEqual([entry.source, entry.name, entry.workday], ['local', '地方节日放假', false]);
  assert.equal(await deadline('2026-03-06', 1), '2026-03-10');
  assert.equal(await workingDaysBetween({ db: t.db, from: '2026-03-06', to: '2026-03-10' }), 1);

  await removeLocalDay({ db: t.db, audit: TEST_AUDIT, day: '2026-03-09' });
  assert.equal(await deadline('2026-03-06', 1), '2026-03-09');
  const [row] = await t.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-03-09'));
  assert.equal(row, undefined);

  const audit = await t.db
    .select({ action: auditRecords.action, summary: auditRecords.summary })
    .from(auditRecords)
    .where(eq(auditRecords.targetId, '2026-03-09'));
  assert.deepEqual(
    audit.map((a) => a.action),
    ['calendar.set_local', 'calendar.remove_local'],
  );
  assert.deepEqual(audit[0]?.summary, {
    day: '2026-03-09',
    before: null,
    after: { workday: false, name: '地方节日放假', source: 'local' },
  });
});

test('removing the override of a national day brings back the national entry', async () => {
  await setLocalDay({
    db: t.db,
    audit: TEST_AUDIT,
    day: '2026-10-10',
    input: { workday: false, name: '不调休' },
  });
  assert.equal(await deadline('2026-09-30', 3), '2026-10-12');
  await removeLocalDay({ db: t.db, audit: TEST_AUDIT, day: '2026-10-10' });
  const [row] = await t.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-10-10'));
  assert.deepEqual([row?.workday, row?.name, row?.source], [true, '国庆节调休上班', 'national']);
  assert.equal(await deadline('2026-09-30', 3), '2026-10-10');
  await assert.rejects(removeLocalDay({ db: t.db, audit: TEST_AUDIT, day: '2026-10-10' }), {
    code: 'resource.not_found',
  });
});

test('a change written by another process is seen once the kept calendar is rechecked', async () => {
  setCalendarRecheck(100);
  try {
    assert.equal(await deadline('2026-04-30', 1), '2026-05-06');
    await t.db.execute(
      sql`INSERT INTO calendar_days (day, workday, name, source) VALUES ('2026-05-06', false, '测试', 'local')`,
    );
    assert.equal(await deadline('2026-04-30', 1), '2026-05-06', 'the kept calendar is still used');
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(await deadline('2026-04-30', 1), '2026-05-07');
    await t.db.execute(sql`DELETE FROM calendar_days WHERE day = '2026-05-06'`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(await deadline('2026-04-30', 1), '2026-05-06');
  } finally {
    setCalendarRecheck(5_000);
  }
});

test('a limit in natural days ending on a holiday runs on to the next working day', async () => {
  assert.equal(await deadline('2026-09-21', 10, 'natural_days'), '2026-10-08');
  assert.equal(await deadline('2026-09-21', 3, 'natural_days'), '2026-09-24');
});

test('today in China does not depend on the time zone of the process', async () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      assert.equal(todayInChina(new Date('2026-09-30T16:30:00Z')), '2026-10-01', tz);
      assert.equal(todayInChina(new Date('2026-09-30T15:59:59Z')), '2026-09-30', tz);
      assert.equal(await deadline('2026-09-30', 1), '2026-10-08', tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('a date that does not exist is refused', async () => {
  await assert.rejects(deadline('2026-02-30', 1), RangeError);
  await assert.rejects(
    setLocalDay({ db: t.db, audit: TEST_AUDIT, day: '2026-02-30', input: { workday: true, name: '调整' } }),
    { code: 'validation.field', field: 'day' },
  );
});
