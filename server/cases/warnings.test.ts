import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { cases } from './tables.ts';
import { refreshWarnings } from './warnings.ts';
import { insertCase, warningOf } from './warnings-testing.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t.close();
});

const TODAY = '2026-09-30'; // a Wednesday; Oct 1–7 国庆, Saturday Oct 10 worked

test('open cases turn red past the promised deadline and yellow within two working days of it', async () => {
  const db = t.db.db;
  const overdue = await insertCase(db, { status: 'in_review', promisedDeadline: '2026-09-29' });
  const dueToday = await insertCase(db, { status: 'accepted', promisedDeadline: '2026-09-30' });
  // Nine natural days away, but only Oct 8 and Oct 9 are working days.
  const afterHoliday = await insertCase(db, { status: 'accepted_with_gaps', promisedDeadline: '2026-10-09' });
  const threeLeft = await insertCase(db, { status: 'escalated', promisedDeadline: '2026-10-10' });
  const noDeadline = await insertCase(db, { status: 'approved', promisedDeadline: null });
  const extended = await insertCase(db, {
    status: 'in_review',
    promisedDeadline: '2026-11-30',
    warning: 'red',
  });
  const suspended = await insertCase(db, { status: 'suspended', promisedDeadline: '2026-09-01' });
  const concluded = await insertCase(db, {
    status: 'concluded',
    promisedDeadline: '2026-09-01',
    warning: 'yellow',
  });

  const counts = await refreshWarnings({ db, today: TODAY, warningDays: 2 });
  assert.deepEqual(counts, { red: 1, yellow: 2, none: 3, changed: 4 });
  const levels = async () =>
    Promise.all(
      [overdue, dueToday, afterHoliday, threeLeft, noDeadline, extended, suspended, concluded].map((id) =>
        warningOf(db, id),
      ),
    );
  assert.deepEqual(await levels(), ['red', 'yellow', 'yellow', 'none', 'none', 'none', 'none', 'yellow']);

  const again = await refreshWarnings({ db, today: TODAY, warningDays: 2 });
  assert.equal(again.changed, 0, 'nothing to write the second time');

  // The next working day after the holiday: the case due on Oct 10 now has two days left.
  const later = await refreshWarnings({ db, today: '2026-10-08', warningDays: 2 });
  assert.equal(await warningOf(db, threeLeft), 'yellow');
  assert.equal(await warningOf(db, dueToday), 'red');
  assert.equal(later.red, 2);

  // Only the cases made here: the demo's own stay, with their timelines and ratings.
  await db
    .delete(cases)
    .where(
      inArray(cases.id, [
        overdue,
        dueToday,
        afterHoliday,
        threeLeft,
        noDeadline,
        extended,
        suspended,
        concluded,
      ]),
    );
});

test('the warning window is configurable in working days', async () => {
  const db = t.db.db;
  const dueToday = await insertCase(db, { status: 'accepted', promisedDeadline: '2026-09-30' });
  const afterHoliday = await insertCase(db, { status: 'in_review', promisedDeadline: '2026-10-09' });
  const threeLeft = await insertCase(db, { status: 'in_review', promisedDeadline: '2026-10-10' });

  await refreshWarnings({ db, today: TODAY, warningDays: 0 });
  assert.deepEqual(await Promise.all([dueToday, afterHoliday, threeLeft].map((id) => warningOf(db, id))), [
    'yellow',
    'none',
    'none',
  ]);
  await refreshWarnings({ db, today: TODAY, warningDays: 3 });
  assert.deepEqual(await Promise.all([dueToday, afterHoliday, threeLeft].map((id) => warningOf(db, id))), [
    'yellow',
    'yellow',
    'yellow',
  ]);
  await db.delete(cases).where(inArray(cases.id, [dueToday, afterHoliday, threeLeft]));
});

test('the refresh leaves the version of a case alone', async () => {
  const db = t.db.db;
  const id = await insertCase(db, { status: 'in_review', promisedDeadline: '2026-09-01' });
  await refreshWarnings({ db, today: TODAY });
  const [row] = await db
    .select({ version: cases.version, warning: cases.warning })
    .from(cases)
    .where(eq(cases.id, id));
  assert.deepEqual(row, { version: 1, warning: 'red' });
  await db.delete(cases).where(eq(cases.id, id));
});
